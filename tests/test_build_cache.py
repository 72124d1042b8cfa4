"""Build caches (rendered Markdown, parsed records, QR codes, search entries) never
change what is built: a rebuild with them equals a clean build, and a lost or
corrupt cache file only costs time."""

import os

import pytest

from helpers import CONTENT, ROOT, article, build, copy_content, run_tool, write
from test_publish import digest_tree

EDITED = "articles/2019-05-15-family-day-lecture.md"


def publish(content, output, cache, monkeypatch):
    monkeypatch.setenv("XCFL_CACHE_PATH", str(cache))
    return build(content, str(output), publish=True)


def edit(content):
    """Change an article's title and body (its neighbours, listings, tags and the
    records it names show the title), a record's name (articles show it), and
    the slug of an article another one links to with {filename}."""
    path = os.path.join(content, EDITED)
    with open(path, encoding="utf-8") as handle:
        text = handle.read()
    text = text.replace("Title: ", "Title: 改过的标题 ", 1) + "\n补充一段新的正文。\n"
    write(path, text)
    record = os.path.join(content, "data", "families", "li-family-yuetan.yaml")
    with open(record, encoding="utf-8") as handle:
        data = handle.read()
    write(record, data.replace("name: ", "name: 改名 ", 1))
    target = os.path.join(content, "articles", "2024-05-06-target.md")
    with open(target, encoding="utf-8") as handle:
        write(target, handle.read().replace("Slug: target", "Slug: moved"))


def with_linked_articles(tmp_path):
    content = copy_content(str(tmp_path / "content"))
    write(os.path.join(content, "articles", "2024-05-06-target.md"),
          article(title="被链接的文章", date="2024-05-06", Slug="target"))
    write(os.path.join(content, "articles", "2024-05-07-linking.md"),
          article(title="链接别的文章", date="2024-05-07", Slug="linking",
                  body="见[另一篇]({filename}2024-05-06-target.md)。"))
    return content


def test_cached_rebuild_equals_clean_build(tmp_path, monkeypatch):
    content = with_linked_articles(tmp_path)
    site = publish(content, tmp_path / "site", tmp_path / "cache", monkeypatch)
    edit(content)
    publish(content, site, tmp_path / "cache", monkeypatch)
    clean = publish(content, tmp_path / "clean", tmp_path / "fresh-cache", monkeypatch)
    assert digest_tree(site) == digest_tree(clean)
    with open(os.path.join(site, "news/2024/linking/index.html"), encoding="utf-8") as handle:
        assert 'href="https://www.example.org.cn/news/2024/moved/"' in handle.read()


def damage(path, how):
    if how == "delete":
        os.remove(path)
    elif how == "truncate":
        with open(path, "r+b") as handle:
            handle.truncate(os.path.getsize(path) // 2)
    else:
        with open(path, "wb") as handle:
            handle.write(os.urandom(64) + b"\x80\x05garbage")


@pytest.mark.parametrize("how", ["delete", "truncate", "garbage"])
def test_a_lost_or_corrupt_cache_only_costs_time(tmp_path, monkeypatch, how):
    content = with_linked_articles(tmp_path)
    cache = tmp_path / "cache"
    site = publish(content, tmp_path / "site", cache, monkeypatch)
    cached = sorted(os.path.relpath(os.path.join(folder, name), cache)
                    for folder, _, names in os.walk(cache) for name in names)
    for kind in ("markdown-", "records-", "qr.pickle", "search/catalog", "search/pages-"):
        assert any(name.startswith(kind) for name in cached), (kind, cached)
    edit(content)
    # every other file first (one cache's files damaged, its index or its
    # neighbours intact), then all of them
    for damaged in (cached[::2], cached):
        for name in damaged:
            if os.path.exists(cache / name):
                damage(str(cache / name), how)
        publish(content, site, cache, monkeypatch)
        clean = publish(content, tmp_path / "clean", tmp_path / "fresh", monkeypatch)
        assert digest_tree(site) == digest_tree(clean), damaged
        cached = sorted(os.path.relpath(os.path.join(folder, name), cache)
                        for folder, _, names in os.walk(cache) for name in names)


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


def test_a_page_changed_in_the_output_is_built_again(tmp_path, monkeypatch):
    """A page touched after the build (here edited by hand) is written again, in
    the same folder (make html) and for a publish."""
    content = copy_content(str(tmp_path / "content"))
    site = publish(content, tmp_path / "site", tmp_path / "cache", monkeypatch)
    clean = digest_tree(site)
    page = os.path.join(site, "about", "index.html")
    for rebuild in ("publish", "build"):
        with open(page, encoding="utf-8") as handle:
            text = handle.read()
        write(page, text.replace("</main>", "旧的内容</main>"))
        if rebuild == "publish":
            publish(content, site, tmp_path / "cache", monkeypatch)
        else:
            result = run_tool("build.py", content, site, "-s", os.path.join(ROOT, "publishconf.py"),
                              env={"SITEURL": "https://www.example.org.cn"})
            assert result.returncode == 0, result.stderr
        assert digest_tree(site) == clean


def test_make_html_over_an_old_output_equals_a_clean_build(tmp_path, monkeypatch):
    """The pages of a deleted or renamed article do not stay behind: every build
    goes into a new folder, swapped in (tools/build.py)."""
    content = with_linked_articles(tmp_path)
    monkeypatch.setenv("XCFL_CACHE_PATH", str(tmp_path / "cache"))
    site = build(content, str(tmp_path / "site"))
    assert os.path.exists(os.path.join(site, "news/2024/target/index.html"))
    os.remove(os.path.join(content, "articles", "2024-05-07-linking.md"))
    edit(content)  # the other one's slug changes
    build(content, site)
    assert not os.path.exists(os.path.join(site, "news/2024/target"))
    assert not os.path.exists(os.path.join(site, "news/2024/linking"))
    monkeypatch.setenv("XCFL_CACHE_PATH", str(tmp_path / "fresh"))
    assert digest_tree(site) == digest_tree(build(content, str(tmp_path / "clean")))
    assert sorted(os.listdir(tmp_path)) == ["cache", "clean", "content", "fresh", "site"]


def test_one_pelican_run_again_keeps_nothing_of_the_run_before(tmp_path):
    """make serve runs one Pelican object again and again (`initialized` is sent
    once): problems, QR codes, written pages are per run."""
    import sys

    sys.path.insert(0, os.path.join(ROOT, "plugins"))
    from pelican import Pelican
    from pelican.settings import read_settings
    from xcfl_problems import ContentError

    from helpers import PELICANCONF, soup

    content, out = tmp_path / "content", tmp_path / "out"
    good = content / "articles" / "2024-01-01-a.md"
    write(str(good), article(title="第一版", Slug="a"))
    write(str(content / "articles" / "2024-01-02-b.md"), article(date="2024-13-02", Slug="b"))
    pelican = Pelican(read_settings(PELICANCONF, override={
        "PATH": str(content), "OUTPUT_PATH": str(out), "XCFL_CACHE_PATH": str(tmp_path / "cache")}))
    with pytest.raises(ContentError):
        pelican.run()
    os.remove(content / "articles" / "2024-01-02-b.md")
    write(str(good), article(title="第二版", Slug="a"))
    pelican.run()  # no problem left over from the run before
    page = soup(str(out), "news/2024/a/index.html")
    assert "第二版" in page.title.text and page.select_one(".xc-qr svg")
    with open(out / "sitemap.xml", encoding="utf-8") as handle:
        assert handle.read().count("/news/2024/a/") == 1
    pelican.run()
    assert soup(str(out), "news/2024/a/index.html").select_one(".xc-qr svg")
