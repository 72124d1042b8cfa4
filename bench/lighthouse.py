"""Lighthouse's four scores of the sample site, mobile and desktop (not CI).

    .venv/bin/python bench/lighthouse.py [--out bench/results/FILE.md]

Builds the tests' sample content (tests/pages.py: the repository's content plus
pagination, pictures and a table) with `make publish`'s tool into a temporary
folder, for the address it serves it at on 127.0.0.1 with gzip as a host would (tests/browser.py),
and runs Lighthouse (npm package, the version pinned below, installed by npm
into a temporary folder) with Debian's chromium (CHROME_PATH, default
/usr/bin/chromium) on the home page, an article, a listing and a search with a
query. Prints one line per page and form factor: performance, accessibility,
best practices, SEO, and the audits that did not pass.
"""

import argparse
import json
import os
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
sys.path.insert(0, os.path.join(ROOT, "tests"))

from browser import serve  # noqa: E402
from helpers import build  # noqa: E402
from pages import make_sample_content, page_of_type  # noqa: E402

LIGHTHOUSE = "lighthouse@12.8.2"  # the last release that runs on Debian's Node 20
CATEGORIES = ["performance", "accessibility", "best-practices", "seo"]
PAGES = [("home", "home"), ("article", "article-media"), ("listing", "category"),
         ("search", "search")]
CHROME_FLAGS = "--headless=new --no-sandbox --disable-gpu --disable-background-networking " \
               "--disable-component-update --disable-sync --no-first-run"


def install(folder):
    subprocess.run(["npm", "install", "--no-audit", "--no-fund", "--silent", "--prefix", folder,
                    LIGHTHOUSE], check=True)
    return os.path.join(folder, "node_modules", ".bin", "lighthouse")


def scores(lighthouse, url, form_factor, report):
    command = [lighthouse, url, "--quiet", "--output=json", f"--output-path={report}",
               f"--only-categories={','.join(CATEGORIES)}", f"--chrome-flags={CHROME_FLAGS}"]
    if form_factor == "desktop":
        command.append("--preset=desktop")
    env = dict(os.environ, CHROME_PATH=os.environ.get("CHROME_PATH", "/usr/bin/chromium"))
    subprocess.run(command, check=True, env=env)
    with open(report, encoding="utf-8") as handle:
        result = json.load(handle)
    found = {name: round(result["categories"][name]["score"] * 100) for name in CATEGORIES}
    # what cost points: audits of the four categories that did not pass
    weighted = {ref["id"] for name in CATEGORIES for ref in result["categories"][name]["auditRefs"]
                if ref.get("weight")}
    scores_of = {audit_id: result["audits"][audit_id].get("score") for audit_id in weighted}
    found["failed"] = sorted(audit_id for audit_id, score in scores_of.items()
                             if score is not None and score < 1)
    return found


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", help="also write the table to this Markdown file")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        os.environ.setdefault("XCFL_CACHE_PATH", os.path.join(folder, "cache"))
        # A publish build, as readers get it (absolute addresses, feeds, robots.txt
        # naming the sitemap), for the address it is served at: serve first.
        site = os.path.join(folder, "site")
        server, base = serve(site)
        build(make_sample_content(os.path.join(folder, "content")), site, publish=True, siteurl=base)
        lighthouse = install(os.path.join(folder, "npm"))
        rows = []
        try:
            for label, kind in PAGES:
                url = base + page_of_type(site, kind)
                for form_factor in ("mobile", "desktop"):
                    found = scores(lighthouse, url, form_factor, os.path.join(folder, "report.json"))
                    row = [label, form_factor] + [str(found[name]) for name in CATEGORIES] \
                        + [", ".join(found["failed"]) or "–"]
                    rows.append(row)
                    print(f"{label:8} {form_factor:8} " + "  ".join(
                        f"{name} {found[name]:3}" for name in CATEGORIES)
                          + "  failed: " + (", ".join(found["failed"]) or "none"), flush=True)
        finally:
            server.shutdown()
    if args.out:
        with open(args.out, "w", encoding="utf-8") as handle:
            handle.write(f"# Lighthouse ({LIGHTHOUSE}, Debian's chromium), sample site\n\n"
                         "`.venv/bin/python bench/lighthouse.py`\n\n"
                         "| page | form factor | " + " | ".join(CATEGORIES) + " | audits not passed |\n"
                         "| --- | --- | " + " | ".join("---" for _ in CATEGORIES) + " | --- |\n")
            for row in rows:
                handle.write("| " + " | ".join(row) + " |\n")


if __name__ == "__main__":
    main()
