"""One indexed word per Chinese character, so a query matches any part of a name.

Pagefind's extended indexer cuts Chinese into dictionary words (陈志刚|家庭), but
pagefind.js cuts the query with the browser's Intl.Segmenter (陈|志刚|家庭), and a
query word matches only an indexed word it is a prefix of: 志刚, inside 陈志刚,
finds nothing. Here every two neighbouring Han characters of the page text given
to Pagefind are parted by a zero-width space (which Pagefind takes as a word
boundary, and itself puts between the words it stores): each character is then
an indexed word at its own position. search.js parts the query the same way and
asks for each term as a phrase (consecutive positions), so any run of characters
of a page finds it. The HTML written for readers is not changed.

Left whole: attribute values, and the text of data-pagefind-filter and
data-pagefind-meta elements (filter values and the title must stay as written),
and script/style content.
"""

import re

# CJK Unified Ideographs, Extension A, Compatibility Ideographs, Extensions B-H.
# search.js's HAN lists the same ranges: query and index must cut alike.
HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f"
BETWEEN_HAN = re.compile(f"(?<=[{HAN}])(?=[{HAN}])")
SEPARATOR = "\u200b"
FIRST_HAN = re.compile(f"[{HAN}]")
LAST_HAN = re.compile(f"[{HAN}]$")
TAG = re.compile(r"(<[^>]*>)")
KEEP_TEXT_AFTER = re.compile(r"^<(?:script|style)\b|\sdata-pagefind-(?:filter|meta)[\s=>]", re.I)


def split_han(text):
    return BETWEEN_HAN.sub(SEPARATOR, text)


def split_han_text(html):
    """The page with its Han text cut into characters (see the module's doc).

    Also where tags stand between two characters (家<b>庭</b>, <dt>街道</dt><dd>德胜):
    Pagefind joins the text of neighbouring elements.
    """
    parts = TAG.split(html)  # text, tag, text, tag, ..., text
    previous_han = False
    for number in range(0, len(parts), 2):
        text = parts[number]
        if not text:  # tags next to each other: <dt>街道</dt><dd><a>德胜
            continue
        if number and KEEP_TEXT_AFTER.search(parts[number - 1]):
            previous_han = False
            continue
        text = split_han(text)
        if previous_han and FIRST_HAN.match(text):
            text = SEPARATOR + text
        parts[number] = text
        previous_han = bool(LAST_HAN.search(text))
    return "".join(parts)
