"""Chinese full-text search: the site's own index, built in the same Pelican run.

Pelican announces every page it writes (`content_written`); at `finalized` the
pages holding a `data-search-body` element (articles, standing pages, records)
are read back, their main content taken out (extract.py), cut into keys
(keys.py: characters and pairs of characters) and written as a static index
(index.py) to OUTPUT/search-index/, which theme/assets/js/search.js reads.
docs/search.md says why the site no longer uses Pagefind.

What a page gives the index is kept in XCFL_CACHE_PATH, keyed by the page's
bytes: a rebuild reads every page again but cuts only the changed ones.
The index is written into a staging folder and swapped in whole.
"""

import hashlib
import logging
import multiprocessing
import os
import shutil
import time

from pelican import signals

import xcfl_cache as cachefile

from .extract import page_text
from .index import FORMAT, build, indexed_page, write

logger = logging.getLogger(__name__)
PREFIX = "xcfl_search:"
MARKER = b" data-search-body"
MIN_FOR_POOL = 64  # pages to cut before forking workers pays

DEFAULTS = {
    "XCFL_SEARCH_ENABLED": True,
    "XCFL_SEARCH_OUTPUT_DIR": "search-index",
}

_written = []


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


def forget_written(*_):
    _written.clear()


def remember_written(path, context):
    if path.endswith(".html"):
        _written.append(os.path.abspath(path))


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
    """{digest of a page's URL and bytes: IndexedPage}, and the buckets, of the
    previous build (for this output folder's index)."""

    def __init__(self, folder):
        self.path = os.path.join(folder, f"search-{code_fingerprint()}.pickle") if folder else None
        self.old, self.new = {}, {}
        self.buckets = None
        self.cut = 0  # pages cut in this build (the others came from the cache)
        if self.path:
            self.old, self.buckets = cachefile.load(self.path, FORMAT, empty=lambda: ({}, None))

    @staticmethod
    def key(url, data):
        return hashlib.sha1(url.encode() + b"\0" + data).digest()

    def save(self):
        if not self.path:
            return
        cachefile.save(self.path, FORMAT, (self.new, self.buckets))


def index_file(job):
    """The IndexedPage of one written page (url, path), or None without a search body."""
    url, path = job
    with open(path, "rb") as handle:
        text = page_text(handle.read().decode("utf-8"), url)
    return indexed_page(text) if text else None


def indexed_pages(output_path, siteurl, paths, cache):
    """The IndexedPage of every written page that has a data-search-body element:
    from the cache when the page's bytes are the same, else cut by forked workers
    (one per core)."""
    found, missing = {}, []
    for path in sorted(set(paths)):
        relative = os.path.relpath(path, output_path).replace(os.sep, "/")
        if relative.startswith("../"):
            continue
        with open(path, "rb") as handle:
            data = handle.read()
        if MARKER not in data:
            continue
        url = page_url(siteurl, relative)
        key = cache.key(url, data)
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
    cache.cut = len(jobs)
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
    cache = PageCache(settings.get("XCFL_CACHE_PATH"))
    try:
        pages = indexed_pages(output, settings["SITEURL"], _written, cache)
        files, cache.buckets = build(pages, cache.buckets)
        write(files, staging)
        replace_folder(staging, target)
    finally:
        _written.clear()
        if os.path.exists(staging):
            shutil.rmtree(staging)
    cache.save()
    logger.info("%s indexed %d pages in %.1f s (%d cut, the others from the cache)",
                PREFIX, len(pages), time.perf_counter() - started, cache.cut)


def register():
    signals.initialized.connect(settings_with_defaults)
    signals.all_generators_finalized.connect(forget_written)
    signals.content_written.connect(remember_written)
    signals.finalized.connect(write_index)
