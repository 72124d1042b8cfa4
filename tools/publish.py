"""`make publish`: a production build that never leaves a half-written site.

Pelican builds into a new folder beside OUTPUTDIR; only when it has fully
succeeded is that folder swapped in. Any failure leaves the previous output
exactly as it was.

The output it replaces is not deleted on the way out (at 10,000 articles that
took 2-4 s of a 20 s rebuild): it is moved into the build cache, and the next
publish takes it as its new folder, keeping its folders and removing its files
in another process while Pelican reads the content on one core (folders.py).
"""

import argparse
import ctypes
import os
import shutil
import subprocess
import sys
import tempfile
import time

from pelican import signals

from build import leave, load_settings, run, tune_collector
from folders import FoldersAhead

RENAME_EXCHANGE = 2


def exchange(a, b):
    """Atomically swap two paths (Linux renameat2); False where unsupported."""
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        renameat2 = libc.renameat2
    except (OSError, AttributeError):
        return False
    at_fdcwd = -100
    result = renameat2(at_fdcwd, os.fsencode(a), at_fdcwd, os.fsencode(b), RENAME_EXCHANGE)
    return result == 0


def swap_in(new, target, trash=None):
    """Put the folder `new` at `target`; the previous output goes to `trash`."""
    if not os.path.exists(target):
        os.rename(new, target)
        return
    if exchange(new, target):
        discard(new, trash)  # `new` now holds the previous output
        return
    previous = new + ".previous"
    os.rename(target, previous)
    os.rename(new, target)
    discard(previous, trash)


def discard(folder, trash):
    """Move `folder` into `trash` to be deleted later; delete it now where it
    cannot be moved there (no trash, another file system)."""
    if trash:
        try:
            os.makedirs(trash, exist_ok=True)
            os.rename(folder, os.path.join(trash, f"output-{time.time_ns():020d}"))
            return
        except OSError:
            pass
    shutil.rmtree(folder)


def reuse_waiting(trash, staging):
    """Put the newest output waiting in `trash` at `staging` (an empty folder):
    its folders are reused (folders.py). False if there is none, or it cannot
    be moved there."""
    for name in sorted(waiting(trash), reverse=True):
        try:
            os.rename(os.path.join(trash, name), staging)  # takes an empty folder's place
            return True
        except OSError:
            continue
    return False


def empty_in_background(trash):
    """Start deleting what else earlier publishes left in `trash`; None if nothing."""
    names = waiting(trash)
    if not names:
        return None
    paths = [os.path.join(trash, name) for name in names]
    # A leftover that cannot be deleted now is tried again next time.
    return subprocess.Popen(["rm", "-rf", "--", *paths],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def waiting(trash):
    try:
        return [name for name in os.listdir(trash) if name.startswith("output-")] if trash else []
    except OSError:
        return []


def trash_of(settings):
    cache = settings.get("XCFL_CACHE_PATH")
    return os.path.join(cache, "previous-output") if cache else None


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("content")
    parser.add_argument("output")
    parser.add_argument("-s", "--settings", default="publishconf.py")
    args = parser.parse_args(argv)
    target = os.path.abspath(args.output)
    parent = os.path.dirname(target)
    os.makedirs(parent, exist_ok=True)
    # Same file system as the target, so the final rename is atomic.
    staging = tempfile.mkdtemp(prefix=".publish-", dir=parent)
    cleaner = folders = None

    def wait_for_folders(pelican):
        folders.wait()

    try:
        settings = load_settings(args.content, staging, args.settings, fatal="warnings",
                                 previous=target)
        trash = trash_of(settings)
        reused = reuse_waiting(trash, staging)
        cleaner = empty_in_background(trash)
        folders = FoldersAhead(target, staging, reused)
        signals.get_writer.connect(wait_for_folders)  # nothing is written before
        status = run(settings)
        if status != 0:
            print(f"发布失败：{target} 保持不变。", file=sys.stderr)
            return status
        folders.remove_unused()
        os.chmod(staging, 0o755)
        swap_in(staging, target, trash)
    finally:
        signals.get_writer.disconnect(wait_for_folders)
        if folders:
            folders.stop()
        if os.path.exists(staging):
            shutil.rmtree(staging)
        if cleaner:
            cleaner.wait()
    print(f"发布完成：{target}")
    return 0


if __name__ == "__main__":
    tune_collector()
    leave(main())
