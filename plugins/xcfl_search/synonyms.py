"""The synonym table editors keep (content/search-synonyms.txt, docs/search.md):
one group of words a line that mean the same to a reader, e.g.

    家暴 家庭暴力
    三八节、三八国际妇女节、妇女节

A query holding one word of a group also finds the pages holding another
(search.js). Words are parted by spaces or 、，, ; `#` starts a comment. Each
word is normalised as the index normalises text (keys.runs: full width,
lower case, traditional to simplified), so 家暴 and 家暴 are the same word.
"""

import os
import re
from typing import NamedTuple

from .keys import runs

PARTS = re.compile(r"[\s、，,;；]+")


class Problem(NamedTuple):
    line: int
    name: str  # in xcfl_problems.messages
    value: str


def read(path):
    """(groups, problems) of the file at path: groups are lists of at least two
    distinct normalised words; no file is no synonyms."""
    if not os.path.exists(path):
        return [], []
    groups, problems = [], []
    with open(path, encoding="utf-8-sig") as handle:
        for number, line in enumerate(handle, 1):
            line = line.split("#", 1)[0].strip()
            if not line:
                continue
            words = []
            for word in PARTS.split(line):
                normalised = "".join(runs(word))
                if word and not normalised:
                    problems.append(Problem(number, "synonym-not-a-word", word))
                elif normalised and normalised not in words:
                    words.append(normalised)
            if len(words) == 1:
                problems.append(Problem(number, "synonym-alone", words[0]))
            elif len(words) > 1:
                groups.append(words)
    return groups, problems
