"""Headless Chromium for the browser tests: Debian's chromium driven by Playwright.

Playwright's own browser download is not used; CHROMIUM (default
/usr/bin/chromium) must exist: `.ci/run` installs Debian's package.
"""

import functools
import gzip
import http.server
import io
import os
import threading
import urllib.parse

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
# Without the background-networking flags Chromium keeps trying to reach
# Google's hosts, which this machine's closed network refuses.
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]
PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}


# What a static host compresses (nginx `gzip on; gzip_types …`, docs/hosting.md).
COMPRESSIBLE = {"text/html", "text/css", "text/javascript", "application/javascript",
                "application/json", "image/svg+xml", "application/xml", "text/xml",
                "application/atom+xml", "application/rss+xml", "text/plain"}
GZIP_MAGIC = b"\x1f\x8b"


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    """http.server, plus gzip for clients that accept it, as a real host does:
    text, JavaScript, JSON, SVG and XML, unless the file is gzip already (it then
    goes out as it is)."""

    def log_message(self, *args):
        pass

    def send_head(self):
        path = self.translate_path(self.path)
        if os.path.isdir(path):
            if not urllib.parse.urlsplit(self.path).path.endswith("/"):
                return super().send_head()  # its redirect to the folder's address
            path = os.path.join(path, "index.html")
        accepts = "gzip" in self.headers.get("Accept-Encoding", "")
        if not (accepts and os.path.isfile(path) and self.guess_type(path) in COMPRESSIBLE):
            return super().send_head()
        with open(path, "rb") as handle:
            data = handle.read()
        if data.startswith(GZIP_MAGIC):
            return super().send_head()
        body = gzip.compress(data, compresslevel=6, mtime=0)  # nginx's default level is 1; 6 is common
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(path))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Vary", "Accept-Encoding")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return io.BytesIO(body)


def serve(directory):
    """Serve a folder on 127.0.0.1 on a free port; returns (server, base URL)."""
    handler = functools.partial(QuietHandler, directory=directory)
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}"


class TestBrowser:
    """Chromium for tests. Test tooling injects scripts (axe-core, Playwright's
    wait_for_function), which the site's strict Content-Security-Policy blocks, so
    contexts bypass the policy unless a test asks for it with bypass_csp=False
    (tests/test_csp.py and the toolbar's pre-paint test do)."""

    def __init__(self, browser):
        self._browser = browser

    def new_context(self, **options):
        options.setdefault("bypass_csp", True)
        return self._browser.new_context(**options)

    def __getattr__(self, name):
        return getattr(self._browser, name)


def launch(playwright):
    if not os.path.exists(CHROMIUM):
        raise RuntimeError(f"{CHROMIUM} not found: install Debian's chromium (see .ci/run)")
    return TestBrowser(playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS))
