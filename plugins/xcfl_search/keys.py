"""The keys a text is indexed under: every character, every pair and every
three neighbouring characters (uni-, bi- and trigrams), the classic way to
index Chinese without a dictionary (Lucene's CJK analyzer uses the pairs).

Any run of characters of a page is then found: a query term of up to three
characters is itself a key, so its pages are exactly the pages holding it; a
longer term looks up each of its triples (三八国际妇女节 → 三八国, 八国际, …),
and search.js checks those pages' text for the whole term. Triples rather than
pairs: 书香家庭 as pairs was also 书香…香家…家庭 apart (“书香家春秋”家庭阅读);
as triples (书香家, 香家庭) such pages are rare, so few are fetched to be
checked. No word list decides where words end, so a name, a street or part of
a word (美家 inside 最美家庭) is found like any word.

Characters are letters and digits of any script (`[^\\W_]`, which search.js
writes as `[\\p{L}\\p{N}]`); everything else (spaces, punctuation) ends a run.
Text is NFKC-normalised and lower-cased first, so full-width ＡＢＣ１２３ and
abc123 are the same keys. Traditional characters are folded to simplified ones
(婦女 is 妇女) with OpenCC's character table (fold.py). search.js cuts queries
exactly like this.
"""

import operator
import re
import unicodedata

from .fold import FOLD, TRADITIONAL

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
    text = text.lower()
    if TRADITIONAL.search(text):  # rare: translate is ~30 times slower than this test
        text = text.translate(FOLD)
    return RUN.findall(text)


def text_keys(text):
    """Every character, pair and triple of neighbouring characters of text's runs."""
    joined = SEPARATOR.join(runs(text))  # one pass over one string is fastest
    keys = set(joined)
    keys.update(map(operator.add, joined, joined[1:]))
    keys.update(map("".join, zip(joined, joined[1:], joined[2:])))
    keys.discard(SEPARATOR)
    return {key for key in keys if SEPARATOR not in key} if SEPARATOR in joined else keys


def term_keys(term):
    """The keys a query term is looked up by (search.js keysOf): itself when it
    has at most three characters, else its triples."""
    if len(term) <= 3:
        return [term]
    return [term[i:i + 3] for i in range(len(term) - 2)]


def bucket_of(key, buckets):
    """FNV-1a (32 bit) over the key's code points, modulo the number of buckets;
    search.js computes the same."""
    value = 0x811C9DC5
    for character in key:
        value = ((value ^ ord(character)) * 0x01000193) & 0xFFFFFFFF
    return value % buckets
