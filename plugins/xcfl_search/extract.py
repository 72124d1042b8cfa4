"""What the index holds of one written page: its main content as text, and the
title, type, street and date the page declares for search.

A page takes part when one element carries `data-search-body` (articles,
standing pages, records: never listings, tags, the home or the search page).
Inside it, `<nav>` (a table of contents) and any element marked
`data-search-ignore` are left out of the text; the hidden block of
components/search-meta.html is such an element, and its
`data-search-meta="…"` / `data-search-filter="…"` children give the fields.

Regular expressions, not an HTML parser: the pages are our own templates'
output, and this runs over every page of a 13,000-page site.
"""

import html as htmllib
import re
from dataclasses import dataclass

BODY = re.compile(r"<(\w+)\b[^>]*\sdata-search-body(?=[\s=>/])[^>]*>")
LEFT_OUT = re.compile(r"<(nav|script|style|svg|template)\b[^>]*>|<(\w+)\b[^>]*\sdata-search-ignore(?=[\s=>/])[^>]*>")
FIELD = re.compile(r'<(\w+)\b[^>]*\sdata-search-(meta|filter)="([^"]+)"[^>]*>([^<]*)</\1>')
# Tags that end a block of text: the words on either side do not run together.
BLOCK_TAG = re.compile(r"</?(?:p|div|li|ul|ol|h[1-6]|br|hr|tr|td|th|dt|dd|dl|table|thead|tbody|"
                       r"figure|figcaption|blockquote|section|article|header|footer|pre|details|summary)\b[^>]*>")
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
ANY_TAG = re.compile(r"<[^>]*>")
SPACE = re.compile(r"\s+")


@dataclass
class PageText:
    url: str
    title: str
    type: str
    street: str
    date: str  # YYYY-MM-DD, or "" (records and standing pages)
    text: str  # the main content, blocks parted by one space


def element_end(html, name, after):
    """Index just past the end tag of the <name> element whose start tag ends at `after`."""
    if name.lower() in VOID:
        return after
    same = re.compile(rf"<(/?){name}\b[^>]*>")
    depth = 1
    for tag in same.finditer(html, after):
        depth += -1 if tag.group(1) else 1
        if depth == 0:
            return tag.end()
    return len(html)


def without_left_out(body):
    parts, position = [], 0
    while True:
        found = LEFT_OUT.search(body, position)
        if not found:
            parts.append(body[position:])
            return "".join(parts)
        parts.append(body[position:found.start()])
        position = element_end(body, found.group(1) or found.group(2), found.end())


def plain_text(fragment):
    text = ANY_TAG.sub("", BLOCK_TAG.sub(" ", fragment))
    return SPACE.sub(" ", htmllib.unescape(text)).strip()


def page_text(html, url):
    """The PageText of a written page, or None when it has no data-search-body."""
    start = BODY.search(html)
    if not start:
        return None
    body = html[start.end():element_end(html, start.group(1), start.end())]
    fields = {}
    for _, kind, name, value in FIELD.findall(body):
        fields.setdefault((kind, name), htmllib.unescape(value).strip())
    return PageText(
        url=url,
        title=fields.get(("meta", "title"), ""),
        type=fields.get(("filter", "类型"), ""),
        street=fields.get(("filter", "街道"), ""),
        date=fields.get(("meta", "date"), ""),
        text=plain_text(without_left_out(body)),
    )
