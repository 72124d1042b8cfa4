"""`make serve`, the editors' preview: the real command in a subprocess, on a free
port, with a temporary copy of the content.

It always recovers: a content error is printed once per save and shown at every
address, the next save rebuilds, an error at start-up still starts the server;
it is quiet while idle, answers a missing address with the site's 404 page, and
reloads the open tab after each rebuild. Publish output carries none of it.
"""

import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request

import pytest
from bs4 import BeautifulSoup

from helpers import ROOT, copy_content, files, output_texts

ARTICLE = "articles/2024-06-01-shuxiang-family-reading.md"
ARTICLE_URL = "/family/2024/shuxiang-family-reading/"
TITLE = "“书香家春秋”家庭阅读活动走进椿树街道"
# The build's own message for the bad date below, with the escaping test in it.
BAD_DATE = "Date: <b>2024-13-45</b>"
PROBLEM = "Date: 日期“<b>2024-13-45</b>”格式不对"


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def get(url):
    """(status, body) of a GET, whatever the status; None while nothing answers."""
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status, response.read().decode("utf-8")
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode("utf-8")
    except OSError:
        return None


def wait_for(url, expect, timeout=120):
    """(status, body) once the answer contains `expect`; fails after timeout seconds."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        answer = get(url)
        if answer and expect in answer[1]:
            return answer
        time.sleep(0.2)
    raise AssertionError(f"{url} did not show {expect!r} within {timeout} s; last: {answer!r}")


def edit(path, old, new):
    with open(path, encoding="utf-8") as handle:
        text = handle.read()
    assert old in text
    with open(path, "w", encoding="utf-8") as handle:
        handle.write(text.replace(old, new, 1))


class Serve:
    """`make serve` running on a copy of the sample content."""

    def __init__(self, tmp_path):
        self.content = copy_content(str(tmp_path / "content"))
        self.output = str(tmp_path / "output")
        self.log_path = str(tmp_path / "serve.log")
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"

    def start(self, settings_file=None):
        """`make serve`; or tools/serve.py with another settings file (the theme
        and plugins beside it are watched)."""
        # -o: the worktree's requirements.txt may be newer than the shared
        # venv's stamp; the serve recipe itself is what is under test.
        command = ["make", "-s", "-o", ".venv/.installed", "serve", f"PORT={self.port}",
                   f"INPUTDIR={self.content}", f"OUTPUTDIR={self.output}"]
        if settings_file:
            command = [sys.executable, os.path.join(ROOT, "tools", "serve.py"), self.content,
                       self.output, "-s", settings_file, "--port", str(self.port)]
        with open(self.log_path, "w") as log:
            self.process = subprocess.Popen(
                command, cwd=ROOT, stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
        return self

    def path(self, relative):
        return os.path.join(self.content, relative)

    def log(self):
        with open(self.log_path, encoding="utf-8") as handle:
            return handle.read()

    def cpu_seconds(self):
        """CPU time used so far by every process of the server's process group
        (make, the server, its fork server)."""
        ticks = 0
        for pid in filter(str.isdigit, os.listdir("/proc")):
            try:
                with open(f"/proc/{pid}/stat") as handle:
                    fields = handle.read().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[2]) == self.process.pid:  # the process group
                ticks += int(fields[11]) + int(fields[12])  # utime + stime
        return ticks / os.sysconf("SC_CLK_TCK")

    def stop(self):
        os.killpg(self.process.pid, signal.SIGTERM)
        self.process.wait(timeout=30)


@pytest.fixture
def serve(tmp_path):
    server = Serve(tmp_path)
    yield server
    server.stop()


def problems_listed(body):
    return [item.get_text() for item in BeautifulSoup(body, "html.parser").select(".problems li")]


def test_a_content_error_is_printed_once_shown_everywhere_and_fixed_by_the_next_save(serve):
    serve.start()
    wait_for(serve.url + ARTICLE_URL, TITLE)
    with open(os.path.join(serve.output, ARTICLE_URL.strip("/"), "index.html"), "rb") as handle:
        good_page = handle.read()

    edit(serve.path(ARTICLE), "Date: 2024-06-01", BAD_DATE)
    status, body = wait_for(serve.url + ARTICLE_URL, "内容有问题")
    assert status == 500
    listed = problems_listed(body)
    assert any(f"{ARTICLE}:2: {PROBLEM}" in line for line in listed), listed
    # the problem's text is escaped: it shows as text, makes no element
    assert "&lt;b&gt;2024-13-45&lt;/b&gt;" in body
    assert BeautifulSoup(body, "html.parser").select(".problems b") == []
    # every address shows it: pages, other files, missing addresses
    for address in ["/", "/news/", "/theme/", "/no/such/page/", "/sitemap.xml"]:
        status, other = get(serve.url + address)
        assert status == 500 and problems_listed(other) == listed, address

    # Idle with the error present: no rebuilding, no reprinting, no busy loop.
    before, started = serve.cpu_seconds(), time.monotonic()
    time.sleep(5)
    used = (serve.cpu_seconds() - before) / (time.monotonic() - started)
    assert used < 0.05, f"{used:.1%} of a core while idle"
    assert serve.log().count(PROBLEM) == 1, serve.log()
    # the last good site is still in the output folder, untouched
    with open(os.path.join(serve.output, ARTICLE_URL.strip("/"), "index.html"), "rb") as handle:
        assert handle.read() == good_page

    edit(serve.path(ARTICLE), BAD_DATE, "Date: 2024-06-01")
    edit(serve.path(ARTICLE), TITLE, "改好后的标题")
    status, body = wait_for(serve.url + ARTICLE_URL, "改好后的标题")
    assert status == 200 and "内容有问题" not in body
    assert serve.log().count(PROBLEM) == 1  # printed once per save, not again
    assert "Traceback" not in serve.log()
    # the reload script is added on the way out, never written to the output
    assert "/__preview/reload.js" in body
    for relative, text in output_texts(serve.output):
        assert "__preview" not in text, relative
    # no staging folder left beside the output (the old site is deleted just after)
    deadline = time.monotonic() + 10
    while sorted(os.listdir(os.path.dirname(serve.output))) != ["content", "output", "serve.log"]:
        assert time.monotonic() < deadline, os.listdir(os.path.dirname(serve.output))
        time.sleep(0.2)


def test_an_error_at_start_up_still_starts_the_server(serve):
    edit(serve.path(ARTICLE), "Date: 2024-06-01", BAD_DATE)
    serve.start()
    status, body = wait_for(serve.url + "/", "内容有问题")
    assert status == 500
    assert any(PROBLEM in line for line in problems_listed(body))
    assert serve.log().count(PROBLEM) == 1
    edit(serve.path(ARTICLE), BAD_DATE, "Date: 2024-06-01")
    status, body = wait_for(serve.url + ARTICLE_URL, TITLE)
    assert status == 200


def test_a_missing_address_gets_the_sites_404_page_and_folders_are_never_listed(serve):
    serve.start()
    wait_for(serve.url + "/", "西城区妇女联合会")
    with open(os.path.join(serve.output, "404.html"), encoding="utf-8") as handle:
        heading = BeautifulSoup(handle.read(), "html.parser").h1.get_text(strip=True)
    for address in ["/no/such/page/", "/news/2099/nothing/", "/missing.png", "/theme/"]:
        status, body = get(serve.url + address)
        assert status == 404, address
        assert BeautifulSoup(body, "html.parser").h1.get_text(strip=True) == heading, address
        assert "Directory listing" not in body
    assert os.path.isdir(os.path.join(serve.output, "theme"))  # a folder without index.html
    # a folder's address without its "/" is sent to it, as a static host does
    request = urllib.request.Request(serve.url + "/news")
    with urllib.request.urlopen(request, timeout=10) as response:
        assert response.url == serve.url + "/news/" and response.status == 200


def test_saving_the_theme_a_plugin_or_the_settings_rebuilds(serve, tmp_path):
    project = tmp_path / "project"
    project.mkdir()
    shutil.copy(os.path.join(ROOT, "pelicanconf.py"), project)
    for folder in ["theme", "plugins"]:
        shutil.copytree(os.path.join(ROOT, folder), project / folder,
                        ignore=shutil.ignore_patterns("__pycache__"))
    serve.start(settings_file=str(project / "pelicanconf.py"))
    wait_for(serve.url + ARTICLE_URL, TITLE)

    edit(str(project / "theme/templates/article.html"),
         "{{ article.title }}</h1>", "{{ article.title }}（模板已改）</h1>")
    wait_for(serve.url + ARTICLE_URL, "（模板已改）</h1>")
    edit(str(project / "pelicanconf.py"), 'SITESUBTITLE = "', 'SITESUBTITLE = "设置已改 ')
    wait_for(serve.url + "/", "设置已改")
    builds = serve.log().count("已更新")
    with open(project / "plugins/xcfl_theme/__init__.py", "a", encoding="utf-8") as handle:
        handle.write("# saved again\n")
    deadline = time.monotonic() + 120
    while serve.log().count("已更新") == builds:
        assert time.monotonic() < deadline, serve.log()
        time.sleep(0.2)


@pytest.mark.browser
def test_the_open_tab_reloads_itself_after_each_rebuild(serve, chromium):
    """In real Chromium, under the site's own Content-Security-Policy."""
    serve.start()
    wait_for(serve.url + ARTICLE_URL, TITLE)
    context = chromium.new_context(bypass_csp=False)
    tab = context.new_page()
    violations = []
    tab.on("console", lambda message: "Content Security Policy" in message.text
           and violations.append(message.text))
    tab.goto(serve.url + ARTICLE_URL)
    assert TITLE in tab.locator("h1").first.inner_text()

    edit(serve.path(ARTICLE), TITLE, "浏览器里自动出现的新标题")
    tab.wait_for_selector("h1:has-text('浏览器里自动出现的新标题')", timeout=120_000)
    edit(serve.path(ARTICLE), "Date: 2024-06-01", BAD_DATE)  # a failed build reloads too
    tab.wait_for_selector(".problems li:has-text('2024-13-45')", timeout=120_000)
    edit(serve.path(ARTICLE), BAD_DATE, "Date: 2024-06-01")
    tab.wait_for_selector("h1:has-text('浏览器里自动出现的新标题')", timeout=120_000)
    assert violations == []
    context.close()
    # reloads drop requests half-way; nothing of that reaches the editor's terminal
    assert "Traceback" not in serve.log() and "Exception" not in serve.log()


def test_publish_output_has_no_reload_code(published_site):
    assert files(published_site)
    for relative in files(published_site):
        with open(os.path.join(published_site, relative), "rb") as handle:
            assert b"__preview" not in handle.read(), relative
    for relative, text in output_texts(published_site):  # compressed files decompressed
        assert "__preview" not in text and "reload.js" not in text, relative


def test_a_port_in_use_is_said_in_chinese_with_the_way_out(tmp_path):
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = subprocess.run(
            [sys.executable, os.path.join(ROOT, "tools", "serve.py"), str(tmp_path / "content"),
             str(tmp_path / "output"), "-s", os.path.join(ROOT, "pelicanconf.py"),
             "--port", str(port)],
            cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert result.returncode == 2
    assert f"无法在 127.0.0.1:{port} 上启动预览" in result.stderr
    assert "make serve PORT=8001" in result.stderr
    assert "Traceback" not in result.stderr + result.stdout
