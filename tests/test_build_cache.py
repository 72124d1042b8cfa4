"""Build caches (rendered Markdown, unchanged pages) never change what is built."""

import datetime
import os
import sys

from helpers import CONTENT, ROOT, SITEURL, article, copy_content, run_tool, soup, write
from test_publish import digest_tree

sys.path.insert(0, os.path.join(ROOT, "tools"))
sys.path.insert(0, os.path.join(ROOT, "plugins"))

EDITED = "articles/2019-05-15-family-day-lecture.md"


def publish_in_process(content, output):
    """make publish, in this process, so the cache's counts can be read. Its
    fatal warnings are Pelican's global setting: put back for later tests."""
    import publish
    from pelican.log import FatalLogger
    from xcfl_speed import speed

    level = FatalLogger.fatal_lvl
    try:
        assert publish.main([content, output, "-s", os.path.join(ROOT, "publishconf.py")]) == 0
    finally:
        FatalLogger.fatal_lvl = level
    return dict(speed.last_run)


def edit(content):
    """Change an article's title and body (its neighbours, listings, tags and the
    records it names show the title) and a record's name (articles show it)."""
    path = os.path.join(content, EDITED)
    with open(path, encoding="utf-8") as handle:
        text = handle.read()
    text = text.replace("Title: ", "Title: 改过的标题 ", 1) + "\n补充一段新的正文。\n"
    write(path, text)
    record = os.path.join(content, "data", "families", "li-family-yuetan.yaml")
    with open(record, encoding="utf-8") as handle:
        data = handle.read()
    write(record, data.replace("name: ", "name: 改名 ", 1))


def test_cached_rebuild_equals_clean_build(tmp_path, monkeypatch):
    monkeypatch.setenv("SITEURL", SITEURL)
    monkeypatch.setenv("XCFL_CACHE_PATH", str(tmp_path / "cache"))
    content = copy_content(str(tmp_path / "content"))
    site = str(tmp_path / "site")
    first = publish_in_process(content, site)
    assert first["reused"] == 0

    edit(content)
    again = publish_in_process(content, site)
    assert again["reused"] > 0 and again["rendered"] > 0, again

    monkeypatch.setenv("XCFL_CACHE_PATH", str(tmp_path / "fresh-cache"))
    clean = str(tmp_path / "clean")
    assert publish_in_process(content, clean)["reused"] == 0
    assert digest_tree(site) == digest_tree(clean)


def test_problems_are_reported_on_every_run_from_the_cache(tmp_path):
    content = copy_content(str(tmp_path / "content"), CONTENT)
    path = os.path.join(content, "articles", "2024-05-05-broken.md")
    write(path, "Title: 坏文章\nDate: 2024-05-05\nCategory: 工作动态\n\n"
                "<script>alert(1)</script>\n\n联系电话 13812345678。\n")
    output = str(tmp_path / "site")
    runs = [run_tool("build.py", content, output, "-s", "pelicanconf.py") for _ in range(2)]
    for result in runs:
        assert result.returncode == 1
        assert "articles/2024-05-05-broken.md:5: 正文:" in result.stderr
        assert "articles/2024-05-05-broken.md:7: 正文:" in result.stderr


def inodes(site):
    return {relative: os.stat(os.path.join(site, relative)).st_ino
            for relative in digest_tree(site) if relative.endswith(".html")}


def test_unchanged_pages_are_linked_not_written_again(tmp_path, monkeypatch):
    """A publish build hard-links an unchanged page of the previous output into
    its staging folder; a changed one is written anew."""
    monkeypatch.setenv("SITEURL", SITEURL)
    monkeypatch.setenv("XCFL_CACHE_PATH", str(tmp_path / "cache"))
    content = copy_content(str(tmp_path / "content"))
    site = str(tmp_path / "site")
    publish_in_process(content, site)
    before = inodes(site)
    edit(content)
    again = publish_in_process(content, site)
    after = inodes(site)
    edited = "family/2019/family-day-lecture/index.html"
    assert after[edited] != before[edited]
    assert after["about/index.html"] == before["about/index.html"]
    assert sum(after[name] == before.get(name) for name in after) == again["reused"] > 0


def test_a_page_changed_in_the_output_is_built_again(tmp_path, monkeypatch):
    """Never stale: a previous page touched after the build (here edited by hand)
    is rendered again, in the same folder (make html) and for a publish."""
    monkeypatch.setenv("SITEURL", SITEURL)
    monkeypatch.setenv("XCFL_CACHE_PATH", str(tmp_path / "cache"))
    content = copy_content(str(tmp_path / "content"))
    site = str(tmp_path / "site")
    publish_in_process(content, site)
    clean = digest_tree(site)
    page = os.path.join(site, "about", "index.html")
    for rebuild in ("publish", "build"):
        with open(page, encoding="utf-8") as handle:
            text = handle.read()
        write(page, text.replace("</main>", "旧的内容</main>"))
        if rebuild == "publish":
            publish_in_process(content, site)
        else:
            import build

            assert build.build(content, site, os.path.join(ROOT, "publishconf.py")) == 0
        assert digest_tree(site) == clean


def test_a_rebuild_with_nothing_changed_renders_nothing(tmp_path, monkeypatch):
    # Keys must not depend on what the build before happened to render: a tag
    # computes its slug on first use (digest.py), which once re-rendered every
    # listing on the first rebuild after a clean build.
    monkeypatch.setenv("SITEURL", SITEURL)
    monkeypatch.setenv("XCFL_CACHE_PATH", str(tmp_path / "cache"))
    site = str(tmp_path / "site")
    first = publish_in_process(CONTENT, site)
    assert first["reused"] == 0
    again = publish_in_process(CONTENT, site)
    assert again["rendered"] == 0 and again["reused"] == first["rendered"], again


def test_an_edit_renders_only_the_listing_page_that_shows_it(tmp_path, monkeypatch):
    """A listing page shows the count and page links of its whole list but the
    text of its own articles only: editing the oldest article's body renders the
    last page of its category again, not the pages before it. A new article
    changes the count on every page: all of them are rendered, as a clean
    build would."""
    monkeypatch.setenv("SITEURL", SITEURL)
    monkeypatch.setenv("XCFL_CACHE_PATH", str(tmp_path / "cache"))
    content = str(tmp_path / "content")
    for day in range(1, 41):  # three pages of 15 in 工作动态 (news)
        date = (datetime.date(2024, 1, 1) + datetime.timedelta(days=day - 1)).isoformat()
        write(os.path.join(content, "articles", f"{date}-a{day}.md"),
              article(title=f"第{day}条", date=date, Slug=f"a{day}"))
    site = str(tmp_path / "site")
    publish_in_process(content, site)
    before = inodes(site)

    with open(os.path.join(content, "articles", "2024-01-01-a1.md"), "a",
              encoding="utf-8") as handle:
        handle.write("\n补充一段新的正文。\n")
    publish_in_process(content, site)
    after = inodes(site)
    assert after["news/index.html"] == before["news/index.html"]
    assert after["news/page/2/index.html"] == before["news/page/2/index.html"]
    assert after["news/page/3/index.html"] != before["news/page/3/index.html"]
    assert after["news/2024/a1/index.html"] != before["news/2024/a1/index.html"]

    write(os.path.join(content, "articles", "2024-03-01-new.md"),
          article(title="新的一条", date="2024-03-01", Slug="new"))
    publish_in_process(content, site)
    newest = inodes(site)
    for page in ("news/index.html", "news/page/2/index.html", "news/page/3/index.html"):
        assert newest[page] != after[page], page
    assert "41" in soup(site, "news/page/2/index.html").find(class_="xc-count").text
    monkeypatch.setenv("XCFL_CACHE_PATH", str(tmp_path / "fresh-cache"))
    clean = str(tmp_path / "clean")
    publish_in_process(content, clean)
    assert digest_tree(site) == digest_tree(clean)


def test_an_unchanged_page_is_linked_into_a_folder_not_made_yet(tmp_path):
    from xcfl_cache import file_of
    from xcfl_speed.pagecache import PageCache

    previous = tmp_path / "old" / "news" / "a" / "index.html"
    previous.parent.mkdir(parents=True)
    previous.write_text("旧页面", encoding="utf-8")
    path = tmp_path / "new" / "news" / "a" / "index.html"
    kept = file_of(str(previous))  # as the last build wrote it
    assert PageCache._place(str(previous), kept, str(path))
    assert path.read_text(encoding="utf-8") == "旧页面"
    assert os.stat(path).st_ino == os.stat(previous).st_ino
    previous.write_text("改过", encoding="utf-8")  # changed since: never linked
    other = tmp_path / "new" / "news" / "b" / "index.html"
    assert not PageCache._place(str(previous), kept, str(other))
    assert not other.exists()


def test_a_new_version_of_a_library_every_page_uses_renders_every_page_again(
        tmp_path, monkeypatch):
    from importlib import metadata

    from pelican.settings import read_settings
    from xcfl_speed.digest import Digester
    from xcfl_speed.pagecache import build_fingerprint

    settings = read_settings(os.path.join(ROOT, "publishconf.py"),
                             override={"PATH": str(tmp_path)})
    before = build_fingerprint(settings, Digester())
    assert before == build_fingerprint(settings, Digester())
    original = metadata.version
    monkeypatch.setattr(metadata, "version",  # MarkupSafe escapes what every page prints
                        lambda name: "99.0" if name == "MarkupSafe" else original(name))
    assert build_fingerprint(settings, Digester()) != before
