"""What the preview shows right now, shared by the builder and the HTTP server.

One of three states: the first build is still running, the last build failed
(its problems are shown at every address), or the site is ready. Every finished
build, good or failed, gets a new token; open tabs compare tokens to know when
to reload.

While a build runs, the pages that open tabs show may already be written by it
(`early`): those addresses are served from the running build's folder (a new
token, so the tabs reload) until the build ends and its whole site is swapped
in (another token: the tabs reload and show the very same bytes).
"""

import threading
import time


class PreviewState:
    def __init__(self):
        self._changed = threading.Condition()
        # The start time in the token: a tab left open across a restart of
        # `make serve` sees a new token and reloads too.
        self._start = f"{time.time_ns():x}"
        self._builds = 0
        self.problems = None  # the failed build's messages, or None
        self.ready = False  # a build has finished (good or failed)
        self.overlay = {}  # address -> a page the running build has written
        self._tabs = {}  # address -> how many open tabs show it

    @property
    def token(self):
        return f"{self._start}-{self._builds}"

    def snapshot(self):
        """(problems, ready, token, overlay), all of one moment."""
        with self._changed:
            return self.problems, self.ready, self.token, self.overlay

    def finished(self, problems=None):
        """A build ended: `problems` is its messages if it failed, else None."""
        with self._changed:
            self.problems = problems
            self.ready = True
            self.overlay = {}
            self._builds += 1
            self._changed.notify_all()

    def early(self, pages):
        """The running build has written these pages ({address: file}) of a
        site that has no problem shown: serve them from now on."""
        with self._changed:
            if self.problems is None and self.ready:
                self.overlay = {**self.overlay, **pages}
                self._builds += 1
                self._changed.notify_all()

    def tab_opened(self, address):
        with self._changed:
            self._tabs[address] = self._tabs.get(address, 0) + 1

    def tab_closed(self, address):
        with self._changed:
            self._tabs[address] -= 1
            if not self._tabs[address]:
                del self._tabs[address]

    def open_tabs(self):
        """The addresses open tabs show."""
        with self._changed:
            return list(self._tabs)

    def wait_for_change(self, token, timeout):
        """The current token once it differs from `token`, or None after timeout seconds."""
        with self._changed:
            self._changed.wait_for(lambda: self.token != token, timeout)
            return self.token if self.token != token else None
