"""Safe YAML loading that remembers where every value was written.

Only plain YAML is accepted: strings, numbers, booleans, null, dates, lists and
mappings. A tag that would construct an object (``!!python/object``) is an
error, and alias expansion is bounded, so a "billion laughs" file is rejected
after a few thousand values instead of eating the machine.
"""

import re

import yaml

from . import mistakes

MAX_VALUES = 50_000  # far above any honest records file
PLAIN_TAGS = {
    "tag:yaml.org,2002:" + name
    for name in ("str", "int", "float", "bool", "null", "timestamp")
}
MAP_TAG = "tag:yaml.org,2002:map"
SEQ_TAG = "tag:yaml.org,2002:seq"
CHINESE_SEPARATORS = "，、"
LINE_BREAK = re.compile(r"\r\n|[\n\r\x85\u2028\u2029]")  # YAML's line breaks
COMMENT_AFTER = re.compile(r"[ \t]+#(.*)")


class RecordsLoader(yaml.SafeLoader):
    """SafeLoader with nothing added: builds nodes, never Python objects by tag."""


# libyaml parses ~10x faster; its error texts differ, so a file it rejects is
# parsed again by the pure-Python loader, whose message editors see.
FastLoader = getattr(yaml, "CSafeLoader", RecordsLoader)


class LoadError(Exception):
    """A file that cannot be read as plain YAML: ``name`` is the message name."""

    def __init__(self, name, line, **values):
        super().__init__(name)
        self.name, self.line, self.values = name, line, dict(values, line=line)


def load(text):
    """(data, lines): the file's value and {path tuple: 1-based line}.

    A path is the tuple of keys and list indexes leading to a value, e.g.
    ``(0, "members", 2)``; its line is where the key (or list item) is written.
    A file that is not YAML raises LoadError naming the editor's mistake in
    Chinese (mistakes.py).
    """
    try:
        return _load(FastLoader, text)
    except yaml.YAMLError:
        if FastLoader is RecordsLoader:
            raise unreadable(text) from None
    # libyaml's error texts differ: the pure-Python loader's are diagnosed
    try:
        return _load(RecordsLoader, text)
    except yaml.YAMLError:
        raise unreadable(text) from None


def unreadable(text):
    """The LoadError of a text the pure-Python loader rejects."""
    loader = None
    try:
        loader = RecordsLoader(text)  # checks every character first
        loader.get_single_node()
    except yaml.MarkedYAMLError as error:
        name, line, values = mistakes.diagnose(text, error)
        return LoadError(name, line, **values)
    except yaml.reader.ReaderError as error:  # a control character
        line = text.count("\n", 0, error.position) + 1
        return LoadError("yaml-control-character", line, code=f"U+{error.character:04X}")
    except yaml.YAMLError:
        pass
    finally:
        if loader is not None:
            loader.dispose()
    return LoadError("yaml-unreadable", None)


def _load(loader_class, text):
    loader = loader_class(text)
    try:
        node = loader.get_single_node()
        if node is None:
            return None, {}
        lines = {(): node.start_mark.line + 1}
        rows = LINE_BREAK.split(text)
        return _build(loader, node, (), lines, [MAX_VALUES], rows), lines
    finally:
        loader.dispose()


def _build(loader, node, path, lines, budget, rows):
    budget[0] -= 1
    if budget[0] < 0:
        raise LoadError("yaml-too-many-values", node.start_mark.line + 1, limit=MAX_VALUES)
    line = node.start_mark.line + 1
    if isinstance(node, yaml.MappingNode) and node.tag == MAP_TAG:
        result = {}
        for key_node, value_node in node.value:
            key = _build(loader, key_node, path, {}, budget, rows)
            if not isinstance(key, (str, int)):
                raise LoadError("yaml-bad-key", key_node.start_mark.line + 1)
            if key in result:
                raise LoadError("yaml-duplicate-key", key_node.start_mark.line + 1, key=key,
                                first=lines[path + (key,)])
            # read without error, but not as the editor meant
            if isinstance(key, str) and key.startswith("\u3000"):
                raise LoadError("yaml-fullwidth-space", key_node.start_mark.line + 1)
            if isinstance(key, str) and "：" in key:  # {id: a, name：张三}
                raise LoadError("yaml-fullwidth-colon", key_node.start_mark.line + 1,
                                key=key.split("：", 1)[0].strip())
            lines[path + (key,)] = key_node.start_mark.line + 1
            result[key] = _build(loader, value_node, path + (key,), lines, budget, rows)
        return result
    if isinstance(node, yaml.SequenceNode) and node.tag == SEQ_TAG:
        items = []
        for index, item in enumerate(node.value):
            lines[path + (index,)] = item.start_mark.line + 1
            if node.flow_style:
                _check_separator(item)
            items.append(_build(loader, item, path + (index,), lines, budget, rows))
        return items
    if isinstance(node, yaml.ScalarNode) and node.tag in PLAIN_TAGS:
        _check_comment_after(node, rows)
        try:
            return loader.construct_object(node)
        except (ValueError, yaml.YAMLError):  # 2024-02-30 is read as a date, then fails
            raise LoadError("yaml-impossible-date", line, value=node.value) from None
    raise LoadError("yaml-tag", line, tag=node.tag.replace("tag:yaml.org,2002:", "!!"))


def _check_comment_after(node, rows):
    """`name: 张三 #1` reads as 张三: YAML drops ` #1` as a comment, and an
    editor's text would vanish without a word. A comment after a plain value
    is an error; a comment on its own line is fine."""
    if node.style or node.value == "":
        return
    end = node.end_mark
    found = COMMENT_AFTER.match(rows[end.line][end.column:]) if end.line < len(rows) else None
    if found:
        raise LoadError("yaml-comment-after-value", end.line + 1, value=node.value,
                        comment=found.group(1).rstrip())


def _check_separator(item):
    """[甲，乙] or [甲、乙] is one item "甲，乙": a list on one line is separated
    by ASCII commas only (a quoted item may hold any comma)."""
    if isinstance(item, yaml.ScalarNode) and not item.style:  # plain: None, or "" (libyaml)
        for character in CHINESE_SEPARATORS:
            if character in item.value:
                raise LoadError("yaml-chinese-comma", item.start_mark.line + 1, char=character)
