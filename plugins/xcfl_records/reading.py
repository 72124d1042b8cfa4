"""Read data/streets.yaml and data/<collection>/*.yaml into validated records.

Every problem is reported through xcfl_problems as
``path:line: <collection> <id>: <field>: message``; a record with problems is
left out, the others are kept so later checks still run.
"""

import glob
import os

import pydantic

from xcfl_articles.header import decode
from xcfl_guard import find_personal_data
from xcfl_problems import Problem, message, report

from . import errors
from .loader import LoadError, load

PRIVATE = "private"  # the editors' own notes: dropped here, never reaches a page
PUBLIC_CONTACT = ("phone",)  # published on purpose: not scanned for personal data


class Source:
    """Where one record was written: file, line of each field, and its label."""

    def __init__(self, path, lines, prefix, label):
        self.path, self.lines, self.prefix, self.label = path, lines, prefix, label

    def line(self, loc=()):
        """The line of a field (or of its nearest written parent)."""
        loc = tuple(loc)
        while loc and self.prefix + loc not in self.lines:
            loc = loc[:-1]
        return self.lines.get(self.prefix + loc)

    def problem(self, field, name, loc=(), **values):
        report(Problem(self.path, self.line(loc), f"{self.label}: {field}",
                       message(name, **values)))


def parse(raw):
    """(data, lines) of a file's bytes; LoadError when they are not plain YAML."""
    text, bad_line = decode(raw)
    if text is None:
        raise LoadError("not-utf8", bad_line)
    return load(text)


def read_file(root, path, collection, cache=None):
    """[(raw mapping, Source)] of one YAML file; file-level problems are reported."""
    relative = os.path.relpath(path, root).replace(os.sep, "/")
    with open(path, "rb") as handle:
        raw = handle.read()
    try:
        if cache is None:
            data, lines = parse(raw)
        else:
            data, lines = cache.load(raw, lambda: parse(raw))
    except LoadError as error:
        report(Problem(relative, error.line, collection, message(error.name, **error.values)))
        return []
    single = isinstance(data, dict)
    items = [data] if single else data
    if not isinstance(items, list):
        report(Problem(relative, 1, collection, message("not-a-record", value=data)))
        return []
    found = []
    for index, raw in enumerate(items):
        prefix = () if single else (index,)
        label = f"{collection} 第{index + 1}条"
        if isinstance(raw, dict) and isinstance(raw.get("id"), str):
            label = f"{collection} {raw['id']}"
        elif single:
            stem = os.path.splitext(os.path.basename(path))[0]
            raw.setdefault("id", stem)  # a record alone in its file: id = file name
            label = f"{collection} {stem}"
        source = Source(relative, lines, prefix, label)
        if not isinstance(raw, dict):
            source.problem("", "not-a-record", value=raw)
            continue
        found.append((raw, source))
    return found


def validate(model, raw, source, context):
    """The model instance, or None after reporting every problem of the record."""
    private = raw.pop(PRIVATE, None)
    ok = private is None or isinstance(private, dict)
    if not ok:
        source.problem(PRIVATE, "wrong-type", (PRIVATE,), expected=errors.EXPECTED["dict"],
                       value=errors.shown(private))
    try:
        record = model.model_validate(raw, context=context)
    except pydantic.ValidationError as error:
        allowed = list(model.model_fields) + [PRIVATE]
        for loc, field, text in errors.messages(error, allowed):
            report(Problem(source.path, source.line(loc), f"{source.label}: {field}", text))
        return None
    ok = check_personal_data(record, source, context.get("personal_data_allow", ())) and ok
    return record if ok else None


def strings(value, loc=()):
    """(loc, text) of every string inside a record's data."""
    if isinstance(value, str):
        yield loc, value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from strings(item, loc + (key,))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from strings(item, loc + (index,))


def check_personal_data(record, source, allow):
    """Mobile and resident ID numbers must not be published (xcfl_guard)."""
    clean = True
    for loc, text in strings(record.model_dump()):
        if loc[0] in PUBLIC_CONTACT:
            continue
        for _, kind, masked in find_personal_data(text, allow):
            source.problem(errors.field_path(loc), f"personal-{kind}", loc, value=masked)
            clean = False
    return clean


def read_collection(root, folder, model, context, cache=None):
    """[(record, Source)] of data/<folder>/*.yaml, unique ids, sorted by file."""
    paths = sorted(glob.glob(os.path.join(root, "data", folder, "*.y*ml")))
    return unique(
        [(record, source)
         for path in paths
         for raw, source in read_file(root, path, folder, cache)
         if (record := validate(model, raw, source, context)) is not None],
        "id")


def read_streets(root, model, cache=None):
    path = os.path.join(root, "data", "streets.yaml")
    if not os.path.exists(path):  # a site without records; any record's street fails
        return []
    found = [(record, source) for raw, source in read_file(root, path, "streets", cache)
             if (record := validate(model, raw, source, {})) is not None]
    return unique(unique(found, "id"), "name")


def unique(found, field):
    """Report every record whose ``field`` an earlier record already has."""
    seen, kept = {}, []
    for record, source in found:
        value = getattr(record, field)
        other = seen.setdefault(value, source)
        if other is not source:
            source.problem(field, "duplicate-id", (field,), value=value, other=other.path)
            continue
        kept.append((record, source))
    return kept
