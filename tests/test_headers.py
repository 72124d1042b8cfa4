"""Security headers (issue 14 item 5): the built `_headers` file and the nginx lines of
docs/hosting.md carry X-Frame-Options, a Permissions-Policy Chromium understands, and
Strict-Transport-Security only when the site says it is HTTPS-only."""

import http.server
import os
import re
import threading

import pytest

from helpers import ROOT, article, run_tool, write

HOSTING = os.path.join(ROOT, "docs", "hosting.md")
HSTS = "Strict-Transport-Security"


def parse_headers_file(path):
    """{rule path: {header name: value}} of a Netlify/Cloudflare `_headers` file."""
    rules, current = {}, None
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            if not line.strip() or line.startswith("#"):
                continue
            if not line.startswith(" "):
                current = rules.setdefault(line.strip(), {})
                continue
            name, value = line.strip().split(": ", 1)
            assert name not in current, f"{name} twice"
            current[name] = value
    return rules


def nginx_server_headers():
    """{name: value} of the `add_header` lines of docs/hosting.md's nginx server block,
    and the same for its commented-out (opt-in) lines."""
    with open(HOSTING, encoding="utf-8") as handle:
        blocks = re.findall(r"```nginx\n(.*?)```", handle.read(), re.S)
    server = next(block for block in blocks if block.startswith("server {"))
    active, optional = {}, {}
    for line in server.splitlines():
        match = re.fullmatch(r'\s*(# )?add_header (\S+) (?:"([^"]*)"|(\S+)) always;', line)
        if match:
            target = optional if match[1] else active
            target[match[2]] = match[3] if match[3] is not None else match[4]
    return active, optional


def built_headers(tmp_path, **settings):
    """The `/*` rule of `_headers` of a small site built with these settings."""
    content = tmp_path / "content"
    write(str(content / "articles" / "a.md"), article())
    conf = tmp_path / "conf.py"
    conf.write_text("import sys\n" f"sys.path.insert(0, {ROOT!r})\n" "from pelicanconf import *\n"
                    + "".join(f"{key} = {value!r}\n" for key, value in settings.items()))
    output = str(tmp_path / "site")
    result = run_tool("build.py", str(content), output, "-s", str(conf))
    assert result.returncode == 0, result.stdout + result.stderr
    return parse_headers_file(os.path.join(output, "_headers"))["/*"]


@pytest.fixture(scope="module")
def default_headers(tmp_path_factory):
    return built_headers(tmp_path_factory.mktemp("default"))


def test_every_page_denies_framing_and_unused_features(default_headers):
    assert default_headers["X-Frame-Options"] == "DENY"
    assert default_headers["Content-Security-Policy"].endswith("; frame-ancestors 'none'")
    features = dict(item.split("=", 1) for item in default_headers["Permissions-Policy"].split(", "))
    for feature in ("camera", "microphone", "geolocation", "payment", "usb", "browsing-topics"):
        assert features[feature] == "()", feature
    assert set(features.values()) == {"()"}
    assert HSTS not in default_headers  # HTTPS-only is an opt-in


def test_https_only_adds_a_year_of_hsts(tmp_path):
    assert built_headers(tmp_path, XCFL_HTTPS_ONLY=True)[HSTS] == "max-age=31536000"


def test_include_subdomains_is_its_own_opt_in(tmp_path):
    found = built_headers(tmp_path, XCFL_HTTPS_ONLY=True, XCFL_HSTS_INCLUDE_SUBDOMAINS=True)
    assert found[HSTS] == "max-age=31536000; includeSubDomains"


def test_subdomains_alone_adds_nothing(tmp_path):
    assert HSTS not in built_headers(tmp_path, XCFL_HSTS_INCLUDE_SUBDOMAINS=True)


def test_nginx_snippet_sends_the_same_headers(default_headers):
    active, optional = nginx_server_headers()
    expected = {name: value for name, value in default_headers.items() if name != "Cache-Control"}
    # The policy's script hash is elided in the docs ('sha256-…'): compare the rest.
    policy = re.sub(r"'sha256-[^']+'", "'sha256-…'", expected.pop("Content-Security-Policy"))
    assert active.pop("Content-Security-Policy") == policy
    assert active == expected
    assert optional == {HSTS: "max-age=31536000"}


def test_chromium_knows_every_denied_feature(default_headers, chromium):
    """An unknown feature name is a console error on every page; a known one is denied."""
    policy = default_headers["Permissions-Policy"]

    class Handler(http.server.BaseHTTPRequestHandler):
        def log_message(self, *args):
            pass

        def do_GET(self):
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Permissions-Policy", policy)
            self.end_headers()
            self.wfile.write(b"<!doctype html><title>t</title><p>t</p>")

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    context = chromium.new_context()
    try:
        tab = context.new_page()
        messages = []
        tab.on("console", lambda message: messages.append(message.text))
        tab.goto(f"http://127.0.0.1:{server.server_address[1]}/")
        denied = [item.split("=")[0] for item in policy.split(", ")]
        known = tab.evaluate("document.featurePolicy.features()")
        allowed = tab.evaluate("document.featurePolicy.allowedFeatures()")
    finally:
        context.close()
        server.shutdown()
    assert messages == []
    assert sorted(set(denied) - set(known)) == []
    assert sorted(set(denied) & set(allowed)) == []
    assert "fullscreen" in allowed  # videos in articles may still go fullscreen
