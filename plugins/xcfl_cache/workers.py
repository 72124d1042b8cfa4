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
    """[function(item) for item in items], by worker processes where it pays."""
    if len(items) < MIN_ITEMS or count() < 2 or \
            "fork" not in multiprocessing.get_all_start_methods():
        return [function(item) for item in items]
    with multiprocessing.get_context("fork").Pool(count()) as pool:
        return pool.map(function, items, chunksize=32)
