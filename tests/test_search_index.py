"""The search index (content model §6): what it holds, how it is cut, at which URLs."""

import json
import os
import re
import shutil
import sys
import unicodedata

import yaml

from test_publish import digest_tree
from helpers import CONTENT, ROOT, SITEURL, build, files, html_pages, output_texts, soup

sys.path.insert(0, os.path.join(ROOT, "plugins"))
sys.path.insert(0, os.path.join(ROOT, "tools"))

DRAFT_CANARY = "草稿专用词甲乙丙"
SEARCH_PAGE = "search/index.html"
INDEX = "search-index"


def read_json(output, relative):
    with open(os.path.join(output, INDEX, relative), encoding="utf-8") as handle:
        return json.load(handle)


def numbered_pages(output):
    """The pages of the index's page files in number order: [record]."""
    meta = read_json(output, "meta.json")
    files = -(-meta["pages"] // meta["perFile"])
    found = [page for number in range(files) for page in read_json(output, f"p/{number}.json")["p"]]
    assert len(found) == meta["pages"]
    return found


def fragments(output):
    """The page records of the index: {url: record}."""
    return {record["url"]: record for record in numbered_pages(output)}


def numbers(differences):
    total, out = 0, []
    for difference in differences:
        total += difference
        out.append(total)
    return out


def postings(output):
    """{key: (pages holding it, pages whose title holds it)} over every bucket."""
    meta = read_json(output, "meta.json")
    found = {}
    for number in range(meta["buckets"]):
        bucket = read_json(output, f"b/{number}.json")
        assert bucket["v"] == meta["v"]
        for key, entry in bucket["k"].items():
            assert key not in found, key
            found[key] = (numbers(entry[0]), numbers(entry[1]) if len(entry) > 1 else [])
    return found


def indexed_html_pages(output):
    """Output pages that carry a data-search-body element."""
    return [path for path in html_pages(output)
            if soup(output, path).find(attrs={"data-search-body": True})]


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


def test_pages_are_numbered_by_date_undated_first_and_every_file_has_the_version(dev_site):
    meta = read_json(dev_site, "meta.json")
    pages = numbered_pages(dev_site)
    assert len(pages) == meta["pages"] == len(indexed_html_pages(dev_site))
    keys = [(page["date"], page["url"]) for page in pages]
    assert keys == sorted(keys)
    assert meta["undated"] == sum(1 for page in pages if not page["date"]) > 0
    index = os.path.join(dev_site, INDEX)
    # f/<n>.json (traditional → simplified) have no page numbers, so no version
    assert {read_json(dev_site, name)["v"] for name in files(index) if not name.startswith("f/")} \
        == {meta["v"]}
    # filters: every page's type and street, by number
    assert [meta["types"][n] for n in meta["type"]] == [page["type"] for page in pages]
    assert [meta["streets"][n - 1] if n else "" for n in meta["street"]] == [page["street"] for page in pages]
    assert set(meta["types"]) == {"新闻", "页面", "最美家庭", "巧娘工作室", "志愿服务队"}


def test_every_key_lists_exactly_the_pages_that_hold_it(dev_site):
    # keys: every letter or digit, and every two and three neighbouring ones
    # (plugins/xcfl_search/keys.py); the sample site is in simplified characters
    pages = numbered_pages(dev_site)

    def normal(text):
        return unicodedata.normalize("NFKC", text).lower()

    texts = [normal(page["title"] + " " + page["text"]) for page in pages]
    titles = [normal(page["title"]) for page in pages]
    found = postings(dev_site)
    assert len(found) > 1000
    for key, (holding, in_title) in found.items():
        assert 1 <= len(key) <= 3 and all(c.isalnum() for c in key), key
        assert holding == [n for n, text in enumerate(texts) if key in text], key
        assert in_title == [n for n, title in enumerate(titles) if key in title], key
    # and nothing is missing: every pair and triple of every text is a key
    for text in texts:
        for run in re.findall(r"[^\W_]+", text):
            assert set(run) <= found.keys()
            assert {a + b for a, b in zip(run, run[1:])} <= found.keys()
            assert {a + b + c for a, b, c in zip(run, run[1:], run[2:])} <= found.keys()


def test_only_main_content_is_indexed(dev_site):
    records = fragments(dev_site)
    seed = records["/news/2018/reform-achievements/"]
    assert seed["title"] == "西城区妇联改革取得丰硕成果"
    assert seed["type"] == "新闻"
    assert seed["date"] == "2018-01-19"
    assert seed["text"].startswith("党的十九大召开以来")
    for url, record in records.items():
        for outside in ("京ICP备", "京公网安备", "当前位置", "上一篇："):  # footer, breadcrumbs, prev/next
            assert outside not in record["text"], (url, outside)
        assert "<" not in record["text"] and "&amp;" not in record["text"], url
        assert record["text"] == record["text"].strip() and "  " not in record["text"], url
    assert not [url for url, record in records.items()
                if "手机扫码阅读" in record["text"] and url != "/accessibility/"]  # the QR caption (that page explains it)
    street_article = records["/organization/2019/niujie-community-election/"]
    assert street_article["street"] == "牛街街道"
    assert records["/about/"]["type"] == "页面"
    studio = records["/studios/desheng-jianzhi/"]
    assert studio["type"] == "巧娘工作室" and studio["street"] == "德胜街道" and studio["date"] == ""
    assert not studio["text"].startswith(("巧娘工作室", studio["title"]))  # shown in the result already


def test_drafts_and_private_values_never_reach_the_output(dev_site):
    canaries = [DRAFT_CANARY] + private_values()
    assert len(canaries) > 3
    for relative, text in output_texts(dev_site):
        for canary in canaries:
            assert canary not in text, (relative, canary)


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
    again = build(CONTENT, str(tmp_path / "again"), fresh=True)  # its own hash seed
    assert digest_tree(os.path.join(again, INDEX)) == digest_tree(os.path.join(dev_site, INDEX))


def test_the_index_is_just_its_files(dev_site):
    meta = read_json(dev_site, "meta.json")
    expected = {"meta.json"} | {f"f/{n}.json" for n in range(meta["foldFiles"])} \
        | {f"b/{n}.json" for n in range(meta["buckets"])} \
        | {f"p/{n}.json" for n in range(-(-meta["pages"] // meta["perFile"]))}
    assert set(files(os.path.join(dev_site, INDEX))) == expected
    assert not os.path.exists(os.path.join(dev_site, INDEX + ".new"))


SEARCH_ASSET = re.compile(r"search-index|/theme/search\.[0-9a-f]{10}\.js")
TOOLBAR_SCRIPT = re.compile(r"/theme/a11y-toolbar\.[0-9a-f]{10}\.js")
PRINT_SCRIPT = re.compile(r"/theme/print\.[0-9a-f]{10}\.js")  # articles' 打印本页 button


def test_search_assets_are_loaded_by_the_search_page_only(dev_site):
    # Every page has the 适老化 toolbar: the inline pre-paint script (its CSP hash:
    # test_share_and_media.py) and the deferred a11y-toolbar.<hash>.js. The index and
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
            assert sorted(mentions) == sorted([search[0], "/search-index/"]), mentions
        else:
            others = [src for src in external if not PRINT_SCRIPT.fullmatch(src)]
            assert others == toolbar and mentions == [], (path, external, mentions)
    page = soup(dev_site, SEARCH_PAGE)
    assert page.find(id="search-app")["data-index"] == "/search-index/"
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


def test_a_rebuild_reuses_the_cut_pages_and_gives_the_same_index(tmp_path, monkeypatch, dev_site):
    # the per-page cache (XCFL_CACHE_PATH) must never change what is written
    cache = tmp_path / "cache"
    monkeypatch.setenv("XCFL_CACHE_PATH", str(cache))
    first = build(CONTENT, str(tmp_path / "one"))
    assert "catalog.pickle" in os.listdir(cache / "search")
    second = build(CONTENT, str(tmp_path / "two"))
    assert digest_tree(os.path.join(first, INDEX)) == digest_tree(os.path.join(second, INDEX)) \
        == digest_tree(os.path.join(dev_site, INDEX))


def test_after_one_edit_the_updated_index_equals_a_clean_build(tmp_path, monkeypatch):
    # the rebuild updates only the buckets of the edited page's keys from the
    # previous index's files (index.py updated_buckets), and takes the others as
    # they are; its files must be those a clean build writes
    from helpers import copy_content

    content = copy_content(str(tmp_path / "content"))
    monkeypatch.setenv("XCFL_CACHE_PATH", str(tmp_path / "cache"))
    first = build(content, str(tmp_path / "site"))
    before = inodes(os.path.join(first, INDEX))
    path = os.path.join(content, "articles", "2018-01-19-reform-achievements.md")
    with open(path, encoding="utf-8") as handle:
        text = handle.read()
    assert "丰硕" in text
    with open(path, "w", encoding="utf-8") as handle:  # words go, words come
        handle.write(text.replace("丰硕", "显著") + "\n新增一段：编辑独有词汇甲乙。\n")
    updated = build(content, first)
    after = inodes(os.path.join(updated, INDEX))
    assert len({name for name in after if after[name] == before.get(name)}) > len(after) // 2
    monkeypatch.setenv("XCFL_CACHE_PATH", str(tmp_path / "clean-cache"))
    clean = build(content, str(tmp_path / "clean"))
    assert digest_tree(os.path.join(updated, INDEX)) == digest_tree(os.path.join(clean, INDEX))
    assert "编辑独有词汇甲乙" in fragments(updated)["/news/2018/reform-achievements/"]["text"]


def inodes(folder):
    return {relative: os.stat(os.path.join(folder, relative)).st_ino for relative in files(folder)}


def test_written_pages_are_read_back_and_indexed(tmp_path, dev_site):
    # every page the build wrote is cut at finalized from its file; a page
    # without a search body is left out
    from xcfl_search import search
    from xcfl_search.store import Store

    article, listing = "news/2018/reform-achievements/index.html", "index.html"
    for relative in (article, listing):
        target = tmp_path / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(os.path.join(dev_site, relative), target)
    infos, pages, _ = search.indexed_pages(
        str(tmp_path), "", [str(tmp_path / article), str(tmp_path / listing)], Store(None))
    url = "/news/2018/reform-achievements/"
    assert list(infos) == [url]
    assert "十九大精神" in json.loads(pages.current([url])[url].fragment)["text"]


def test_a_publish_over_the_previous_output_keeps_unchanged_index_files(tmp_path, monkeypatch):
    # unchanged files are hard-linked from the previous output (index.py write):
    # same inode after the swap; changed ones are written anew; the index is
    # exactly a clean build's
    from helpers import copy_content

    content = copy_content(str(tmp_path / "content"))
    monkeypatch.setenv("XCFL_CACHE_PATH", str(tmp_path / "cache"))
    output = build(content, str(tmp_path / "output"), publish=True)
    before = inodes(os.path.join(output, INDEX))
    before_digests = digest_tree(os.path.join(output, INDEX))
    with open(os.path.join(content, "articles", "2018-01-19-reform-achievements.md"), "a",
              encoding="utf-8") as handle:
        handle.write("\n新增一段：编辑独有词汇丙丁。\n")
    build(content, output, publish=True)
    after = inodes(os.path.join(output, INDEX))
    after_digests = digest_tree(os.path.join(output, INDEX))
    changed = {name for name in after if after_digests[name] != before_digests.get(name)}
    kept = {name for name in after if after[name] == before.get(name)}
    assert changed and len(kept) > len(after) // 2
    assert kept == set(after) - changed
    monkeypatch.setenv("XCFL_CACHE_PATH", str(tmp_path / "clean-cache"))
    clean = build(content, str(tmp_path / "clean"), publish=True)
    assert after_digests == digest_tree(os.path.join(clean, INDEX))


EDITED = os.path.join("articles", "2018-01-19-reform-achievements.md")
EDITED_URL = "/news/2018/reform-achievements/"


def append_paragraph(content, text, relative=EDITED):
    with open(os.path.join(content, relative), "a", encoding="utf-8") as handle:
        handle.write(f"\n新增一段：{text}。\n")


def cache_files(cache):
    """{name: (inode, mtime)} of the search cache's files."""
    folder = os.path.join(cache, "search")
    return {name: (os.stat(os.path.join(folder, name)).st_ino,
                   os.stat(os.path.join(folder, name)).st_mtime_ns) for name in os.listdir(folder)}


def clean_index(content, tmp_path, monkeypatch):
    monkeypatch.setenv("XCFL_CACHE_PATH", str(tmp_path / "clean-cache"))
    clean = build(content, str(tmp_path / "clean"))
    shutil.rmtree(tmp_path / "clean-cache")
    return digest_tree(os.path.join(clean, INDEX))


def built_with_cache(tmp_path, monkeypatch):
    """A copy of the content built with its own cache folder: (content, cache, output)."""
    from helpers import copy_content

    content = copy_content(str(tmp_path / "content"))
    cache = tmp_path / "cache"
    monkeypatch.setenv("XCFL_CACHE_PATH", str(cache))
    return content, cache, build(content, str(tmp_path / "site"))


def test_an_edit_rewrites_only_the_shard_holding_the_page(tmp_path, monkeypatch):
    # the cache's bulk (text, keys) is in shards by URL (store.py); an edit rewrites
    # the small catalog and the one shard holding the page, and loads no other
    from xcfl_search.store import CATALOG, shard_name, shard_of

    content, cache, output = built_with_cache(tmp_path, monkeypatch)
    before = cache_files(cache)
    assert len(before) > 10
    append_paragraph(content, "编辑独有词汇辰巳")
    build(content, output)
    after = cache_files(cache)
    assert set(after) == set(before)
    assert {name for name in after if after[name] != before[name]} == \
        {CATALOG, shard_name(shard_of(EDITED_URL))}
    assert "编辑独有词汇辰巳" in fragments(output)[EDITED_URL]["text"]
    assert digest_tree(os.path.join(output, INDEX)) == clean_index(content, tmp_path, monkeypatch)


def test_lost_corrupt_or_stale_shards_give_the_index_of_a_clean_build(tmp_path, monkeypatch):
    # a shard is only a cache: whatever is wrong with it, its pages are cut again
    import xcfl_cache
    from helpers import article, write
    from xcfl_search.store import CATALOG, Store, shard_name, shard_of

    content, cache, output = built_with_cache(tmp_path, monkeypatch)
    folder = cache / "search"
    edited = folder / shard_name(shard_of(EDITED_URL))
    others = sorted(set(os.listdir(folder)) - {CATALOG, edited.name})
    before_edit = edited.read_bytes()
    # the edited page's shard corrupt (its old keys unknown: all buckets anew),
    # another lost, another holding a third one's pages
    edited.write_bytes(before_edit[:100])
    os.remove(folder / others[0])
    shutil.copy(folder / others[1], folder / others[2])
    append_paragraph(content, "编辑独有词汇午未")
    build(content, output)
    assert digest_tree(os.path.join(output, INDEX)) == clean_index(content, tmp_path, monkeypatch)
    # the shards it read were made right again
    stamp = Store(None).stamp
    assert xcfl_cache.load(str(edited), stamp) and (folder / others[0]).exists()
    # a stale shard (the edited page before the edit, under the same stamp), then a
    # new article: every page's keys are read, and the stale text is not taken
    monkeypatch.setenv("XCFL_CACHE_PATH", str(cache))
    edited.write_bytes(before_edit)
    write(os.path.join(content, "articles", "2030-01-01-new.md"),
          article(title="新文章", date="2030-01-01", body="新文章的正文。"))
    build(content, output)
    assert "编辑独有词汇午未" in fragments(output)[EDITED_URL]["text"]
    assert digest_tree(os.path.join(output, INDEX)) == clean_index(content, tmp_path, monkeypatch)


def test_a_cache_of_other_code_is_ignored_and_replaced(tmp_path, monkeypatch):
    # every file of the cache carries the stamp of the plugin's code: a cache of
    # other code is never read (here: it says every page holds a canary word),
    # and files of older layouts are removed
    import pickle

    import xcfl_cache
    from helpers import article, write
    from xcfl_search import store
    from xcfl_search.index import IndexedPage

    content, cache, output = built_with_cache(tmp_path, monkeypatch)
    folder = cache / "search"
    stamp = store.Store(None).stamp
    canary = "其他代码的缓存词"
    for name in os.listdir(folder):
        entries = xcfl_cache.load(str(folder / name), stamp)
        assert entries, name
        if name != store.CATALOG:
            entries = {url: (digest, tuple(IndexedPage._make(page)._replace(
                fragment=json.dumps({**json.loads(page[4]), "text": canary}, ensure_ascii=False))))
                for url, (digest, page) in entries.items()}
        xcfl_cache.save(str(folder / name), (stamp[0], "other code"), entries)
    monkeypatch.setattr(store, "code_fingerprint", lambda: "other code")
    other = store.Store(str(cache))
    assert other.rows and other.page(EDITED_URL, other.digests[EDITED_URL]).fragment.count(canary)
    monkeypatch.undo()
    monkeypatch.setenv("XCFL_CACHE_PATH", str(cache))
    with open(cache / "search.pickle", "wb") as handle:  # the single file of before
        pickle.dump((stamp, {}), handle)
    (folder / "pages-99.pickle").write_bytes(b"")
    write(os.path.join(content, "articles", "2030-01-01-new.md"),  # all buckets anew
          article(title="新文章", date="2030-01-01", body="新文章的正文。"))
    build(content, output)
    assert not [url for url, page in fragments(output).items() if canary in page["text"]]
    assert digest_tree(os.path.join(output, INDEX)) == clean_index(content, tmp_path, monkeypatch)
    assert not (cache / "search.pickle").exists() and not (folder / "pages-99.pickle").exists()
    assert all(xcfl_cache.load(str(folder / name), stamp) for name in os.listdir(folder))


class KnownPages:
    """index.build's source of IndexedPages, from lists."""

    def __init__(self, current, previous=()):
        self.now = {page.url: page for page in current}
        self.before = {page.url: page for page in previous}

    def current(self, urls):
        return {url: self.now[url] for url in urls}

    def previous(self, urls):
        return {url: self.before[url] for url in urls if url in self.before}


def test_updating_buckets_gives_the_files_of_a_full_build(tmp_path, monkeypatch):
    from xcfl_search import index
    from xcfl_search.extract import PageText
    from xcfl_search.index import REUSE, Previous, build, indexed_page, info_of, still_there, write

    monkeypatch.setattr(index, "BUCKET_ENTRIES", 20)  # many buckets for few pages

    def pages(texts):
        return [indexed_page(PageText(f"/a/{n}/", f"标题{n}", "新闻", "", f"2024-01-{n + 1:02d}", text))
                for n, text in enumerate(texts)]

    def rebuilt(after, before, folder, lost=(), altered=()):
        """The files of `after` built with the previous build of `before` in
        `folder`, whose files `lost` were deleted meanwhile and `altered` given
        other bytes of the same length, keeping their mtime and inode."""
        files, version = build(map(info_of, before), KnownPages(before))
        records = write(files, str(folder))
        for name in lost:
            os.remove(folder / name)
        for name in altered:
            info = os.stat(folder / name)
            with open(folder / name, "r+b") as handle:
                data = handle.read().replace("妇女".encode(), "好女".encode())
                handle.seek(0)
                handle.write(data)
            os.utime(folder / name, ns=(info.st_atime_ns, info.st_mtime_ns))
        previous = Previous(version, {page.url: info_of(page).digest for page in before}, str(folder),
                            still_there(str(folder), records))
        return build(map(info_of, after), KnownPages(after, before), previous)[0]

    def contents(files, folder):
        return {name: (folder / name).read_bytes() if data is REUSE else data for name, data in files.items()}

    before = pages(["妇女之家开展活动", "巧娘剪纸", "最美家庭评选", "Ｗｉｆｉ 覆盖"] + [f"其他{n}" for n in range(60)])
    after = pages(["妇女之家开展活动", "巧娘剪纸与面塑", "最美家庭", "Ｗｉｆｉ 覆盖"] + [f"其他{n}" for n in range(60)])
    updated = rebuilt(after, before, tmp_path / "one")
    full = build(map(info_of, after), KnownPages(after))[0]
    assert contents(updated, tmp_path / "one") == full
    # only what changed is made anew: the two pages' files (pages 1 and 2), their
    # keys' buckets, meta.json
    made = {name for name, data in updated.items() if data is not REUSE}
    assert {"p/0.json", "meta.json"} <= made
    assert {name for name in made if name.startswith("p/")} == \
        {f"p/{number // index.PAGES_PER_FILE}.json" for number in (1, 2)}
    assert len([name for name in full if name.startswith("p/")]) == 64 // index.PAGES_PER_FILE
    # the unchanged pages of p/0.json come from the current pages when its last file is gone
    assert contents(rebuilt(after, before, tmp_path / "lost", ["p/0.json"]), tmp_path / "lost") == full
    # ... and when its last file has other bytes that its size, mtime and inode do not show
    assert contents(rebuilt(after, before, tmp_path / "altered", altered=["p/0.json"]),
                    tmp_path / "altered") == full
    buckets = [name for name in full if name.startswith("b/")]
    assert len(buckets) >= 16 and 0 < len(made & set(buckets)) < len(buckets) // 2
    # a page that comes or goes renumbers pages: a full build
    fewer = rebuilt(after[:3], before, tmp_path / "two")
    assert REUSE not in fewer.values() and fewer == build(map(info_of, after[:3]), KnownPages(after[:3]))[0]
    # a previous file that is gone or changed is never taken: made anew
    (tmp_path / "one" / "b" / "0.json").write_text("{}")
    again = rebuilt(after, before, tmp_path / "one")
    assert contents(again, tmp_path / "one") == full


def test_meta_carries_the_synonym_table_and_fold_files_the_opencc_table(dev_site):
    # content/search-synonyms.txt, normalised as text is; fold.py's table for search.js
    meta = read_json(dev_site, "meta.json")
    assert ["家暴", "家庭暴力"] in meta["synonyms"]
    assert all(len(group) >= 2 for group in meta["synonyms"])
    table = {}
    for number in range(meta["foldFiles"]):  # each character in the file of its code point
        fold = read_json(dev_site, f"f/{number}.json")
        assert len(fold["from"]) == len(fold["to"]) > 0 and "OpenCC" in fold["source"]
        assert all(ord(character) % meta["foldFiles"] == number for character in fold["from"])
        table.update(zip(fold["from"], fold["to"]))
    assert len(table) > 2900
    assert "".join(table.get(c, c) for c in "婦女聯合會") == "妇女联合会"
