"""axe-core (the local, pinned copy in node_modules/) in headless Chromium on
every page type: no WCAG 2.1 A/AA violation and no best-practice violation.
Also with the 适老化 modes on (high contrast, 200 % text), where colours change."""

import json
import os

import pytest

from helpers import ROOT
from pages import REQUIRED, TYPE_NAMES, page_of_type

pytestmark = pytest.mark.browser

AXE = os.path.join(ROOT, "node_modules", "axe-core", "axe.min.js")
TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]


@pytest.fixture(scope="module")
def axe_source():
    if not os.path.exists(AXE):
        pytest.fail("node_modules/axe-core missing: run `make test` (it runs npm ci)")
    with open(AXE, encoding="utf-8") as handle:
        return handle.read()


def open_page(page, site_url, site, name):
    path = page_of_type(site, name)
    if path is None:
        if name in REQUIRED:
            pytest.fail(f"no {name} page in the build")
        pytest.skip(f"no {name} page on this branch yet")
    page.goto(site_url + path)
    results = page.locator("#search-results")
    if name == "search" and results.count():
        results.locator(":scope > *").first.wait_for(timeout=15000)
    return path


def violations(page, axe_source):
    page.add_script_tag(content=axe_source)
    result = page.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']})",
        TAGS)
    return [
        {"id": v["id"], "impact": v["impact"], "help": v["help"],
         "nodes": [n["target"] for n in v["nodes"]][:5]}
        for v in result["violations"]
    ]


@pytest.mark.parametrize("name", TYPE_NAMES)
def test_no_axe_violations(page, sample_url, sample_site, axe_source, name):
    path = open_page(page, sample_url, sample_site, name)
    found = violations(page, axe_source)
    assert not found, f"{path}: " + json.dumps(found, ensure_ascii=False, indent=1)


@pytest.mark.parametrize("name", ["home", "article-media", "category-page-2", "standing-page",
                                  "families", "studio", "streets", "street", "stats", "search"])
@pytest.mark.parametrize("prefs", [{"contrast": True}, {"text": 3, "spacing": True}],
                         ids=["contrast", "text200"])
def test_no_axe_violations_in_elderly_modes(page, sample_url, sample_site, axe_source, name, prefs):
    page.add_init_script(f"localStorage.setItem('xc-prefs', {json.dumps(json.dumps(prefs))})")
    path = open_page(page, sample_url, sample_site, name)
    found = violations(page, axe_source)
    assert not found, f"{path} {prefs}: " + json.dumps(found, ensure_ascii=False, indent=1)
