"""What an editor got wrong in a records file that cannot be read.

PyYAML's messages are English and often point at the line after the real
mistake: ``name：张三`` on line 1 is reported as "mapping values are not
allowed here" on line 2. So the source lines are looked at for the mistakes
editors typically make (a full-width colon, a tab, a full-width space, a
missing space after the colon, wrong indentation, a list item without
``- `` …), and the mistake is named at its own line. Whatever is not
recognised still gets a Chinese message with the line (``yaml-syntax``):
no parser English reaches an editor.

Every function returns ``(message name, line, values)`` or None.
"""

import re

KEY = r"[A-Za-z_][A-Za-z0-9_-]*"
FULL_WIDTH_COLON = re.compile(rf"^({KEY})[ \t]*：")
NO_SPACE_AFTER_COLON = re.compile(rf"^({KEY}):(?![\s/]|$)")
KEY_VALUE = re.compile(rf"^({KEY}):[ ]+(\S.*)$")
BLOCK_SCALAR = re.compile(r":[ ]+[|>][-+0-9]*[ ]*(#.*)?$")
FULL_WIDTH_QUOTES = "“”‘’＂"
BRACKETS = {"[": "]", "{": "}"}


class Line:
    """One source line: its number, indentation and where its content starts."""

    def __init__(self, number, text):
        self.number, self.text = number, text
        stripped = text.lstrip(" ")
        self.indent = len(text) - len(stripped)
        dashes = re.match(r"(?:-[ ]+)*", stripped).group()
        self.is_item = bool(dashes)
        self.column = self.indent + len(dashes)  # where a key of this line starts
        self.rest = stripped[len(dashes):]
        self.blank = not self.rest.strip() or self.rest.lstrip().startswith("#")


def source_lines(text):
    """[Line] of the lines that hold YAML structure: block scalar contents
    (``description: |`` and the lines below it) are free text, left out."""
    found, block = [], None
    for number, text_line in enumerate(text.splitlines(), start=1):
        line = Line(number, text_line)
        if block is not None and (not text_line.strip() or line.indent > block):
            continue
        block = line.column if BLOCK_SCALAR.search(text_line) else None
        found.append(line)
    return found


def in_line(line):
    """A mistake that is one in any line: a tab or a full-width space as
    indentation, a full-width colon or no space after a key's colon."""
    text = line.text
    if re.match(r"^[ ]*\t", text):
        return "yaml-tab-indent", line.number, {}
    if re.match(r"^[ \t]*(?:-[ ]+)*\u3000", text):
        return "yaml-fullwidth-space", line.number, {}
    if found := FULL_WIDTH_COLON.match(line.rest):
        return "yaml-fullwidth-colon", line.number, {"key": found.group(1)}
    if found := NO_SPACE_AFTER_COLON.match(line.rest):
        return "yaml-colon-space", line.number, {"key": found.group(1)}
    return None


def diagnose(text, error):
    """The editor's mistake behind a PyYAML MarkedYAMLError, always Chinese."""
    mark = error.problem_mark or error.context_mark
    if mark is None:
        return "yaml-unreadable", None, {}
    problem, problem_line, column = error.problem or "", mark.line + 1, mark.column + 1
    context = error.context or ""
    context_mark = error.context_mark
    context_line = context_mark.line + 1 if context_mark else None
    context_column = context_mark.column if context_mark else None
    lines = source_lines(text)
    for line in lines:
        if line.number > problem_line:
            break
        if not line.blank and (found := in_line(line)):
            return found
    by_number = {line.number: line for line in lines}
    at = by_number.get(problem_line)
    before = previous(lines, problem_line)
    if found := special_character(problem, problem_line, column, context, context_line):
        return found
    if found := quoted(text, problem, problem_line, context, context_line, context_column):
        return found
    if found := bracket(context, context_line):
        return found
    if "expected a single document" in context:
        return "yaml-second-document", problem_line, {}
    if "mapping values are not allowed" in problem:
        found = (chinese_colon(before) or full_width_quote(at, column)
                 or indentation(at, before, deeper=True) or colon_in_value(at))
        if found:
            return found
    if problem.startswith("expected <block end>"):
        found = missing_dash(lines, at) or indentation(at, before, deeper=False)
        if found:
            return found
    if "could not find expected ':'" in problem and context_line in by_number:
        line = by_number[context_line]
        return (chinese_colon(line) or missing_dash(lines, line)
                or ("yaml-no-colon", line.number, {}))
    return "yaml-syntax", problem_line, {"column": column}


def previous(lines, number):
    """The last line with content before line ``number``."""
    found = None
    for line in lines:
        if line.number >= number:
            break
        if not line.blank:
            found = line
    return found


def special_character(problem, problem_line, column, context, context_line):
    """A tab inside a line, or a value starting with @ ` % * & (YAML syntax)."""
    if found := re.search(r"found character '(.+?)' that cannot start any token", problem):
        character = found.group(1)
        if character == "\\t":
            return "yaml-tab", problem_line, {"column": column}
        return "yaml-special-start", problem_line, {"char": character}
    if "undefined alias" in problem or "while scanning an alias" in context:
        return "yaml-special-start", problem_line, {"char": "*"}
    if "while scanning an anchor" in context:
        return "yaml-special-start", context_line, {"char": "&"}
    return None


def quoted(text, problem, problem_line, context, context_line, context_column):
    """A quote that never ends, or a backslash YAML cannot read inside "…"."""
    if not context.startswith("while scanning a") or "quoted scalar" not in context:
        return None
    if found := re.search(r"unknown escape character '(.+?)'", problem):
        return "yaml-bad-escape", problem_line, {"char": found.group(1)}
    quote = '"'
    if context_line is not None:
        quote = text.splitlines()[context_line - 1][context_column:context_column + 1] or quote
    return "yaml-unclosed-quote", context_line or problem_line, {"quote": quote}


def bracket(context, context_line):
    """A list written on one line, ``[甲, 乙``, without its closing bracket."""
    if not context.startswith("while parsing a flow") or context_line is None:
        return None
    opening = "[" if "sequence" in context else "{"
    return "yaml-unclosed-bracket", context_line, {"open": opening,
                                                   "close": BRACKETS[opening]}


def chinese_colon(line):
    """A full-width colon before any ASCII colon: ``名称：张三``."""
    if line is None or "：" not in line.rest:
        return None
    head = line.rest.split("：", 1)[0]
    if ": " in head or head.startswith(("\"", "'")):
        return None
    return "yaml-fullwidth-colon", line.number, {"key": head.strip() or "…"}


def full_width_quote(line, column):
    """“…” around a value with ``: `` in it: YAML only knows ASCII quotes."""
    if line is None:
        return None
    if any(quote in line.text[:column] for quote in FULL_WIDTH_QUOTES):
        return "yaml-fullwidth-quote", line.number, {}
    return None


def indentation(line, before, deeper):
    """A key indented more (``deeper``) or less than the key above it."""
    if line is None or before is None:
        return None
    if deeper and (line.column <= before.column or not KEY_VALUE.match(before.rest)):
        return None
    if not deeper and line.column >= before.column:
        return None
    return "yaml-indent", line.number, {"spaces": line.indent, "other": before.number,
                                        "expected": before.column}


def missing_dash(lines, line):
    """A line at the indentation of the ``- `` items above it, without ``- ``."""
    if line is None or line.is_item:
        return None
    for other in reversed([each for each in lines if each.number < line.number]):
        if other.blank:
            continue
        if other.indent < line.indent:
            return None
        if other.indent == line.indent and other.is_item:
            return "yaml-missing-dash", line.number, {"other": other.number}
    return None


def colon_in_value(line):
    """``summary: 时间: 上午``: a second colon-and-space inside the value."""
    if line is None or not (found := KEY_VALUE.match(line.rest)) or ": " not in found.group(2):
        return None
    return "yaml-colon-in-value", line.number, {"key": found.group(1)}
