"""Markdown extension: a heading needs a space after its #s, as in CommonMark.

Python-Markdown makes any line starting with # a heading, so a WeChat-style
topic opening a paragraph (``#巾帼建新功# 三八节当天…``) was published as a
heading the size of the title. Editors preview in VS Code, whose Markdown
(CommonMark) needs the space: now the site agrees with their preview.
``##一、…`` without the space is reported (markup_mistakes.py).
"""

import re

from markdown.blockprocessors import HashHeaderProcessor
from markdown.extensions import Extension

HASH_HEADER_PRIORITY = 70  # as Markdown registers its own


class SpacedHashHeaderProcessor(HashHeaderProcessor):
    # Markdown's own pattern, with a space, a Tab or the line's end after the #s
    RE = re.compile(r"(?:^|\n)(?P<level>#{1,6})(?=[ \t]|\n|$)"
                    r"(?P<header>(?:\\.|[^\\#]|#+(?=[^#\n]))*?)#*(?:\n|$)")


class SpacedHeadings(Extension):
    def extendMarkdown(self, md):
        md.parser.blockprocessors.register(SpacedHashHeaderProcessor(md.parser), "hashheader",
                                           HASH_HEADER_PRIORITY)


def makeExtension(**kwargs):  # noqa: N802 - the name Markdown looks for
    return SpacedHeadings(**kwargs)
