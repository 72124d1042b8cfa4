"""Markdown extension: an indented paragraph is still a paragraph.

Editors paste text from Word or WeChat with each paragraph indented by spaces
or a Tab; Markdown would publish every such paragraph as a code block (a
monospace box). A news site shows no code: a fenced block (```) still makes
one, and indented lines after a list item still continue it.
"""

from markdown.extensions import Extension


class IndentedParagraphs(Extension):
    def extendMarkdown(self, md):
        md.parser.blockprocessors.deregister("code")


def makeExtension(**kwargs):  # noqa: N802 - the name Markdown looks for
    return IndentedParagraphs(**kwargs)
