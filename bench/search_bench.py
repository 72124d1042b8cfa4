#!/usr/bin/env python3
"""Benchmark the search index: index time, build memory, index size, first-query bytes.

    python bench/search_bench.py --articles 1000 5000 [--records 3000]

For each N: generate content (generate.py), build it with bare Pelican and with
the project's `make publish` (tools/publish.py, with the xcfl_search timing line
switched on), both measured by run.py's `measure` in this run. Then serve the
project output on 127.0.0.1 and open /search/?q=妇女 in headless Chromium,
summing the bytes of every response. A measurement, not a test.
"""

import argparse
import gzip
import os
import re
import shutil
import socket
import sys
import tempfile

BENCH = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(BENCH)
sys.path.insert(0, BENCH)
sys.path.insert(0, os.path.join(ROOT, "tests"))
import generate  # noqa: E402
import run  # noqa: E402

INDEXED = re.compile(r"xcfl_search: indexed (\d+) pages in ([\d.]+) s")
FIRST_QUERY = "妇女"
# What the first query's bytes are (printed by part, gzip KB and file count).
PARTS = [("search.js", r"/theme/search\.\w+\.js$"), ("meta", r"/search-index/meta\.json$"),
         ("buckets", r"/search-index/b/"), ("result pages", r"/search-index/p/")]


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def project_build(python, content, output, siteurl, work):
    code = (
        "import logging, runpy, sys; "
        "logging.getLogger('xcfl_search').setLevel(logging.INFO); "
        f"sys.argv = ['publish.py', {content!r}, {output!r}, '-s', 'publishconf.py']; "
        "sys.path.insert(0, 'tools'); runpy.run_path('tools/publish.py', run_name='__main__')"
    )
    os.environ["SITEURL"] = siteurl
    try:
        return run.measure([python, "-c", code], os.path.join(work, "project.log"), cwd=ROOT)
    finally:
        del os.environ["SITEURL"]


def first_query_bytes(output, port):
    """Bytes of every response for /search/?q=妇女: as served, and as gzip would send them."""
    import functools
    import http.server
    import threading

    from browser import QuietHandler, launch
    from playwright.sync_api import sync_playwright

    handler = functools.partial(QuietHandler, directory=output)
    server = http.server.ThreadingHTTPServer(("127.0.0.1", port), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    sizes = {}
    try:
        with sync_playwright() as playwright:
            browser = launch(playwright)
            page = browser.new_page()
            page.on("response", lambda response: sizes.setdefault(response.url, response))
            page.goto(f"http://127.0.0.1:{port}/search/?q={FIRST_QUERY}")
            page.wait_for_function("() => document.querySelectorAll('#search-results > li').length > 0")
            page.wait_for_load_state("networkidle")
            bodies = {url: response.body() for url, response in sizes.items()}
            browser.close()
    finally:
        server.shutdown()
    served = sum(len(body) for body in bodies.values())
    # text files are gzipped by a real server (nginx's gzip_types, docs/hosting.md)
    sent = {url: len(body) if re.search(r"\.(png|jpe?g)$", url) else len(gzip.compress(body))
            for url, body in bodies.items()}
    parts = {}
    for url, size in sent.items():
        part = next((name for name, pattern in PARTS if re.search(pattern, url)), "page, css, js")
        count, total = parts.get(part, (0, 0))
        parts[part] = (count + 1, total + size)
    run.info("first query, gzip KB by part: " + ", ".join(
        f"{name} {total / 1024:.0f} ({count})" for name, (count, total) in sorted(parts.items())))
    return served, sum(sent.values()), len(bodies)


def bench_one(args, n, work):
    content = os.path.join(work, "content")
    generate.generate(content, n, args.records, args.seed)
    run.info(f"N={n}: bare Pelican")
    bare = run.bare_build(args.python, content, os.path.join(work, "out-bare"), work, 3600)
    run.info(f"N={n}: project build (make publish)")
    port = free_port()
    output = os.path.join(work, "out-project")
    project = project_build(args.python, content, output, f"http://127.0.0.1:{port}", work)
    if not (run.check(bare, "bare Pelican") and run.check(project, "project build")):
        return None
    with open(project.log, encoding="utf-8", errors="replace") as handle:
        found = INDEXED.search(handle.read().replace("\n", " "))
    pages, index_s = (int(found.group(1)), float(found.group(2))) if found else (0, 0.0)
    row = {"N": n, "pages": pages, "bare": bare.wall, "project": project.wall, "index": index_s,
           "build_mb": project.peaks.get("build", 0),
           "index_size": run.tree_size(os.path.join(output, "search-index"))}
    run.info(f"N={n}: first query in Chromium")
    row["served"], row["wire"], row["requests"] = first_query_bytes(output, port)
    return row


def table(rows):
    lines = ["| N articles | indexed pages | bare Pelican s | make publish s | index s | index / bare "
             "| build peak MB (all processes) | index MB | first query KB (served / gzip) | requests |",
             "|" + "---|" * 10]
    for r in rows:
        lines.append(
            f"| {r['N']} | {r['pages']} | {r['bare']:.1f} | {r['project']:.1f} | {r['index']:.1f} "
            f"| {r['index'] / r['bare']:.2f} | {r['build_mb'] / 2**20:.0f} "
            f"| {r['index_size'] / 2**20:.1f} | {r['served'] / 1024:.0f} / {r['wire'] / 1024:.0f} "
            f"| {r['requests']} |")
    return "\n".join(lines)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, nargs="+", required=True)
    parser.add_argument("--records", type=int, default=3000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--python", default=sys.executable)
    parser.add_argument("--keep", action="store_true")
    args = parser.parse_args(argv)
    rows = []
    for n in args.articles:
        work = tempfile.mkdtemp(prefix=f"search-bench-{n}-")
        try:
            row = bench_one(args, n, work)
            if row:
                rows.append(row)
                print(table(rows[-1:]), flush=True)
        finally:
            if not args.keep:
                shutil.rmtree(work, ignore_errors=True)
    print(table(rows))


if __name__ == "__main__":
    main()
