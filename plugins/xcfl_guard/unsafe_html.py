"""Editors may write HTML inside Markdown, but never anything that runs:
no <script> (or other active elements), no on*= event attributes, no
javascript: (or data:/vbscript:) URLs.

Checked on the rendered HTML — what the reader would get — then traced back
to the line of the Markdown source where the editor wrote it.
"""

import re
from html.parser import HTMLParser

ACTIVE_ELEMENTS = {"script", "iframe", "object", "embed", "applet", "base", "meta", "frame", "frameset"}
URL_ATTRIBUTES = {"href", "src", "action", "formaction", "xlink:href", "srcset", "poster", "data"}
BAD_SCHEME = re.compile(r"^\s*(javascript|vbscript|data)\s*:", re.I)


class _Finder(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.found = []  # (what, needle to look for in the source)

    def handle_starttag(self, tag, attrs):
        if tag in ACTIVE_ELEMENTS:
            self.found.append((f"<{tag}>", f"<{tag}"))
        for name, value in attrs:
            if name.startswith("on"):
                self.found.append((f"{name}=", name))
            elif name in URL_ATTRIBUTES and value and BAD_SCHEME.match(value.replace("\x00", "")):
                scheme = BAD_SCHEME.match(value).group(1).lower()
                self.found.append((f"{scheme}:", f"{scheme}:"))

    handle_startendtag = handle_starttag


def line_of(source, needle):
    position = source.lower().find(needle.lower())
    return source.count("\n", 0, position) + 1 if position >= 0 else None


def find_unsafe_html(html, source):
    """[(line or None, what)] for each active construct in rendered html."""
    finder = _Finder()
    finder.feed(html)
    finder.close()
    return [(line_of(source, needle), what) for what, needle in finder.found]
