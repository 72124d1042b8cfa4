"""The safety net: no broken link is ever published.

After the build has written everything (``finalized``), every ``href``, ``src``
and ``srcset`` of every HTML page of the output that points into the site
must name a file of this output, and every ``#fragment`` an ``id`` (or an
``<a name>``) of the page it points at. Links written by editors are checked
while reading, with their lines (xcfl_articles/links.py); this catches what the
theme and the generators add. A broken one is printed as
``path:line: key: message`` (the article's source file when the page comes from
content, else the page of the output) and the build fails: ``make publish``
then keeps the old site.

Pages are read with one regular expression over the attributes (comments and
scripts left out): at 2,491 pages, 0.6 s where an html.parser.HTMLParser subclass took
3.4 s and Beautiful Soup 12 s (bench/results/2026-12-05-linkcheck.md).
"""

import html
import os
import re
import sys
from functools import partial
from urllib.parse import unquote, urljoin, urlsplit

from pelican import signals

from xcfl_cache.workers import map_in_workers

from xcfl_problems.messages import message
from xcfl_problems.problems import ContentError, problem_line, shown_path

# Fragments every browser resolves without an element of that id.
ANY_PAGE_FRAGMENTS = {"", "top"}


# A start tag (escaped text, &lt;img src=x&gt;, is none; `>` inside an attribute
# value is written &gt; by Jinja and Markdown), then its attributes as Jinja,
# Markdown and editors' HTML write them: double, single or no quotes.
TAG = re.compile(r"<[a-zA-Z][^>]*>")
# Every attribute in turn, quoted values consumed whole, so text inside a value
# (a description holding "src=x") is never read as an attribute.
ATTRIBUTE = re.compile(
    r"""\s([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?""")
WANTED = {"id", "name", "href", "src", "srcset"}
SKIPPED = re.compile(r"<!--.*?-->|<script\b.*?</script>", re.S | re.I)


class Page:
    """The ids and the link attributes (with their offset in the text) of one page."""

    def __init__(self, text):
        self.ids = set()
        self.links = []
        text = SKIPPED.sub(lambda m: " " * len(m.group()), text)  # offsets stay
        for tag in TAG.finditer(text):
            if "=" in tag.group():
                self._read_tag(tag)

    def _read_tag(self, tag):
        for match in ATTRIBUTE.finditer(tag.group()):
            name = match.group(1).lower()
            if name not in WANTED:
                continue
            value = html.unescape(match.group(2) or match.group(3) or match.group(4) or "")
            if name in ("id", "name"):
                self.ids.add(value)
            elif name == "srcset":
                for candidate in value.split(","):
                    url = candidate.strip().split(" ")[0]
                    if url:
                        self.links.append((url, tag.start()))
            else:
                self.links.append((value, tag.start()))


def read_text(path):
    with open(path, encoding="utf-8", errors="replace") as handle:
        return handle.read()


def read_page(path):
    return Page(read_text(path))


def line_of(path, offset):
    """The 1-based line of an offset of a page: worked out only for a broken link."""
    return read_text(path).count("\n", 0, offset) + 1


def page_url(relative):
    """The site path a page is served at: /news/ for news/index.html."""
    url = "/" + relative
    return url[: -len("index.html")] if url.endswith("/index.html") else url


def target_file(output, path):
    """The output file a site path names, or None."""
    full = os.path.join(output, unquote(path).lstrip("/"))
    if path.endswith("/") or os.path.isdir(full):
        full = os.path.join(full, "index.html")
    return full if os.path.isfile(full) else None


BASE_HOST = "site.invalid"  # stands for the site while relative links are resolved


def site_path(url, page, siteurl):
    """The path inside the site a link on `page` (its site path) leads to, with
    its fragment, or None when it leads elsewhere (another host, mailto:, data: …)."""
    if siteurl and (url == siteurl or url.startswith(siteurl + "/")):
        url = url[len(siteurl):] or "/"
    parts = urlsplit(urljoin(f"http://{BASE_HOST}{page}", url))
    if parts.scheme != "http" or parts.netloc != BASE_HOST:
        return None
    return parts.path, parts.fragment


def read_site_links(output, siteurl, full):
    """A page of the output read: (its ids, [(url, offset, site path, fragment)]
    of its links into the site). Done by the worker processes, page by page."""
    page = read_page(full)
    here = page_url(os.path.relpath(full, output).replace(os.sep, "/"))
    links = []
    for url, offset in page.links:
        where = site_path(url, here, siteurl)
        if where is not None:
            links.append((url, offset, *where))
    return page.ids, links


def broken_links(output, siteurl):
    """[(page relative path, line, url, problem key)] of the whole output.

    Pages are taken as the workers read them, and of each only its ids and the
    links whose #fragment is still to be checked are kept: at 10,000 articles
    holding every link of every page made the check the build's peak in memory."""
    names = [os.path.join(folder, name) for folder, _, names in os.walk(output)
             for name in names if name.endswith(".html")]
    ids, with_fragment, found, targets = {}, [], [], {}
    read = map_in_workers(partial(read_site_links, output, siteurl), names)
    for full, (page_ids, links) in zip(names, read):
        ids[full] = page_ids
        relative = os.path.relpath(full, output).replace(os.sep, "/")
        for url, offset, path, fragment in links:
            if path not in targets:  # most pages share most links (menu, footer, assets)
                targets[path] = target_file(output, path)
            target = targets[path]
            if target is None:
                found.append((relative, line_of(full, offset), url, "broken-link"))
            elif fragment not in ANY_PAGE_FRAGMENTS:
                with_fragment.append((relative, full, offset, url, target, unquote(fragment)))
    for relative, full, offset, url, target, fragment in with_fragment:
        if target in ids and fragment not in ids[target]:
            found.append((relative, line_of(full, offset), url, "broken-fragment"))
    return sorted(found)


_sources = {}


def start(pelican):
    _sources.clear()


def remember_source(path, context):
    content = context.get("article") or context.get("page")
    if path.endswith(".html") and content is not None:
        _sources[os.path.abspath(path)] = getattr(content, "source_path", None)


def source_line(source, url):
    """The line of a content file that holds the link (or its path), or None."""
    needles = [url, url.split("#")[0]] if url.split("#")[0] else [url]
    try:
        with open(source, encoding="utf-8", errors="replace") as handle:
            lines = handle.readlines()
    except OSError:
        return None
    for needle in needles:
        for number, text in enumerate(lines, start=1):
            if needle and needle in text:
                return number
    return None


def where(output, relative, line, url):
    """(path, line) of a broken link: its content file when it is found there,
    else the page of the output."""
    page = os.path.abspath(os.path.join(output, relative))
    source = _sources.get(page)
    if source:
        source_number = source_line(source, url)
        if source_number:
            return shown_path(source), source_number
    return os.path.relpath(page).replace(os.sep, "/"), line


def check(pelican):
    output = pelican.output_path
    siteurl = pelican.settings.get("SITEURL", "").rstrip("/")
    found = broken_links(output, siteurl)
    if not found:
        return
    lines = [problem_line(*where(output, relative, line, url), key,
                          message(key, url=url, page=page_url(relative)))
             for relative, line, url, key in found]
    lines.append(message("broken-links-summary", count=len(found)))
    sys.stderr.write("\n".join(lines) + "\n")
    sys.stderr.flush()
    raise ContentError(f"{len(found)} 个失效链接")


def nav_of_written_sections(generators):
    """XCFL_NAV_SHOWN, the main menu the theme draws: XCFL_NAV without the
    categories that have no article (their page is not written)."""
    context = generators[0].context
    written = {category.url for category, _ in context.get("categories", ())}
    categories = {f"{slug}/" for slug in context.get("XCFL_CATEGORIES", {})}
    context["XCFL_NAV_SHOWN"] = [(url, label) for url, label in context["XCFL_NAV"]
                                 if url not in categories or url in written]


def register():
    signals.initialized.connect(start)
    signals.all_generators_finalized.connect(nav_of_written_sections)
    signals.content_written.connect(remember_source)
    signals.finalized.connect(check)
