"""sitemap.xml and robots.txt from the pages the build actually wrote.

Listening to ``content_written`` means every HTML page is included —
articles, listings and the records' pages alike — and nothing else: drafts
are never written, so never listed.
"""

import os
from xml.sax.saxutils import escape

from pelican import signals

EXCLUDED = {"404.html", "search/index.html"}
_written = {}


def start(pelican):
    _written.clear()


def remember(path, context):
    if path.endswith(".html"):
        _written[os.path.abspath(path)] = context.get("article") or context.get("page")


def page_url(siteurl, relative):
    if relative.endswith("index.html"):
        relative = relative[: -len("index.html")]
    return f"{siteurl}/{relative}"


def relative_to(folder, prefix, path):
    """`path` (absolute) relative to `folder`, with forward slashes: relpath's
    result, by cutting the prefix (`folder`'s absolute path and a separator)
    for each of 15,000 pages."""
    if path.startswith(prefix):
        return path[len(prefix):].replace(os.sep, "/")
    return os.path.relpath(path, folder).replace(os.sep, "/")


def sitemap_xml(siteurl, output_path):
    entries = []
    prefix = os.path.join(os.path.abspath(output_path), "")
    for path, content in _written.items():
        relative = relative_to(output_path, prefix, path)
        if relative in EXCLUDED:
            continue
        lastmod = ""
        date = getattr(content, "modified", None) or getattr(content, "date", None)
        if date is not None:
            # what strftime('%Y-%m-%d') gives, without Pelican's strftime
            lastmod = f"<lastmod>{date.year:04d}-{date.month:02d}-{date.day:02d}</lastmod>"
        entries.append(f"<url><loc>{escape(page_url(siteurl, relative))}</loc>{lastmod}</url>")
    entries.sort()
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n'
        + "\n".join(entries)
        + "\n</urlset>\n"
    )


def robots_txt(siteurl):
    return f"User-agent: *\nAllow: /\nSitemap: {siteurl}/sitemap.xml\n"


def write(pelican):
    siteurl = pelican.settings["SITEURL"]
    output = pelican.output_path
    files = {"sitemap.xml": sitemap_xml(siteurl, output), "robots.txt": robots_txt(siteurl)}
    for name, text in files.items():
        with open(os.path.join(output, name), "w", encoding="utf-8") as handle:
            handle.write(text)


def register():
    signals.get_generators.connect(start)  # first in every Pelican.run()
    signals.content_written.connect(remember)
    signals.finalized.connect(write)
