"""Heading anchors and the table of contents.

Markdown's default slugify drops Chinese entirely (every heading would get an
empty id); ids here are the pinyin of the heading, ASCII like every URL.
"""

import re

from markupsafe import Markup
from pelican.utils import slugify

HEADING = re.compile(r'<h([23]) id="([^"]+)">(.*?)</h\1>', re.S)


def heading_id(value, separator="-"):
    """ASCII id for a heading: 一、基层组织建设 -> yi-ji-ceng-zu-zhi-jian-she."""
    slug = slugify(value, regex_subs=[(r"[^\w\s-]", ""), (r"[-\s]+", separator)])
    return slug.strip(separator)[:60].strip(separator) or "section"


def toc_entries(html):
    """The h2 headings of rendered content as (id, text, [(id, text) of its h3s])."""
    entries = []
    for level, anchor, text in HEADING.findall(html):
        text = Markup(text).striptags()
        if level == "2":
            entries.append((anchor, text, []))
        elif entries:
            entries[-1][2].append((anchor, text))
    return entries
