"""Work on many files spread over one forked worker process per core.

For pure functions of a file (converting Markdown, parsing YAML) that a build
would otherwise run one file at a time: the results come back pickled, in the
order of the items. Below MIN_ITEMS, or with one core, or where processes
cannot fork, everything runs here instead.
"""

import multiprocessing
import os

MIN_ITEMS = 64  # below this, forking costs more than it saves


def count():
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:
        return os.cpu_count() or 1


def map_in_workers(function, items):
    """function(item) for item in items, in order, by worker processes where it pays.

    An iterator: each result can be dealt with, and dropped, as it comes, so the
    caller need not hold them all (the link check keeps a few links of each page)."""
    if len(items) < MIN_ITEMS or count() < 2 or \
            "fork" not in multiprocessing.get_all_start_methods():
        yield from map(function, items)
        return
    with multiprocessing.get_context("fork").Pool(count()) as pool:
        yield from pool.imap(function, items, chunksize=32)
