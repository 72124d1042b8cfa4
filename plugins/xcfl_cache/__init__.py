"""The build caches' keys and files, for every cache (Markdown, records, QR codes, search).

A cache file holds one pickle: (stamp, entries). The stamp is `fingerprint()` of
everything that made the entries (settings, our code, library versions); a file
with another stamp, or one that cannot be read (missing, cut short, garbage),
loads as empty: a cache may always be lost, the build is just slower. Entries
themselves are keyed by the SHA-1 of the bytes they were made from, so a cache
never decides *whether* something changed, only saves the work when it did not.
Files are written atomically (two builds may share the folder). Not a Pelican
plugin (no register): a module the plugins share.
"""

import hashlib
import os
import pickle
import sys
from importlib import metadata

PLUGINS = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
UNREADABLE = (OSError, EOFError, pickle.PickleError, ValueError, TypeError, AttributeError,
              ImportError, IndexError, KeyError, MemoryError, OverflowError)


def stable_repr(value):
    """repr without memory addresses: functions by their qualified name."""
    if callable(value):
        return f"{value.__module__}.{value.__qualname__}"
    if isinstance(value, dict):
        return "{" + ",".join(f"{k!r}:{stable_repr(v)}" for k, v in sorted(value.items())) + "}"
    if isinstance(value, (list, tuple)):
        return "[" + ",".join(stable_repr(v) for v in value) + "]"
    return repr(value)


def fingerprint(*values, code=(), libraries=()):
    """Hex digest of what a cache's entries depend on: `values` (settings,
    formats), the Python files of `code` (packages or files under plugins/,
    e.g. "xcfl_search", "xcfl_articles/header.py"; this module is always
    included) and the versions of Python and of the `libraries` (distribution
    names, e.g. "Markdown")."""
    digest = hashlib.sha256(sys.version.encode())
    for value in values:
        digest.update(stable_repr(value).encode() + b"\0")
    for name in libraries:
        digest.update(f"{name}={metadata.version(name)}\0".encode())
    for relative in ("xcfl_cache", *code):
        path = os.path.join(PLUGINS, relative)
        names = sorted(n for n in os.listdir(path) if n.endswith(".py")) \
            if os.path.isdir(path) else [""]
        for name in names:
            with open(os.path.join(path, name) if name else path, "rb") as handle:
                digest.update(f"{relative}/{name}\0".encode() + handle.read())
    return digest.hexdigest()


def file_state(path):
    """A file's size, mtime and inode: unchanged, it is (almost surely) the very
    file a cache entry describes. Only ever a shortcut before a SHA-1 check or
    for files our own build wrote. (No change time: making a hard link changes it.)"""
    info = os.stat(path)
    return info.st_size, info.st_mtime_ns, info.st_ino


def cache_file(settings, name, per_content=True):
    """XCFL_CACHE_PATH/<name>[-<content folder>].pickle, or None without a cache
    folder. per_content: what the files of one content folder are (its absolute
    path, hashed), so two sites built on one machine keep apart."""
    folder = settings["XCFL_CACHE_PATH"]
    if not folder:
        return None
    if per_content:
        root = hashlib.sha256(os.path.abspath(settings["PATH"]).encode()).hexdigest()[:16]
        name = f"{name}-{root}"
    return os.path.join(folder, f"{name}.pickle")


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
