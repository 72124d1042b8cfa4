"""`make publish`: a production build that never leaves a half-written site.

build.py's build with the production settings and `--fatal warnings`: Pelican
builds into a new folder beside OUTPUTDIR; only when it has fully succeeded is
that folder swapped in. Any failure leaves the previous output exactly as it was.
"""

import argparse
import os
import sys

from build import build, leave, tune_collector


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("content")
    parser.add_argument("output")
    parser.add_argument("-s", "--settings", default="publishconf.py")
    args = parser.parse_args(argv)
    target = os.path.abspath(args.output)
    if build(args.content, target, args.settings, "warnings") != 0:
        print(f"发布失败：{target} 保持不变。", file=sys.stderr)
        return 1
    print(f"发布完成：{target}")
    return 0


if __name__ == "__main__":
    tune_collector()
    leave(main())
