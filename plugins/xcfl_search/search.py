"""Chinese full-text search: the site's own index, built in the same Pelican run.

The pages holding a `data-search-body` element (articles, standing pages,
records) have their main content taken out (extract.py) and cut into keys
(keys.py: characters and pairs of characters) in the process that wrote them,
while the site is written (xcfl_speed's `page_done`); at `finalized` the pages
no writer reported are read back and cut, and the static index (index.py) is
written to OUTPUT/search-index/, which theme/assets/js/search.js reads.
docs/search.md says why the site no longer uses Pagefind.

What a page gives the index is kept in XCFL_CACHE_PATH (store.py), keyed by
the page's bytes: a rebuild cuts only the changed pages, and reads the bulk of
the cache only for them. The index is written into a staging folder and
swapped in whole.
"""

import hashlib
import logging
import os
import shutil
import time
from typing import NamedTuple

import blinker
from pelican import signals

import xcfl_cache as cachefile
from xcfl_cache.workers import map_in_workers

from .extract import page_text
from .index import Previous, StaleIndex, build, indexed_page, info_of, still_there, write
from .store import Store, row

logger = logging.getLogger(__name__)
PREFIX = "xcfl_search:"
MARKER = b" data-search-body"

DEFAULTS = {
    "XCFL_SEARCH_ENABLED": True,
    "XCFL_SEARCH_OUTPUT_DIR": "search-index",
}

_written = []  # every HTML page written (content_written), in order
# path -> Cut, from page_done: what a written page gives the index
_cut = {}
_build = {}  # output, siteurl, cache of this build, from get_writer
CUT_RESULT = "xcfl_search.cut"


class Cut(NamedTuple):
    file: tuple  # the written file's size, mtime and inode
    key: bytes  # page_key of its URL and bytes; None: no search body
    page: object  # its IndexedPage when cut in this build; None: the last build's (Store.known)


def settings_with_defaults(pelican):
    """Fill in the defaults once and report XCFL_SEARCH_* keys we do not know."""
    settings = pelican.settings
    for key in sorted(k for k in settings if k.startswith("XCFL_SEARCH_")):
        if key not in DEFAULTS:
            logger.warning("%s unknown setting %s (known: %s)", PREFIX, key, ", ".join(DEFAULTS))
    for key, value in DEFAULTS.items():
        settings.setdefault(key, value)


def page_url(siteurl, relative):
    """The URL the site's own links use: SITEURL + "/" + path, without index.html."""
    if relative == "index.html" or relative.endswith("/index.html"):
        relative = relative[: -len("index.html")]
    return f"{siteurl}/{relative}"


def start(pelican):
    """get_writer: before any page is written (and before the writer processes
    fork, so they share it), load the cache. `make check`, which writes nothing,
    never asks for a writer, so never loads it."""
    _written.clear()
    _cut.clear()
    _build.clear()
    settings = pelican.settings
    if settings["XCFL_SEARCH_ENABLED"]:
        _build.update(output=os.path.abspath(pelican.output_path), siteurl=settings["SITEURL"],
                      cache=Store(settings.get("XCFL_CACHE_PATH")))


def remember_written(path, context):
    if path.endswith(".html"):
        _written.append(os.path.abspath(path))


def cut_written_page(path, text, file=None):
    """xcfl_speed's page_done, in the process that wrote the page, while pages are
    written: its index entry, from the cache or cut now (on every writing core).

    text None: the previous build's file was kept. When it is the very file the
    last index was made from (same size, mtime and inode), its entry is taken
    without reading it again: at 10,000 articles, reading and hashing every kept
    page cost each writing process over a second of a rebuild."""
    if not _build or not path.endswith(".html"):
        return
    path = os.path.abspath(path)
    if file is None:  # the writer did not look at the file
        try:
            file = cachefile.file_of(path)
        except OSError:
            pass
    known = _build["cache"].known(file_name(_build["output"], _build["siteurl"], path))
    if text is None:
        if file and known and known[0] == file:
            _cut[path] = Cut(file, known[1], None)
            return
        with open(path, "rb") as handle:
            data = handle.read()
    else:
        data = text.encode("utf-8")
    found = page_key(path, data, _build["output"], _build["siteurl"])
    if found is None:
        _cut[path] = Cut(file, None, None)
        return
    url, key = found
    if known and known[1] == key:
        _cut[path] = Cut(file, key, None)
    else:
        page = cut_page(url, data)  # None: the marker, but no body element
        _cut[path] = Cut(file, key if page else None, page)


def file_name(output, siteurl, path):
    """A page's name in the cache: the same page of dev and publish builds differs."""
    relative = path[len(output) + 1:] if path.startswith(output + os.sep) else path
    return f"{siteurl}\0{relative}"


def page_key(path, data, output_path, siteurl):
    """(url, cache key) of a written page with a search body, else None."""
    relative = os.path.relpath(path, output_path).replace(os.sep, "/")
    if relative.startswith("../") or MARKER not in data:
        return None
    url = page_url(siteurl, relative)
    return url, hashlib.sha1(url.encode() + b"\0" + data).digest()


def cut_page(url, data):
    """The IndexedPage of a page's bytes, or None when it has no search body."""
    text = page_text(data.decode("utf-8"), url)
    return indexed_page(text) if text else None


def child_entries(sender):
    """xcfl_speed's child_done: this writer process's entries, for the parent (a
    page found in the cache goes without its IndexedPage: the parent has the catalog)."""
    return CUT_RESULT, dict(_cut)


def children_entries(sender, results):
    if not _build:  # search disabled: the children cut nothing
        return
    for entries in results.get(CUT_RESULT, ()):
        _cut.update(entries)


def index_file(job):
    """cut_page of one written page (url, path), for the workers."""
    url, path = job
    with open(path, "rb") as handle:
        return cut_page(url, handle.read())


def cut_files(jobs):
    """cut_page of written pages [(url, path)], by forked workers when there are many."""
    return map_in_workers(index_file, jobs)


def indexed_pages(output_path, siteurl, paths, cache):
    """({url: PageInfo}, Pages, catalog rows {name: row}) of the written pages: each
    cut while it was written (cut_written_page) or found in the cache; pages no
    writer reported are read back, and cut by forked workers (one per core)
    unless the cache knows their bytes."""
    infos, paths_of, cut, rows, unread = {}, {}, {}, {}, []
    for path in sorted(set(paths)):
        name = file_name(output_path, siteurl, path)
        entry, known = _cut.get(path), cache.known(name)
        if entry is None:  # no writer reported it
            with open(path, "rb") as handle:
                found = page_key(path, handle.read(), output_path, siteurl)
            entry = Cut(cachefile.file_of(path), found and found[1], None)
            if found and not (known and known[1] == found[1]):
                unread.append((name, path, found[0], entry))
                continue
        if entry.page:
            info = info_of(entry.page)
            cut[info.url] = entry.page
        else:  # the catalog's (a key from there, or none)
            info = entry.key and known[2]
        if entry.page is None and known and known[:2] == (entry.file, entry.key):
            rows[name] = cache.rows[name]  # unchanged: the same objects, pickled faster
        else:
            rows[name] = row(entry.file, entry.key, info)
        if info:
            infos[info.url], paths_of[info.url] = info, path
    for (name, path, url, entry), page in zip(unread, cut_files([(url, path) for _, path, url, _ in unread])):
        info = page and info_of(page)
        rows[name] = row(entry.file, entry.key if page else None, info)
        if page:
            cut[url], infos[url], paths_of[url] = page, info, path
    return infos, Pages(cache, infos, paths_of, cut), rows


class Pages:
    """The IndexedPages of this build's pages (index.build asks for those it
    writes anew, Store.save for those of the shards it rewrites): cut in this
    build, else the shard's when it is the same, else cut again from the file."""

    def __init__(self, cache, infos, paths, cut):
        self.cache, self.infos, self.paths, self.cut = cache, infos, paths, cut

    def current(self, urls):
        found, missing = {}, []
        for url in urls:
            page = self.cut.get(url) or self.cache.page(url, self.infos[url].digest)
            if page:
                found[url] = page
            else:
                missing.append(url)
        for url, page in zip(missing, cut_files([(url, self.paths[url]) for url in missing])):
            self.cut[url] = found[url] = page
        return found

    def previous(self, urls):
        """The last build's IndexedPages of `urls` the cache still has."""
        digests = self.cache.digests
        return {url: page for url in urls
                if (page := self.cache.page(url, digests.get(url)))}


def replace_folder(new, target):
    """Swap the new index in: no stale files from an earlier build stay behind."""
    if os.path.exists(target):
        shutil.rmtree(target)
    os.rename(new, target)


def write_index(pelican):
    settings = pelican.settings
    if not settings["XCFL_SEARCH_ENABLED"]:
        return
    started = time.perf_counter()
    output = os.path.abspath(pelican.output_path)
    target = os.path.join(output, settings["XCFL_SEARCH_OUTPUT_DIR"])
    staging = target + ".new"
    if os.path.exists(staging):
        shutil.rmtree(staging)
    cache = _build.get("cache") or Store(settings.get("XCFL_CACHE_PATH"))
    try:
        infos, pages, rows = indexed_pages(output, settings["SITEURL"], _written, cache)
        folder = os.path.join(settings.get("XCFL_PREVIOUS_OUTPUT") or output,
                              settings["XCFL_SEARCH_OUTPUT_DIR"])
        previous = Previous(cache.version, cache.digests, folder,
                            still_there(folder, cache.index_files))
        try:
            files, version = build(infos.values(), pages, previous)
            index_files = write(files, staging, previous)
        except StaleIndex:  # a file of the last index changed meanwhile: all anew
            shutil.rmtree(staging)
            files, version = build(infos.values(), pages)
            index_files = write(files, staging, previous)
        replace_folder(staging, target)
    finally:
        _written.clear()
        _cut.clear()
        _build.clear()
        if os.path.exists(staging):
            shutil.rmtree(staging)
    cache.save(rows, version, index_files, infos, pages.current)
    logger.info("%s indexed %d pages in %.1f s (%d cut, the others from the cache)",
                PREFIX, len(infos), time.perf_counter() - started, len(pages.cut))


def register():
    signals.initialized.connect(settings_with_defaults)
    signals.get_writer.connect(start)
    signals.content_written.connect(remember_written)
    signals.finalized.connect(write_index)
    # Named signals of xcfl_speed's writer; nothing is sent without it.
    blinker.signal("xcfl_speed.page_done").connect(cut_written_page)
    blinker.signal("xcfl_speed.child_done").connect(child_entries)
    blinker.signal("xcfl_speed.child_results").connect(children_entries)
