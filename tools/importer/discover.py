"""Which files of the saved copy are pages, and the address each had.

``wget --mirror https://www.example.gov.cn/`` saves the site under a folder
named after its host; the old address of a file is its path below that
folder. A folder given that holds only such a host folder is read from there.

Dynamic pages keep their query in the file name: ``/info/show.asp?id=123`` is
saved as ``show.asp?id=123``, as ``show.asp@id=123`` with
``--restrict-file-names=windows``, and either with ``.html`` added by
``--adjust-extension`` (``show.asp.html`` for ``/info/show.asp``). The old
address undoes all three.
"""

import os
import re
from urllib.parse import quote

PAGE_SUFFIXES = (".html", ".htm", ".shtml")
URL_SAFE = "/?=&,@!:+~%"  # kept as they are in an old address (xcfl_redirects.OLD_URL)
DYNAMIC = r"\.(?:asp|aspx|jsp|jspx|php|do|action|cgi|shtml|html?)"
# name, then an optional query after "?" (or wget's "@"), then wget's ".html"
SAVED_NAME = re.compile(rf"^(?P<name>[^?@]*?{DYNAMIC})(?:[?@](?P<query>.*?))?(?P<added>\.html)?$",
                        re.I)


def site_root(folder):
    """The folder the old addresses start from."""
    entries = [e for e in os.listdir(folder) if not e.startswith(".")]
    if len(entries) == 1 and "." in entries[0] and os.path.isdir(os.path.join(folder, entries[0])):
        return os.path.join(folder, entries[0])  # wget's host folder
    return folder


def host_of(folder, root):
    """The old host name when the copy is wget's host folder, else None."""
    return os.path.basename(root).lower() if root != folder else None


def is_page(name):
    return name.lower().endswith(PAGE_SUFFIXES) or SAVED_NAME.match(name) is not None


def pages(root):
    """(file path, old address) of every page, in a stable order."""
    found = []
    for folder, subfolders, names in os.walk(root):
        subfolders[:] = sorted(s for s in subfolders if not s.startswith("."))
        for name in sorted(names):
            if is_page(name):
                path = os.path.join(folder, name)
                found.append((path, old_url(root, path)))
    return found


def old_url(root, path):
    """The old address, percent-encoded as a browser sends it (a Chinese or
    spaced folder name stays one well-formed OldURL, which the build accepts)."""
    folder, name = os.path.split(os.path.relpath(path, root))
    prefix = "/" + (folder.replace(os.sep, "/") + "/" if folder else "")
    return quote(prefix + address_of(name), safe=URL_SAFE)


def address_of(name):
    """The last part of the old address of a saved file name."""
    match = SAVED_NAME.match(name)
    if not match:
        return name
    base, query, added = match.group("name", "query", "added")
    if added and query is None and base.lower().endswith((".html", ".htm", ".shtml")):
        return name  # a real .html page: nothing was added
    return base + (f"?{query}" if query is not None else "")


def saved_names(name, query):
    """The file names wget may have given the page ``name`` (+ ``?query``)."""
    if not query:
        return [name, name + ".html"]
    return [f"{name}{mark}{query}{added}" for mark in "?@" for added in ("", ".html")]
