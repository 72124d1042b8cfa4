"""The 适老化 toolbar: each control, remembered across pages, applied before
first paint under a strict CSP that allows the one inline script by its hash;
hidden when JavaScript is off, while the menu still works."""

import re

import pytest

from helpers import soup

pytestmark = pytest.mark.browser

CLASSES = "document.documentElement.className"


def open_toolbar(page):
    toggle = page.locator(".xc-a11y__toggle")
    if toggle.is_visible():  # phones: folded
        toggle.click()


def test_controls_change_the_page_and_are_remembered(page, sample_url):
    page.goto(sample_url + "/news/2015/media-sample/")
    open_toolbar(page)
    size = lambda: page.evaluate("parseFloat(getComputedStyle(document.documentElement).fontSize)")
    normal = size()
    for _ in range(3):  # three steps up to 200 %, then it stays there
        page.click("[data-xc-action=bigger]")
    page.click("[data-xc-action=bigger]", force=True)  # aria-disabled, still clickable
    assert size() == pytest.approx(normal * 2)
    assert page.locator(".xc-a11y__level").inner_text() == "文字大小 200%"
    assert page.get_attribute("[data-xc-action=bigger]", "aria-disabled") == "true"
    page.click("[data-xc-action=smaller]")
    assert size() == pytest.approx(normal * 1.5)
    line = lambda: page.evaluate("getComputedStyle(document.querySelector('.xc-prose p')).lineHeight")
    before = line()
    page.click("[data-xc-toggle=spacing]")
    assert line() != before
    page.click("[data-xc-toggle=contrast]")
    assert page.evaluate("getComputedStyle(document.body).backgroundColor") == "rgb(0, 0, 0)"
    assert page.get_attribute("[data-xc-toggle=contrast]", "aria-pressed") == "true"
    page.click("[data-xc-toggle=cursor]")
    assert "cursor-large.svg" in page.evaluate("getComputedStyle(document.body).cursor")

    page.goto(sample_url + "/")  # another page: the same choices
    classes = page.evaluate(CLASSES).split()
    assert {"xc-text-2", "xc-contrast", "xc-spacing", "xc-cursor"} <= set(classes)
    assert page.get_attribute("[data-xc-toggle=contrast]", "aria-pressed") == "true"
    open_toolbar(page)
    page.click("[data-xc-action=reset]")
    assert page.evaluate(CLASSES).split() == ["xc-js"]
    assert size() == pytest.approx(normal)
    page.reload()
    assert page.evaluate(CLASSES).split() == ["xc-js"]


def csp_page(chromium, sample_site, sample_url):
    """A tab whose every HTML response carries the strict policy with the hash
    the build computed (the hash of the inline script of the page itself)."""
    head = soup(sample_site, "index.html").head
    inline = [s for s in head.find_all("script") if not s.get("src")]
    assert len(inline) == 1
    from plugins_hash import csp_hash  # noqa: E402  (tests/plugins_hash.py)
    policy = f"default-src 'self'; script-src 'self' {csp_hash(inline[0].string)}"
    context = chromium.new_context(viewport={"width": 390, "height": 844}, bypass_csp=False)

    def add_policy(route):
        response = route.fetch()
        headers = dict(response.headers, **{"content-security-policy": policy})
        route.fulfill(response=response, headers=headers)

    context.route(re.compile(r".*(/|\.html)(\?.*)?$"), add_policy)
    return context


def test_saved_choice_is_applied_before_first_paint_under_strict_csp(chromium, sample_site, sample_url):
    context = csp_page(chromium, sample_site, sample_url)
    page = context.new_page()
    errors = []
    page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    # When <body> is created, before any paint, record the classes of <html>.
    page.add_init_script("""
      new MutationObserver((records, observer) => {
        if (document.body) { window.__atBody = document.documentElement.className; observer.disconnect(); }
      }).observe(document, {childList: true, subtree: true});
    """)
    page.goto(sample_url + "/")
    page.evaluate("localStorage.setItem('xc-prefs', JSON.stringify({text: 3, contrast: true}))")
    page.reload()
    at_body = page.evaluate("window.__atBody").split()
    assert {"xc-js", "xc-text-3", "xc-contrast"} <= set(at_body)
    assert not [e for e in errors if "Content Security Policy" in e], errors
    open_toolbar(page)  # the deferred external script works under the policy too
    page.click("[data-xc-action=reset]")
    assert page.evaluate(CLASSES).split() == ["xc-js"]
    context.close()


def test_without_javascript_no_toolbar_and_the_menu_still_works(chromium, sample_url):
    context = chromium.new_context(viewport={"width": 390, "height": 844}, java_script_enabled=False)
    page = context.new_page()
    page.goto(sample_url + "/")
    assert not page.locator(".xc-a11y").is_visible()
    assert not page.locator(".xc-nav__link").first.is_visible()
    page.click(".xc-nav__toggle")
    assert page.locator(".xc-nav__link").first.is_visible()
    page.click(".xc-nav__link >> nth=1")
    page.wait_for_url("**/news/")
    context.close()


def test_desktop_shows_menu_and_toolbar_without_toggles(chromium, sample_url):
    context = chromium.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.goto(sample_url + "/")
    assert not page.locator(".xc-nav__toggle").is_visible()
    assert not page.locator(".xc-a11y__toggle").is_visible()
    assert page.locator(".xc-nav__link").nth(6).is_visible()
    assert page.locator("[data-xc-action=bigger]").is_visible()
    context.close()


def test_toolbar_links_to_the_accessibility_page(page, sample_url):
    page.goto(sample_url + "/")
    open_toolbar(page)
    page.click(".xc-a11y__link")
    page.wait_for_url("**/accessibility/")
    assert page.locator("h1").inner_text() == "无障碍说明"
