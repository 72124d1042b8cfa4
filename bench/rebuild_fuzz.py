"""Rebuild = clean build, on long seeded sequences of random edits.

    .venv/bin/python bench/rebuild_fuzz.py --seed 3 --steps 200 [--keep-going] [--keep]

Makes random edits to a copy of the sample content, theme and settings
(tests/edits.py) and after every step runs `make html` and `make publish`
(tools/build.py, tools/publish.py) with kept outputs and one kept build cache,
and clean (new outputs, empty caches); see tests/rebuilds.py. Stops at the
first step where they differ (exit status, or any output file) and prints
the steps so far, the paths that differ and a diff of the first differing
text file. --keep-going reports each diverging step and goes on from a cold
cache. The same seed makes the same edits: a failure replays with its seed.
"""

import argparse
import os
import resource
import sys
import tempfile
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))),
                                "tests"))

from launcher import Launcher  # noqa: E402
from rebuilds import run  # noqa: E402


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--steps", type=int, default=100)
    parser.add_argument("--keep-going", action="store_true",
                        help="after a divergence, start again from a cold cache and go on")
    parser.add_argument("--leftovers-ok", action="store_true",
                        help="do not count pages left in the kept make html output by earlier builds")
    parser.add_argument("--keep", action="store_true", help="keep the work folder and say where")
    parser.add_argument("--subprocess", action="store_true",
                        help="start every build as a new Python process (slower; default: forked)")
    args = parser.parse_args(argv)
    folder = tempfile.mkdtemp(prefix=f"rebuild-fuzz-{args.seed}-")
    started = time.monotonic()
    launcher = Launcher(forked=not args.subprocess)
    try:
        diverged = run(args.seed, args.steps, folder, launcher, args.keep_going,
                       args.leftovers_ok)
    finally:
        launcher.close()
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    print(f"seed {args.seed}: diverging steps {diverged or 'none'}; "
          f"{time.monotonic() - started:.0f} s, builds' CPU {children.ru_utime + children.ru_stime:.0f} s")
    if args.keep:
        print(f"work folder: {folder}")
    else:
        import shutil
        shutil.rmtree(folder)
    return 1 if diverged else 0


if __name__ == "__main__":
    sys.exit(main())
