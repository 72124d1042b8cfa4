"""Read the ``Key: value`` header of a Markdown file as the editor wrote it.

Pelican only hands over processed values (a date that fails to parse never
arrives), so validation reads the raw header itself, keeping line numbers.

The header is every line up to the first blank line, as editors are taught.
Markdown's meta extension would stop at the first line that is not
``Key: value`` and publish the rest as body text (a ``Tags：…`` line with a
full-width colon would turn a ``Status: draft`` below it into body text);
here such a line is kept, so the rules can report it (rules.py).
"""

import dataclasses
import re

# As Markdown's meta extension reads a field: up to 3 spaces, the key, then
# the colon right after it.
KEY_LINE = re.compile(r"^ {0,3}([A-Za-z0-9_-]+):\s*(.*)$")
CONTINUATION = re.compile(r"^ {4,}\S|^\t\S")


@dataclasses.dataclass(frozen=True)
class HeaderLine:
    number: int
    text: str          # the line as written
    key: str | None    # as written, when the line is ``Key: value``
    value: str = ""


class LineRange(int):
    """Lines first..last of a file, for a problem about the whole header.

    Sorts and compares as its first line (Problem.line is an int) and prints
    as ``1-5``, so ``path:1-5: …`` names the range."""

    def __new__(cls, first, last):
        self = super().__new__(cls, first)
        self.last = last
        return self

    def __getnewargs__(self):  # pickled with the problems that travel in metadata
        return (int(self), self.last)

    def __str__(self):
        first = int(self)
        return f"{first}-{self.last}" if self.last != first else str(first)


def decode(raw):
    """Decode UTF-8 (a BOM is fine). Returns (text, bad_line or None)."""
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        return None, raw[: error.start].count(b"\n") + 1
    return text.replace("\r\n", "\n").replace("\r", "\n"), None


def parse_header(text):
    """The header's lines (tuple of HeaderLine), up to the first blank line."""
    found = []
    for number, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            break
        match = KEY_LINE.match(line)
        if match:
            found.append(HeaderLine(number, line, match.group(1), match.group(2).strip()))
        else:
            found.append(HeaderLine(number, line, None))
    return tuple(found)


def header_fields(lines):
    """Map lower-cased key -> (key as written, value, line number) of the
    well-formed fields, first occurrence, with their indented continuation lines."""
    fields = {}
    last = None
    for line in lines:
        if line.key is not None:
            last = line.key.lower() if line.key.lower() not in fields else None
            if last:
                fields[last] = (line.key, line.value, line.number)
        elif last and CONTINUATION.match(line.text):
            key, value, first = fields[last]
            fields[last] = (key, f"{value} {line.text.strip()}".strip(), first)
        else:
            last = None
    return fields
