"""One build per request, into a staging folder; the served folder is replaced
only by a complete, successful build.

Each build runs in a fresh process (tools/build.py), so nothing of one build
(plugin state, caches in memory, half-read files) survives into the next.
"""

import ctypes
import glob
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time

BUILD_TOOL = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "build.py")
RENAME_EXCHANGE = 2


def run_build(content, output, settings_file):
    """Build the site into `output` in a new process: (exit status, messages it printed)."""
    finished = subprocess.run(
        [sys.executable, BUILD_TOOL, content, output, "-s", settings_file],
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, errors="replace")
    return finished.returncode, finished.stderr


def exchange(a, b):
    """Swap two folders atomically (Linux renameat2); False where unsupported."""
    try:
        renameat2 = ctypes.CDLL(None, use_errno=True).renameat2
    except (OSError, AttributeError):
        return False
    at_fdcwd = -100
    return renameat2(at_fdcwd, os.fsencode(a), at_fdcwd, os.fsencode(b), RENAME_EXCHANGE) == 0


def swap_in(new, target):
    """Put the folder `new` at `target`; returns the folder now holding the old site
    (to delete), or None. A request never finds `target` missing where renameat2 exists."""
    if not os.path.exists(target):
        os.rename(new, target)
        return None
    if exchange(new, target):
        return new
    old = new + ".old"
    os.rename(target, old)
    os.rename(new, target)
    return old


class Builder:
    """Runs builds one after another in its own thread; a request made while a
    build runs (saves during a build) is served by one more build after it."""

    def __init__(self, content, output, settings_file, state, report):
        self.content = content
        self.output = os.path.abspath(output)
        self.settings_file = settings_file
        self.state = state
        self.report = report  # called with (status, messages, seconds) after each build
        self._wanted = threading.Event()

    def request(self):
        self._wanted.set()

    def start(self):
        remove_leftovers(self.output)
        threading.Thread(target=self._loop, name="builder", daemon=True).start()

    def _loop(self):
        while True:
            self._wanted.wait()
            self._wanted.clear()
            self.build_once()

    def build_once(self):
        parent = os.path.dirname(self.output)
        os.makedirs(parent, exist_ok=True)
        # Beside the output, on the same file system, so the swap is one rename.
        staging = tempfile.mkdtemp(prefix=staging_prefix(self.output), dir=parent)
        started = time.monotonic()
        status, messages = run_build(self.content, staging, self.settings_file)
        seconds = time.monotonic() - started
        old = None
        if status == 0:
            os.chmod(staging, 0o755)
            old = swap_in(staging, self.output)
        else:
            old = staging
        self.state.finished(None if status == 0 else messages)
        self.report(status, messages, seconds)
        if old:
            shutil.rmtree(old, ignore_errors=True)


def staging_prefix(output):
    return f".{os.path.basename(output)}.preview-"


def remove_leftovers(output):
    """Staging folders a stopped `make serve` left beside the output."""
    pattern = os.path.join(os.path.dirname(output), glob.escape(staging_prefix(output)) + "*")
    for folder in glob.glob(pattern):
        shutil.rmtree(folder, ignore_errors=True)
