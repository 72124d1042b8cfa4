"""`make ids`: the streets and the record ids an article's header can name.

Lists, from the content folder's data/, every street (its name goes after
`Street:`) and every family, studio and team id (after `Families:`,
`Studios:`, `Teams:`) with the record's name and street. A file that cannot
be read is named, and `make check` says why.
"""

import argparse
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))),
                                "plugins"))

from xcfl_problems import message  # noqa: E402
from xcfl_records.kinds import COLLECTIONS  # noqa: E402
from xcfl_records.loader import LoadError, load  # noqa: E402
from xcfl_records.reading import record_files  # noqa: E402


def shown(path):
    """The path as the editor types it: relative to where the command runs,
    absolute when the file lies elsewhere."""
    relative = os.path.relpath(path)
    return path if relative.startswith("..") else relative


def records_of(path):
    """The mappings a YAML file holds; None when it cannot be read."""
    try:
        with open(path, encoding="utf-8-sig") as handle:
            data, _ = load(handle.read())
    except (LoadError, UnicodeDecodeError):
        return None
    if isinstance(data, dict):  # a record alone in its file: id = file name
        return [dict(data, id=data.get("id") or os.path.splitext(os.path.basename(path))[0])]
    return [item for item in data if isinstance(item, dict)] if isinstance(data, list) else None


def listing(content):
    """(lines to print, paths of unreadable files)."""
    lines, unreadable = [], []
    streets_file = os.path.join(content, "data", "streets.yaml")
    streets = records_of(streets_file) if os.path.exists(streets_file) else []
    if streets is None:
        unreadable.append(streets_file)
        streets = []
    lines.append("街道（文章信息头 Street: 后面写街道名称）")
    lines += [f"  {street.get('name')}（编号 {street.get('id')}）" for street in streets]
    for collection in COLLECTIONS:
        lines.append("")
        lines.append(f"{collection.title}（文章信息头 {collection.header}: 后面写编号，多个用英文逗号分隔）")
        paths = record_files(content, collection.name)  # the files the build reads
        count = 0
        for path in paths:
            records = records_of(path)
            if records is None:
                unreadable.append(path)
                continue
            for record in records:
                count += 1
                lines.append(f"  {record.get('id')}  {record.get('name')}（{record.get('street')}）")
        if not count:
            lines.append("  （还没有记录）")
    return lines, unreadable


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("content", help="the content folder")
    args = parser.parse_args(argv)
    lines, unreadable = listing(args.content)
    print("\n".join(lines))
    for path in unreadable:
        print(f"{shown(path)}: {message('ids-unreadable')}", file=sys.stderr)
    return 1 if unreadable else 0


if __name__ == "__main__":
    sys.exit(main())
