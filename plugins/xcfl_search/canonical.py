"""Make Pagefind's filter files byte-identical from one build to the next.

Pagefind 1.5.2 keeps filters in a hash map with a random seed, so the order of
filter names and values - and with it the filter files, their hashed names and
the metadata file that lists them - changes on every run while the rest of
the index does not. Here the filter values and the list of filters are sorted,
and the changed files get new content-hashed names.

Files are rewritten only when our CBOR reading writes them back byte for byte.
"""

import glob
import gzip
import hashlib
import json
import os

from . import cbor

SIGNATURE = b"pagefind_dcd"


def read(path):
    with open(path, "rb") as handle:
        data = gzip.decompress(handle.read())
    if not data.startswith(SIGNATURE):
        raise ValueError(f"{path}: not a Pagefind data file")
    body = data[len(SIGNATURE):]
    value = cbor.decode(body)
    if cbor.encode(value) != body:
        raise ValueError(f"{path}: cannot be rewritten exactly")
    return value


def write(path, value):
    with open(path, "wb") as handle:
        handle.write(gzip.compress(SIGNATURE + cbor.encode(value), mtime=0))


def content_name(language, value, length):
    digest = hashlib.sha256(cbor.encode(value)).hexdigest()[:length]
    return f"{language}_{digest}"


def sort_filter_files(folder, language):
    """Sort each filter file's values; returns {old hash: new hash}."""
    renamed = {}
    for path in sorted(glob.glob(os.path.join(folder, "filter", f"{language}_*.pf_filter"))):
        name, values = read(path)
        value = [name, sorted(values, key=lambda item: item[0])]
        old = os.path.basename(path)[: -len(".pf_filter")]
        new = content_name(language, value, len(old) - len(language) - 1)
        os.remove(path)
        write(os.path.join(folder, "filter", new + ".pf_filter"), value)
        renamed[old] = new
    return renamed


def renamed_meta(meta, renamed):
    """The metadata with new filter names, its filter list sorted by filter name."""
    def walk(node):
        if isinstance(node, list):
            items = [walk(item) for item in node]
            if items and all(isinstance(i, list) and i and i[-1] in renamed.values() for i in items):
                items.sort(key=lambda item: item[0])
            return items
        return renamed.get(node, node) if isinstance(node, str) else node
    return walk(meta)


def canonicalize(folder, language):
    """Sort the filters of the index in `folder` (OUTPUT/pagefind before it is swapped in)."""
    entry_path = os.path.join(folder, "pagefind-entry.json")
    with open(entry_path, encoding="utf-8") as handle:
        entry = json.load(handle)
    old_meta = entry["languages"][language]["hash"]
    meta_path = os.path.join(folder, f"pagefind.{old_meta}.pf_meta")
    meta = read(meta_path)
    renamed = sort_filter_files(folder, language)
    meta = renamed_meta(meta, renamed)
    new_meta = content_name(language, meta, len(old_meta) - len(language) - 1)
    os.remove(meta_path)
    write(os.path.join(folder, f"pagefind.{new_meta}.pf_meta"), meta)
    entry["languages"][language]["hash"] = new_meta
    with open(entry_path, "w", encoding="utf-8") as handle:
        json.dump(entry, handle, ensure_ascii=False, separators=(",", ":"))
