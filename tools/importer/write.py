"""Imported articles as Markdown files under content/articles/imported/.

A file that exists is never written again: editors may have changed it since
the last import. What is already there is recognised by its OldURL (wherever
the editor moved the file), or by the same title on the same day.
"""

import hashlib
import os
import re

from xcfl_articles.header import decode, header_fields, parse_header

ARTICLE_FOLDER = "articles/imported"


def header(path):
    """{lower-case key: value} of a Markdown file's header, read as the build
    reads it (a BOM, CRLF, continuation lines and a malformed line in
    between, as an editor's program may leave them, hide nothing)."""
    with open(path, "rb") as handle:
        text, _ = decode(handle.read())
    if text is None:  # not UTF-8: read what can be read
        with open(path, encoding="utf-8", errors="replace") as handle:
            text = handle.read()
    return {key: value for key, (_, value, _) in header_fields(parse_header(text)).items()}


class Existing:
    """The articles of the content folder: by old address, by title and day, by slug."""

    def __init__(self, content):
        self.by_old_url, self.by_title_day, self.slugs = {}, {}, set()
        self.new = set()  # articles claimed by this run
        folder = os.path.join(content, "articles")
        for place, _, names in os.walk(folder):
            for name in sorted(names):
                if not name.endswith(".md"):
                    continue
                path = os.path.join(place, name)
                relative = os.path.relpath(path, content).replace(os.sep, "/")
                fields = header(path)
                self.slugs.add(fields.get("slug") or re.sub(r"^\d{4}-\d{2}-\d{2}-", "", name[:-3]))
                for old_url in fields.get("oldurl", "").split():  # one or more
                    self.by_old_url[old_url] = relative
                self.by_title_day[(fields.get("title"), fields.get("date", "")[:10])] = relative

    def find(self, old_url, title, date):
        return self.by_old_url.get(old_url) or self.by_title_day.get((title, date[:10]))

    def claim(self, title_slug, old_url, title, date, relative):
        """A free slug for a new article (its title's pinyin, then a short hash
        of its old address), remembered with the article."""
        slug = title_slug
        if slug in self.slugs:
            slug = f"{title_slug}-{hashlib.sha1(old_url.encode()).hexdigest()[:6]}"
        self.slugs.add(slug)
        self.new.add(relative(slug))
        self.by_old_url[old_url] = relative(slug)
        self.by_title_day[(title, date[:10])] = relative(slug)
        return slug


def article_path(date, slug):
    return f"{ARTICLE_FOLDER}/{date[:10]}-{slug}.md"


def article_text(fields, category, old_urls, body):
    """The article file; ``old_urls``: its old address, then those of the
    same article published at other addresses (xcfl_redirects reads them all)."""
    lines = [f"Title: {fields.title}", f"Date: {fields.date}", f"Category: {category}"]
    for key, value in (("Source", fields.source), ("Author", fields.author),
                       ("Tags", ", ".join(fields.tags)), ("Summary", fields.summary),
                       ("OldURL", " ".join(old_urls))):
        if value:
            lines.append(f"{key}: {value}")
    return "\n".join(lines) + "\n\n" + body


def write_article(content, relative, text):
    path = os.path.join(content, relative)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "x", encoding="utf-8") as handle:  # "x": never overwrite
        handle.write(text)
