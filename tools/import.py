"""`make import SOURCE=<folder>`: old site pages (a saved copy) into Markdown
articles under content/articles/imported/, with their pictures and
attachments; prints what it did, in Chinese. See tools/importer/."""

import argparse
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(os.path.dirname(HERE), "plugins"))

from pelican.settings import get_settings_from_file  # noqa: E402

from importer.config import ConfigError, load  # noqa: E402
from importer.run import ImportError_, import_site  # noqa: E402
from new import slug_of  # noqa: E402 - the same pinyin addresses as make new


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("source")
    parser.add_argument("content")
    parser.add_argument("-s", "--settings", required=True)
    parser.add_argument("--config", default="")
    args = parser.parse_args()
    settings = get_settings_from_file(args.settings)
    try:
        config = load(args.config, list(settings["XCFL_CATEGORIES"].values()))
        report = import_site(args.source, args.content, config, slug_of)
    except (ConfigError, ImportError_) as error:
        print(error, file=sys.stderr)
        return 1
    print("\n".join(report.lines()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
