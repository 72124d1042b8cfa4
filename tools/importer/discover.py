"""Which files of the saved copy are pages, and the address each had.

``wget --mirror https://www.example.gov.cn/`` saves the site under a folder
named after its host; the old address of a file is its path below that
folder. A folder given that holds only such a host folder is read from there.
"""

import os

PAGE_SUFFIXES = (".html", ".htm", ".shtml")


def site_root(folder):
    """The folder the old addresses start from."""
    entries = [e for e in os.listdir(folder) if not e.startswith(".")]
    if len(entries) == 1 and "." in entries[0] and os.path.isdir(os.path.join(folder, entries[0])):
        return os.path.join(folder, entries[0])  # wget's host folder
    return folder


def host_of(folder, root):
    """The old host name when the copy is wget's host folder, else None."""
    return os.path.basename(root).lower() if root != folder else None


def pages(root):
    """(file path, old address) of every page, in a stable order."""
    found = []
    for folder, subfolders, names in os.walk(root):
        subfolders[:] = sorted(s for s in subfolders if not s.startswith("."))
        for name in sorted(names):
            if name.lower().endswith(PAGE_SUFFIXES):
                path = os.path.join(folder, name)
                found.append((path, old_url(root, path)))
    return found


def old_url(root, path):
    return "/" + os.path.relpath(path, root).replace(os.sep, "/")
