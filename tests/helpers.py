"""Shared by the tests: build a real site with the project's own tools and read its output."""

import atexit
import functools
import gzip
import os
import shutil
import subprocess
import sys
import tempfile
import zlib

from bs4 import BeautifulSoup

from launcher import Launcher

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CONTENT = os.path.join(ROOT, "content")
PELICANCONF = os.path.join(ROOT, "pelicanconf.py")
PUBLISHCONF = os.path.join(ROOT, "publishconf.py")
SITEURL = "https://www.example.org.cn"


def run_tool(tool, *args, env=None, cwd=None, fresh=False):
    """Run tools/<tool>.py as make would; returns the CompletedProcess.

    Arguments other than options are paths, relative to the repository as in
    the Makefile. The tool runs in ``cwd``, by default in the content folder
    (the first argument), where messages name files as ``articles/a.md``
    (xcfl_problems.shown_path). It is forked from this test process's command
    server (tests/launcher.py), or, with ``fresh``, started as a new process
    (its own hash seed).
    """
    assert "-s" in args, "name the settings (-s): the tool does not run in the repository"
    environment = dict(os.environ, **(env or {}))
    args = [arg if arg.startswith("-") else os.path.join(ROOT, arg) for arg in args]
    argv = [os.path.join(ROOT, "tools", tool), *args]
    cwd = cwd or args[0]
    if fresh:
        return subprocess.run([sys.executable, *argv], cwd=cwd, env=environment,
                              capture_output=True, text=True)
    with tempfile.TemporaryDirectory(prefix="run-tool-") as logs:
        out, err = os.path.join(logs, "stdout"), os.path.join(logs, "stderr")
        server = command_server()
        status = server.wait(server.start(argv, environment, stdout=out, stderr=err, cwd=cwd))
        return subprocess.CompletedProcess([sys.executable, *argv], status,
                                           read_text(out), read_text(err))


@functools.cache
def command_server():
    """One per test process (each pytest-xdist worker), ended when it exits."""
    server = Launcher()
    atexit.register(server.close)
    return server


def read_text(path):
    with open(path, encoding="utf-8", errors="replace") as handle:
        return handle.read()


def build(content, output, publish=False, siteurl=SITEURL, fresh=False):
    """A development build, or a publish build (absolute URLs, fatal warnings)."""
    if publish:
        result = run_tool("publish.py", content, output, "-s", PUBLISHCONF,
                          env={"SITEURL": siteurl}, fresh=fresh)
    else:
        result = run_tool("build.py", content, output, "-s", PELICANCONF, fresh=fresh)
    assert result.returncode == 0, result.stdout + result.stderr
    return output


def run_check(content):
    """`make check` (tools/check.py, production settings) on a content folder."""
    return run_tool("check.py", str(content), "-s", "publishconf.py")


def stderr_lines(result):
    """The non-empty lines a tool printed to stderr."""
    return [line for line in result.stderr.splitlines() if line]


def copy_content(destination, source=CONTENT):
    shutil.copytree(source, destination)
    return destination


def write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8") as handle:
        handle.write(text)


def article(title="标题", date="2024-01-01", category="工作动态", body="正文。", **extra):
    lines = [f"Title: {title}", f"Date: {date}", f"Category: {category}"]
    lines += [f"{key}: {value}" for key, value in extra.items()]
    return "\n".join(lines) + "\n\n" + body + "\n"


def files(output, suffix=""):
    """Every file of the output (relative paths, sorted)."""
    found = []
    for folder, _, names in os.walk(output):
        for name in names:
            if name.endswith(suffix):
                found.append(os.path.relpath(os.path.join(folder, name), output))
    return sorted(found)


def html_pages(output):
    return [path for path in files(output, ".html")]


def soup(output, relative):
    with open(os.path.join(output, relative), encoding="utf-8") as handle:
        return BeautifulSoup(handle.read(), "html.parser")


def decoded_bytes(data):
    """The bytes of a file, decompressed when gzip/zlib compressed (search index files)."""
    for attempt in (gzip.decompress, zlib.decompress):
        try:
            return attempt(data)
        except (OSError, zlib.error, EOFError):
            continue
    return data


def output_texts(output):
    """(relative path, text) of every output file, compressed files decompressed."""
    for relative in files(output):
        with open(os.path.join(output, relative), "rb") as handle:
            data = decoded_bytes(handle.read())
        yield relative, data.decode("utf-8", errors="replace")


def url_to_path(output, url, siteurl=""):
    """The output file an internal URL points at, or None for other hosts."""
    url = url.split("#", 1)[0].split("?", 1)[0]
    if siteurl and url.startswith(siteurl):
        url = url[len(siteurl):]
    if url.startswith(("http://", "https://", "//", "mailto:", "tel:")):
        return None
    path = os.path.join(output, url.lstrip("/"))
    if url.endswith("/") or os.path.isdir(path):
        path = os.path.join(path, "index.html")
    return path
