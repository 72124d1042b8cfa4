"""Speed budget, measured in the browser on every page type: at most 100 KB
transferred without photos, one stylesheet, no render-blocking script, search
JavaScript only on the search page; a print stylesheet for articles."""

import pytest

from pages import TYPE_NAMES, page_of_type

pytestmark = pytest.mark.browser

BUDGET = 100 * 1024
# Bytes over the wire of the page and everything it loaded (after the load event).
TRANSFERRED = """() => {
  const entries = [...performance.getEntriesByType('navigation'), ...performance.getEntriesByType('resource')];
  return entries.map(e => ({url: e.name, type: e.initiatorType, bytes: e.transferSize || e.encodedBodySize || 0}));
}"""
# Scripts that block rendering: external, in <head>, neither defer, async nor module.
BLOCKING = """() => [...document.querySelectorAll('head script[src]')]
  .filter(s => !s.defer && !s.async && s.type !== 'module').map(s => s.src)"""


def is_photo(entry):
    return entry["type"] == "img" and "/theme/" not in entry["url"]


@pytest.mark.parametrize("name", TYPE_NAMES)
def test_page_weight_and_loading(page, sample_url, sample_site, name, record_property):
    path = page_of_type(sample_site, name)
    if path is None:
        pytest.skip(f"no {name} page on this branch yet")
    page.goto(sample_url + path, wait_until="networkidle")
    entries = page.evaluate(TRANSFERRED)
    total = sum(e["bytes"] for e in entries if not is_photo(e))
    record_property("kilobytes", round(total / 1024, 1))
    print(f"weight {name} {path}: {total / 1024:.1f} KB")
    assert total <= BUDGET, f"{path}: {total} bytes: {entries}"
    styles = [e for e in entries if e["url"].endswith(".css")]
    assert len(styles) == 1, styles
    assert page.evaluate(BLOCKING) == []
    scripts = page.evaluate("[...document.scripts].map(s => s.src).filter(Boolean)")
    if name != "search":
        assert not [s for s in scripts if "search" in s or "pagefind" in s], scripts
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
