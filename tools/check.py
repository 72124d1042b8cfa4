"""`make check`: read and validate all content like a build would, write nothing.

A real Pelican build with XCFL_CHECK_ONLY: xcfl_problems stops it right after
every generator has read its content (all_generators_finalized), before a
writer exists, so the messages are exactly those of `make html` and `make
publish`. No cache folder: nothing is written anywhere.
"""

import argparse
import logging
import os
import sys
import tempfile

from pelican import Pelican
from pelican.log import init as init_logging
from pelican.settings import read_settings

sys.path.insert(0, os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))),
                                "plugins"))
from xcfl_problems import CheckDone, ContentError  # noqa: E402

OK_MESSAGE = "内容检查通过：没有发现问题。"


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("content", help="the content folder")
    parser.add_argument("-s", "--settings", default="publishconf.py")
    args = parser.parse_args(argv)
    init_logging(level=logging.WARNING, name="pelican")
    with tempfile.TemporaryDirectory(prefix="xcfl-check-") as scratch:
        # PATH absolute: Pelican reads a relative one from the settings file's folder
        settings = read_settings(args.settings, override={
            "PATH": os.path.abspath(args.content), "OUTPUT_PATH": scratch, "XCFL_CACHE_PATH": None,
            "XCFL_CHECK_ONLY": True,
        })
        try:
            Pelican(settings).run()
        except ContentError:  # the problems are already printed
            return 1
        except CheckDone:
            print(OK_MESSAGE)
            return 0
    raise RuntimeError("xcfl_problems did not stop the check: is it in PLUGINS?")


if __name__ == "__main__":
    sys.exit(main())
