"""Markdown that an editor's typing turned into text.

- Links and pictures typed with a Chinese IME's punctuation:
``[区妇联]（https://…）`` and ``![照片]（images/a.jpg）`` use full-width
parentheses, and ``！[照片](images/a.jpg)`` a full-width exclamation mark:
Markdown sees no link or picture, and the page showed the brackets and the
address as text (or, for ！, a text link instead of the picture). Only an
address in the parentheses counts (``[1]（2018年）`` is ordinary text).
- A heading without the space after its #s (``##一、基层组织``): headings need
  it (headings.py, as editors' previews show them), and two or more #s at the
  start of a line mean a heading; one # may be a topic (``#巾帼建新功#``).
- Headings and tables typed in full width: ``＃＃ 标题``, ``｜ 类别 ｜ 户数 ｜``.

Code is left alone.
"""

import re

LINK = re.compile(r"([!！]?)\[([^\]\n]*)\]([（(])([^）)\s]*)([）)])")
ADDRESS = re.compile(
    r"^(?:https?://|mailto:|tel:|/|#|\{(?:filename|static|attach)\}|[\w.-]+/"
    r"|[\w-]+\.(?:html?|md|jpe?g|png|gif|webp|svg|pdf|docx?|xlsx?|pptx?|zip|txt)$)", re.I)
PICTURE = re.compile(r"\.(?:jpe?g|png|gif|webp|svg)$", re.I)
UNSPACED_HEADING = re.compile(r"^(#{2,6})([^\s#].*?)[ \t]*$", re.M)
FULLWIDTH_HEADING = re.compile(r"^(＃{2,6})[ \t　]*(\S.*?)[ \t]*$", re.M)
FULLWIDTH_TABLE = re.compile(r"^[ \t]*｜.*｜.*$", re.M)
CODE = re.compile(r"^(```|~~~).*?^\1[ \t]*$|`[^`\n]*`", re.M | re.S)


def line_at(text, position):
    return text.count("\n", 0, position) + 1


def find_markup_mistakes(text):
    """(line, message name, values) of each link or picture written with
    full-width punctuation, and of each heading without its space."""
    # code blanked out, newlines kept, so positions still give lines
    text = CODE.sub(lambda code: re.sub(r"[^\n]", " ", code.group()), text)
    found = []
    for match in LINK.finditer(text):
        bang, label, opening, target, closing = match.groups()
        line = line_at(text, match.start())
        fixed = f"{'!' if bang else ''}[{label}]({target})"
        if (opening == "（" or closing == "）") and ADDRESS.match(target):
            found.append((line, "link-fullwidth-paren", {"written": match.group(), "fixed": fixed}))
        elif bang == "！" and PICTURE.search(target):
            found.append((line, "image-fullwidth-bang", {"written": match.group(), "fixed": fixed}))
    for match in UNSPACED_HEADING.finditer(text):
        line = line_at(text, match.start())
        found.append((line, "heading-no-space", {
            "written": match.group(1) + match.group(2), "fixed": f"{match.group(1)} {match.group(2)}"}))
    for match in FULLWIDTH_HEADING.finditer(text):
        line = line_at(text, match.start())
        found.append((line, "heading-fullwidth", {
            "written": match.group().strip(), "fixed": f"{'#' * len(match.group(1))} {match.group(2)}"}))
    previous = None  # a table is reported once, at its first line
    for match in FULLWIDTH_TABLE.finditer(text):
        line = line_at(text, match.start())
        if previous is None or line != previous + 1:
            found.append((line, "table-fullwidth", {"written": match.group().strip()}))
        previous = line
    return sorted(found, key=lambda one: one[0])
