"""A cleaned body (body.py, links.py) -> Markdown, with markdownify.

markdownify (pinned in requirements.txt) converts headings, paragraphs,
lists, tables, bold, links and pictures; here only what old Chinese pages
need on top: text that looks like HTML stays text, the &nbsp; and
full-width-space runs that indented paragraphs go, and the blank lines
that empty blocks leave are collapsed.
"""

import re

from markdownify import MarkdownConverter

WIDE_SPACES = re.compile(r"[\xa0\u3000\u2002\u2003\u200b]+")
CJK = r"[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]"
# a line break of the old HTML source between two Chinese characters is no space
SPACE_IN_CHINESE = re.compile(rf"(?<={CJK}) (?={CJK})")
BLANK_LINES = re.compile(r"\n{3,}")
# a line break of the HTML source: nothing next to a Chinese character, else a space
LINE_BREAK = re.compile(r"[ \t]*\n\s*")
CJK_CHAR = re.compile(CJK)


def join_source_lines(text):
    def joined(match):
        before = text[match.start() - 1] if match.start() else ""
        after = text[match.end()] if match.end() < len(text) else ""
        return "" if CJK_CHAR.match(before) or CJK_CHAR.match(after) else " "
    return LINE_BREAK.sub(joined, text)


class Converter(MarkdownConverter):
    def escape(self, text, parent_tags):
        # "<script>" written as text on the old page must stay text, never markup
        return super().escape(text, parent_tags).replace("<", "&lt;")

    def process_text(self, el, parent_tags=None):
        return SPACE_IN_CHINESE.sub("", super().process_text(el, parent_tags))


def to_markdown(body):
    """Markdown of an element's contents."""
    for node in body.find_all(string=True):
        if node.find_parent("pre") is None and ("\n" in node or WIDE_SPACES.search(node)):
            node.replace_with(join_source_lines(WIDE_SPACES.sub(" ", node)))
    markdown = Converter(heading_style="ATX", bullets="-", strong_em_symbol="*",
                         table_infer_header=True, keep_inline_images_in=["td", "th"],
                         strip_document="STRIP").convert_soup(body)
    lines = [line.rstrip() for line in markdown.split("\n")]
    return BLANK_LINES.sub("\n\n", "\n".join(lines)).strip() + "\n"
