"""Run one Pelican build and turn its failures into plain messages.

`pelican` itself prints a Python traceback for any exception, including a
content problem an editor made. Here content problems have already been
printed as `path:line: key: message`, so the build just exits 1.
"""

import argparse
import gc
import logging
import sys

from pelican import Pelican
from pelican.log import init as init_logging
from pelican.settings import read_settings


def build(content, output, settings_file, fatal="", previous=None):
    """Build the site; returns the process exit status.

    `previous`: the folder of the previous build, when `output` is a new one
    (the search index takes its unchanged files from it).
    """
    return run(load_settings(content, output, settings_file, fatal, previous))


def load_settings(content, output, settings_file, fatal="", previous=None):
    init_logging(level=logging.WARNING, fatal=fatal, name="pelican")
    override = {"PATH": content, "OUTPUT_PATH": output}
    if previous:
        override["XCFL_PREVIOUS_OUTPUT"] = previous
    return read_settings(settings_file, override=override)


def run(settings):
    try:
        Pelican(settings).run()
    except Exception as error:
        if error.__class__.__name__ == "ContentError":
            return 1
        if str(error) == "Warning or error encountered":  # --fatal, already logged
            print("构建失败：上面的警告在发布版本中不允许。", file=sys.stderr)
            return 1
        raise
    return 0


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("content")
    parser.add_argument("output")
    parser.add_argument("-s", "--settings", default="pelicanconf.py")
    # Even a development build must not succeed past an error (e.g. a plugin
    # that failed to load would silently skip every check it makes).
    parser.add_argument("--fatal", default="errors", choices=["warnings", "errors"])
    args = parser.parse_args(argv)
    return build(args.content, args.output, args.settings, args.fatal)


def tune_collector():
    """Fewer garbage collections for the command's one long build.

    Pelican keeps every article, page and record alive until the end, so each
    older-generation collection walks all of them again: at 10,000 articles
    that was ~0.7 s of the reading phase alone. What is alive now (the
    interpreter, Pelican, the libraries) is frozen out of collections, and
    collections start after 20,000 new objects instead of 700. Only for the
    command, like leave().
    """
    gc.freeze()
    gc.set_threshold(20_000, 50, 50)


def leave(status):
    """Exit the command without the interpreter freeing the site object by object.

    At exit Python collects and frees every object still alive: at 10,000
    articles that alone took 0.6-1 s after the site was written. Frozen objects
    are never collected, so the exit is almost immediate; everything else (exit
    handlers, flushing) runs as usual. Only for the command: a caller that
    imports build() keeps its garbage collector as it was.
    """
    gc.disable()
    gc.freeze()
    sys.exit(status)


if __name__ == "__main__":
    tune_collector()
    leave(main())
