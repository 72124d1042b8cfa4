#!/usr/bin/env python3
"""How long `make serve` takes from saving an article to the open tab showing it.

    .venv/bin/python bench/preview.py                                 # the sample site
    .venv/bin/python bench/preview.py --articles 2000 --records 600   # generated content

Starts tools/serve.py on a copy of the content, opens the article in headless
Chromium (/usr/bin/chromium, the site's CSP in force), then several times:
changes the article's title, saves, and waits until the tab (which reloads
itself) shows the new title. Prints each round's time and the build time the
server reported. A measurement, not a test: nothing fails on slow numbers.
"""

import argparse
import os
import re
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request

BENCH = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(BENCH)
sys.path.insert(0, BENCH)
sys.path.insert(0, os.path.join(ROOT, "tests"))

import generate  # noqa: E402
from browser import launch  # noqa: E402


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_for_site(url, timeout):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                if response.status == 200:
                    return
        except OSError:
            pass
        time.sleep(0.2)
    raise SystemExit(f"{url} did not answer within {timeout} s")


def group_cpu_seconds(group):
    """CPU time of every process in the process group, with their finished
    children's (the builds): the work done, whatever else loads the machine."""
    ticks = 0
    for pid in filter(str.isdigit, os.listdir("/proc")):
        try:
            with open(f"/proc/{pid}/stat") as handle:
                fields = handle.read().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[2]) == group:
            ticks += sum(int(value) for value in fields[11:15])  # utime stime cutime cstime
    return ticks / os.sysconf("SC_CLK_TCK")


def builds_so_far(log_path):
    with open(log_path, encoding="utf-8") as log:
        return [float(s) for s in re.findall(r"用时 ([\d.]+) 秒", log.read())]


def pick_article(content, output):
    """(source file, its address) of one published article."""
    articles = os.path.join(content, "articles")
    for folder, _, names in sorted(os.walk(articles)):
        for name in sorted(names):
            path = os.path.join(folder, name)
            with open(path, encoding="utf-8") as handle:
                text = handle.read()
            if "Status: draft" in text:
                continue
            title = re.search(r"^Title: (.+)$", text, re.M).group(1).strip()
            for place, _, files in os.walk(output):
                if "index.html" in files and re.search(r"/\d{4}/[^/]+$", place):
                    with open(os.path.join(place, "index.html"), encoding="utf-8") as page:
                        if "<h1" in (html := page.read()) and title in html:
                            return path, "/" + os.path.relpath(place, output) + "/"
    raise SystemExit("no published article found")


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=0, help="0: the sample content/")
    parser.add_argument("--records", type=int, default=600)
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args(argv)

    work = tempfile.mkdtemp(prefix="preview-bench-")
    content, output = os.path.join(work, "content"), os.path.join(work, "output")
    if args.articles:
        generate.generate(content, args.articles, args.records)
    else:
        shutil.copytree(os.path.join(ROOT, "content"), content)
    env = dict(os.environ, XCFL_CACHE_PATH=os.path.join(work, "cache"))
    port = free_port()
    log_path = os.path.join(work, "serve.log")
    log = open(log_path, "a", encoding="utf-8")  # the server appends; read apart
    server = subprocess.Popen(
        [sys.executable, os.path.join(ROOT, "tools", "serve.py"), content, output,
         "-s", os.path.join(ROOT, "pelicanconf.py"), "--port", str(port)],
        cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
    base = f"http://127.0.0.1:{port}"
    try:
        started = time.monotonic()
        wait_for_site(base + "/", 600)
        print(f"first build and serve: {time.monotonic() - started:.1f} s")
        source, address = pick_article(content, output)
        with open(source, encoding="utf-8") as handle:
            original = handle.read()
        from playwright.sync_api import sync_playwright

        with sync_playwright() as playwright:
            browser = launch(playwright)
            tab = browser.new_context(bypass_csp=False).new_page()
            tab.goto(base + address)
            times, cpu, builds = [], [], []
            for round_ in range(1, args.rounds + 1):
                marker = f"改过的标题{round_}"
                edited = re.sub(r"^Title: (.+)$", rf"Title: \1{marker}", original,
                                count=1, flags=re.M)
                done_before = len(builds_so_far(log_path))
                cpu_before = group_cpu_seconds(server.pid)
                saved = time.monotonic()
                with open(source, "w", encoding="utf-8") as handle:
                    handle.write(edited)
                tab.wait_for_selector(f"h1:has-text('{marker}')", timeout=120_000)
                times.append(time.monotonic() - saved)
                # The tab may show its page before the build ends (the page is
                # written first): the next save waits for the build to end.
                while len(builds_so_far(log_path)) <= done_before:
                    time.sleep(0.2)
                time.sleep(1)  # let the reload settle before the next save
                cpu.append(group_cpu_seconds(server.pid) - cpu_before)
                builds.append(builds_so_far(log_path)[done_before:])
            browser.close()
        label = "sample site"
        if args.articles:
            label = f"{args.articles} articles + {args.records} records"
        print(f"{label}: save → tab shows it, {args.rounds} rounds")
        print("  each:   " + ", ".join(f"{t:.2f}" for t in times) + " s")
        print(f"  median: {statistics.median(times):.2f} s   best: {min(times):.2f} s")
        print("  CPU time of the server and its builds per round: "
              + ", ".join(f"{c:.2f}" for c in cpu) + " s")
        print("  builds per round (server's figure, s): " + "; ".join(
            ", ".join(f"{b:.2f}" for b in round_) for round_ in builds))
        print(f"  load average now: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=30)
        log.close()
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
