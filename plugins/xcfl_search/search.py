"""Chinese full-text search: a Pagefind index built in the same Pelican run.

Pelican announces every page it writes (`content_written`); the pages that
carry a `data-pagefind-body` element (articles, standing pages, records) are
remembered. At `finalized` they are fed, in URL order, to Pagefind's extended
binary (which segments Chinese) and the index is written to OUTPUT/pagefind/.

Why URL order and not the order Pelican writes: Pagefind numbers pages in the
order they are added, and Pelican's order is not stable between runs (it reads
files from a set, so same-date articles swap places). Sorting, and sorting the
filters Pagefind writes in hash-map order (canonical.py), keeps the index
byte-identical for the same input.

`make check` never writes a page, so it never starts the indexer; the indexer
runs only after every page has been written, so a build that fails earlier
never starts it either, and one that fails while indexing stops it.
"""

import asyncio
import concurrent.futures
import logging
import os
import re
import shutil
import signal
import time

from pelican import signals

from .canonical import canonicalize
from .segment import filter_values, split_han_text, with_mentioned_names
from .service import ExtendedPagefindService

logger = logging.getLogger(__name__)
PREFIX = "xcfl_search:"

DEFAULTS = {
    "XCFL_SEARCH_ENABLED": True,
    # Pagefind files the index under this code; the search page's JS asks for
    # <html lang> lower-cased. None: DEFAULT_LANG lower-cased ("zh-cn").
    "XCFL_SEARCH_LANGUAGE": None,
    "XCFL_SEARCH_OUTPUT_DIR": "pagefind",
    # Never content, even inside data-pagefind-body (a record's pagination, a TOC).
    "XCFL_SEARCH_EXCLUDE_SELECTORS": ["nav"],
    # Filters whose values are names (filter: the suffix their short form drops):
    # a page whose body text names one (牛街, 牛街街道) has it indexed as characters
    # too (segment.py), since dictionary words cut names unpredictably.
    "XCFL_SEARCH_NAME_FILTERS": {"街道": "街道"},
}
# Pagefind writes its ready-made UIs too; our own small UI uses none of them.
UNUSED_FILES = re.compile(r"^pagefind-(ui|modular-ui|component-ui|highlight)\.(js|css)$")
INDEXED_PAGE = re.compile(rb"<[a-z][^>]*\sdata-pagefind-body[\s>=/]")

_written = []


def settings_with_defaults(pelican):
    """Fill in the defaults once and report XCFL_SEARCH_* keys we do not know."""
    settings = pelican.settings
    for key in sorted(k for k in settings if k.startswith("XCFL_SEARCH_")):
        if key not in DEFAULTS:
            logger.warning("%s unknown setting %s (known: %s)", PREFIX, key, ", ".join(DEFAULTS))
    for key, value in DEFAULTS.items():
        settings.setdefault(key, value)
    if not settings["XCFL_SEARCH_LANGUAGE"]:
        settings["XCFL_SEARCH_LANGUAGE"] = settings["DEFAULT_LANG"].lower()


def page_url(siteurl, relative):
    """The URL the site's own links use: SITEURL + "/" + path, without index.html."""
    if relative == "index.html" or relative.endswith("/index.html"):
        relative = relative[: -len("index.html")]
    return f"{siteurl}/{relative}"


def run_blocking(coroutine):
    """asyncio.run, also when this thread already runs an event loop (Pelican
    embedded in an async program, or called next to Playwright's sync API)."""
    try:
        asyncio.get_running_loop()
    except RuntimeError:
        return asyncio.run(coroutine)
    with concurrent.futures.ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(asyncio.run, coroutine).result()


def forget_written(*_):
    _written.clear()


def remember_written(path, context):
    if path.endswith(".html"):
        _written.append(os.path.abspath(path))


def indexable_pages(output_path, siteurl, paths, name_filters=None):
    """(url, html for Pagefind) of the written pages that have a data-pagefind-body
    element, by URL; with the names their body text holds, and the Han text of the
    title copy and of those names cut into characters (segment.py)."""
    pages = []
    for path in set(paths):
        relative = os.path.relpath(path, output_path).replace(os.sep, "/")
        if relative.startswith("../"):
            continue
        pages.append((page_url(siteurl, relative), path))
    pages.sort()
    name_filters = name_filters or {}
    names = set()
    if name_filters:  # a first pass: the names are the filter values of all pages
        for _, html in read_indexed(pages):
            for name, value in filter_values(html, name_filters):
                names.add(value)
                suffix = name_filters[name]
                if suffix and value.endswith(suffix) and len(value) > len(suffix):
                    names.add(value[: -len(suffix)])
    names = sorted(names)
    for url, html in read_indexed(pages):
        yield url, split_han_text(with_mentioned_names(html, names))


def read_indexed(pages):
    for url, path in pages:
        with open(path, "rb") as handle:
            data = handle.read()
        if INDEXED_PAGE.search(data):
            yield url, data.decode("utf-8")


def pagefind_config(settings):
    return {
        "force_language": settings["XCFL_SEARCH_LANGUAGE"],
        "exclude_selectors": list(settings["XCFL_SEARCH_EXCLUDE_SELECTORS"]),
        "write_playground": False,
    }


async def build_index(config, pages, destination):
    """Index the pages with one Pagefind service; write to destination. Returns the count."""
    service = await ExtendedPagefindService().launch()
    try:
        index = await service.create_index(config)
        count = 0
        for url, html in pages:
            await index.add_html_file(content=html, url=url)
            count += 1
        # Pagefind's own write_files answers before its files are complete on disk
        # (and stopping the service then can leave them empty): take the files and
        # write them ourselves.
        write_bundle(await index.get_files(), destination)
        return count
    finally:
        await stop(service)


async def stop(service):
    try:
        await asyncio.wait_for(service.close(), timeout=10)
    finally:
        if service._backend.returncode is None:  # close() failed or timed out
            kill(service.pid)


def kill(pid):
    try:
        os.kill(pid, signal.SIGKILL)
    except ProcessLookupError:
        pass


def write_bundle(files, destination):
    """Write the index files, leaving out Pagefind's ready-made UIs (unused)."""
    for item in files:
        if UNUSED_FILES.match(item["path"]):
            continue
        path = os.path.join(destination, item["path"])
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "wb") as handle:
            handle.write(item["content"])


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
    pages = indexable_pages(output, settings["SITEURL"], _written, settings["XCFL_SEARCH_NAME_FILTERS"])
    try:
        count = run_blocking(build_index(pagefind_config(settings), pages, staging))
        canonicalize(staging, settings["XCFL_SEARCH_LANGUAGE"])
        replace_folder(staging, target)
    finally:
        _written.clear()
        if os.path.exists(staging):
            shutil.rmtree(staging)
    logger.info("%s indexed %d pages in %.1f s", PREFIX, count, time.perf_counter() - started)


def register():
    signals.initialized.connect(settings_with_defaults)
    signals.all_generators_finalized.connect(forget_written)
    signals.content_written.connect(remember_written)
    signals.finalized.connect(write_index)
