"""The preview's HTTP server: the built site, the error page while the content
has a problem, the site's 404 page for a missing address, and the live-reload
script and event stream under /__preview/.

The reload script is added only to the HTML as it is sent; the files in the
output folder are never changed, so nothing of it can be published.
"""

import functools
import http.server
import os
import sys
import urllib.parse

from preview import pages

PREFIX = "/__preview/"
RELOAD_SCRIPT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "reload.js")
KEEP_ALIVE_SECONDS = 15


def with_reload_script(document, token):
    """The HTML `document` (bytes) with the reload script at the end of its <head>.

    A same-origin script file, so the site's Content-Security-Policy
    (`script-src 'self'`, `connect-src 'self'`) allows it unchanged.
    """
    tag = f'<script src="{PREFIX}reload.js?since={token}" defer></script>'.encode()
    lower = document.lower()
    for closing in (b"</head>", b"</body>"):
        at = lower.find(closing)
        if at >= 0:
            return document[:at] + tag + document[at:]
    return document + tag


class PreviewHandler(http.server.SimpleHTTPRequestHandler):
    """Serves `directory` (the output folder) as the state allows; see the module doc."""

    def __init__(self, *args, state, **kwargs):
        self.state = state
        super().__init__(*args, **kwargs)

    def log_message(self, *args):
        pass  # one line per request would bury the build messages

    def do_GET(self):
        self.respond(send_body=True)

    def do_HEAD(self):
        self.respond(send_body=False)

    def respond(self, send_body):
        address = urllib.parse.urlsplit(self.path)
        if address.path == PREFIX + "reload.js":
            return self.send_file(RELOAD_SCRIPT, 200, "text/javascript; charset=utf-8", send_body)
        if address.path == PREFIX + "events":
            query = urllib.parse.parse_qs(address.query)
            return self.send_events(query.get("since", [""])[0], query.get("page", [None])[0])
        problems, ready, token, overlay = self.state.snapshot()  # one response, one state
        if problems is None and address.path in overlay:
            try:
                with open(overlay[address.path], "rb") as handle:
                    return self.send_page(handle.read(), 200, token, send_body)
            except OSError:
                pass  # the build has just ended: its site is being swapped in
        if problems is not None:
            return self.send_page(pages.error_page(problems), 500, token, send_body)
        if not ready:
            return self.send_page(pages.building_page(), 503, token, send_body)
        self.send_site_file(address.path, token, send_body)

    def send_site_file(self, address, token, send_body):
        path = self.translate_path(address)
        if os.path.isdir(path):
            if not address.endswith("/"):
                # Like any static host: the folder's address ends in "/".
                self.send_response(301)
                self.send_header("Location", address + "/")  # still as the client encoded it
                self.send_header("Content-Length", "0")
                self.end_headers()
                return
            path = os.path.join(path, "index.html")  # never a listing of the folder
        if not os.path.isfile(path):
            return self.send_not_found(token, send_body)
        kind = self.guess_type(path)
        if kind == "text/html":
            with open(path, "rb") as handle:
                document = handle.read()
            return self.send_page(document, 200, token, send_body)
        self.send_file(path, 200, kind, send_body)

    def send_not_found(self, token, send_body):
        try:
            with open(os.path.join(self.directory, "404.html"), "rb") as handle:
                document = handle.read()
        except OSError:
            document = pages.not_found_page()
        self.send_page(document, 404, token, send_body)

    def send_page(self, document, status, token, send_body):
        self.send_bytes(with_reload_script(document, token), status,
                        "text/html; charset=utf-8", send_body)

    def send_file(self, path, status, kind, send_body):
        try:
            with open(path, "rb") as handle:
                data = handle.read()
        except OSError:  # removed since (a rebuild swapped the folder)
            return self.send_not_found(self.state.token, send_body)
        self.send_bytes(data, status, kind, send_body)

    def send_bytes(self, data, status, kind, send_body):
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(data)))
        self.send_header("Cache-Control", "no-store")  # always the newest build
        self.end_headers()
        if send_body:
            self.wfile.write(data)

    def send_events(self, since, tab):
        """Server-Sent Events: the new token once a build has finished since `since`.

        The thread waits on the state's condition (no polling); a comment line
        every KEEP_ALIVE_SECONDS finds tabs that were closed. While it waits, the
        tab's address counts as open (the builder writes its page first).
        """
        if tab:
            self.state.tab_opened(tab)
        try:
            self.stream_events(since)
        finally:
            if tab:
                self.state.tab_closed(tab)

    def stream_events(self, since):
        self.send_response(200)
        self.send_header("Content-Type", "text/event-stream")
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        try:
            self.wfile.write(b"retry: 1000\n\n")
            self.wfile.flush()
            while True:
                token = self.state.token
                if token == since or not since:
                    token = self.state.wait_for_change(token, KEEP_ALIVE_SECONDS)
                if token is None:
                    self.wfile.write(b": keep-alive\n\n")
                    self.wfile.flush()
                    continue
                self.wfile.write(f"data: {token}\n\n".encode())
                self.wfile.flush()
                return
        except OSError:
            return  # the tab was closed or reloaded


class PreviewServer(http.server.ThreadingHTTPServer):
    def handle_error(self, request, client_address):
        # A tab that reloads or closes drops its requests; that is no error to print.
        if isinstance(sys.exc_info()[1], ConnectionError):
            return
        super().handle_error(request, client_address)


def make_server(host, port, directory, state):
    handler = functools.partial(PreviewHandler, directory=directory, state=state)
    return PreviewServer((host, port), handler)
