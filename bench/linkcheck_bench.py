"""Reads every page of a built output three ways and times them: the link check
as a whole (plugins/xcfl_linkcheck), its page reading alone, and Beautiful Soup
with html.parser collecting the same attributes. Usage: python bench/linkcheck_bench.py OUTPUT"""
import sys, os, time
sys.path.insert(0, os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "plugins"))
from bs4 import BeautifulSoup
from xcfl_linkcheck.linkcheck import broken_links, read_page
out = sys.argv[1]
pages = [os.path.join(d, n) for d, _, ns in os.walk(out) for n in ns if n.endswith(".html")]
t = time.perf_counter(); found = broken_links(out, ""); full = time.perf_counter() - t
t = time.perf_counter()
for p in pages: read_page(p)
hp = time.perf_counter() - t
t = time.perf_counter()
for p in pages:
    with open(p, encoding="utf-8") as h:
        s = BeautifulSoup(h.read(), "html.parser")
    [e.get("href") for e in s.find_all(href=True)]; [e.get("id") for e in s.find_all(id=True)]
bs = time.perf_counter() - t
try:
    import lxml; print("lxml available")
except ImportError: print("no lxml")
print(f"pages {len(pages)} broken {len(found)} check {full:.2f}s  reading (regex) {hp:.2f}s  BeautifulSoup(html.parser) {bs:.2f}s")
