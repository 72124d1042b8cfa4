#!/usr/bin/env python3
"""The search's quality and cost, over the query set bench/search-queries.yaml.

    python bench/search_quality.py [--sample] [--articles 2000 --records 600] [--repeat 3]

For the sample site (content/) and/or generated content (generate.py, with the
repository's synonym table copied in): build the site cold with the project's
`make publish` path (tools/publish.py, as search_bench.py), then open
/search/?q=… in headless Chromium for every query, each in a fresh browser
context (an empty cache: a first query), and report:

- recall: of the pages whose text holds the query (judged from the index's own
  page files: title and main text, normalised as the index does), the share
  search.js `find` returns;
- wrong pages in the top 10 shown (links on the page, after its checks);
- the count shown against the right count;
- no-match queries that show any result (partial matches are counted apart);
- bytes (gzip, as a server sends them) and requests of each first query;
- the index step's time against the cold build's.

A measurement, not a test: it never fails. The machine is shared: times are noisy.
"""

import argparse
import glob
import gzip
import json
import os
import re
import shutil
import statistics
import sys
import tempfile
import unicodedata

import yaml

BENCH = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(BENCH)
sys.path[:0] = [BENCH, os.path.join(ROOT, "tests"), os.path.join(ROOT, "plugins")]
import generate  # noqa: E402
import run  # noqa: E402
import search_bench  # noqa: E402
from xcfl_search import synonyms as synonym_table  # noqa: E402
from xcfl_search.keys import runs  # noqa: E402

QUERIES = os.path.join(BENCH, "search-queries.yaml")
SYNONYMS = os.path.join(ROOT, "content", "search-synonyms.txt")
RUN = re.compile(r"[^\W_]+")


def is_han(text):
    return all(unicodedata.name(c, "").startswith("CJK") for c in text)


def query_terms(query):
    """The terms search.js queryTerms makes of a query (a space next to a
    single Chinese character parts nothing), folded as keys.runs folds."""
    normal = unicodedata.normalize("NFKC", query).lower()
    terms, end = [], -1
    for match in RUN.finditer(normal):
        run_ = match.group()
        if terms and normal[end:match.start()].isspace() and is_han(terms[-1]) and is_han(run_) \
                and (len(terms[-1]) == 1 or len(run_) == 1):
            terms[-1] += run_
        else:
            terms.append(run_)
        end = match.end()
    return ["".join(runs(term)) for term in terms]


def alternatives(term, groups):
    words = {term}
    for group in groups:
        for word in group:
            if word in term:
                words.update(term.replace(word, other) for other in group)
    return words


def right_pages(query, pages, groups):
    """URLs of the pages whose normalised title or text holds every term."""
    terms = [alternatives(term, groups) for term in query_terms(query)]
    return {page["url"] for page in pages
            if all(any(word in page["normal"] for word in words) for words in terms)}


def index_pages(output):
    pages = []
    folder = os.path.join(output, "search-index", "p")
    for path in sorted(glob.glob(os.path.join(folder, "*.json")),
                       key=lambda p: int(os.path.basename(p)[:-5])):
        with open(path, encoding="utf-8") as handle:
            for page in json.load(handle)["p"]:
                page["normal"] = "\0".join(runs(page["title"])) + "\0\0" + "\0".join(runs(page["text"]))
                pages.append(page)
    return pages


FIND = """async (query) => {
  const search = await window.xcfl.find(query, {});
  const urls = [];
  for (let i = 0; i < search.results.length; i += 64) { // a few files at a time
    const batch = search.results.slice(i, i + 64);
    urls.push(...(await Promise.all(batch.map(async (n) => (await window.xcfl.pageData(n)).url))));
  }
  return { urls, unsure: search.unsure };
}"""
SETTLED = ("() => { const s = document.getElementById('search-status').textContent;"
           " return s && !s.includes('正在'); }")


def browse(output, port, queries):
    """{query: observed} for every query, each a first query in a fresh context."""
    import functools
    import http.server
    import threading

    from browser import QuietHandler, launch
    from playwright.sync_api import sync_playwright

    handler = functools.partial(QuietHandler, directory=output)
    server = http.server.ThreadingHTTPServer(("127.0.0.1", port), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    seen = {}
    try:
        with sync_playwright() as playwright:
            browser = launch(playwright)
            for query in queries:
                context = browser.new_context()
                page = context.new_page()
                responses = []
                page.on("response", lambda response: responses.append(response))
                page.goto(f"http://127.0.0.1:{port}/search/?q={query}")
                page.wait_for_function(SETTLED, timeout=120_000)
                page.wait_for_load_state("networkidle")
                bodies = [(r.url, r.body()) for r in responses if r.status == 200]
                wire = sum(len(body) if re.search(r"\.(png|jpe?g|webp)$", url) else
                           len(gzip.compress(body)) for url, body in bodies)
                shown = page.eval_on_selector_all(
                    "#search-results a", "e => e.map(a => new URL(a.href).pathname)")
                partial = page.eval_on_selector_all("#search-partial-results a", "e => e.length")
                status = page.text_content("#search-status")
                found = page.evaluate(FIND, query)
                seen[query] = {"shown": shown, "partial": partial, "status": status,
                               "found": found["urls"], "unsure": found["unsure"],
                               "kb": wire / 1024, "requests": len(bodies)}
                context.close()
            browser.close()
    finally:
        server.shutdown()
    return seen


def path_of(url):
    return "/" + url.split("/", 3)[3] if url.startswith("http") else url


def judge(site, output, queries, seen, groups):
    pages = index_pages(output)
    rows, problems = [], []
    for item in queries:
        query = item["q"]
        right = {path_of(url) for url in right_pages(query, pages, groups)}
        got = seen[query]
        found = {path_of(url) for url in got["found"]}
        count = re.search(r"(\d+) 条", got["status"])
        row = {"q": query, "right": len(right), "found": len(found & right),
               "extra": len(found - right), "wrong10": len(set(got["shown"][:10]) - right),
               "count": int(count.group(1)) if count else 0, "partial": got["partial"],
               "none": bool(item.get("none")), "kb": got["kb"], "requests": got["requests"]}
        if item.get("none") and right:
            problems.append(f"{site}: {query}: marked none, but {len(right)} pages hold it")
        for url in item.get("expect", []) if site == "sample" else []:
            if url not in found:
                problems.append(f"{site}: {query}: expected {url} not found")
        rows.append(row)
    return rows, problems


def summary(site, rows, build):
    matched = [r for r in rows if r["right"]]
    recall = sum(r["found"] for r in matched) / max(1, sum(r["right"] for r in matched))
    none = [r for r in rows if r["none"]]
    kbs = [r["kb"] for r in rows]
    lines = [
        f"### {site}", "",
        f"- queries: {len(rows)} ({len(matched)} with right pages, {len(none)} found on no page)",
        f"- recall: {recall:.3f} (lowest per query {min((r['found'] / r['right'] for r in matched), default=1):.3f})",
        f"- wrong pages in the top 10 shown: {sum(r['wrong10'] for r in rows)} in all",
        f"- count shown ≠ right count: {sum(1 for r in rows if r['count'] != r['right'])} queries"
        f" (counts of long terms over {48} unchecked pages are shown as 约 N)",
        f"- pages `find` returns that do not hold the query (unchecked candidates): "
        f"{sum(r['extra'] for r in rows)} in {sum(1 for r in rows if r['extra'])} queries",
        f"- no-match queries showing a result: {sum(1 for r in none if r['count'])};"
        f" showing partial matches apart: {sum(1 for r in none if r['partial'])}"
        f" (at most {max((r['partial'] for r in none), default=0)} each)",
        f"- first query gzip KB: median {statistics.median(kbs):.1f}, max {max(kbs):.1f};"
        f" requests: median {statistics.median(r['requests'] for r in rows):.0f},"
        f" max {max(r['requests'] for r in rows)}",
    ]
    if build:
        lines.append(f"- cold build {build['wall']:.1f} s, index step {build['index']:.1f} s"
                     f" ({100 * build['index'] / build['wall']:.0f} %), {build['pages']} pages indexed,"
                     f" index {build['size'] / 2**20:.1f} MB")
    lines += ["", "| query | right | found | extra | wrong in top 10 | count shown | partial | KB | requests |",
              "|---|---|---|---|---|---|---|---|---|"]
    for r in rows:
        lines.append(f"| {r['q']} | {r['right']} | {r['found']} | {r['extra']} | {r['wrong10']} "
                     f"| {r['count']} | {r['partial']} | {r['kb']:.1f} | {r['requests']} |")
    return "\n".join(lines)


def build_site(args, content, work):
    port = search_bench.free_port()
    output = os.path.join(work, "out")
    measured = search_bench.project_build(args.python, content, output,
                                          f"http://127.0.0.1:{port}", work)
    if not run.check(measured, "project build"):
        raise SystemExit(1)
    with open(measured.log, encoding="utf-8", errors="replace") as handle:
        found = search_bench.INDEXED.search(handle.read().replace("\n", " "))
    build = {"wall": measured.wall, "index": float(found.group(2)) if found else 0.0,
             "pages": int(found.group(1)) if found else 0,
             "size": run.tree_size(os.path.join(output, "search-index"))}
    return output, port, build


def measure_site(args, site, content, queries, groups):
    work = tempfile.mkdtemp(prefix=f"search-quality-{site}-")
    try:
        os.environ["XCFL_CACHE_PATH"] = os.path.join(work, "cache")
        output, port, build = build_site(args, content, work)
        run.info(f"{site}: {len(queries)} queries in Chromium")
        seen = browse(output, port, [item["q"] for item in queries])
        rows, problems = judge(site, output, queries, seen, groups)
        return summary(site, rows, build), problems
    finally:
        os.environ.pop("XCFL_CACHE_PATH", None)
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sample", action="store_true", help="the sample site (content/)")
    parser.add_argument("--articles", type=int)
    parser.add_argument("--records", type=int, default=600)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--python", default=sys.executable)
    parser.add_argument("--keep", action="store_true")
    args = parser.parse_args(argv)
    with open(QUERIES, encoding="utf-8") as handle:
        queries = [dict(item, q=str(item["q"])) for item in yaml.safe_load(handle)]  # 2023: a string
    groups = synonym_table.read(SYNONYMS)[0]
    reports, problems = [], []
    if args.sample:
        chosen = [q for q in queries if "sample" in q.get("sites", ["sample", "bench"])]
        report, found = measure_site(args, "sample", os.path.join(ROOT, "content"), chosen, groups)
        reports.append(report)
        problems += found
    if args.articles:
        chosen = [q for q in queries if "bench" in q.get("sites", ["sample", "bench"])]
        content = tempfile.mkdtemp(prefix="search-quality-content-")
        try:
            generate.generate(content, args.articles, args.records, args.seed)
            shutil.copy(SYNONYMS, content)
            site = f"{args.articles} articles + {args.records} records"
            report, found = measure_site(args, site, content, chosen, groups)
            reports.append(report)
            problems += found
        finally:
            shutil.rmtree(content, ignore_errors=True)
    print("\n\n".join(reports))
    if problems:
        print("\nQuery set problems:\n" + "\n".join(f"- {p}" for p in problems))


if __name__ == "__main__":
    main()
