"""Phones to desktops: no page scrolls sideways at 360, 390, 768 and 1280 px,
nor at 200 % text on a 390 px phone; wide tables scroll inside their own box."""

import json

import pytest

from pages import TYPE_NAMES, page_of_type

pytestmark = pytest.mark.browser

WIDTHS = [360, 390, 768, 1280]
OVERFLOW = "document.documentElement.scrollWidth <= window.innerWidth"
# The elements that stick out past the right edge, to say what to fix.
CULPRITS = """() => [...document.querySelectorAll('body *')]
  .filter(e => e.getBoundingClientRect().right > window.innerWidth + 0.5)
  .slice(0, 5).map(e => e.tagName.toLowerCase() + '.' + [...e.classList].join('.'))"""


def check_all_types(chromium, site_url, site, width, prefs=None):
    context = chromium.new_context(viewport={"width": width, "height": 800}, locale="zh-CN")
    if prefs:
        context.add_init_script(f"localStorage.setItem('xc-prefs', {json.dumps(json.dumps(prefs))})")
    page = context.new_page()
    failures = []
    try:
        for name in TYPE_NAMES:
            path = page_of_type(site, name)
            if path is None:
                continue
            page.goto(site_url + path)
            page.evaluate("document.fonts.ready")
            if not page.evaluate(OVERFLOW):
                failures.append((path, page.evaluate("document.documentElement.scrollWidth"),
                                 page.evaluate(CULPRITS)))
    finally:
        context.close()
    return failures


@pytest.mark.parametrize("width", WIDTHS)
def test_no_sideways_scrolling(chromium, sample_url, sample_site, width):
    assert check_all_types(chromium, sample_url, sample_site, width) == []


def test_no_sideways_scrolling_at_200_percent_text(chromium, sample_url, sample_site):
    assert check_all_types(chromium, sample_url, sample_site, 390, {"text": 3, "spacing": True}) == []


def test_wide_table_scrolls_in_a_labelled_focusable_box(page, sample_url):
    page.goto(sample_url + "/news/2015/media-sample/")
    box = page.locator(".xc-table-scroll")
    assert box.get_attribute("role") == "region"
    assert box.get_attribute("tabindex") == "0"
    assert box.get_attribute("aria-label").startswith("表格：")
    assert box.evaluate("e => e.scrollWidth > e.clientWidth")  # the table is wider than a phone
    box.focus()
    page.keyboard.press("ArrowRight")
    page.wait_for_function("document.querySelector('.xc-table-scroll').scrollLeft > 0")


def test_chinese_reading_measure_and_line_height(chromium, sample_url):
    context = chromium.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.goto(sample_url + "/news/2024/annual-review-2023/")
    ratio = page.evaluate("""() => { const s = getComputedStyle(document.querySelector('.xc-prose p'));
                             return parseFloat(s.lineHeight) / parseFloat(s.fontSize); }""")
    assert ratio >= 1.7
    measure = page.evaluate("""() => { const p = document.querySelector('.xc-prose p');
                               return p.getBoundingClientRect().width / parseFloat(getComputedStyle(p).fontSize); }""")
    assert measure <= 40
    sizes = page.evaluate("""() => ['h1', '.xc-prose h2', '.xc-prose p'].map(
                              s => parseFloat(getComputedStyle(document.querySelector(s)).fontSize))""")
    assert sizes[0] > sizes[1] > sizes[2]  # headings step down to the body text
    context.close()
