"""Read the ``Key: value`` header of a Markdown file as the editor wrote it.

Pelican only hands over processed values (a date that fails to parse never
arrives), so validation reads the raw header itself, keeping line numbers.
"""

import re

KEY_LINE = re.compile(r"^([A-Za-z][A-Za-z0-9_-]*)\s*:\s?(.*)$")
CONTINUATION = re.compile(r"^ {4,}\S|^\t\S")


def decode(raw):
    """Decode UTF-8 (a BOM is fine). Returns (text, bad_line or None)."""
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        return None, raw[: error.start].count(b"\n") + 1
    return text.replace("\r\n", "\n").replace("\r", "\n"), None


def parse_header(text):
    """Map lower-cased key -> (key as written, value, line number).

    Mirrors Markdown's meta extension: the header is the run of ``Key: value``
    lines (with indented continuation lines) at the top, up to a blank line.
    """
    fields = {}
    last = None
    for number, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            break
        match = KEY_LINE.match(line)
        if match:
            key, value = match.group(1), match.group(2).strip()
            last = key.lower()
            fields.setdefault(last, (key, value, number))
        elif last and CONTINUATION.match(line):
            key, value, first = fields[last]
            fields[last] = (key, f"{value} {line.strip()}".strip(), first)
        else:
            break
    return fields
