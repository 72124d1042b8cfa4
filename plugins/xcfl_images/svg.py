"""An SVG published on the site must not run code or load anything from elsewhere.

An SVG opened directly (its own address, or a link to it) is a document of
the site's own origin: a script in it could do anything the site can. So a
file with <script>, an on… event attribute, <foreignObject> (HTML inside
the picture), a javascript: address or a reference to another host (href,
xlink:href, url(…), @import to http(s):// or //) is refused, with the line.
Read as text, not parsed: a broken file is checked as well as a valid one.
"""

import re

RULES = (
    (re.compile(r"<\s*(?:[\w-]+:)?script\b", re.I), "<script>"),
    (re.compile(r"<\s*(?:[\w-]+:)?foreignObject\b", re.I), "<foreignObject>"),
    (re.compile(r"""[\s"'/]on[a-z]+\s*=""", re.I), "on…="),
    (re.compile(r"javascript\s*:", re.I), "javascript:"),
    (re.compile(r"""(?:href\s*=\s*["']?|url\(\s*["']?|@import\s+["']?)\s*(?:https?:)?//""",
                re.I), "other-host"),
    (re.compile(r"<!ENTITY\b[^>]*\bSYSTEM\b", re.I), "other-host"),
)


def unsafe_parts(text):
    """[(line, what)] of everything in the SVG text that is not allowed."""
    found = []
    for number, line in enumerate(text.splitlines(), start=1):
        for pattern, what in RULES:
            match = pattern.search(line)
            if match:
                found.append((number, match.group(0).strip() if what == "other-host" else what))
    # an attribute or tag split over lines is still seen (reported at its first line)
    if not found:
        for pattern, what in RULES:
            match = pattern.search(text)
            if match:
                found.append((text.count("\n", 0, match.start()) + 1, what))
    return found
