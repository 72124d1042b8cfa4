"""Read data/streets.yaml and data/<collection>/*.yaml into validated records.

Every problem is reported through xcfl_problems as
``path:line: <collection> <id>: <field>: message``; a record with problems is
left out, the others are kept so later checks still run. What was left out is
remembered (LeftOut), so that names of it elsewhere (an article's Families:,
a record's street) are not reported again as missing: the editor sees the
one real mistake, not its echoes.
"""

import glob
import os
import re

import pydantic

from xcfl_articles.header import decode
from xcfl_guard import find_personal_data
from xcfl_problems import Problem, message, report, shown_path

from . import errors, mistakes
from .loader import LoadError, load

PRIVATE = "private"  # the editors' own notes: dropped here, never reaches a page
PUBLIC_CONTACT = ("phone",)  # published on purpose: not scanned for personal data
UNREADABLE = 0  # Problem.rank of a file that cannot be read: printed first
ID_LINE = re.compile(r"^[ \t\u3000]*(?:-[ \t]+)?id[ \t]*[:：][ \t]*[\"']?([^\"'\s#,}]+)", re.M)


class LeftOut:
    """Names of the records one build left out because of a problem already
    reported; ``everything``: a whole file of unknown names (streets.yaml)."""

    def __init__(self):
        self.names, self.everything = set(), False

    def __contains__(self, name):
        return self.everything or name in self.names


def ids_written_in(raw, path):
    """The ids a file that cannot be read seems to define: its name (a record
    alone in its file) and every ``id:`` line."""
    text = raw.decode("utf-8", errors="replace")
    stem = os.path.splitext(os.path.basename(path))[0]
    return {stem, *ID_LINE.findall(text)}


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


def read_file(root, path, collection, cache=None, left_out=None):
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
        report(Problem(relative, error.line, collection, message(error.name, **error.values),
                       rank=UNREADABLE))
        if left_out is not None:
            left_out.names.update(ids_written_in(raw, path))
        return []
    single = isinstance(data, dict)
    items = [data] if single else data
    if not isinstance(items, list):
        report(Problem(relative, 1, collection, not_a_record(raw, 1, data), rank=UNREADABLE))
        if left_out is not None:
            left_out.names.update(ids_written_in(raw, path))
        return []
    found = []
    for index, raw_item in enumerate(items):
        prefix = () if single else (index,)
        label = f"{collection} 第{index + 1}条"
        if isinstance(raw_item, dict) and isinstance(raw_item.get("id"), str):
            label = f"{collection} {raw_item['id']}"
        elif single:
            stem = os.path.splitext(os.path.basename(path))[0]
            raw_item.setdefault("id", stem)  # a record alone in its file: id = file name
            label = f"{collection} {stem}"
        source = Source(relative, lines, prefix, label)
        if not isinstance(raw_item, dict):
            line = source.line()
            report(Problem(relative, line, label, not_a_record(raw, line, raw_item)))
            continue
        found.append((raw_item, source))
    return found


def not_a_record(raw, line, value):
    """The message of a value where a record belongs: often a ``key：value``
    or ``key:value`` line, which YAML reads as one text."""
    lines = raw.decode("utf-8", errors="replace").splitlines()
    if isinstance(value, str) and line and line <= len(lines):
        found = mistakes.in_line(mistakes.Line(line, lines[line - 1]))
        if found:
            name, _, values = found
            return message(name, line=line, **values)
    return message("not-a-record", value=value)


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
        found = [each for each in error.errors() if not follows_left_out(each, context)]
        for loc, field, text in errors.messages(found, allowed):
            report(Problem(source.path, source.line(loc), f"{source.label}: {field}", text))
        return None
    ok = check_personal_data(record, source, context.get("personal_data_allow", ())) and ok
    return record if ok else None


def follows_left_out(error, context):
    """A record's street that is unknown only because streets.yaml (or that
    street's entry) has a problem of its own, already reported."""
    return (error["type"] == "unknown-street"
            and error.get("ctx", {}).get("value") in context.get("streets_left_out", ()))


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


RECORD_FILES = "*.y*ml"  # .yaml, .yml: the files read in data/<collection>/ itself


def record_files(root, folder):
    """Paths of the files read as records of data/<folder>/, sorted."""
    return sorted(glob.glob(os.path.join(root, "data", folder, RECORD_FILES)))


def read_collection(root, folder, model, context, cache=None, left_out=None):
    """[(record, Source)] of data/<folder>/*.yaml, unique ids, sorted by file.

    ``left_out`` (a LeftOut) gets the ids of every record left out."""
    left_out = LeftOut() if left_out is None else left_out
    found = []
    for path in record_files(root, folder):
        for raw, source in read_file(root, path, folder, cache, left_out):
            record = validate(model, raw, source, context)
            if record is None:
                left_out.names.add(str(raw.get("id")))
            else:
                found.append((record, source))
    return unique(found, "id")


def read_streets(root, model, cache=None, left_out=None):
    """[(street, Source)] of data/streets.yaml; ``left_out`` gets the names of
    streets left out, or everything when the file cannot be read."""
    left_out = LeftOut() if left_out is None else left_out
    path = os.path.join(root, "data", "streets.yaml")
    if not os.path.exists(path):  # a site without records; any record's street fails
        return []
    unreadable = LeftOut()
    found = []
    for raw, source in read_file(root, path, "streets", cache, unreadable):
        record = validate(model, raw, source, {})
        if record is None:
            left_out.names.add(str(raw.get("name")))
        else:
            found.append((record, source))
    left_out.everything = bool(unreadable.names)
    return unique(unique(found, "id"), "name")


def unique(found, field):
    """Report every record whose ``field`` an earlier record already has."""
    seen, kept = {}, []
    for record, source in found:
        value = getattr(record, field)
        other = seen.setdefault(value, source)
        if other is not source:
            source.problem(field, "duplicate-id", (field,), value=value,
                           other=shown_path(other.path))
            continue
        kept.append((record, source))
    return kept
