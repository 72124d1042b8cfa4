"""`make check`: read and validate all content like a build would, write nothing.

Runs Pelican's first phase only (every generator's generate_context and the
all_generators_finalized signal, where xcfl_problems reports), so the
messages are exactly those of `make html` and `make publish`.
"""

import argparse
import sys
import tempfile

from pelican import Pelican, signals
from pelican.log import init as init_logging
from pelican.settings import read_settings

OK_MESSAGE = "内容检查通过：没有发现问题。"


def read_all_content(settings):
    pelican = Pelican(settings)
    context = settings.copy()
    context.update(generated_content={}, static_links=set(), static_content={},
                   localsiteurl=settings["SITEURL"])
    generators = [
        cls(context=context, settings=settings, path=pelican.path,
            theme=pelican.theme, output_path=pelican.output_path)
        for cls in pelican._get_generator_classes()
    ]
    for generator in generators:
        if hasattr(generator, "generate_context"):
            generator.generate_context()
    signals.all_generators_finalized.send(generators)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("content", help="the content folder")
    parser.add_argument("-s", "--settings", default="publishconf.py")
    args = parser.parse_args(argv)
    init_logging(level=30, fatal="")
    with tempfile.TemporaryDirectory(prefix="xcfl-check-") as scratch:
        settings = read_settings(args.settings, override={
            "PATH": args.content, "OUTPUT_PATH": scratch,
            "CACHE_CONTENT": False, "LOAD_CONTENT_CACHE": False,
        })
        try:
            read_all_content(settings)
        except Exception as error:  # the problems are already printed
            if error.__class__.__name__ != "ContentError":
                raise
            return 1
    print(OK_MESSAGE)
    return 0


if __name__ == "__main__":
    sys.exit(main())
