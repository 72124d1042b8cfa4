"""A record's Markdown description as HTML, with raw HTML shown as text.

Python-Markdown has no safe mode any more: removing its raw-HTML block and
inline handlers makes `<script>` ordinary text, which Markdown then escapes.
Links and images keep only web, relative and mailto/tel addresses; a
relative one is read from the site root, as in articles (images/a.png is
/images/a.png), and a picture described as ``-`` is decorative (empty alt).
"""

import re

import markdown
from markdown.treeprocessors import Treeprocessor
from markupsafe import Markup

SAFE_URL = re.compile(r"^(?:https?:|mailto:|tel:|/|#|\.|[^:/?#]+(?:[/?#]|$))", re.I)
FROM_ROOT = re.compile(r"^(?![a-z][a-z0-9+.-]*:|[/#?])", re.I)


class DropUnsafeUrls(Treeprocessor):
    def run(self, root):
        for element in root.iter():
            for attribute in ("href", "src"):
                value = element.get(attribute)
                if value is not None and not SAFE_URL.match(value.strip()):
                    del element.attrib[attribute]
                elif value is not None and FROM_ROOT.match(value.strip()):
                    element.set(attribute, "/" + value.strip())
            if element.tag == "img" and element.get("alt") == "-":
                element.set("alt", "")
                element.set("role", "presentation")


def _converter():
    # as in articles: an indented paragraph is no code, "#话题#" no heading
    md = markdown.Markdown(extensions=["sane_lists", "xcfl_articles.indented",
                                       "xcfl_articles.headings"], output_format="html5")
    md.preprocessors.deregister("html_block")
    md.inlinePatterns.deregister("html")
    md.treeprocessors.register(DropUnsafeUrls(md), "drop-unsafe-urls", 0)
    return md


_md = []  # one converter, reset between records: building one costs more than a conversion


def render(text):
    if not text:
        return Markup("")
    if not _md:
        _md.append(_converter())
    md = _md[0].reset()
    return Markup(md.convert(text))  # noqa: S704 - raw HTML is disabled above
