"""Every file under data/ is read as records, or reported.

Records are read from data/streets.yaml and from the .yaml files directly in
data/<collection>/ (reading.py). Anything else there, a spreadsheet, 名单.txt,
an upper-case .YAML, a file in a sub-folder or in a misnamed folder
(data/family/), used to be passed over without a word.
"""

import os
from fnmatch import fnmatchcase

from xcfl_articles.unread import LEFT_BY_TOOLS

from .kinds import COLLECTIONS
from .reading import RECORD_FILES

STREETS = "streets.yaml"


def unread_data(root):
    """(content-relative path, problem name, values, its collection or None) of
    each file under data/ that is not read."""
    data = os.path.join(root, "data")
    folders = [collection.name for collection in COLLECTIONS]
    places = "、".join(f"{name}/" for name in folders)
    for parent, dirs, names in os.walk(data):
        dirs[:] = sorted(d for d in dirs if not LEFT_BY_TOOLS.search(d))
        place = os.path.relpath(parent, data).replace(os.sep, "/")
        for name in sorted(n for n in names if not LEFT_BY_TOOLS.search(n)):
            relative = "/".join(("data", name) if place == "." else ("data", place, name))
            stem, extension = os.path.splitext(name)
            top = place.split("/")[0]
            if place == "." and name == STREETS or \
                    place in folders and fnmatchcase(name, RECORD_FILES):
                continue  # read (reading.py)
            if place == "." and name.lower() == STREETS or \
                    place in folders and fnmatchcase(name.lower(), RECORD_FILES):
                lower = extension.lower()
                yield relative, "unread-extension-case", {
                    "ext": extension, "lower": lower, "fixed": stem + lower}, top
            elif place in folders:
                yield relative, "data-not-yaml", {"folder": place}, top
            elif top in folders:
                yield relative, "data-subfolder", {"folder": top}, top
            else:
                yield relative, "data-unknown-place", {"places": places}, None
