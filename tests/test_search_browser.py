"""Search in headless Chromium against the built sample site: quality of results and the page."""

import os
from urllib.parse import parse_qs, quote, urlparse

import pytest

from helpers import html_pages, soup

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
    ("家庭阅读", {}, ["/family/2024/shuxiang-family-reading/"]),  # not 书香, 椿树: docs/search.md
    ("幸福课堂", {}, ["/news/2021/xingfu-ketang-summer/"]),
    ("无障碍", {}, ["/accessibility/"]),  # a standing page
    ("巧娘 剪纸", {}, ["/news/2017/qiaoniang-association/"]),  # two terms
    ("妇女之家 展览路", {}, ["/organization/2022/zhanlanlu-women-home/"]),
    ("剪纸", {"类型": "新闻"}, ["/news/2017/qiaoniang-association/",
                              "/family/2019/family-day-lecture/"]),
    ("家庭", {"街道": "德胜街道"}, ["/family/2019/family-day-lecture/",
                                  "/rights/2020/anti-domestic-violence-campaign-2020/"]),
]

SEARCH_API = """async ([query, filters]) => {
  const pagefind = await import("/pagefind/pagefind.js");
  const search = await pagefind.search(query, { filters });
  const data = await Promise.all(search.results.map((result) => result.data()));
  return data.map((item) => ({ url: item.url, filters: item.filters }));
}"""


def api_search(page, site_url, query, filters=None):
    if not page.url.startswith(site_url + "/search/"):
        page.goto(site_url + "/search/")
    return page.evaluate(SEARCH_API, [query, filters or {}])


def wait_for_results(page):
    page.wait_for_function(
        "() => { const s = document.getElementById('search-status').textContent;"
        " return s && !s.includes('正在'); }")


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


@pytest.mark.parametrize("collection", ["families", "studios", "teams"])
def test_a_record_is_found_by_its_name(page, site_url, dev_site, collection):
    for url in record_pages(dev_site, collection)[:3]:
        name = soup(dev_site, url.strip("/") + "/index.html").find("h1").get_text(strip=True)
        urls = [r["url"] for r in api_search(page, site_url, name)]
        assert url in urls, (name, urls)


def test_drafts_and_private_values_are_never_found(page, site_url):
    from test_search_index import DRAFT_CANARY, private_values

    for canary in [DRAFT_CANARY] + private_values():
        assert api_search(page, site_url, canary) == [], canary


def test_a_substring_across_two_words_matches_only_loosely(page, site_url):
    # docs/search.md: 美家 (最美|家庭) is no word; each character is looked up
    # on its own, so results need not contain 美家. A quoted phrase finds nothing.
    assert api_search(page, site_url, '"美家"') == []
    assert api_search(page, site_url, '"最美家庭"')


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
    assert page.locator("[data-pagefind-body]").count() == 1


def test_typing_updates_the_address_and_the_results(page, site_url):
    page.goto(site_url + "/search/")
    wait_for_results(page)
    assert page.inner_text("#search-status") == "请输入关键词，或选择类型、街道。"
    page.fill("#search-page-query", "绒花")
    page.wait_for_function("() => document.getElementById('search-status').textContent.includes('绒花')")
    assert parse_qs(urlparse(page.url).query) == {"q": ["绒花"]}
    assert "/women/2018/ronghua-qiaoniang/" in page.eval_on_selector_all(
        "#search-results a", "els => els.map(e => e.getAttribute('href'))")


def test_filters_are_labelled_counted_and_shared_in_the_address(page, site_url):
    page.goto(site_url + "/search/?q=" + quote("家庭"))
    wait_for_results(page)
    options = page.eval_on_selector_all("#search-filter-type option", "els => els.map(e => e.textContent)")
    assert options[0] == "全部" and any(o.startswith("新闻（") for o in options)
    page.select_option("#search-filter-street", "德胜街道")
    page.wait_for_function("() => new URLSearchParams(location.search).get('street') === '德胜街道'")
    wait_for_results(page)
    page.wait_for_function("() => document.querySelectorAll('#search-results > li').length === 2")
    # the shared address opens the same filtered search
    page.goto(page.url)
    wait_for_results(page)
    assert page.input_value("#search-filter-street") == "德胜街道"
    assert page.locator("#search-results > li").count() == 2


def test_more_results_on_request(page, site_url):
    page.goto(site_url + "/search/?q=" + quote("工作"))
    wait_for_results(page)
    assert page.locator("#search-results > li").count() == 10
    page.click("#search-more")
    page.wait_for_function("() => document.querySelectorAll('#search-results > li').length > 10")


def test_header_search_box_lands_on_results(page, site_url):
    page.goto(site_url + "/about/")
    page.fill("#site-search", "最美家庭")
    page.press("#site-search", "Enter")
    page.wait_for_url("**/search/?q=*")
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
