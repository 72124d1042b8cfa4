"""The strict Content-Security-Policy is real: every page type runs under it, in
Chromium, with zero violations — including a search and the
适老化 toolbar's script."""

import html as htmllib
import os
import re

import pytest

from pages import PAGE_TYPES, page_of_type

pytestmark = pytest.mark.browser

RECORD_VIOLATIONS = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.__cspViolations.push(`${event.violatedDirective} ${event.blockedURI} ${event.sourceFile}:${event.lineNumber}`);
});
"""


def policy_of(html):
    return htmllib.unescape(re.search(r'<meta http-equiv="Content-Security-Policy" content="([^"]+)">', html).group(1))


@pytest.fixture
def page(chromium):
    """A tab that enforces the site's policy (other tests' tabs bypass it)."""
    from browser import PHONE

    context = chromium.new_context(viewport=PHONE, locale="zh-CN", bypass_csp=False)
    yield context.new_page()
    context.close()


@pytest.mark.parametrize("name", [name for name, _, _ in PAGE_TYPES])
def test_page_runs_under_the_policy_without_violations(page, sample_url, sample_site, name):
    path = page_of_type(sample_site, name)
    assert path, f"no {name} page in the build"
    page.add_init_script(RECORD_VIOLATIONS)
    errors = []
    page.on("console", lambda message: message.type == "error" and errors.append(message.text))
    page.goto(sample_url + path)
    page.wait_for_load_state("load")
    if name == "search":
        page.wait_for_selector("#search-results > *", timeout=30_000)
    # the toolbar's script runs: change a setting, then reset
    toggle = page.locator(".xc-a11y-toolbar button").first
    if toggle.is_visible():
        toggle.click()
    assert page.evaluate("window.__cspViolations") == []
    assert [e for e in errors if "Content Security Policy" in e] == []
    # the policy is the one the page declares: default-src 'self' and no unsafe-inline
    policy = page.evaluate(
        "document.querySelector('meta[http-equiv=Content-Security-Policy]').content")
    assert policy.startswith("default-src 'self'")
    assert "unsafe" not in policy  # no unsafe-inline, no unsafe-eval, not even wasm-unsafe-eval


def test_policy_is_first_in_head_and_the_same_everywhere(sample_site):
    policies = set()
    for folder, _, names in os.walk(sample_site):
        for name in names:
            if name.endswith(".html"):
                with open(os.path.join(folder, name), encoding="utf-8") as handle:
                    html = handle.read()
                head = html.split("<head>", 1)[1]
                assert head.lstrip().startswith('<meta charset="utf-8">\n<meta http-equiv="Content-Security-Policy"'), name
                policies.add(policy_of(html))
    assert len(policies) == 1


def test_headers_file_carries_the_same_policy_plus_frame_ancestors(sample_site):
    with open(os.path.join(sample_site, "index.html"), encoding="utf-8") as handle:
        meta_policy = policy_of(handle.read())
    with open(os.path.join(sample_site, "_headers"), encoding="utf-8") as handle:
        headers = handle.read()
    assert f"  Content-Security-Policy: {meta_policy}; frame-ancestors 'none'\n" in headers


def test_no_inline_styles_or_unhashed_inline_scripts(sample_site):
    for folder, _, names in os.walk(sample_site):
        for name in names:
            if name.endswith(".html"):
                with open(os.path.join(folder, name), encoding="utf-8") as handle:
                    html = handle.read()
                assert " style=" not in html and "<style" not in html, name
                inline = re.findall(r"<script(?![^>]*\ssrc=)[^>]*>", html)
                assert len(inline) == 1, name  # the hashed pre-paint script only
                assert not re.search(r"\son[a-z]+=", html), name
