"""`make publish`: a production build that never leaves a half-written site.

Pelican builds into a new folder beside OUTPUTDIR; only when it has fully
succeeded is that folder swapped in. Any failure leaves the previous output
exactly as it was.
"""

import argparse
import ctypes
import os
import shutil
import sys
import tempfile

from build import build, leave, tune_collector

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


def swap_in(new, target):
    """Put the folder `new` at `target`, then delete the previous output."""
    if not os.path.exists(target):
        os.rename(new, target)
        return
    if exchange(new, target):
        shutil.rmtree(new)  # `new` now holds the previous output
        return
    previous = new + ".previous"
    os.rename(target, previous)
    os.rename(new, target)
    shutil.rmtree(previous)


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
    try:
        # the search index takes its unchanged files from the published one
        status = build(args.content, staging, args.settings, "warnings", previous=target)
        if status != 0:
            print(f"发布失败：{target} 保持不变。", file=sys.stderr)
            return status
        os.chmod(staging, 0o755)
        swap_in(staging, target)
    finally:
        if os.path.exists(staging):
            shutil.rmtree(staging)
    print(f"发布完成：{target}")
    return 0


if __name__ == "__main__":
    tune_collector()
    leave(main())
