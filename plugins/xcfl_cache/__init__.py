"""The build caches' files in XCFL_CACHE_PATH: one pickle each, with a stamp.

The stamp says what the entries were made by (settings, plugin code, library
versions); a file with another stamp, or one that cannot be read (missing,
cut short by a crash, written by another Python), loads as empty: a cache
may always be lost, the build is just slower. Files are written atomically,
since two builds of the same content may share the folder. Not a Pelican
plugin (no register): a module the plugins share.
"""

import hashlib
import os
import pickle

UNREADABLE = (OSError, EOFError, pickle.PickleError, ValueError, TypeError, AttributeError,
              ImportError, IndexError)


def content_file(settings, name, part=""):
    """XCFL_CACHE_PATH/<name>-<content folder>[-<part>].pickle: a cache of what
    the files of this content folder are (its absolute path, hashed); None
    without a cache folder."""
    folder = settings.get("XCFL_CACHE_PATH")
    if not folder:
        return None
    root = hashlib.sha256(os.path.abspath(settings["PATH"]).encode()).hexdigest()[:16]
    return os.path.join(folder, f"{name}-{root}{'-' + part if part else ''}.pickle")


def shard_of(name, count):
    """Which of `count` (at most 256) shards holds the entry of `name`."""
    return hashlib.sha1(name.encode("utf-8", "surrogatepass")).digest()[0] % count


def load(path, stamp, empty=dict):
    """The entries saved under `stamp` at `path`, or empty()."""
    try:
        with open(path, "rb") as handle:
            found_stamp, entries = pickle.load(handle)
    except UNREADABLE:
        return empty()
    return entries if found_stamp == stamp else empty()


def save(path, stamp, entries):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    partial = f"{path}.{os.getpid()}.tmp"
    with open(partial, "wb") as handle:
        pickle.dump((stamp, entries), handle, protocol=pickle.HIGHEST_PROTOCOL)
    os.replace(partial, path)


def file_of(path):
    """A written file's size, mtime and inode: unchanged, it is the very file a
    cache entry describes. (No change time: making a hard link changes it.)"""
    info = os.stat(path)
    return info.st_size, info.st_mtime_ns, info.st_ino
