"""`make serve`, the newcomer's first command: builds, serves, rebuilds on change."""

import os
import signal
import socket
import subprocess
import time
import urllib.request

from helpers import ROOT, article, write


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def fetch(url, timeout=180, expect=None):
    """GET url until it answers (and contains `expect`), or fail after timeout seconds."""
    deadline = time.time() + timeout
    while True:
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                body = response.read().decode("utf-8")
                if expect is None or expect in body:
                    return body
        except OSError:
            pass
        if time.time() > deadline:
            raise AssertionError(f"{url} did not answer{' with ' + expect if expect else ''}")
        time.sleep(0.5)


def test_make_serve_builds_serves_and_rebuilds(tmp_path):
    content = tmp_path / "content"
    write(str(content / "articles/2024-01-01-hello.md"), article(title="第一版标题"))
    port = free_port()
    server = subprocess.Popen(
        ["make", "-s", "serve", f"PORT={port}", f"INPUTDIR={content}", f"OUTPUTDIR={tmp_path / 'out'}"],
        cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    try:
        page = f"http://127.0.0.1:{port}/news/2024/hello/"
        assert "第一版标题" in fetch(page)
        # Pelican starts watching only after its first build is served: an edit made
        # in between is not seen. Save again every 10 s, as an editor would, until the
        # rebuilt page shows (a server that never rebuilds still fails).
        for attempt in range(18):
            write(str(content / "articles/2024-01-01-hello.md"), article(title=f"第二版标题{attempt}"))
            try:
                fetch(page, timeout=10, expect="第二版标题")
                break
            except AssertionError:
                continue
        assert "第二版标题" in fetch(page, timeout=1, expect="第二版标题")
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=20)
