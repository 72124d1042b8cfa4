"""The header search form, in a real browser: typing a query lands on /search/?q=."""

import pytest

pytestmark = pytest.mark.browser


def test_header_search_form_submits_to_search_page(page, site_url):
    page.goto(site_url + "/")
    page.fill("#site-search", "巧娘")
    page.press("#site-search", "Enter")
    page.wait_for_url("**/search/?q=*")
    assert page.url.endswith("/search/?q=%E5%B7%A7%E5%A8%98")
    assert page.locator("h1").inner_text() == "站内搜索"


def test_skip_link_is_first_and_moves_focus_to_main(page, site_url):
    page.goto(site_url + "/news/")
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.getAttribute('href')")
    assert focused == "#main-content"
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main-content"
