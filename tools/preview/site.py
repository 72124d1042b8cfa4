"""What the preview shows right now, shared by the builder and the HTTP server.

One of three states: the first build is still running, the last build failed
(its problems are shown at every address), or the site is ready. Every finished
build, good or failed, gets a new token; open tabs compare tokens to know when
to reload.
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

    @property
    def token(self):
        return f"{self._start}-{self._builds}"

    def snapshot(self):
        """(problems, ready, token), all of one moment."""
        with self._changed:
            return self.problems, self.ready, self.token

    def finished(self, problems=None):
        """A build ended: `problems` is its messages if it failed, else None."""
        with self._changed:
            self.problems = problems
            self.ready = True
            self._builds += 1
            self._changed.notify_all()

    def wait_for_change(self, token, timeout):
        """The current token once it differs from `token`, or None after timeout seconds."""
        with self._changed:
            self._changed.wait_for(lambda: self.token != token, timeout)
            return self.token if self.token != token else None
