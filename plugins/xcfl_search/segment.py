"""The page title as one indexed word per Chinese character; the body as written.

Pagefind's extended indexer cuts Chinese into dictionary words (jieba: 陈志刚|家庭),
pagefind.js cuts the query with the browser's Intl.Segmenter (ICU: 陈|志刚|家庭), and
a query word matches only an indexed word it is a prefix of: 志刚 finds nothing.

The body text is left to Pagefind's segmentation (one position per word: an index a
third the size of one position per character, docs/search.md). Only the title copy
in components/search-meta.html, the element marked `data-xcfl-chars`, is cut: a
zero-width space (which Pagefind takes as a word boundary) between every two
neighbouring Han characters, so each of the title's characters is an indexed word
at its own position. search.js asks for each query term as a phrase of characters
too, so any run of characters of a title (a record's name, a street's short name
inside it) finds the page. The HTML written for readers is not changed.
"""

import re

# CJK Unified Ideographs, Extension A, Compatibility Ideographs, Extensions B-H.
# search.js's HAN lists the same ranges: query and index must cut alike.
HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f"
BETWEEN_HAN = re.compile(f"(?<=[{HAN}])(?=[{HAN}])")
SEPARATOR = "\u200b"
# The text of an element marked data-xcfl-chars: text only (a title, escaped by
# Jinja), up to the next tag. Found from the attribute: fast on long pages.
CUT_TEXT = re.compile(r"(\sdata-xcfl-chars(?=[\s=>])[^>]*>)([^<]*)")


def split_han(text):
    return BETWEEN_HAN.sub(SEPARATOR, text)


def split_han_text(html):
    """The page with the text of its data-xcfl-chars elements cut into characters."""
    return CUT_TEXT.sub(lambda m: m.group(1) + split_han(m.group(2)), html)


BODY_ATTRIBUTE = re.compile(r"\sdata-pagefind-body(?=[\s=>/])")
START_TAG = re.compile(r"<(\w+)\b[^>]*>")
TAG_TEXT = re.compile(r"<[^>]*>")
FILTER_VALUE = re.compile(r'data-pagefind-filter="([^"]+)"[^>]*>([^<]+)<')


def body_span(html):
    """(start, end) of the inside of the data-pagefind-body element, or None."""
    attribute = BODY_ATTRIBUTE.search(html)
    if not attribute:
        return None
    start = START_TAG.match(html, html.rfind("<", 0, attribute.start()))
    same = re.compile(rf"<(/?){start.group(1)}\b[^>]*>")
    depth = 1
    for tag in same.finditer(html, start.end()):
        depth += -1 if tag.group(1) else 1
        if depth == 0:
            return start.end(), tag.start()
    return start.end(), len(html)


def filter_values(html, names):
    """The values of the page's filters called one of names: {(name, value)}."""
    return {(name, value.strip()) for name, value in FILTER_VALUE.findall(html) if name in names}


def with_mentioned_names(html, names):
    """The page with a hidden data-xcfl-chars element listing which of names its body
    text holds (a street named in an article: 在大栅栏, which the indexer's and the
    browser's dictionaries cut differently, is then found as characters)."""
    span = body_span(html) if names else None
    if not span:
        return html
    text = TAG_TEXT.sub("", html[span[0]:span[1]])
    found = [name for name in names if name in text]
    if not found:
        return html
    element = f'<p data-xcfl-chars>{" ".join(found)}</p>'  # for the indexer only, last
    return html[:span[1]] + element + html[span[1]:]
