"""The search page driven as a reader drives it (typing, Enter, the address,
filters, 显示更多) in Chromium, asserting what the page shows: every result
holds the query, no result is invented, partial matches are apart and marked,
and the words people type (synonyms, traditional characters, a name with a
space) find the pages (issue 16, docs/search.md)."""

from urllib.parse import quote

import pytest

from helpers import copy_content, run_check, stderr_lines, write
from test_search_browser import WAIT_MS, indexed_texts, wait_for_results

pytestmark = pytest.mark.browser


def open_search(page, site_url, query=""):
    page.goto(site_url + "/search/" + ("?q=" + quote(query) if query else ""))
    wait_for_results(page)


def shown(page, selector="#search-results"):
    """(href, title) of the results shown in a list."""
    return page.eval_on_selector_all(
        selector + " > li h3 a", "links => links.map((a) => [a.getAttribute('href'), a.textContent])")


def status(page):
    return page.inner_text("#search-status")


def type_query(page, query):
    page.fill("#search-page-query", "")
    page.type("#search-page-query", query)
    page.press("#search-page-query", "Enter")
    page.wait_for_function(
        "(q) => new URLSearchParams(location.search).get('q') === q", arg=query, timeout=WAIT_MS)
    wait_for_results(page)


def holding(dev_site, *words):
    return {url for url, text in indexed_texts(dev_site).items() if all(w in text for w in words)}


def test_typing_and_enter_show_only_pages_holding_the_phrase(page, site_url, dev_site):
    open_search(page, site_url)
    type_query(page, "书香家春秋")
    urls = {url for url, _ in shown(page)}
    assert urls == holding(dev_site, "书香家春秋")
    assert status(page) == f"“书香家春秋”共找到 {len(urls)} 条结果"
    # 书香家庭: its pairs (书香, 香家, 家庭) are on pages that do not hold it
    type_query(page, "书香家庭")
    urls = {url for url, _ in shown(page)}
    assert urls == holding(dev_site, "书香家庭") != set()
    assert "/family/2024/shuxiang-family-reading/" not in urls  # holds 书香家春秋…家庭 only
    assert holding(dev_site, "书香", "香家", "家庭") - urls
    assert status(page) == f"“书香家庭”共找到 {len(urls)} 条结果"
    assert page.input_value("#search-page-query") == "书香家庭"


def test_the_address_runs_its_search_and_the_title_match_comes_first(page, site_url, dev_site):
    open_search(page, site_url, "家庭暴力")
    results = shown(page)
    assert {url for url, _ in results} >= holding(dev_site, "家庭暴力")
    assert results[0][0] == "/rights/2020/anti-domestic-violence-campaign-2020/"
    in_title = ["家庭暴力" in title for _, title in results]
    assert in_title == sorted(in_title, reverse=True)


def test_no_page_holds_it_then_partial_matches_apart_marked_and_capped(page, site_url, dev_site):
    assert not holding(dev_site, "家庭最美")
    open_search(page, site_url, "家庭最美")
    assert status(page) == "没有找到包含“家庭最美”的结果。下面列出只包含其中部分字词的网页。"
    assert shown(page) == []
    assert page.is_visible("#search-partial")
    assert page.inner_text("#search-partial h2") == "部分匹配"
    partial = shown(page, "#search-partial-results")
    assert "/notices/2023/zuimei-jiating-notice/" in {url for url, _ in partial}
    assert 0 < len(partial) <= 10
    labels = page.eval_on_selector_all("#search-partial-results > li",
                                       "items => items.map((li) => li.querySelector('.xc-result__partial').textContent)")
    assert labels == ["部分匹配"] * len(partial)
    while page.is_visible("#search-more"):
        before = len(shown(page, "#search-partial-results"))
        page.click("#search-more")
        page.wait_for_function("(n) => document.querySelectorAll('#search-partial-results > li').length > n",
                               arg=before, timeout=WAIT_MS)
    assert len(shown(page, "#search-partial-results")) <= 30


def test_a_query_on_no_page_shows_nothing_but_saying_so(page, site_url, dev_site):
    for query in ("具绍", "国教"):
        assert not holding(dev_site, query)
        open_search(page, site_url, query)
        assert status(page) == f"没有找到包含“{query}”的结果。可以换个关键词，或减少筛选条件。"
        assert shown(page) == [] and shown(page, "#search-partial-results") == []
        assert page.is_hidden("#search-partial") and page.is_hidden("#search-more")


def test_more_button_shows_ten_at_a_time_until_all(page, site_url, dev_site):
    open_search(page, site_url, "巧娘")
    total = len(holding(dev_site, "巧娘"))
    assert total > 20 and status(page) == f"“巧娘”共找到 {total} 条结果"
    assert len(shown(page)) == 10
    page.click("#search-more")
    page.wait_for_function("() => document.querySelectorAll('#search-results > li').length === 20",
                           timeout=WAIT_MS)
    page.click("#search-more")
    page.wait_for_function("(n) => document.querySelectorAll('#search-results > li').length === n",
                           arg=total, timeout=WAIT_MS)
    assert page.is_hidden("#search-more")
    assert {url for url, _ in shown(page)} == holding(dev_site, "巧娘")


def test_a_filter_keeps_its_pages_its_count_and_the_address(page, site_url, dev_site):
    open_search(page, site_url, "剪纸")
    label = page.eval_on_selector("#search-filter-type", "s => [...s.options].find((o) => o.value === '新闻').textContent")
    page.select_option("#search-filter-type", "新闻")
    page.wait_for_function("() => location.search.includes('type=')", timeout=WAIT_MS)
    wait_for_results(page)
    types = page.eval_on_selector_all("#search-results .xc-result__type", "e => e.map((p) => p.textContent)")
    assert types and set(types) == {"新闻"}
    assert label == f"新闻（{len(types)}）"
    assert status(page) == f"“剪纸”共找到 {len(types)} 条结果"


@pytest.mark.parametrize("query, finds", [
    ("家暴", "家庭暴力"),  # content/search-synonyms.txt
    ("三八节", "国际妇女节"),
    ("妇女联合会", "妇联"),
])
def test_a_synonym_finds_the_pages_that_use_the_other_word(page, site_url, dev_site, query, finds):
    open_search(page, site_url, query)
    urls = {url for url, _ in shown(page, "#search-results")}
    wanted = holding(dev_site, finds) | holding(dev_site, query)
    if len(wanted) <= 10:
        assert urls == wanted
    else:
        assert len(urls) == 10 and urls <= wanted
        assert status(page) == f"“{query}”共找到 {len(wanted)} 条结果"
    assert holding(dev_site, finds) - holding(dev_site, query)  # the synonym added pages


def test_traditional_characters_find_the_simplified_pages(page, site_url, dev_site):
    open_search(page, site_url, "妇女之家")
    simplified = shown(page)
    open_search(page, site_url, "婦女之家")
    assert shown(page) == simplified and simplified
    assert status(page) == f"“婦女之家”共找到 {len(holding(dev_site, '妇女之家'))} 条结果"
    assert page.locator("#search-results mark").first.inner_text() == "妇女之家"


@pytest.mark.parametrize("query", ["陈 志刚", "陈 志 刚", "陳志剛"])
def test_a_name_with_spaces_or_in_traditional_characters(page, site_url, dev_site, query):
    open_search(page, site_url, query)
    assert {url for url, _ in shown(page)} == holding(dev_site, "陈志刚") != set()
    assert shown(page)[0][0] == "/families/chen-family-niujie/"


def test_two_words_stay_two_terms(page, site_url, dev_site):
    open_search(page, site_url, "巧娘 剪纸")
    assert {url for url, _ in shown(page)} == holding(dev_site, "巧娘", "剪纸") != set()


def test_a_page_in_traditional_characters_is_found_by_simplified_ones(tmp_path, chromium):
    from browser import serve
    from helpers import build

    content = copy_content(str(tmp_path / "content"))
    write(f"{content}/articles/2024/2024-05-01-fanti.md",
          "Title: 婦女聯合會舉辦讀書會\nDate: 2024-05-01\nCategory: 工作动态\nSlug: fanti\n\n"
          "臺灣同胞與西城區婦女共讀經典。\n")
    output = build(content, str(tmp_path / "out"))
    server, url = serve(output)
    try:
        context = chromium.new_context()
        tab = context.new_page()
        open_search(tab, url, "妇女联合会举办")
        assert [title for _, title in shown(tab)] == ["婦女聯合會舉辦讀書會"]
        open_search(tab, url, "台湾同胞")
        assert [title for _, title in shown(tab)] == ["婦女聯合會舉辦讀書會"]
        assert tab.locator("#search-results mark").first.inner_text() == "臺灣同胞"
        context.close()
    finally:
        server.shutdown()


def test_synonym_table_mistakes_are_reported_with_file_and_line(tmp_path):
    content = copy_content(str(tmp_path / "content"))
    write(f"{content}/search-synonyms.txt", "# 说明\n家暴 家庭暴力\n三八节\n妇联 ——\n")
    result = run_check(content)
    assert result.returncode == 1
    path = "search-synonyms.txt"  # as make check shows it, from the content folder
    assert stderr_lines(result) == [
        f"{path}:3: 同义词: 这一行只有一个词“三八节”；每行写两个或更多意思相同的词，用空格或顿号隔开，例如 家暴 家庭暴力",
        f"{path}:4: 同义词: “——”里没有汉字、字母或数字，不能作为搜索用词；请删掉它",
        f"{path}:4: 同义词: 这一行只有一个词“妇联”；每行写两个或更多意思相同的词，用空格或顿号隔开，例如 家暴 家庭暴力",
        "共发现 3 个内容问题，网站未生成。请按上面的提示修改后重试。",
    ]


def test_a_long_query_on_no_page_is_checked_a_few_pages_at_a_time(tmp_path, chromium):
    """Fifty pages hold the triples of 街道妇联执委会议 apart, one the phrase: the
    reader is told after twenty checked pages, not after all of them, and 继续查找
    goes on until the page holding it is shown."""
    from browser import serve
    from helpers import build

    content = copy_content(str(tmp_path / "content"))
    for day in range(50):
        write(f"{content}/articles/2024/2024-06-{day % 28 + 1:02d}-apart-{day}.md",
              f"Title: 社区活动{day}\nDate: 2024-06-{day % 28 + 1:02d}\nCategory: 工作动态\n"
              f"Slug: apart-{day}\n\n街道妇联执委会召开，居委会议事厅开放。\n")
    write(f"{content}/articles/2023/2023-01-02-holding.md",
          "Title: 社区活动\nDate: 2023-01-02\nCategory: 工作动态\nSlug: holding\n\n"
          "本周召开街道妇联执委会议。\n")
    output = build(content, str(tmp_path / "out"))
    server, url = serve(output)
    try:
        context = chromium.new_context()
        tab = context.new_page()
        loaded = []
        tab.on("request", lambda request: loaded.append(request.url))
        open_search(tab, url, "街道妇联执委会议")
        assert shown(tab) == []
        assert status(tab) == ("已核对 20 个可能的网页，都不包含“街道妇联执委会议”。"
                               "还有 31 个网页未核对，可以点“继续查找”。")
        assert len([u for u in loaded if "/search-index/p/" in u]) <= 20
        more = tab.locator("#search-more")
        assert more.inner_text() == "继续查找"
        more.click()
        tab.wait_for_function("() => document.getElementById('search-status').textContent.includes('40')")
        assert shown(tab) == []
        assert status(tab) == ("已核对 40 个可能的网页，都不包含“街道妇联执委会议”。"
                               "还有 11 个网页未核对，可以点“继续查找”。")
        more.click()
        tab.wait_for_function("() => document.querySelectorAll('#search-results > li').length > 0")
        [(href, title)] = shown(tab)
        assert href.endswith("/holding/") and title == "社区活动"
        assert status(tab) == "“街道妇联执委会议”共找到 1 条结果"
        assert more.is_hidden()
        context.close()
    finally:
        server.shutdown()
