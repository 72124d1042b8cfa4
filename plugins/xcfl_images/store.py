"""Made pictures, kept in XCFL_CACHE_PATH/images/<key>/ so a rebuild makes none again.

The key is the SHA-256 of the source file's bytes and of what makes the files
(this package's code, Pillow's version): a changed photo, or changed code or
encoding settings, is a new key; an unchanged one is found again whatever its
name or date. A folder appears whole (made beside, then renamed) or not at all,
with SUMS: each made file's size and SHA-256. A folder whose files do not match
their sums (a file deleted, cut short, overwritten: maybe through a published
hard link) is made again, so a damaged cache only ever costs time.

Sources: a warm build reads no photo. Sources keeps, per content file, its
state (size, mtime, inode: xcfl_cache.file_state), key and Info; a file in
the same state takes them from there (probe.start), any other is read,
hashed and probed again.
"""

import hashlib
import json
import multiprocessing
import os
import shutil

import xcfl_cache
from xcfl_cache import fingerprint, file_state

from .variants import render

SUMS = "sums.json"


def stamp():
    """What made the files: the code of variants.py and Pillow's version."""
    return fingerprint(code=["xcfl_images/variants.py"], libraries=["pillow"]).encode()


def key_of(code, path):
    """The cache key of the picture file at ``path``, made by ``code`` (stamp())."""
    digest = hashlib.sha256(code)
    with open(path, "rb") as handle:
        while chunk := handle.read(1 << 20):
            digest.update(chunk)
    return digest.hexdigest()[:40]


def folder_of(cache_root, key):
    return os.path.join(cache_root, "images", key[:2], key)


def _sum(path):
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        while chunk := handle.read(1 << 20):
            digest.update(chunk)
    return digest.hexdigest()


def intact(folder, variants):
    """Every file of ``variants`` is in ``folder`` as it was made. A file in the
    state it was written (size, mtime, inode: only our build writes there) is
    taken as it is; any other is hashed and compared."""
    try:
        with open(os.path.join(folder, SUMS), encoding="utf-8") as handle:
            sums = json.load(handle)
        for variant in variants:
            path = os.path.join(folder, variant.cache_name)
            size, digest, state = sums[variant.cache_name]
            if list(file_state(path)) != state and (
                    os.path.getsize(path) != size or _sum(path) != digest):
                return False
    except (OSError, ValueError, KeyError, TypeError):
        return False
    return True


def make(job):
    """Make the files of one picture into its cache folder. job: (data or path,
    info, variants, folder). Returns None, or the error that stopped it."""
    source, info, variants, folder = job
    try:
        if isinstance(source, str):
            with open(source, "rb") as handle:
                source = handle.read()
        made = render(source, info, variants)
    except (OSError, SyntaxError, ValueError, EOFError) as error:
        return str(error) or type(error).__name__
    partial = f"{folder}.{os.getpid()}.tmp"
    shutil.rmtree(partial, ignore_errors=True)
    os.makedirs(partial)
    sums = {}
    for variant, data in made.items():
        path = os.path.join(partial, variant.cache_name)
        with open(path, "wb") as handle:
            handle.write(data)
        sums[variant.cache_name] = [len(data), hashlib.sha256(data).hexdigest(),
                                    list(file_state(path))]  # a rename keeps the state
    with open(os.path.join(partial, SUMS), "w", encoding="utf-8") as handle:
        json.dump(sums, handle)
    if os.path.isdir(folder) and not intact(folder, variants):
        shutil.rmtree(folder, ignore_errors=True)  # damaged: replaced by the new one
    try:
        os.replace(partial, folder)
    except OSError:  # another build made it meanwhile
        shutil.rmtree(partial, ignore_errors=True)
    return None


def make_all(jobs, processes):
    """[make(job)] for every job, by ``processes`` forked processes when more than one."""
    if processes < 2 or len(jobs) < 2 or "fork" not in multiprocessing.get_all_start_methods():
        return [make(job) for job in jobs]
    with multiprocessing.get_context("fork").Pool(min(processes, len(jobs))) as pool:
        return pool.map(make, jobs, chunksize=1)


def publish(cache_file, target):
    """Put a made file at ``target`` in the output: a hard link to the cached
    file (intact() finds it again if anything writes into it), or a copy where
    linking fails (the cache on another file system)."""
    try:
        if os.path.samefile(cache_file, target):
            return
    except OSError:
        pass
    os.makedirs(os.path.dirname(target), exist_ok=True)
    if os.path.lexists(target):
        os.remove(target)  # maybe a link to the published site's file: never write into it
    try:
        os.link(cache_file, target)
    except OSError:
        shutil.copyfile(cache_file, target)


class Sources:
    """{content-relative path: (state, key, Info)} of the last build's pictures,
    kept in the cache folder (none: every picture is read and probed)."""

    def __init__(self, settings, max_mb):
        self.path = xcfl_cache.cache_file(settings, "images-sources") \
            if settings.get("XCFL_CACHE_PATH") else None
        # what the keys and Infos depend on: our code, Pillow, the size limit
        self.stamp = fingerprint(max_mb, code=["xcfl_images"], libraries=["pillow"])
        self.old = xcfl_cache.load(self.path, self.stamp) if self.path else {}
        self.new = {}

    def key(self, relative, state):
        """The key of the file at ``relative`` if it is unchanged since it was hashed."""
        entry = self.old.get(relative)
        return entry[1] if entry and entry[0] == state else None

    def remember(self, relative, state, key, info):
        self.new[relative] = (state, key, info)

    def save(self):
        if self.path and self.new != self.old:
            xcfl_cache.save(self.path, self.stamp, self.new)
