"""Chinese full-text search: the site's own index, built in the same Pelican run.

The pages holding a `data-search-body` element (articles, standing pages,
records) have their main content taken out (extract.py) and cut into keys
(keys.py: characters, pairs and triples of characters): at `finalized` every page the
build wrote (`content_written`) is read back and cut, and the static index
(index.py) is written to OUTPUT/search-index/, which theme/assets/js/search.js
reads.
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

from pelican import signals

import xcfl_cache as cachefile
from xcfl_problems.messages import message
from xcfl_problems.problems import Problem, report
from xcfl_cache.workers import map_in_workers

from .extract import page_text
from .index import Previous, StaleIndex, build, indexed_page, info_of, still_there, write
from .store import Store, row
from . import synonyms as synonym_table

logger = logging.getLogger(__name__)
PREFIX = "xcfl_search:"
MARKER = b" data-search-body"

DEFAULTS = {
    "XCFL_SEARCH_ENABLED": True,
    "XCFL_SEARCH_OUTPUT_DIR": "search-index",
    # the folder holding the last build's index when OUTPUT_PATH is a new one
    # (tools/build.py): its unchanged files are linked, not written again
    "XCFL_SEARCH_PREVIOUS_OUTPUT": None,
    # the editors' synonym table (synonyms.py), relative to PATH; no file, no synonyms
    "XCFL_SEARCH_SYNONYMS": "search-synonyms.txt",
}

_written = []  # every HTML page this build wrote (content_written), in order


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
    """get_generators, first in every run: a run that failed never reached finalized."""
    _written.clear()


def remember_written(path, context):
    if path.endswith(".html"):
        _written.append(os.path.abspath(path))


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


def index_file(job):
    """cut_page of one written page (url, path), for the workers."""
    url, path = job
    with open(path, "rb") as handle:
        return cut_page(url, handle.read())


def cut_files(jobs):
    """cut_page of written pages [(url, path)], by forked workers when there are many."""
    return map_in_workers(index_file, jobs)


def indexed_pages(output_path, siteurl, paths, cache):
    """({url: PageInfo}, Pages, catalog rows {name: row}) of the written pages,
    read back: a page whose URL and bytes the cache knows is taken from it, the
    others are cut by forked workers (one per core)."""
    infos, paths_of, rows, unread = {}, {}, {}, []
    for path in sorted(set(paths)):
        name, known = file_name(output_path, siteurl, path), None
        with open(path, "rb") as handle:
            found = page_key(path, handle.read(), output_path, siteurl)
        file, key = cachefile.file_state(path), found and found[1]
        if found:
            known = cache.known(name)
            if not (known and known[1] == key):
                unread.append((name, path, found[0], file, key))
                continue
        info = key and known[2]
        rows[name] = row(file, key, info)
        if info:
            infos[info.url], paths_of[info.url] = info, path
    cut = {}
    jobs = [(url, path) for _, path, url, _, _ in unread]
    for (name, path, url, file, key), page in zip(unread, cut_files(jobs)):
        info = page and info_of(page)
        rows[name] = row(file, key if page else None, info)
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


def synonyms_path(settings):
    return os.path.join(settings["PATH"], settings["XCFL_SEARCH_SYNONYMS"])


def check_synonyms(generator):
    """article_generator_finalized: the table's mistakes, reported like any
    content problem (before all_generators_finalized stops the build)."""
    path = synonyms_path(generator.settings)
    for found in synonym_table.read(path)[1]:
        report(Problem(os.path.abspath(path), found.line,
                       "同义词", message(found.name, value=found.value)))


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
    cache = Store(settings["XCFL_CACHE_PATH"])
    synonyms = synonym_table.read(synonyms_path(settings))[0]
    try:
        infos, pages, rows = indexed_pages(output, settings["SITEURL"], _written, cache)
        folder = os.path.join(settings["XCFL_SEARCH_PREVIOUS_OUTPUT"] or output,
                              settings["XCFL_SEARCH_OUTPUT_DIR"])
        previous = Previous(cache.version, cache.digests, folder,
                            still_there(folder, cache.index_files))
        try:
            files, version = build(infos.values(), pages, previous, synonyms)
            index_files = write(files, staging, previous)
        except StaleIndex:  # a file of the last index changed meanwhile: all anew
            shutil.rmtree(staging)
            files, version = build(infos.values(), pages, synonyms=synonyms)
            index_files = write(files, staging, previous)
        replace_folder(staging, target)
    finally:
        _written.clear()
        if os.path.exists(staging):
            shutil.rmtree(staging)
    cache.save(rows, version, index_files, infos, pages.current)
    logger.info("%s indexed %d pages in %.1f s (%d cut, the others from the cache)",
                PREFIX, len(infos), time.perf_counter() - started, len(pages.cut))


def register():
    signals.initialized.connect(settings_with_defaults)
    signals.get_generators.connect(start)
    signals.content_written.connect(remember_written)
    signals.article_generator_finalized.connect(check_synonyms)
    signals.finalized.connect(write_index)
