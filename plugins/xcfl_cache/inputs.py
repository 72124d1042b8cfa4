"""The files a reading looked at, so that its result can be kept.

An article kept from an earlier build (xcfl_speed/kept.py) stands for reading
its file again only if everything that reading looked at is as it was: its own
file, and every other file a check or a change of the HTML looked at (whether a
cover exists, an image's width and height). Those places call `note(path)`
before they look; `recording()` collects the notes of one reading.
"""

import os
import time
from contextlib import contextmanager

# A file changed this recently may change again within the same tick of the file
# system's clock (1-2 s on some file systems) without its times moving.
SETTLED_NS = 2_000_000_000

_noted = None  # the list being filled while a reading is recorded


def note(path):
    """Say that the reading being recorded looks at `path` (it may not exist)."""
    if _noted is not None:
        _noted.append(state_of(path))


def state_of(path):
    """(path, where its symlinks lead, its type, size, times and inode); the last
    is None for a missing file. Where the symlinks lead matters to a check
    (a cover inside content/ or not), not just to which file is read."""
    stamp = stamp_of(path)
    return path, stamp and os.path.realpath(path), stamp


def stamp_of(path):
    """The type, size, times and inode of the file at `path` (symlinks followed):
    any write changes the change time. None for a missing file."""
    try:
        info = os.stat(path)
    except (OSError, ValueError):  # missing, or a name no file can have
        return None
    return info.st_mode, info.st_size, info.st_mtime_ns, info.st_ctime_ns, info.st_ino


def start():
    """Record the files noted from now on; returns the list they go into."""
    global _noted
    _noted = []
    return _noted


def stop():
    global _noted
    _noted = None


@contextmanager
def recording():
    """The states of the files noted inside the `with` block, in a list."""
    noted = start()
    try:
        yield noted
    finally:
        stop()


def unchanged(states):
    """Every file is as its recorded state says."""
    return all(state_of(state[0]) == state for state in states)


def settled(stamps):
    """No file (stamp_of, None: missing) changed in the last SETTLED_NS: its
    stamp can be trusted later."""
    now = time.time_ns()
    return all(stamp is None or now - max(stamp[2], stamp[3]) >= SETTLED_NS
               for stamp in stamps)


def kept(path, before, noted):
    """(stamp, states) to keep with the result of reading the file at `path`,
    whose stamp was `before` the reading and which noted `noted`; None if the
    file changed meanwhile or any of them changed too recently to be trusted."""
    if before is None or stamp_of(path) != before or \
            not settled([before, *(state[2] for state in noted)]):
        return None
    return before, tuple(noted)
