"""The search index (content model §6): what it holds, under which language, at which URLs."""

import asyncio
import concurrent.futures
import gzip
import json
import os
import re
import sys

import pytest
import yaml

from test_publish import digest_tree
from helpers import CONTENT, PELICANCONF, ROOT, SITEURL, build, files, html_pages, output_texts, soup

sys.path.insert(0, os.path.join(ROOT, "plugins"))
sys.path.insert(0, os.path.join(ROOT, "tools"))

DRAFT_CANARY = "草稿专用词甲乙丙"
SEARCH_PAGE = "search/index.html"


def fragments(output):
    """The decoded page records of the index: {url: record}."""
    found = {}
    folder = os.path.join(output, "pagefind", "fragment")
    for name in sorted(os.listdir(folder)):
        with open(os.path.join(folder, name), "rb") as handle:
            data = gzip.decompress(handle.read())
        record = json.loads(data[len(b"pagefind_dcd"):])
        found[record["url"]] = record
    return found


def indexed_html_pages(output):
    """Output pages that carry a data-pagefind-body element."""
    return [path for path in html_pages(output)
            if soup(output, path).find(attrs={"data-pagefind-body": True})]


def path_url(relative, siteurl=""):
    return siteurl + "/" + relative[: -len("index.html")] if relative.endswith("index.html") \
        else siteurl + "/" + relative


def private_values(content=CONTENT):
    """Every string under a record's `private:` mapping that appears nowhere public."""
    values = set()

    def walk(node):
        if isinstance(node, dict):
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)
        elif isinstance(node, str):
            values.add(node)

    public = []
    for path in files(os.path.join(content, "data"), ".yaml"):
        with open(os.path.join(content, "data", path), encoding="utf-8") as handle:
            loaded = yaml.safe_load(handle)
        for record in loaded if isinstance(loaded, list) else [loaded]:
            if isinstance(record, dict):
                walk(record.get("private", {}))
                public.append(json.dumps({k: v for k, v in record.items() if k != "private"},
                                         ensure_ascii=False))
    for path in files(content, ".md"):
        with open(os.path.join(content, path), encoding="utf-8") as handle:
            public.append(handle.read())
    public_text = "\n".join(public)
    return sorted(value for value in values if len(value) >= 3 and value not in public_text)


def test_index_holds_exactly_the_pages_with_a_search_body(dev_site):
    expected = {path_url(path) for path in indexed_html_pages(dev_site)}
    assert set(fragments(dev_site)) == expected
    # articles, standing pages and (once they exist) every record page
    assert "/news/2018/reform-achievements/" in expected
    assert "/about/" in expected
    for collection in ("families", "studios", "teams"):
        records = [path for path in html_pages(dev_site)
                   if path.startswith(collection + "/") and path.count("/") == 2]
        assert {path_url(path) for path in records} <= expected


def test_listings_home_and_search_page_are_not_indexed(dev_site):
    urls = set(fragments(dev_site))
    for url in ["/", "/news/", "/archives/", "/tags/", "/search/", "/404.html"]:
        assert url not in urls
    assert not any(url.startswith(("/tags/", "/news/page/")) for url in urls)


def test_language_code_is_the_one_the_search_page_asks_for(dev_site):
    with open(os.path.join(dev_site, "pagefind", "pagefind-entry.json"), encoding="utf-8") as handle:
        entry = json.load(handle)
    page_lang = soup(dev_site, SEARCH_PAGE).html["lang"]
    # pagefind.js looks up <html lang> lower-cased
    assert list(entry["languages"]) == [page_lang.lower()] == ["zh-cn"]
    assert entry["languages"]["zh-cn"]["page_count"] == len(fragments(dev_site))


def test_only_main_content_is_indexed(dev_site):
    records = fragments(dev_site)
    seed = records["/news/2018/reform-achievements/"]
    assert seed["meta"]["title"] == "西城区妇联改革取得丰硕成果"
    assert seed["meta"]["type"] == "新闻"
    assert seed["meta"]["date"] == "2018-01-19"
    assert seed["filters"]["类型"] == ["新闻"]
    for url, record in records.items():
        text = record["content"].replace("\u200b", "")
        for outside in ("京ICP备", "京公网安备", "当前位置", "上一篇："):  # footer, breadcrumbs, prev/next
            assert outside not in text, (url, outside)
    street_article = records["/organization/2019/niujie-community-election/"]
    assert street_article["filters"]["街道"] == ["牛街街道"]
    assert records["/about/"]["filters"]["类型"] == ["页面"]


def test_drafts_and_private_values_never_reach_the_output(dev_site):
    canaries = [DRAFT_CANARY] + private_values()
    assert len(canaries) > 3
    for relative, text in output_texts(dev_site):
        plain = text.replace("\u200b", "")
        for canary in canaries:
            assert canary not in plain, (relative, canary)


def test_development_index_stores_root_relative_urls_that_resolve(dev_site):
    for url in fragments(dev_site):
        assert url.startswith("/") and not url.startswith("//")
        assert os.path.isfile(os.path.join(dev_site, url.lstrip("/"), "index.html")), url


def test_published_index_stores_absolute_urls_that_resolve(published_site):
    urls = fragments(published_site)
    assert urls
    for url in urls:
        assert url.startswith(SITEURL + "/"), url
        relative = url[len(SITEURL) + 1:]
        assert os.path.isfile(os.path.join(published_site, relative, "index.html")), url


def test_same_input_gives_a_byte_identical_index(tmp_path, dev_site):
    again = build(CONTENT, str(tmp_path / "again"))
    assert digest_tree(os.path.join(again, "pagefind")) == digest_tree(os.path.join(dev_site, "pagefind"))


def test_only_the_files_our_search_page_uses_are_written(dev_site):
    names = set(os.listdir(os.path.join(dev_site, "pagefind")))
    assert {"pagefind.js", "pagefind-entry.json", "pagefind-worker.js"} <= names
    assert not [name for name in names if "-ui." in name or name == "pagefind-highlight.js"]


SEARCH_ASSET = re.compile(r"pagefind|/theme/search\.[0-9a-f]{10}\.js")
TOOLBAR_SCRIPT = re.compile(r"/theme/a11y-toolbar\.[0-9a-f]{10}\.js")


def test_search_assets_are_loaded_by_the_search_page_only(dev_site):
    # Every page has the 适老化 toolbar: the inline pre-paint script (its CSP hash:
    # test_share_and_media.py) and the deferred a11y-toolbar.<hash>.js. Pagefind and
    # search.js are for /search/ alone, in no form: script, preload, data- attribute.
    for path in html_pages(dev_site):
        page = soup(dev_site, path)
        external = [tag["src"] for tag in page.find_all("script", src=True)]
        toolbar = [src for src in external if TOOLBAR_SCRIPT.fullmatch(src)]
        assert len(toolbar) == 1 and page.find("script", src=toolbar[0]).has_attr("defer"), path
        inline = [tag.string or "" for tag in page.find_all("script", src=False)]
        assert not [code for code in inline if SEARCH_ASSET.search(code)], path
        mentions = [value for tag in page.find_all(True) for value in tag.attrs.values()
                    if isinstance(value, str) and SEARCH_ASSET.search(value)]
        if path == SEARCH_PAGE:
            search = [src for src in external if src not in toolbar]
            assert len(search) == 1 and "/theme/search." in search[0], external
            assert page.find("script", src=search[0])["type"] == "module"
            assert sorted(mentions) == sorted([search[0], "/pagefind/pagefind.js"]), mentions
        else:
            assert external == toolbar and mentions == [], (path, external, mentions)
    page = soup(dev_site, SEARCH_PAGE)
    assert page.find(id="search-app")["data-pagefind"] == "/pagefind/pagefind.js"
    for path in html_pages(dev_site):  # no style attributes anywhere
        assert not soup(dev_site, path).find(style=True), path


def test_search_page_without_javascript_explains_and_links_listings(dev_site):
    page = soup(dev_site, SEARCH_PAGE)
    message = page.find(id="search-nojs")
    assert "需要浏览器开启 JavaScript" in message.get_text()
    links = {a["href"] for a in message.find_all("a")}
    assert "/archives/" in links and "/news/" in links
    assert page.find(id="search-app").has_attr("hidden")
    status = page.find(id="search-status")
    assert status["aria-live"] == "polite"
    for select in page.find_all("select"):
        assert page.find("label", attrs={"for": select["id"]}), select["id"]


# The indexer's lifetime: never started by `make check`, never left running.

class RecordingService:
    """Stands in for the Pagefind service class and remembers the processes it started."""

    def __init__(self, real):
        self.real = real
        self.started = []

    def __call__(self):
        service = self.real()
        original_launch = service.launch

        async def launch():
            launched = await original_launch()
            self.started.append(launched.pid)
            return launched

        service.launch = launch
        return service


@pytest.fixture
def recording(monkeypatch):
    from xcfl_search import search

    recorder = RecordingService(search.ExtendedPagefindService)
    monkeypatch.setattr(search, "ExtendedPagefindService", recorder)
    return recorder


def running(pid):
    try:
        with open(f"/proc/{pid}/stat") as handle:
            return handle.read().rsplit(")", 1)[1].split()[0] != "Z"
    except FileNotFoundError:
        return False


def test_make_check_does_not_start_the_indexer(recording, tmp_path):
    from check import read_all_content
    from pelican.settings import read_settings

    settings = read_settings(PELICANCONF, override={
        "PATH": CONTENT, "OUTPUT_PATH": str(tmp_path / "out"),
        "CACHE_CONTENT": False, "LOAD_CONTENT_CACHE": False})
    read_all_content(settings)
    assert recording.started == []
    assert not (tmp_path / "out" / "pagefind").exists()


def test_indexing_that_fails_leaves_no_indexer_running(recording, tmp_path):
    from xcfl_search import search

    def pages():
        yield "/a/", '<html lang="zh-CN"><body><main data-pagefind-body><h1>甲</h1></main></body></html>'
        raise RuntimeError("a page could not be read")

    config = {"force_language": "zh-cn"}
    # In a thread of its own: the browser tests' Playwright keeps an event loop in this one.
    with concurrent.futures.ThreadPoolExecutor(1) as pool:
        indexing = pool.submit(asyncio.run, search.build_index(config, pages(), str(tmp_path / "pagefind")))
        with pytest.raises(RuntimeError, match="could not be read"):
            indexing.result()
    assert len(recording.started) == 1
    assert not running(recording.started[0])
    assert not (tmp_path / "pagefind").exists()


def test_index_builds_when_the_caller_already_runs_an_event_loop(tmp_path):
    """Pelican run from inside a running asyncio loop (as next to Playwright's sync
    API in one test process) still writes the index."""
    from xcfl_search.search import run_blocking

    async def answer():
        return 42

    async def caller():
        return run_blocking(answer())

    assert run_blocking(answer()) == 42
    # a thread of its own, so the test does not depend on this thread's loop
    with concurrent.futures.ThreadPoolExecutor(max_workers=1) as pool:
        assert pool.submit(asyncio.run, caller()).result() == 42
