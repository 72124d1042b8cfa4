"""Speed budget, measured in the browser on every page type: at most 100 KB
transferred (gzip, as hosts serve it) without photos, one stylesheet, no
render-blocking script, search JavaScript only on the search page, whose first
query downloads at most 200 KB in all, index data included; a print stylesheet
for articles."""

import re

import pytest

from pages import TYPE_NAMES, page_of_type

pytestmark = pytest.mark.browser

BUDGET = 100 * 1024
# What the search page downloads for its first query, all told: the page and its
# files, and the index's meta.json, buckets and result pages (docs/search.md;
# bench/search_bench.py measures it at 10,000 articles).
FIRST_QUERY_BUDGET = 200 * 1024
# Bytes over the wire (compressed, headers included) of the page and everything it
# loaded after the load event: Resource Timing's transferSize. The test server gzips
# as a static host does (tests/browser.py, docs/hosting.md).
TRANSFERRED = """() => {
  const entries = [...performance.getEntriesByType('navigation'), ...performance.getEntriesByType('resource')];
  return entries.map(e => ({url: e.name, type: e.initiatorType, bytes: e.transferSize,
                            body: e.encodedBodySize, decoded: e.decodedBodySize}));
}"""
# Scripts that block rendering: external, in <head>, neither defer, async nor module.
BLOCKING = """() => [...document.querySelectorAll('head script[src]')]
  .filter(s => !s.defer && !s.async && s.type !== 'module').map(s => s.src)"""
# The search index's files (plugins/xcfl_search/index.py).
INDEX_DATA = re.compile(r"/search-index/[\w/]+\.json(?:\?|$)")


def is_photo(entry):
    return entry["type"] == "img" and "/theme/" not in entry["url"]


def kilobytes(entries):
    return round(sum(e["bytes"] for e in entries) / 1024, 1)


@pytest.mark.parametrize("name", TYPE_NAMES)
def test_page_weight_and_loading(page, sample_url, sample_site, name, record_property):
    path = page_of_type(sample_site, name)
    if path is None:
        pytest.skip(f"no {name} page on this branch yet")
    page.goto(sample_url + path, wait_until="networkidle")
    if name == "search":  # the first query's results are shown
        page.locator("#search-results > li").first.wait_for(timeout=60_000)
    entries = [e for e in page.evaluate(TRANSFERRED) if not is_photo(e)]
    # every file came from the test server, none from a cache: bytes were counted
    assert all(e["bytes"] > 0 for e in entries), entries
    index = [e for e in entries if INDEX_DATA.search(e["url"])]
    own = [e for e in entries if e not in index]
    record_property("kilobytes", kilobytes(own))
    print(f"weight {name} {path}: {kilobytes(own)} KB, index data {kilobytes(index)} KB")
    assert sum(e["bytes"] for e in own) <= BUDGET, f"{path}: {kilobytes(own)} KB: {own}"
    if name == "search":
        assert index and sum(e["bytes"] for e in entries) <= FIRST_QUERY_BUDGET, f"{path}: {kilobytes(entries)} KB"
        # compressed on the wire: the page, its stylesheet, search.js and the index
        for suffix in ("/search/", ".css", ".js"):
            entry = next(e for e in entries if e["url"].split("?")[0].endswith(suffix))
            assert entry["body"] < entry["decoded"] / 2, entry
        assert sum(e["body"] for e in index) < sum(e["decoded"] for e in index) / 2, index
    else:
        assert not index, index
    styles = [e for e in entries if e["url"].endswith(".css")]
    assert len(styles) == 1, styles
    assert page.evaluate(BLOCKING) == []
    scripts = page.evaluate("[...document.scripts].map(s => s.src).filter(Boolean)")
    if name != "search":
        assert not [s for s in scripts if "search" in s], scripts
    for image in page.locator("main img, footer img").all():
        assert image.get_attribute("width") and image.get_attribute("height"), image.evaluate("e => e.outerHTML")


def test_images_in_article_text_are_lazy(page, sample_url):
    page.goto(sample_url + "/news/2015/media-sample/")
    for image in page.locator(".xc-prose img").all():
        assert image.get_attribute("loading") == "lazy"


def test_print_stylesheet(page, sample_url):
    page.goto(sample_url + "/women/2018/ronghua-qiaoniang/")
    page.emulate_media(media="print")
    for selector in (".xc-nav", ".xc-header__search", ".xc-a11y", ".xc-footer__filing", ".xc-skip-link"):
        assert not page.locator(selector).first.is_visible(), selector
    assert page.locator(".xc-qr").is_visible()  # to read the printed article on a phone
    assert page.evaluate("getComputedStyle(document.body).backgroundColor") in ("rgb(255, 255, 255)", "rgba(0, 0, 0, 0)")
    assert page.evaluate("getComputedStyle(document.querySelector('.xc-prose p')).color") == "rgb(0, 0, 0)"
    tag_link = page.locator(".xc-article__tags a").first
    after = tag_link.evaluate("e => getComputedStyle(e, '::after').content")
    assert tag_link.get_attribute("href") in after
