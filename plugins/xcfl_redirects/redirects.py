"""Old addresses keep working: every article with ``OldURL: /old/path.html``
(one or more addresses, separated by spaces)
(make import writes it) is reached from that address three ways, so any host
works (docs/hosting.md, "Redirects from the old site"):

- ``_redirects``: one ``/old/path.html /news/2018/slug/ 301`` line per article,
  for static hosts that read it (Netlify, Cloudflare Pages);
- ``_redirects.map``: the same pairs as an nginx ``map`` include;
- a small page at the old path itself: ``<meta http-equiv="refresh">``, a
  canonical link and a visible link, no script, for hosts without rules.

An old address with a query (``/info/show.asp?id=123``, what ASP/JSP sites
had) is written in Netlify's query syntax (``/info/show.asp id=123 … 301``,
before the rules without a query: the first match wins) and in the nginx map
(matched against ``$request_uri``); it gets no page, since a static file
cannot answer one query of a path and not another.

Old addresses are checked with the other content (static_generator_finalized,
before anything is written): malformed, named by two articles, or equal to an
address of the new site are content problems. Drafts have no redirect.
"""

import html
import os
import posixpath
import re
from urllib.parse import unquote

from pelican import signals

from xcfl_articles.links import Site
from xcfl_problems import Problem, message, report, source_line

# a path from the site root, maybe with a query: no spaces, quotes, braces or
# ";", which nginx map files and _redirects lines could not hold
OLD_URL = re.compile(r"^/[A-Za-z0-9._~%/+=&,@!:-]*(?:\?[A-Za-z0-9._~%/+=&,@!:-]*)?$")
REDIRECTS = "_redirects"
NGINX_MAP = "_redirects.map"
KEY = "OldURL"


def old_urls(articles):
    """[(old address, article)] of the published articles that have one, sorted."""
    found = [(old_url, article) for article in articles
             for old_url in str(article.metadata.get("oldurl") or "").split()]
    return sorted(found, key=lambda pair: (pair[0], pair[1].source_path))


def has_query(old_url):
    return "?" in old_url


def netlify_rule(old_url, path):
    """The _redirects line of an old address; None for a query Netlify cannot
    match (a part without "=")."""
    address, _, query = old_url.partition("?")
    parts = [part for part in query.split("&") if part]
    if any("=" not in part for part in parts):
        return None
    return " ".join([address, *parts, path, "301"])


def page_path(old_url):
    """The output file of the page at an old address (decoded: a static host
    looks up /xwzx/%E6%96%B0%E9%97%BB/ as the folder xwzx/新闻/)."""
    relative = unquote(old_url).lstrip("/")
    return posixpath.join(relative, "index.html") if not relative or old_url.endswith("/") \
        else relative


def well_formed(old_url):
    # a query may hold anything ("back=http://…"); the path is checked as the
    # page is written, decoded (%2e%2e is "..")
    path = unquote(old_url.partition("?")[0])
    parts = path.split("/")
    return bool(OLD_URL.match(old_url)) and ".." not in parts and "." not in parts \
        and "//" not in path


def check(generator):
    """static_generator_finalized: report every old address that cannot redirect."""
    pairs = old_urls(generator.context.get("articles", ()))
    if not pairs:
        return
    written = Site(generator.context, generator.settings).written
    first = {}
    for old_url, article in pairs:
        name, values = None, {}
        if not well_formed(old_url):
            name = "redirect-bad-url"
        elif old_url in first:
            name, values = "redirect-duplicate", {"other": first[old_url]}
        elif not has_query(old_url) and page_path(old_url) in written:
            name, values = "redirect-collision", {"other": "/" + page_path(old_url)
                                                  .removesuffix("index.html")}
        first.setdefault(old_url, article.relative_source_path.replace(os.sep, "/"))
        if name:
            line = source_line(article.source_path, KEY)
            report(Problem(article.source_path, line, KEY, message(name, value=old_url, **values)))


def redirect_page(title, target, canonical):
    title, target, canonical = (html.escape(v, quote=True) for v in (title, target, canonical))
    return (
        "<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n"
        f"<title>{title}</title>\n"
        f"<meta http-equiv=\"refresh\" content=\"0; url={target}\">\n"
        f"<link rel=\"canonical\" href=\"{canonical}\">\n"
        "<meta name=\"robots\" content=\"noindex\">\n</head>\n<body>\n"
        f"<p>本页已搬到新地址：<a href=\"{target}\">{title}</a></p>\n</body>\n</html>\n"
    )


def write(generator, writer):
    """article_writer_finalized: the redirect files and pages, once the
    articles are written (their addresses are final)."""
    pairs = old_urls(generator.context.get("articles", ()))
    if not pairs:
        return
    settings, output = generator.settings, generator.output_path
    siteurl = settings["SITEURL"]
    public = siteurl or settings.get("XCFL_PUBLIC_URL", "")
    rules, mapping = [], []
    for old_url, article in sorted(pairs, key=lambda pair: not has_query(pair[0])):
        path = "/" + article.url
        rules.append(netlify_rule(old_url, path))
        mapping.append(f"{old_url} {path};")
        if has_query(old_url):
            continue
        target = f"{siteurl}/{article.url}" if siteurl else path
        save(output, page_path(old_url), redirect_page(article.title, target,
                                                       f"{public}/{article.url}"))
    save(output, REDIRECTS, "\n".join(rule for rule in rules if rule) + "\n")
    save(output, NGINX_MAP, "\n".join(mapping) + "\n")


def save(output, relative, text):
    path = os.path.join(output, relative)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8") as handle:
        handle.write(text)


def register():
    signals.static_generator_finalized.connect(check)
    signals.article_writer_finalized.connect(write)
