"""xcfl_articles/fast.py: each shortcut gives exactly what Pelican's own helper gives."""

import os
import sys

import pytest

from helpers import ROOT

sys.path.insert(0, os.path.join(ROOT, "plugins"))
from pelican import contents, readers, urlwrappers, utils  # noqa: E402
from pelican.settings import DEFAULT_CONFIG  # noqa: E402
from pelican.utils import SafeDatetime  # noqa: E402

from xcfl_articles import fast  # noqa: E402

fast.install()

DATES = [
    "2024-01-05", "2024-01-05 10:30", "2018-12-31 00:00", "2024-02-29", "1999-09-09 23:59",
    # not our fixed forms: Pelican's own parser decides
    "2024-1-5", "2024/01/05", "2024-01-05 9:30", "2024-01-05T10:30", "2024-01-05 10:30:15",
    "2024_01_05", "5 January 2024", " 2024-01-05",
]
IMPOSSIBLE = ["2024-02-30", "2023-02-29", "2024-13-01", "2024-01-05 25:00", "2024-01-05 10:61",
              "昨天", ""]


def outcome(processor, value):
    try:
        found = processor(value, {})
    except ValueError as error:
        return "error", str(error)
    return type(found), found, found.tzinfo


@pytest.mark.parametrize("name", ["date", "modified"])
@pytest.mark.parametrize("value", DATES + IMPOSSIBLE)
def test_dates_equal_pelicans(name, value):
    """Same value and type (a naive SafeDatetime), or the same error."""
    processor = readers.METADATA_PROCESSORS[name]
    assert outcome(processor, value) == outcome(getattr(processor, fast.MARK), value)


@pytest.mark.parametrize("value", ["2024-01-05", "2024-01-05 10:30", "2024-12-31 23:59"])
def test_fixed_dates_are_safe_datetimes(value):
    found = readers.METADATA_PROCESSORS["date"](value, {})
    assert type(found) is SafeDatetime and found.second == 0 and found.tzinfo is None


@pytest.mark.parametrize("value", IMPOSSIBLE)
def test_impossible_dates_fail(value):
    with pytest.raises(ValueError):
        readers.METADATA_PROCESSORS["date"](value, {})


def test_install_twice_keeps_one_layer():
    before = (readers.METADATA_PROCESSORS["date"], urlwrappers.slugify,
              contents.Content.get_relative_source_path)
    fast.install()
    assert before == (readers.METADATA_PROCESSORS["date"], urlwrappers.slugify,
                      contents.Content.get_relative_source_path)
    assert not hasattr(getattr(before[1], fast.MARK), fast.MARK)


@pytest.mark.parametrize("value", ["西城区妇女联合会", "文明家庭", "AI & 家庭", "<b>粗体</b>",
                                   "  spaces  ", "", "!!!", "Ünïcödé"])
@pytest.mark.parametrize("options", [
    {}, {"regex_subs": DEFAULT_CONFIG["SLUG_REGEX_SUBSTITUTIONS"]},
    {"regex_subs": [[r"\s+", "_"]], "preserve_case": True}, {"use_unicode": True},
])
def test_slugs_equal_pelicans(value, options):
    original = getattr(urlwrappers.slugify, fast.MARK)
    assert urlwrappers.slugify(value, **options) == original(value, **options)
    assert urlwrappers.slugify(value, **options) == original(value, **options)  # remembered


def test_tag_slugs_and_empty_slug_warning(caplog):
    settings = dict(DEFAULT_CONFIG)
    tags = [urlwrappers.Tag(name, settings) for name in ("文明家庭", "文明家庭", "!!!", "!!!")]
    assert [tag.slug for tag in tags] == ["wen-ming-jia-ting", "wen-ming-jia-ting", "", ""]
    assert any("Unable to generate valid slug" in r.getMessage() for r in caplog.records)


def test_relative_source_paths_equal_pelicans(tmp_path, monkeypatch):
    settings = dict(DEFAULT_CONFIG, PATH=str(tmp_path / "content"))
    original = getattr(contents.Content.get_relative_source_path, fast.MARK)
    page = contents.Page("x", metadata={"title": "t"}, settings=settings,
                         source_path=str(tmp_path / "content" / "pages" / "a.md"))
    for path in (None, str(tmp_path / "content" / "articles" / "b.md"),
                 str(tmp_path / "elsewhere" / "c.md"), "pages/d.md", "../e.md"):
        assert page.get_relative_source_path(path) == original(page, path)
    # a relative PATH depends on the working folder
    page.settings = dict(settings, PATH="content")
    monkeypatch.chdir(tmp_path)
    first = page.get_relative_source_path()
    assert first == original(page)
    (tmp_path / "sub").mkdir()
    monkeypatch.chdir(tmp_path / "sub")
    assert page.get_relative_source_path() == original(page) != first


ZONES = [None, "Asia/Shanghai", "UTC", "America/New_York"]


@pytest.mark.parametrize("zone", ZONES)
@pytest.mark.parametrize("fmt", ["%Y年%-m月%-d日", "%Y", "%Y-%m-%d %H:%M %z %Z", "%a %-d %B %%", "%q %-q"])
def test_date_formatting_equals_pelicans(zone, fmt):
    from zoneinfo import ZoneInfo

    original = getattr(utils.strftime, fast.MARK)
    tz = ZoneInfo(zone) if zone else None
    for date in (SafeDatetime(2024, 3, 8, 9, 5, tzinfo=tz), SafeDatetime(2019, 11, 20, tzinfo=tz)):
        for _ in range(2):  # the second time from memory
            assert date.strftime(fmt) == utils.strftime(date, fmt) == original(date, fmt)
    # the same instant in two zones is one key for ==, not for formatting
    if tz is not None:
        other = SafeDatetime(2024, 3, 8, 9, 5, tzinfo=tz).astimezone(ZoneInfo("Europe/Paris"))
        assert utils.strftime(other, fmt) == original(other, fmt)


@pytest.mark.parametrize("caching, loading", [(False, False), (True, False), (True, True)])
def test_file_stamps_equal_pelicans_when_they_matter(tmp_path, caching, loading):
    """With the content cache off nothing is stamped; with it on, Pelican's stamps,
    so a changed file is read again."""
    settings = dict(DEFAULT_CONFIG, CACHE_PATH=str(tmp_path / "cache"), CACHE_CONTENT=caching,
                    LOAD_CONTENT_CACHE=loading, CHECK_MODIFIED_METHOD="mtime")
    source = tmp_path / "a.md"
    source.write_text("一")
    first = readers.Readers(settings, cache_name="readers")
    first.cache_data(str(source), "一")
    first.save_cache()
    original = getattr(type(first)._get_file_stamp, fast.MARK)
    again = readers.Readers(settings, cache_name="readers")
    expected = original(again, str(source)) if caching else ""
    assert again._get_file_stamp(str(source)) == expected
    assert again.get_cached_data(str(source)) == ("一" if caching and loading else None)
    os.utime(source, (1, 1))
    assert again.get_cached_data(str(source)) is None
