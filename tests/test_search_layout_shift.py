"""The search page does not move under the reader: its cumulative layout shift
(Chromium's layout-shift entries, as Lighthouse counts them) stays at most 0.05,
with and without a query, on a phone and a desktop, while the script and the
index arrive late (as on a slow connection: the page is painted before them)."""

import time

import pytest

pytestmark = pytest.mark.browser

LIMIT = 0.05
DELAY_S = 0.4  # each script and index file arrives this late
# Every shift so far (buffered), with what moved, to say what to fix.
SHIFTS = """() => new Promise(resolve => {
  const shifts = [];
  new PerformanceObserver(list => {
    for (const entry of list.getEntries()) {
      if (entry.hadRecentInput) continue;
      shifts.push([entry.value, entry.sources.map(s => s.node ? s.node.nodeName + '.' + (s.node.className || '') : '?')]);
    }
  }).observe({type: 'layout-shift', buffered: true});
  setTimeout(() => resolve(shifts), 200);
})"""
STATUS = "document.getElementById('search-status').textContent"


def late(route):
    time.sleep(DELAY_S)
    route.continue_()


def settled(page):
    """Waits for the search's last words (not 'searching…'), polled from here:
    the page's real policy forbids the evaluated strings wait_for_function uses."""
    for _ in range(600):
        text = page.evaluate(STATUS)
        if text and "正在" not in text:
            return text
        time.sleep(0.1)
    raise AssertionError("the search never finished")


@pytest.mark.parametrize("query", ["", "?q=巧娘"])
@pytest.mark.parametrize("width,height", [(390, 844), (1280, 900)])
def test_search_page_does_not_shift(chromium, sample_url, width, height, query):
    context = chromium.new_context(viewport={"width": width, "height": height},
                                   locale="zh-CN", bypass_csp=False)
    page = context.new_page()
    page.route(lambda url: url.endswith(".js") or "/search-index/" in url, late)
    try:
        page.goto(sample_url + "/search/" + query)
        status = settled(page)
        if query:
            assert "条结果" in status
            assert page.locator("#search-results > li").count() > 0
        page.wait_for_timeout(300)  # a shift after the last words would count too
        shifts = page.evaluate(SHIFTS)
    finally:
        context.close()
    assert sum(value for value, _ in shifts) <= LIMIT, shifts


def test_scrollbar_keeps_its_room(page, sample_url):
    """Headless Chromium draws no scrollbar, so the test above cannot see one come
    and go; the rule that keeps its room on every page is checked here."""
    page.goto(sample_url + "/search/")
    assert page.evaluate("getComputedStyle(document.documentElement).scrollbarGutter") == "stable"


def test_without_javascript_the_message_shows_and_the_app_does_not(chromium, sample_url):
    context = chromium.new_context(java_script_enabled=False, viewport={"width": 390, "height": 844})
    page = context.new_page()
    page.goto(sample_url + "/search/?q=巧娘")
    assert page.locator("#search-nojs").is_visible()
    assert not page.locator("#search-app").is_visible()
    context.close()
