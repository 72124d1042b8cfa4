"""Articles kept whole between builds (plugins/xcfl_speed/kept.py): a rebuild
that takes them builds the site a clean build does, and never keeps an
article past a change to anything its reading looked at (its file, a cover, an
image, the settings), nor one whose reading printed a message."""

import os
import re
import shutil
import subprocess
import sys
import textwrap
import time

from helpers import PELICANCONF, PUBLISHCONF, ROOT, article, soup, write
from pages import png
from test_parallel_read import settings_with_read_fault
from test_parallel_write import PARALLEL, sample_content  # noqa: F401 (a fixture)
from test_publish import digest_tree

MEDIA = "articles/sample/2015-02-01-media-sample.md"
PHOTO = "images/sample/photo.png"


def build_counting(content, output, cache, settings=PUBLISHCONF, settled_ns=0, **env):
    """One build in a fresh interpreter (two reading processes from the first
    article on): its exit status, the kept-article and reading counts, and what
    it printed. `settled_ns` replaces inputs.SETTLED_NS (None: keep it): by
    default files count as settled however new they are, so a test need not
    wait two seconds (test_a_file_just_written_is_kept_once_settled checks the
    wait)."""
    code = textwrap.dedent(f"""
        import os, sys
        sys.path[:0] = [{os.path.join(ROOT, 'tools')!r}, {os.path.join(ROOT, 'plugins')!r}]
        import build
        from xcfl_cache import inputs
        from xcfl_speed import kept, reading
        {"" if settled_ns is None else f"inputs.SETTLED_NS = {settled_ns!r}"}
        status = build.build({content!r}, {output!r}, {settings!r})
        print("COUNTS", status, kept.last_run, reading.last_run)
    """)
    environment = dict(os.environ, **PARALLEL, XCFL_CACHE_PATH=str(cache), **env)
    # in the content folder, like run_tool: messages name files as articles/…
    result = subprocess.run([sys.executable, "-c", code], cwd=content, capture_output=True,
                            text=True, env=environment)
    assert result.returncode == 0, result.stdout + result.stderr
    status, kept, read = re.search(r"COUNTS (\d+) (\{.*?\}) (\{.*?\})", result.stdout).groups()
    return int(status), eval(kept), eval(read), result


def copy(sample, tmp_path):
    content = str(tmp_path / "content")
    shutil.copytree(sample, content, symlinks=True)
    return content


def article_count(content):
    return sum(len(names) for _, _, names in os.walk(os.path.join(content, "articles")))


def test_a_rebuild_from_kept_articles_equals_a_clean_build(sample_content, tmp_path):
    content = copy(sample_content, tmp_path)
    cache, site = tmp_path / "cache", str(tmp_path / "site")
    total = article_count(content)
    status, kept, read, printed = build_counting(content, site, cache)
    assert status == 0, printed.stderr
    assert kept == {"kept": 0, "stored": total}, kept
    assert read["read_in_child"] > 10, read  # what the child read is kept as well

    write(os.path.join(content, "articles", "sample", "2015-01-03-item-3.md"),
          article("改过的简讯", "2015-01-03", body="改过的正文。"))
    os.remove(os.path.join(content, "articles", "sample", "2015-01-04-item-4.md"))
    write(os.path.join(content, "articles", "sample", "2015-03-01-new.md"),
          article("新的简讯", "2015-03-01", body="新的正文。"))
    with open(os.path.join(content, PHOTO), "wb") as handle:  # the media sample's photo
        handle.write(png(80, 60))
    site = str(tmp_path / "rebuilt")  # a build into the same folder leaves deleted pages
    status, kept, read, printed = build_counting(content, site, cache)
    assert status == 0, printed.stderr
    # read again: the edited and the new article, and the media sample (its photo
    # changed); the deleted one is gone
    assert kept == {"kept": total - 3, "stored": 3}, kept
    assert read["read_in_child"] <= 3, read  # only those three are read (the child some)

    clean = str(tmp_path / "clean")
    assert build_counting(content, clean, tmp_path / "empty-cache")[0] == 0
    assert digest_tree(site) == digest_tree(clean)
    page = soup(site, "news/2015/media-sample/index.html")
    photo = page.find("img", src=re.compile("photo.png"))
    assert (photo["width"], photo["height"]) == ("80", "60")


def test_a_change_to_a_kept_articles_cover_or_image_is_seen(tmp_path):
    content = str(tmp_path / "content")
    images = os.path.join(content, "images")
    os.makedirs(images)
    # covers at least 800 px wide (xcfl_articles/rules.py COVER_MIN_WIDTH)
    for name, size in (("wide.png", (900, 300)), ("tall.png", (800, 2400)), ("body.png", (40, 40))):
        with open(os.path.join(images, name), "wb") as handle:
            handle.write(png(*size))
    os.symlink("wide.png", os.path.join(images, "cover.png"))
    path = os.path.join(content, "articles", "2024-01-01-cover.md")
    write(path, article("有封面的文章", Cover="images/cover.png",
                        body="正文。\n\n![活动照片](images/body.png)"))
    cache, site = tmp_path / "cache", str(tmp_path / "site")

    def cover_size():
        page = soup(site, "news/2024/cover/index.html")
        image = page.find("img", src=re.compile("images/cover.png"))
        return image["width"], image["height"]

    assert build_counting(content, site, cache)[1] == {"kept": 0, "stored": 1}
    assert cover_size() == ("900", "300")
    # the cover's symlink now leads to another picture: the article's file is unchanged
    os.remove(os.path.join(images, "cover.png"))
    os.symlink("tall.png", os.path.join(images, "cover.png"))
    status, kept, _, printed = build_counting(content, site, cache)
    assert (status, kept) == (0, {"kept": 0, "stored": 1}), printed.stderr
    assert cover_size() == ("800", "2400")
    assert build_counting(content, site, cache)[1] == {"kept": 1, "stored": 0}

    with open(os.path.join(images, "body.png"), "wb") as handle:  # a new photo, same name
        handle.write(png(50, 25))
    assert build_counting(content, site, cache)[1] == {"kept": 0, "stored": 1}
    photo = soup(site, "news/2024/cover/index.html").find("img", src=re.compile("body.png"))
    assert (photo["width"], photo["height"]) == ("50", "25")

    os.remove(os.path.join(images, "tall.png"))  # the symlink leads nowhere now
    status, kept, _, printed = build_counting(content, site, cache)
    assert (status, kept) == (1, {"kept": 0, "stored": 0})
    assert printed.stderr.splitlines()[0] == (
        "articles/2024-01-01-cover.md:4: Cover: 图片 images/cover.png 不存在；"
        "路径从 content/ 文件夹算起，例如 images/photo.jpg")


def test_an_article_whose_reading_warned_is_read_and_warns_on_every_build(
        sample_content, tmp_path):
    content = copy(sample_content, tmp_path)
    for number in range(1, 4):
        write(os.path.join(content, "articles", "warn", f"2024-07-{number:02d}-w.md"),
              article(f"警告{number}号", f"2024-07-{number:02d}", Slug=f"warn-{number}"))
    settings = settings_with_read_fault(tmp_path, "pelicanconf")
    cache = tmp_path / "cache"
    total = article_count(content)
    for run in range(2):
        status, kept, _, printed = build_counting(content, str(tmp_path / "site"), cache,
                                                  settings, READ_FAULT="warning")
        assert status == 0, printed.stderr
        # the three warning articles are never kept
        assert kept == ({"kept": 0, "stored": total - 3} if run == 0
                        else {"kept": total - 3, "stored": 0}), kept
        for number in range(1, 4):
            assert printed.stdout.count(f"a warning about 警告{number}号") == 1, printed.stdout


def test_a_file_just_written_is_kept_once_settled(tmp_path):
    content = str(tmp_path / "content")
    path = os.path.join(content, "articles", "2024-01-01-new.md")
    write(path, article("刚写好的文章"))
    written = time.time()
    cache, site = tmp_path / "cache", str(tmp_path / "site")
    # "just written", however slow the machine: settling would take an hour
    status, kept, _, printed = build_counting(content, site, cache, settled_ns=3600 * 10**9)
    assert status == 0, printed.stderr
    assert kept == {"kept": 0, "stored": 0}
    # the real wait: two seconds after the write, the file is kept
    time.sleep(max(0.0, written + 2.1 - time.time()))
    assert build_counting(content, site, cache, settled_ns=None)[1] == \
        {"kept": 0, "stored": 1}
    assert build_counting(content, site, cache, settled_ns=None)[1] == \
        {"kept": 1, "stored": 0}


def test_other_settings_or_a_damaged_cache_read_every_article_again(sample_content, tmp_path):
    content = copy(sample_content, tmp_path)
    cache, site = tmp_path / "cache", str(tmp_path / "site")
    total = article_count(content)
    assert build_counting(content, site, cache, PELICANCONF)[1]["stored"] == total
    assert build_counting(content, site, cache, PELICANCONF)[1]["kept"] == total
    # the production settings (absolute URLs, other feeds) make other articles
    status, kept, _, _ = build_counting(content, str(tmp_path / "published"), cache)
    assert (status, kept) == (0, {"kept": 0, "stored": total})

    shards = [name for name in os.listdir(cache) if name.startswith("articles-")]
    assert len(shards) > 8  # an empty shard is not written
    for number, name in enumerate(sorted(shards)):
        with open(os.path.join(cache, name), "r+b") as handle:
            if number % 2:
                handle.truncate(100)  # cut short
            else:
                handle.write(b"\0" * 64)  # overwritten
    again = str(tmp_path / "again")
    status, kept, _, printed = build_counting(content, again, cache)
    assert (status, kept) == (0, {"kept": 0, "stored": total}), printed.stderr
    assert digest_tree(again) == digest_tree(str(tmp_path / "published"))


def test_a_new_version_of_a_library_whose_output_articles_hold_reads_them_again(
        tmp_path, monkeypatch):
    monkeypatch.syspath_prepend(os.path.join(ROOT, "plugins"))
    from importlib import metadata

    from pelican.settings import read_settings
    from xcfl_speed import kept

    settings = read_settings(PUBLISHCONF, override={"PATH": str(tmp_path),
                                                    "XCFL_CACHE_PATH": str(tmp_path / "c")})
    before = kept.stamp_of(settings)
    assert f"markdown={metadata.version('markdown')}" in before
    original = metadata.version
    monkeypatch.setattr(metadata, "version",
                        lambda name: "99.0" if name == "markdown" else original(name))
    assert kept.stamp_of(settings) != before
