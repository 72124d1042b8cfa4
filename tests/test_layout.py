"""Phones to desktops: no page scrolls sideways at 360, 390, 768 and 1280 px,
nor at 200 % text (the toolbar's step on a 390 px phone; the browser's own text
size at 320, 390 and 768 px, with long latin words in every name); wide tables
scroll inside their own box."""

import glob
import json
import os
import re

import pytest

from helpers import build
from pages import TYPE_NAMES, make_sample_content, page_of_type

pytestmark = pytest.mark.browser

WIDTHS = [360, 390, 768, 1280]
OVERFLOW = "document.documentElement.scrollWidth <= document.documentElement.clientWidth"
# The elements that stick out past the right edge, to say what to fix.
CULPRITS = """() => [...document.querySelectorAll('body *')]
  .filter(e => e.getBoundingClientRect().right > window.innerWidth + 0.5)
  .slice(0, 5).map(e => e.tagName.toLowerCase() + '.' + [...e.classList].join('.'))"""


# A word no line can break inside (a project's or a company's latin name).
LONG_WORD = "XichengWomenFederationVolunteerServiceTeamAnnualReport"
# (files, line pattern, replacement): the word in every name, craft,
# service, summary, title and tag of the sample content.
LONG_WORD_LINES = [
    ("data/*/*.yaml", r"^(\s*-?\s*(?:name|craft|summary): )", rf"\g<1>{LONG_WORD}"),
    ("data/*/*.yaml", r"^(\s*-?\s*services: \[)", rf"\g<1>{LONG_WORD}, "),
    ("*/**/*.md", r"^((?:Title|Summary): )", rf"\g<1>{LONG_WORD}"),
    ("*/**/*.md", r"^(Tags: )", rf"\g<1>{LONG_WORD}, "),
]
# The browser's text size doubled (Chromium's default font size 16 → 32 px),
# as elderly readers set it: the root size the site's rem units follow.
BROWSER_TEXT_200 = {"fontSizes": {"standard": 32, "fixed": 26}}


def with_long_words(content):
    for pattern, line, replacement in LONG_WORD_LINES:
        for path in glob.glob(os.path.join(content, pattern), recursive=True):
            with open(path, encoding="utf-8") as handle:
                text = handle.read()
            with open(path, "w", encoding="utf-8") as handle:
                handle.write(re.sub(line, replacement, text, flags=re.M))
    return content


@pytest.fixture(scope="module")
def long_words_site(tmp_path_factory):
    root = tmp_path_factory.mktemp("long-words")
    content = with_long_words(make_sample_content(str(root / "content")))
    return str(build(content, str(root / "site")))


@pytest.fixture(scope="module")
def long_words_url(long_words_site):
    from browser import serve

    server, url = serve(long_words_site)
    yield url
    server.shutdown()


def check_all_types(chromium, site_url, site, width, prefs=None, font_sizes=None):
    context = chromium.new_context(viewport={"width": width, "height": 800}, locale="zh-CN")
    if prefs:
        context.add_init_script(f"localStorage.setItem('xc-prefs', {json.dumps(json.dumps(prefs))})")
    page = context.new_page()
    if font_sizes:  # a setting of the page's browser, kept across its navigations
        context.new_cdp_session(page).send("Page.setFontSizes", font_sizes)
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


@pytest.mark.parametrize("width", [320, 390, 768])
def test_no_sideways_scrolling_at_200_percent_browser_text(chromium, long_words_url,
                                                          long_words_site, width):
    assert check_all_types(chromium, long_words_url, long_words_site, width,
                           font_sizes=BROWSER_TEXT_200) == []


def test_long_words_reach_the_pages(long_words_site):
    """The content the test above reads has the long word in its cards and facts."""
    for name in ("studios", "team", "article", "family"):
        path = page_of_type(long_words_site, name)
        with open(os.path.join(long_words_site, path.lstrip("/"), "index.html"), encoding="utf-8") as handle:
            assert LONG_WORD in handle.read(), name


def test_root_font_follows_the_browser_setting(chromium, sample_url):
    """What the 200 % test relies on: the setting doubles the root size (18 → 36 px)."""
    context = chromium.new_context(viewport={"width": 390, "height": 800})
    page = context.new_page()
    context.new_cdp_session(page).send("Page.setFontSizes", BROWSER_TEXT_200)
    page.goto(sample_url + "/")
    assert page.evaluate("getComputedStyle(document.documentElement).fontSize") == "36px"
    context.close()


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
