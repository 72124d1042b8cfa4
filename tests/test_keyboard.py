"""Keyboard walk-through: Tab reaches the skip link first, then the search box,
the navigation and the main content; every tab stop shows a visible focus."""

import pytest

from browser import DESKTOP, PHONE
from pages import page_of_type

pytestmark = pytest.mark.browser

MAX_STOPS = 40
# What the focused element looks like: outline and box-shadow (focus-visible ring).
FOCUS_STYLE = """() => {
  const s = getComputedStyle(document.activeElement);
  return [s.outlineStyle, s.outlineWidth, s.outlineColor, s.boxShadow].join(' | ');
}"""
DESCRIBE = """() => {
  const e = document.activeElement;
  const region = e.closest('main') ? 'main' : e.closest('nav.xc-nav') ? 'nav'
    : e.closest('form[role=search]') ? 'search' : e.closest('.xc-a11y') ? 'toolbar'
    : e.closest('header') ? 'header' : e.closest('footer') ? 'footer' : 'other';
  return {region, tag: e.tagName.toLowerCase(), href: e.getAttribute('href'),
          name: e.getAttribute('name'), text: (e.innerText || e.value || '').trim().slice(0, 20)};
}"""


def walk(page, with_styles):
    """Press Tab until focus enters <main>; returns the stops (and focus styles)."""
    stops = []
    for _ in range(MAX_STOPS):
        page.keyboard.press("Tab")
        stop = page.evaluate(DESCRIBE)
        if with_styles:
            focused = page.evaluate(FOCUS_STYLE)
            # Same element without focus: focus moves to <body> and back after.
            page.evaluate("window.__stop = document.activeElement; document.activeElement.blur()")
            unfocused = page.evaluate("() => { const s = getComputedStyle(window.__stop);"
                                      " return [s.outlineStyle, s.outlineWidth, s.outlineColor, s.boxShadow].join(' | '); }")
            page.evaluate("window.__stop.focus({focusVisible: true})")
            stop["visible"] = focused != unfocused
            stop["style"] = focused
        stops.append(stop)
        if stop["region"] == "main":
            break
    return stops


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["1280", "390"])
@pytest.mark.parametrize("name", ["home", "article-media", "category-page-2", "family", "search"])
def test_tab_order_and_visible_focus(chromium, sample_url, sample_site, viewport, name):
    path = page_of_type(sample_site, name)
    if path is None:
        pytest.skip(f"no {name} page on this branch yet")
    context = chromium.new_context(viewport=viewport, locale="zh-CN")
    page = context.new_page()
    try:
        page.goto(sample_url + path)
        stops = walk(page, with_styles=True)
    finally:
        context.close()
    regions = [stop["region"] for stop in stops]
    assert stops[0]["href"] == "#main-content", stops[0]
    assert "main" in regions, f"{path}: Tab never reached <main>: {stops}"
    search = regions.index("search")
    nav = regions.index("nav")
    assert stops[search]["name"] == "q", stops[search]
    assert 0 < search < nav < regions.index("main"), regions
    if viewport == DESKTOP:  # all the sections are tab stops; on phones the menu toggle
        assert sum(r == "nav" for r in regions) >= 7, regions
    for stop in stops:
        assert stop["visible"], f"{path}: focus not visible on {stop}"


def test_phone_menu_opens_with_keyboard(page, sample_url):
    page.goto(sample_url + "/")
    toggle = page.locator(".xc-nav__toggle")
    assert toggle.is_visible()
    assert not page.locator(".xc-nav__link").first.is_visible()
    toggle.focus()
    page.keyboard.press("Enter")
    assert page.locator(".xc-nav__link").first.is_visible()
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.classList.contains('xc-nav__link')")
