"""Chinese full-text search: the site's own index, built in the same Pelican run.

The pages holding a `data-search-body` element (articles, standing pages,
records) have their main content taken out (extract.py) and cut into keys
(keys.py: characters and pairs of characters) in the process that wrote them,
while the site is written (xcfl_speed's `page_done`); at `finalized` the pages
no writer reported are read back and cut, and the static index (index.py) is
written to OUTPUT/search-index/, which theme/assets/js/search.js reads.
docs/search.md says why the site no longer uses Pagefind.

What a page gives the index is kept in XCFL_CACHE_PATH, keyed by the page's
bytes: a rebuild cuts only the changed pages. The index is written into a
staging folder and swapped in whole.
"""

import hashlib
import logging
import multiprocessing
import os
import shutil
import time
from typing import NamedTuple

import blinker
from pelican import signals

import xcfl_cache as cachefile

from .extract import page_text
from .index import FORMAT, IndexedPage, build, indexed_page, write

logger = logging.getLogger(__name__)
PREFIX = "xcfl_search:"
MARKER = b" data-search-body"
MIN_FOR_POOL = 64  # pages to cut before forking workers pays

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
    key: bytes  # PageCache.key of its URL and bytes; None: no search body
    page: object  # its IndexedPage (None: none, or not sent back by a writer process)
    was_cut: bool  # cut in this build, not taken from the cache


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
                      cache=PageCache(settings.get("XCFL_CACHE_PATH")))


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
    cache = _build["cache"]
    if file is None:  # the writer did not look at the file
        try:
            file = cachefile.file_of(path)
        except OSError:
            pass
    if text is None:
        known = cache.files.get(_file_name(path))
        if file and known and known[0] == file and (known[1] is None or known[1] in cache.old):
            key = known[1]
            _cut[path] = Cut(file, key, cache.old[key] if key else None, False)
            return
        with open(path, "rb") as handle:
            data = handle.read()
    else:
        data = text.encode("utf-8")
    found = page_key(path, data, _build["output"], _build["siteurl"])
    if found is None:
        _cut[path] = Cut(file, None, None, False)
        return
    url, key = found
    if key in cache.old:
        _cut[path] = Cut(file, key, cache.old[key], False)
    else:
        _cut[path] = Cut(file, key, cut_page(url, data), True)


def _file_name(path):
    """A page's name in the cache: the same page of dev and publish builds differs."""
    output = _build["output"]
    relative = path[len(output) + 1:] if path.startswith(output + os.sep) else path
    return f"{_build['siteurl']}\0{relative}"


def page_key(path, data, output_path, siteurl):
    """(url, cache key) of a written page with a search body, else None."""
    relative = os.path.relpath(path, output_path).replace(os.sep, "/")
    if relative.startswith("../") or MARKER not in data:
        return None
    url = page_url(siteurl, relative)
    return url, PageCache.key(url, data)


def cut_page(url, data):
    """The IndexedPage of a page's bytes, or None when it has no search body."""
    text = page_text(data.decode("utf-8"), url)
    return indexed_page(text) if text else None


def child_entries(sender):
    """xcfl_speed's child_done: this writer process's entries, for the parent. A page
    found in the cache goes back without its IndexedPage: the parent has the same cache."""
    return CUT_RESULT, {path: cut if cut.was_cut else cut._replace(page=None)
                        for path, cut in _cut.items()}


def children_entries(sender, results):
    if not _build:  # search disabled: the children cut nothing
        return
    old = _build["cache"].old
    for entries in results.get(CUT_RESULT, ()):
        for path, cut in entries.items():
            if cut.key and not cut.was_cut:
                cut = cut._replace(page=old[cut.key])
            _cut[path] = cut


def code_fingerprint():
    """Changes when the code that makes a page's index entry does."""
    digest = hashlib.sha256(f"{FORMAT}".encode())
    folder = os.path.dirname(os.path.abspath(__file__))
    for name in sorted(os.listdir(folder)):
        if name.endswith(".py"):
            with open(os.path.join(folder, name), "rb") as handle:
                digest.update(handle.read())
    return digest.hexdigest()[:16]


class PageCache:
    """{digest of a page's URL and bytes: IndexedPage}, the buckets,
    {page name: (file, key)} of the pages written and {name: (digest, file)}
    of the index's files, of the previous build."""

    def __init__(self, folder):
        # One file, stamped with the code's fingerprint: a cache of other code is
        # replaced, not kept beside it (~100 MB at 10,000 articles).
        self.path = os.path.join(folder, "search.pickle") if folder else None
        self.stamp = (FORMAT, code_fingerprint())
        self.old, self.new = {}, {}
        self.files, self.new_files = {}, {}
        self.index_files = {}  # the index's own files: index.write
        self.buckets = None
        self.cut = 0  # pages cut in this build (the others came from the cache)
        if self.path:
            pages, buckets, self.files, self.index_files = cachefile.load(
                self.path, self.stamp, empty=lambda: ({}, None, {}, {}))
            self.old = {key: IndexedPage._make(page) if page else page
                        for key, page in pages.items()}
            if buckets:
                self.buckets = buckets._replace(pages=[IndexedPage._make(page)
                                                       for page in buckets.pages])

    @staticmethod
    def key(url, data):
        return hashlib.sha1(url.encode() + b"\0" + data).digest()

    def save(self):
        if not self.path:
            return
        # Pages as plain tuples: a named tuple is pickled as a call of its class,
        # which made saving and loading ~0.2 s slower at 10,000 articles.
        plain = {id(page): tuple(page) for page in self.new.values() if page}
        pages = {key: plain[id(page)] if page else page for key, page in self.new.items()}
        buckets = self.buckets
        if buckets:
            buckets = buckets._replace(pages=[plain.get(id(page)) or tuple(page)
                                              for page in buckets.pages])
        cachefile.save(self.path, self.stamp, (pages, buckets, self.new_files,
                                               self.index_files))


def index_file(job):
    """cut_page of one written page (url, path), for the workers."""
    url, path = job
    with open(path, "rb") as handle:
        return cut_page(url, handle.read())


def indexed_pages(output_path, siteurl, paths, cache):
    """The IndexedPage of every written page that has a data-search-body element:
    made while it was written (cut_written_page), else from the cache when the
    page's bytes are the same, else cut by forked workers (one per core)."""
    found, missing, cut = {}, [], 0
    for path in sorted(set(paths)):
        if path in _cut:
            entry = _cut[path]
            cache.new_files[_file_name(path)] = (entry.file, entry.key)
            if entry.key:
                found[entry.key] = entry.page
                cut += entry.was_cut
            continue
        with open(path, "rb") as handle:
            known = page_key(path, handle.read(), output_path, siteurl)
        if known is None:
            continue
        url, key = known
        if key in cache.old:
            found[key] = cache.old[key]
        else:
            missing.append((key, (url, path)))
    jobs = [job for _, job in missing]
    workers = min(os.cpu_count() or 1, 4)
    if workers > 1 and len(jobs) >= MIN_FOR_POOL:
        with multiprocessing.get_context("fork").Pool(workers) as pool:
            made = pool.map(index_file, jobs, chunksize=32)
    else:
        made = [index_file(job) for job in jobs]
    found.update(zip((key for key, _ in missing), made))
    cache.new = found
    cache.cut = cut + len(jobs)
    return [page for page in found.values() if page]


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
    cache = _build.get("cache") or PageCache(settings.get("XCFL_CACHE_PATH"))
    try:
        pages = indexed_pages(output, settings["SITEURL"], _written, cache)
        files, cache.buckets = build(pages, cache.buckets)
        previous = settings.get("XCFL_PREVIOUS_OUTPUT") or output
        cache.index_files = write(files, staging,
                                  os.path.join(previous, settings["XCFL_SEARCH_OUTPUT_DIR"]),
                                  cache.index_files)
        replace_folder(staging, target)
    finally:
        _written.clear()
        _cut.clear()
        _build.clear()
        if os.path.exists(staging):
            shutil.rmtree(staging)
    cache.save()
    logger.info("%s indexed %d pages in %.1f s (%d cut, the others from the cache)",
                PREFIX, len(pages), time.perf_counter() - started, cache.cut)


def register():
    signals.initialized.connect(settings_with_defaults)
    signals.get_writer.connect(start)
    signals.content_written.connect(remember_written)
    signals.finalized.connect(write_index)
    # Named signals of xcfl_speed's writer; nothing is sent without it.
    blinker.signal("xcfl_speed.page_done").connect(cut_written_page)
    blinker.signal("xcfl_speed.child_done").connect(child_entries)
    blinker.signal("xcfl_speed.child_results").connect(children_entries)
