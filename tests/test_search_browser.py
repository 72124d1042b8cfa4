"""Search in headless Chromium against the built sample site: quality of results and the page."""

import os
import re
from urllib.parse import parse_qs, quote, urlparse

import pytest
import yaml

from helpers import CONTENT, html_pages, soup
from test_search_index import fragments

pytestmark = pytest.mark.browser

# (query, filters, pages that must be among the results). Expectations come from content/.
QUERIES = [
    ("巧娘", {}, ["/news/2017/qiaoniang-association/", "/women/2018/ronghua-qiaoniang/",
                 "/notices/2026/qiaoniang-studio-application/"]),
    ("剪纸", {}, ["/news/2017/qiaoniang-association/", "/family/2019/family-day-lecture/",
                 "/about/"]),
    ("最美家庭", {}, ["/notices/2023/zuimei-jiating-notice/", "/family/2019/family-day-lecture/"]),
    ("家庭暴力", {}, ["/rights/2020/anti-domestic-violence-campaign-2020/"]),
    ("反家暴", {}, ["/rights/2020/anti-domestic-violence-campaign-2020/"]),
    # the seed article names the 妇女之家 network
    ("妇女之家", {}, ["/news/2018/reform-achievements/", "/organization/2022/zhanlanlu-women-home/"]),
    ("蔡秀兰", {}, ["/women/2018/ronghua-qiaoniang/"]),  # a person's name
    ("牛街", {}, ["/organization/2019/niujie-community-election/"]),  # a street
    ("绒花", {}, ["/women/2018/ronghua-qiaoniang/"]),
    ("调解", {}, ["/rights/2018/marriage-mediation-studio/"]),
    ("爱心助老", {}, ["/women/2023/aixin-zhulao-baizhifang/"]),
    ("网络文明", {}, ["/women/2022/online-civility-volunteers/"]),
    ("家庭阅读", {}, ["/family/2024/shuxiang-family-reading/"]),
    # missed before the index held one word per character (docs/search.md)
    ("书香", {}, ["/family/2024/shuxiang-family-reading/"]),
    ("书香家春秋", {}, ["/family/2024/shuxiang-family-reading/"]),
    ("椿树", {}, ["/family/2024/shuxiang-family-reading/"]),
    ("志刚", {}, ["/families/chen-family-niujie/"]),
    ("幸福课堂", {}, ["/news/2021/xingfu-ketang-summer/"]),
    ("无障碍", {}, ["/accessibility/"]),  # a standing page
    ("巧娘 剪纸", {}, ["/news/2017/qiaoniang-association/"]),  # two terms
    ("妇女之家 展览路", {}, ["/organization/2022/zhanlanlu-women-home/"]),
    ("剪纸", {"类型": "新闻"}, ["/news/2017/qiaoniang-association/",
                              "/family/2019/family-day-lecture/"]),
    ("家庭", {"街道": "德胜街道"}, ["/family/2019/family-day-lecture/",
                                  "/rights/2020/anti-domestic-violence-campaign-2020/"]),
]

# The search page's own search (search.js `find`, then each result's page file).
SEARCH_API = """async ([query, filters]) => {
  const search = await window.xcfl.find(query, filters);
  const data = await Promise.all(search.results.map(window.xcfl.pageData));
  return data.map((item) => ({ url: item.url, title: item.title, text: item.text,
                               filters: { "类型": [item.type], "街道": item.street ? [item.street] : [] } }));
}"""
# Bounded waits on real conditions (the machine may be busy with the other worker).
WAIT_MS = 60_000


def api_search(page, site_url, query, filters=None):
    if not page.url.startswith(site_url + "/search/"):
        page.goto(site_url + "/search/")
    page.wait_for_function("() => window.xcfl", timeout=WAIT_MS)
    return page.evaluate(SEARCH_API, [query, filters or {}])


def wait_for_results(page):
    page.wait_for_function(
        "() => { const s = document.getElementById('search-status').textContent;"
        " return s && !s.includes('正在'); }", timeout=WAIT_MS)


def result_links(page):
    return page.eval_on_selector_all("#search-results a", "els => els.map(e => e.getAttribute('href'))")


@pytest.mark.parametrize("query, filters, expected", QUERIES,
                         ids=[f"{q}{'|' + str(f) if f else ''}" for q, f, _ in QUERIES])
def test_query_finds_the_expected_pages(page, site_url, query, filters, expected):
    results = api_search(page, site_url, query, filters)
    urls = [result["url"] for result in results]
    for url in expected:
        assert url in urls, (query, url, urls)
    for result in results:  # a filtered query returns only matching pages
        for name, value in filters.items():
            assert value in result["filters"].get(name, []), (query, result)


def test_type_filter_keeps_standing_pages_out(page, site_url):
    all_urls = [r["url"] for r in api_search(page, site_url, "剪纸")]
    news_urls = [r["url"] for r in api_search(page, site_url, "剪纸", {"类型": "新闻"})]
    assert "/about/" in all_urls and "/about/" not in news_urls


def record_pages(output, collection):
    return ["/" + path[: -len("index.html")] for path in html_pages(output)
            if path.startswith(collection + "/") and path.count("/") == 2]


def test_qiaoniang_finds_every_studio_record(page, site_url, dev_site):
    studios = record_pages(dev_site, "studios")
    urls = [r["url"] for r in api_search(page, site_url, "巧娘")]
    assert "/women/2018/ronghua-qiaoniang/" in urls
    for url in studios:  # once the records branch is merged
        assert url in urls, url
    if studios:
        typed = [r["url"] for r in api_search(page, site_url, "巧娘", {"类型": "巧娘工作室"})]
        assert sorted(typed) == sorted(studios)


@pytest.mark.parametrize("query, first", [
    ("巧娘", "/studios/"),  # every 巧娘工作室 before any page that only mentions 巧娘
    ("最美家庭", None),
    ("家庭暴力", "/rights/"),
])
def test_pages_whose_title_holds_the_query_rank_first(page, site_url, dev_site, query, first):
    results = api_search(page, site_url, query)
    titles = [r["title"] for r in results]
    in_title = [query in title for title in titles]
    assert any(in_title), titles
    # every title match comes before every page that holds the words only in its text
    assert in_title == sorted(in_title, reverse=True), titles
    if first:
        assert results[0]["url"].startswith(first), [r["url"] for r in results]


@pytest.mark.parametrize("collection", ["families", "studios", "teams"])
def test_a_record_is_found_by_its_name(page, site_url, dev_site, collection):
    records = record_pages(dev_site, collection)
    assert records
    for url in records:  # every record of content/data
        name = soup(dev_site, url.strip("/") + "/index.html").find("h1").get_text(strip=True)
        urls = [r["url"] for r in api_search(page, site_url, name)]
        assert url in urls, (name, urls)


def indexed_texts(output):
    """{url: the title and text the index holds for the page}."""
    return {url: record["title"] + " " + record["text"] for url, record in fragments(output).items()}


def street_names():
    with open(os.path.join(CONTENT, "data", "streets.yaml"), encoding="utf-8") as handle:
        return [street["name"] for street in yaml.safe_load(handle)]


@pytest.mark.parametrize("full", street_names())
def test_a_street_is_found_by_its_short_and_full_name(page, site_url, dev_site, full):
    texts = indexed_texts(dev_site)
    for name in (full.removesuffix("街道"), full):  # 牛街, 牛街街道
        holding = {url for url, text in texts.items() if name in text}
        urls = {r["url"] for r in api_search(page, site_url, name)}
        assert holding, name  # every street is named on some page
        assert holding <= urls, (name, sorted(holding - urls))


HAN_RUN = re.compile(r"[\u4e00-\u9fff]{2,}")


def titles(output):
    return {url: record["title"] for url, record in fragments(output).items()}


def middle(text, length):
    """`length` characters from the middle of the text's longest run of Chinese."""
    run = max(HAN_RUN.findall(text), key=len, default="")
    start = max(len(run) // 2 - length // 2, 0)
    return run[start:start + length]


def test_every_page_is_found_by_any_part_of_its_title_or_text(page, site_url, dev_site):
    # Every character and every pair of neighbouring characters is indexed: any run of
    # characters finds the pages holding it, wherever a dictionary would cut words.
    texts = indexed_texts(dev_site)
    missed = []
    for url, record in sorted(fragments(dev_site).items()):
        for part in {middle(record["title"], 2), middle(record["title"], 4),
                     middle(record["text"], 2), middle(record["text"], 5)} - {""}:
            holding = {other for other, text in texts.items() if part in text}
            urls = {r["url"] for r in api_search(page, site_url, part)}
            if not holding <= urls:
                missed.append((url, part, sorted(holding - urls)))
    assert not missed


def test_a_phrase_finds_the_pages_that_hold_it_those_with_it_in_the_title_first(page, site_url, dev_site):
    texts = indexed_texts(dev_site)
    names = titles(dev_site)
    for phrase in ("妇女之家", "巧娘工作室", "陈志刚家庭", "最美家庭"):
        results = api_search(page, site_url, phrase)
        urls = [r["url"] for r in results]
        assert {url for url, text in texts.items() if phrase in text} <= set(urls), phrase
        in_title = [phrase in names[url] for url in urls]
        assert in_title == sorted(in_title, reverse=True), (phrase, urls)
        # a page found holds every pair of neighbouring characters of the phrase
        pairs = [a + b for a, b in zip(phrase, phrase[1:])]
        for url in urls:
            assert all(pair in texts[url] for pair in pairs), (phrase, url)


def test_results_are_the_newest_first_after_the_title_matches(page, site_url, dev_site):
    results = api_search(page, site_url, "妇女")
    dates = [fragments(dev_site)[r["url"]]["date"] for r in results if "妇女" not in r["title"]]
    dated = [date for date in dates if date]
    assert len(dated) > 5 and dated == sorted(dated, reverse=True)


def test_full_width_digits_find_the_same_pages(page, site_url, dev_site):
    # NFKC on both sides (keys.py, search.js; case: test_queries_are_cut_and_filed_…)
    texts = indexed_texts(dev_site)
    expected = {url for url, text in texts.items() if "2024" in text}
    assert expected
    for query in ("2024", "２０２４"):
        assert {r["url"] for r in api_search(page, site_url, query)} == expected, query


def test_queries_are_cut_and_filed_exactly_as_the_index(page, site_url):
    # plugins/xcfl_search/keys.py and search.js must agree, or a term finds nothing
    from xcfl_search.keys import bucket_of, runs, term_keys, text_keys

    samples = ["最美家庭", "ＡＢＣ１２３ abc", "妇女之家，展览路（2024）", "㎒ ① Ⅻ", "𠀀𠀁 乾隆",
               "İstanbul ǅ", "x", "a_b-c", "巧娘　剪纸", "ﬁ ｶﾀｶﾅ", "婦女聯合會", "三八国际妇女节"]
    api_search(page, site_url, "")
    browser = page.evaluate("""async ([samples, keys]) => {
        await window.xcfl.loadFold();
        return samples.map((s, i) => {
          const terms = window.xcfl.termsOf(s).map(window.xcfl.fold);
          return [terms, terms.map(window.xcfl.keysOf),
                  keys[i].map((k) => [k, window.xcfl.bucketOf(k, 1024)])];
        });
    }""", [samples, [sorted(text_keys(sample)) for sample in samples]])
    for sample, (terms, looked_up, filed) in zip(samples, browser):
        assert terms == runs(sample), sample
        assert looked_up == [term_keys(term) for term in terms], sample
        assert set(key for keys in looked_up for key in keys) <= text_keys(sample), sample
        assert filed == [[key, bucket_of(key, 1024)] for key in sorted(text_keys(sample))], sample


def test_drafts_and_private_values_are_never_found(page, site_url):
    from test_search_index import DRAFT_CANARY, private_values

    for canary in [DRAFT_CANARY] + private_values():
        # no page holds it; pages that hold its characters apart may be shown
        assert not [r["url"] for r in api_search(page, site_url, canary) if canary in r["text"]], canary


def test_a_substring_across_two_dictionary_words_is_found(page, site_url, dev_site):
    # 美家 (in 最美|家庭) spans two dictionary words; no dictionary cuts the index.
    # Quotes and punctuation only part terms.
    texts = indexed_texts(dev_site)
    for query in ("美家", '"美家"', "作室", "联改"):
        urls = {r["url"] for r in api_search(page, site_url, query)}
        holding = {url for url, text in texts.items() if query.strip('"') in text}
        assert holding and holding == urls, query


def test_characters_apart_are_only_partial_matches_when_no_page_holds_the_phrase(page, site_url, dev_site):
    texts = indexed_texts(dev_site)
    assert not any("家庭最美" in text for text in texts.values())
    assert api_search(page, site_url, "家庭最美") == []
    search = page.evaluate("async () => { const s = await window.xcfl.find('家庭最美');"
                           " return Promise.all(s.partial.map(async (n) => (await window.xcfl.pageData(n)).url)); }")
    assert "/notices/2023/zuimei-jiating-notice/" in search and len(search) <= 30


def test_search_page_runs_the_query_of_its_address(page, site_url):
    page.goto(site_url + "/search/?q=" + quote("巧娘"))
    wait_for_results(page)
    assert page.is_hidden("#search-nojs")
    assert page.is_visible("#search-app")
    assert page.input_value("#search-page-query") == "巧娘"
    status = page.inner_text("#search-status")
    assert "巧娘" in status and "条结果" in status
    first = page.locator("#search-results > li").first
    assert first.locator("h3 a").get_attribute("href").startswith("/")
    assert first.locator(".xc-result__type").inner_text() in {"新闻", "页面", "最美家庭", "巧娘工作室", "志愿服务队"}
    assert page.locator("#search-results mark").count() > 0
    assert page.locator("#search-results time").count() > 0
    assert page.locator("#search-results > li").count() <= 10


def test_results_link_to_existing_pages(page, site_url, dev_site):
    page.goto(site_url + "/search/?q=" + quote("妇女"))
    wait_for_results(page)
    for href in page.eval_on_selector_all("#search-results a", "els => els.map(e => e.getAttribute('href'))"):
        assert os.path.isfile(os.path.join(dev_site, href.strip("/"), "index.html")), href
    page.click("#search-results a >> nth=0")
    page.wait_for_load_state()
    assert page.locator("[data-search-body]").count() == 1


def test_typing_updates_the_address_and_the_results(page, site_url):
    page.goto(site_url + "/search/")
    wait_for_results(page)
    assert page.inner_text("#search-status") == "请输入关键词，或选择类型、街道。"
    page.fill("#search-page-query", "绒花")
    page.wait_for_function("() => document.getElementById('search-status').textContent.includes('绒花')",
                           timeout=WAIT_MS)
    assert parse_qs(urlparse(page.url).query) == {"q": ["绒花"]}
    assert "/women/2018/ronghua-qiaoniang/" in result_links(page)
    # the excerpt reads as written, the match in one <mark>
    assert "绒花" in page.eval_on_selector_all("#search-results mark", "els => els.map(e => e.textContent)")


def test_filters_are_labelled_counted_and_shared_in_the_address(page, site_url):
    expected = {r["url"] for r in api_search(page, site_url, "家庭", {"街道": "德胜街道"})}
    # two articles and, since the records were merged, 德胜's family and team
    assert {"/family/2019/family-day-lecture/", "/rights/2020/anti-domestic-violence-campaign-2020/",
            "/families/wang-family-desheng/", "/teams/desheng-falv/"} <= expected
    page.goto(site_url + "/search/?q=" + quote("家庭"))
    wait_for_results(page)
    options = page.eval_on_selector_all("#search-filter-type option", "els => els.map(e => e.textContent)")
    assert options[0] == "全部" and any(o.startswith("新闻（") for o in options)
    street = page.eval_on_selector_all("#search-filter-street option", "els => els.map(e => e.textContent)")
    assert f"德胜街道（{len(expected)}）" in street
    page.select_option("#search-filter-street", "德胜街道")
    page.wait_for_function("() => new URLSearchParams(location.search).get('street') === '德胜街道'",
                           timeout=WAIT_MS)
    wait_for_results(page)
    assert set(result_links(page)) == expected
    # the shared address opens the same filtered search
    page.goto(page.url)
    wait_for_results(page)
    assert page.input_value("#search-filter-street") == "德胜街道"
    assert set(result_links(page)) == expected


def test_a_first_query_loads_the_index_it_needs_and_no_more(chromium, site_url):
    context = chromium.new_context()
    tab = context.new_page()
    loaded = []
    tab.on("request", lambda request: loaded.append(urlparse(request.url).path))
    tab.goto(site_url + "/search/?q=" + quote("巧娘"))
    wait_for_results(tab)
    tab.wait_for_load_state("networkidle")
    index = [path for path in loaded if path.startswith("/search-index/")]
    buckets = [path for path in index if path.startswith("/search-index/b/")]
    pages = [path for path in index if path.startswith("/search-index/p/")]
    assert index.count("/search-index/meta.json") == 1
    assert 1 <= len(buckets) <= 2  # the buckets of 巧娘: one key
    shown = tab.locator("#search-results > li").count()
    # the shown results' page files (PAGES_PER_FILE pages each), each loaded once
    assert 1 <= len(pages) == len(set(pages)) <= shown <= 10
    assert len(index) == 1 + len(buckets) + len(pages)
    context.close()


def test_results_survive_a_new_build_published_while_the_page_is_open(chromium, dev_site, site_url, tmp_path):
    # A reader holds meta.json of one build and fetches a bucket of the next: the
    # versions differ, search.js reloads meta.json and searches again.
    import shutil

    from browser import serve

    site = tmp_path / "site"
    shutil.copytree(dev_site, site)
    server, url = serve(str(site))
    try:
        context = chromium.new_context()
        tab = context.new_page()
        metas = []
        tab.on("request", lambda request: metas.append(request.url) if request.url.endswith("/meta.json") else None)
        tab.goto(url + "/search/")
        # meta.json loaded: the filters have their options
        tab.wait_for_function("() => document.querySelectorAll('#search-filter-type option').length > 1",
                              timeout=WAIT_MS)
        meta = site / "search-index" / "meta.json"
        old = re.search(r'"v":"(\w+)"', meta.read_text(encoding="utf-8")).group(1)
        for path in (site / "search-index").rglob("*.json"):  # "the next build": a new version
            partial = path.with_suffix(".tmp")  # as rsync does: never a half-written file
            partial.write_text(path.read_text(encoding="utf-8").replace(old, "0" * len(old)), encoding="utf-8")
            partial.replace(path)
        tab.fill("#search-page-query", "绒花")
        tab.wait_for_function("() => document.getElementById('search-status').textContent.includes('绒花')",
                              timeout=WAIT_MS)
        assert "/women/2018/ronghua-qiaoniang/" in result_links(tab)
        assert len(metas) == 2  # loaded again on seeing the new version
        context.close()
    finally:
        server.shutdown()


def test_a_filter_in_the_address_loads_the_filters_at_once(page, site_url):
    page.goto(site_url + "/search/?q=" + quote("家庭") + "&street=" + quote("德胜街道"))
    wait_for_results(page)
    street = page.eval_on_selector_all("#search-filter-street option", "els => els.map(e => e.textContent)")
    assert any(option.startswith("德胜街道（") for option in street), street


def test_more_results_on_request(page, site_url):
    page.goto(site_url + "/search/?q=" + quote("工作"))
    wait_for_results(page)
    assert page.locator("#search-results > li").count() == 10
    page.click("#search-more")
    page.wait_for_function("() => document.querySelectorAll('#search-results > li').length > 10",
                           timeout=WAIT_MS)


def test_header_search_box_lands_on_results(page, site_url):
    page.goto(site_url + "/about/")
    page.fill("#site-search", "最美家庭")
    page.press("#site-search", "Enter")
    page.wait_for_url("**/search/?q=*", timeout=WAIT_MS)
    wait_for_results(page)
    assert "最美家庭" in page.inner_text("#search-status")
    assert page.locator("#search-results > li").count() > 0


def test_without_javascript_the_message_shows(chromium, site_url):
    context = chromium.new_context(java_script_enabled=False)
    tab = context.new_page()
    tab.goto(site_url + "/search/?q=" + quote("巧娘"))
    assert tab.is_visible("#search-nojs")
    assert tab.is_hidden("#search-app")
    context.close()
