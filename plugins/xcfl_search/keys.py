"""The keys a text is indexed under: every character and every pair of
neighbouring characters (bigrams), the classic way to index Chinese without a
dictionary (Lucene's CJK analyzer does the same).

Any run of characters of a page is then found: a query term of one character
looks up that character; a longer term looks up each of its pairs, and a page
holding all of them matches (陈志刚家庭 → 陈志, 志刚, 刚家, 家庭). No word list
decides where words end, so a name, a street or part of a word (美家 inside
最美家庭) is found like any word.

Characters are letters and digits of any script (`[^\\W_]`, which search.js
writes as `[\\p{L}\\p{N}]`); everything else (spaces, punctuation) ends a run.
Text is NFKC-normalised and lower-cased first, so full-width ＡＢＣ１２３ and
abc123 are the same keys. search.js cuts queries exactly like this.
"""

import operator
import re
import unicodedata

RUN = re.compile(r"[^\W_]+")
SEPARATOR = "\0"  # between runs: never a character of one
# U+FF01…U+FF5E are ASCII ! … ~ in full width; U+3000 the ideographic space.
FULL_WIDTH = {code: code - 0xFEE0 for code in range(0xFF01, 0xFF5F)} | {0x3000: 0x20}


def runs(text):
    """The runs of characters of text, normalised: the terms of a query.

    As search.js: NFKC, lower case, then runs. NFKC is slow over long text, and
    Chinese text is rarely NFKC already, only because of its full-width forms
    (，：（）ＡＢ１２): those are mapped first as NFKC maps them, to ASCII; the
    rest of the text is normalised only when it still needs it."""
    text = text.translate(FULL_WIDTH)
    if not unicodedata.is_normalized("NFKC", text):
        text = unicodedata.normalize("NFKC", text)
    return RUN.findall(text.lower())


def text_keys(text):
    """Every character and every pair of neighbouring characters of text's runs."""
    joined = SEPARATOR.join(runs(text))  # one pass over one string is fastest
    keys = set(joined)
    keys.update(map(operator.add, joined, joined[1:]))
    keys.discard(SEPARATOR)
    return {key for key in keys if SEPARATOR not in key} if SEPARATOR in joined else keys


def bucket_of(key, buckets):
    """FNV-1a (32 bit) over the key's code points, modulo the number of buckets;
    search.js computes the same."""
    value = 0x811C9DC5
    for character in key:
        value = ((value ^ ord(character)) * 0x01000193) & 0xFFFFFFFF
    return value % buckets
