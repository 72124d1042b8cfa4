"""Made pictures, kept in XCFL_CACHE_PATH/images/<key>/ so a rebuild makes none again.

The key is the SHA-256 of the source file's bytes and of what makes the files
(this package's code, Pillow's version): a changed photo, or changed code or
encoding settings, is a new key; an unchanged one is found again whatever its
name or date. A folder appears whole (made beside, then renamed) or not at all.
Any of it may be deleted: the next build makes it again.
"""

import hashlib
import multiprocessing
import os
import shutil

from xcfl_cache import fingerprint

from .variants import render

def stamp():
    """What made the files: the code of variants.py and Pillow's version."""
    return fingerprint(code=["xcfl_images/variants.py"], libraries=["pillow"]).encode()


def folder_of(cache_root, code, data):
    key = hashlib.sha256(code + data).hexdigest()[:40]
    return os.path.join(cache_root, "images", key[:2], key)


def complete(folder, variants):
    return all(os.path.isfile(os.path.join(folder, v.cache_name)) for v in variants)


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
    for variant, data in made.items():
        with open(os.path.join(partial, variant.cache_name), "wb") as handle:
            handle.write(data)
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
    file (never written in place afterwards), or a copy where linking fails."""
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
