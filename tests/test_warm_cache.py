"""Build caches (rendered Markdown, parsed records) never hide an editor's mistake.

Every mistake is reported with its exact message whether the caches are cold or
warm: with the broken file itself cached, with a mistake made after a clean
build warmed the cache (the broken file's bytes cached as good, or not changed
at all: a deleted picture, a renamed street), and after a settings change.
"""

import os

import pytest

from helpers import CONTENT, PELICANCONF, copy_content, run_tool, write
from test_content_errors import CASES

FOOTER = "共发现 {} 个内容问题，网站未生成。请按上面的提示修改后重试。"


def check(content, cache, settings=PELICANCONF):
    """make html with the cache folder `cache` (make check uses no cache)."""
    output = os.path.join(os.path.dirname(str(cache)), "output")
    return run_tool("build.py", str(content), output, "-s", str(settings),
                    env={"XCFL_CACHE_PATH": str(cache)})


def lines(result):
    return [line for line in result.stderr.splitlines()
            if line and not line.startswith(("Done: Processed", "and 0 draft"))]


@pytest.mark.parametrize("name, path, text, expected", CASES, ids=[case[0] for case in CASES])
def test_each_mistake_is_reported_again_from_a_warm_cache(tmp_path, name, path, text, expected):
    write(str(tmp_path / "content" / path), text)
    cache = tmp_path / "cache"
    for _ in range(2):
        result = check(tmp_path / "content", cache)
        assert result.returncode == 1
        assert lines(result) == [expected, FOOTER.format(1)]
    assert os.listdir(cache)  # the second run had a cache to use


COVER = "images/articles/ronghua-cover.svg"
PHOTO = "images/studios/ronghua.svg"


def break_content(content):
    """Mistakes in files the cache holds as good, and in files it never reads."""
    os.remove(os.path.join(content, COVER))  # the article's bytes do not change
    os.remove(os.path.join(content, PHOTO))  # nor do the record's
    streets = os.path.join(content, "data", "streets.yaml")
    with open(streets, encoding="utf-8") as handle:
        text = handle.read()
    write(streets, text.replace("name: 牛街街道", "name: 牛街"))
    article = os.path.join(content, "articles", "2019-05-15-family-day-lecture.md")
    with open(article, encoding="utf-8") as handle:
        text = handle.read()
    write(article, text.replace("Date: 2019-05-15", "Date: 2019-05-32", 1)
          + "\n<script>alert(1)</script>\n")
    record = os.path.join(content, "data", "families", "li-family-yuetan.yaml")
    with open(record, encoding="utf-8") as handle:
        text = handle.read()
    write(record, text.replace("name: ", "name: 13812345678 ", 1))


def test_mistakes_made_after_a_warm_build_are_reported_exactly(tmp_path):
    content = copy_content(str(tmp_path / "content"))
    cache = tmp_path / "cache"
    assert check(content, cache).returncode == 0
    pristine = {name: open(os.path.join(content, name), "rb").read() for name in (
        COVER, PHOTO, "data/streets.yaml", "articles/2019-05-15-family-day-lecture.md",
        "data/families/li-family-yuetan.yaml")}

    break_content(content)
    warm = check(content, cache)
    cold = check(content, tmp_path / "empty-cache")
    assert warm.returncode == cold.returncode == 1
    assert lines(warm) == lines(cold)
    found = lines(warm)
    for expected in (
        f"articles/2018-03-08-ronghua-qiaoniang.md:7: Cover: 图片 {COVER} 不存在；"
        "路径从 content/ 文件夹算起，例如 images/photo.jpg",
        f"data/studios/dashilan-ronghua.yaml:20: studios dashilan-ronghua: photos[1]: 图片 {PHOTO} "
        "不存在；路径从 content/ 文件夹算起，例如 images/photo.jpg",
        "articles/2019-05-15-family-day-lecture.md:2: Date: 日期“2019-05-32”格式不对；"
        "请写成 YYYY-MM-DD 或 YYYY-MM-DD HH:MM，例如 2018-01-19",
    ):
        assert expected in found
    assert any(line.startswith("data/families/li-family-yuetan.yaml:") and "138****5678" in line
               for line in found)
    assert any("街道“牛街街道”不在 data/streets.yaml 中" in line for line in found)

    # the same mistakes again, now from a cache that has seen them
    assert lines(check(content, cache)) == found

    for name, data in pristine.items():
        with open(os.path.join(content, name), "wb") as handle:
            handle.write(data)
    again = check(content, cache)
    assert again.returncode == 0, again.stderr


def test_unsafe_html_is_reported_after_the_same_text_was_cached_clean(tmp_path):
    """The Markdown cache is keyed by the text: a file that got the body of a
    cached file plus a script is converted again, not taken from the cache."""
    content = tmp_path / "content"
    body = "第一段。\n\n第二段。\n"
    write(str(content / "articles/a.md"), "Title: 甲\nDate: 2024-01-01\nCategory: 工作动态\n\n" + body)
    cache = tmp_path / "cache"
    assert check(content, cache).returncode == 0
    write(str(content / "articles/a.md"),
          "Title: 甲\nDate: 2024-01-01\nCategory: 工作动态\n\n" + body + "\n<script>x()</script>\n")
    result = check(content, cache)
    assert result.returncode == 1
    assert lines(result) == [
        "articles/a.md:9: 正文: 正文里的 <script> 会在读者的浏览器里运行代码，网站不允许；"
        "请删除它（需要嵌入视频、地图等请联系技术人员）", FOOTER.format(1)]


def test_a_settings_change_is_not_hidden_by_the_cache(tmp_path):
    """Numbers allowed by one settings file are reported under another one."""
    content = tmp_path / "content"
    write(str(content / "articles/a.md"),
          "Title: 甲\nDate: 2024-01-01\nCategory: 工作动态\n\n热线 13812345678。\n")
    write(str(content / "data/streets.yaml"), "- {id: niujie, name: 牛街街道}\n")
    write(str(content / "data/teams/t.yaml"),
          "name: 队\nstreet: 牛街街道\nkind: 其他\nservices: [报名请拨13812345678]\n")
    allowing = tmp_path / "allowing.py"
    allowing.write_text(f"import sys\nsys.path.insert(0, {os.path.dirname(PELICANCONF)!r})\n"
                        "from pelicanconf import *\nXCFL_PERSONAL_DATA_ALLOW = ['13812345678']\n",
                        encoding="utf-8")
    cache = tmp_path / "cache"
    assert check(content, cache, allowing).returncode == 0
    result = check(content, cache)
    assert result.returncode == 1
    assert [line.split(": ")[0] for line in lines(result)[:-1]] == [
        "articles/a.md:5", "data/teams/t.yaml:4"]
    assert check(content, cache, allowing).returncode == 0


def test_sample_content_passes_twice_with_one_cache(tmp_path):
    cache = tmp_path / "cache"
    for _ in range(2):
        result = check(CONTENT, cache)
        assert result.returncode == 0, result.stderr


def test_records_cache_returns_fresh_copies_and_misses_on_other_bytes(tmp_path):
    import sys

    from helpers import ROOT

    sys.path.insert(0, os.path.join(ROOT, "plugins"))
    from xcfl_records.cache import RecordsCache
    from xcfl_records.reading import parse

    settings = {"XCFL_CACHE_PATH": str(tmp_path / "cache"), "PATH": str(tmp_path)}
    calls = []

    def counted(raw):
        calls.append(raw)
        return parse(raw)

    raw = "name: 甲\nphotos: [a.svg]\n".encode()
    first = RecordsCache(settings)
    data, lines = first.load(raw, lambda: counted(raw))
    data["name"] = "changed by a caller"
    first.save()

    second = RecordsCache(settings)
    again, again_lines = second.load(raw, lambda: counted(raw))
    assert len(calls) == 1  # from the cache
    assert again == {"name": "甲", "photos": ["a.svg"]} and again_lines == lines
    assert second.load(raw, lambda: counted(raw))[0] is not again  # a fresh copy every time
    other = raw.replace("甲".encode(), "乙".encode())
    assert second.load(other, lambda: counted(other))[0]["name"] == "乙"
    assert len(calls) == 2


def prerendered_copy(tmp_path, monkeypatch):
    """The prerender module, settings and a copy of the content it prerendered
    once (with a cache folder of its own)."""
    from helpers import ROOT

    monkeypatch.syspath_prepend(os.path.join(ROOT, "plugins"))
    from pelican.settings import read_settings
    from xcfl_articles import prerender
    from xcfl_articles.reader import XcflMarkdownReader

    content = copy_content(str(tmp_path / "content"))
    settings = read_settings(PELICANCONF, override={
        "PATH": content, "OUTPUT_PATH": str(tmp_path / "out"),
        "XCFL_CACHE_PATH": str(tmp_path / "cache")})
    XcflMarkdownReader(settings)  # completes settings["MARKDOWN"] as in a build
    prerender.prerender(settings)
    return prerender, settings, content


def test_one_changed_article_rewrites_one_markdown_cache_shard(tmp_path, monkeypatch):
    prerender, settings, content = prerendered_copy(tmp_path, monkeypatch)
    cache = tmp_path / "cache"
    before = {name: os.stat(cache / name).st_ino for name in os.listdir(cache)}
    assert 2 < len(before) <= prerender.SHARDS  # an empty shard has no file
    relative = "articles/2019-05-15-family-day-lecture.md"
    with open(os.path.join(content, relative), "a", encoding="utf-8") as handle:
        handle.write("\n补充一段。\n")
    prerender.prerender(settings)
    after = {name: os.stat(cache / name).st_ino for name in os.listdir(cache)}
    shard = prerender.cache_files(settings)[prerender.shard_of(relative)]
    assert [name for name in before if after[name] != before[name]] == [os.path.basename(shard)]
    with open(os.path.join(content, relative), "rb") as handle:
        assert "补充一段" in prerender.rendered(relative, handle.read())[0]
    prerender.prerender(settings)  # nothing changed: nothing rewritten
    assert {name: os.stat(cache / name).st_ino for name in os.listdir(cache)} == after


def test_sources_unchanged_on_disk_are_not_read_again(tmp_path, monkeypatch):
    # a source that is the very file of a cached result (size, mtime, inode) is
    # not opened by the prerender; its result still answers only for its exact
    # bytes when the reader asks (rendered)
    prerender, settings, content = prerendered_copy(tmp_path, monkeypatch)
    edited, kept = "articles/2019-05-15-family-day-lecture.md", "articles/2018-01-19-reform-achievements.md"
    with open(os.path.join(content, edited), "a", encoding="utf-8") as handle:
        handle.write("\n补充一段。\n")
    opened = []

    def recording_open(path, *args, **kwargs):
        opened.append(os.path.relpath(path, content))
        return open(path, *args, **kwargs)

    monkeypatch.setattr(prerender, "open", recording_open, raising=False)
    prerender.prerender(settings)
    monkeypatch.undo()
    assert set(opened) == {edited}  # read, and converted again
    with open(os.path.join(content, kept), "rb") as handle:
        data = handle.read()
    assert prerender.rendered(kept, data) is not None
    assert prerender.rendered(kept, data + "补".encode()) is None
