"""The rules of §2 of the content model, as pure functions over a raw header.

Each check returns Problems; nothing here knows about Pelican.
"""

import dataclasses
import datetime
import difflib
import os
import re

from xcfl_images.probe import probe
from xcfl_problems import Problem, message

from .header import CONTINUATION, LineRange, header_fields


@dataclasses.dataclass(frozen=True)
class Key:
    name: str        # as the guide writes it (any case is read, as Pelican does)
    label: str       # its Chinese name, for messages (and to guess 标题 -> Title)
    kinds: tuple     # "article", "page": whose header may have it
    required: tuple = ()  # whose header must have it


# The one list of header fields (content model §2). The records plugin reads
# Street, Families, Studios and Teams (xcfl_records/references.py).
KEYS = (
    Key("Title", "标题", ("article", "page"), ("article", "page")),
    Key("Date", "日期", ("article",), ("article",)),
    Key("Category", "栏目", ("article",), ("article",)),
    Key("Slug", "网址名", ("article", "page")),
    Key("Tags", "标签", ("article",)),
    Key("Summary", "摘要", ("article", "page")),
    Key("Source", "来源", ("article",)),
    Key("Author", "作者", ("article",)),
    Key("Cover", "封面", ("article",)),
    Key("Street", "街道", ("article",)),
    Key("Families", "最美家庭", ("article",)),
    Key("Studios", "巧娘工作室", ("article",)),
    Key("Teams", "志愿服务队", ("article",)),
    Key("Status", "状态", ("article", "page")),
    Key("OldURL", "旧网址", ("article",)),  # imported articles: xcfl_redirects
    Key("Template", "模板", ("page",)),
)


def keys_of(kind):
    return [key for key in KEYS if kind in key.kinds]


# A colon that is not the ASCII one: full-width (Chinese input), small, ratio.
OTHER_COLON = re.compile(r"[：﹕︰∶]")
WORD = re.compile(r"^[A-Za-z][A-Za-z0-9_ -]*$")
SPACED_KEY = re.compile(r"^\s*([A-Za-z][A-Za-z0-9_-]*)\s+:")
NON_ASCII_KEY = re.compile(r"^\s*([^\s:]+?)\s*:")
SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
DATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})(?: (\d{2}):(\d{2}))?$")
LEADING_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}-")
# Fields that hold a list, split at the ASCII comma only; a Chinese IME types
# these instead, and the list would become one tag (or one unknown id).
LIST_KEYS = ("Tags", "Families", "Studios", "Teams")
CHINESE_SEPARATOR = re.compile(r"\s*([，、；])\s*")
STATUSES = ("draft", "published")


def default_slug(path):
    """The file name without extension and without a leading YYYY-MM-DD-."""
    stem = os.path.splitext(os.path.basename(path))[0]
    return LEADING_DATE.sub("", stem)


def parse_date(value):
    match = DATE.match(value)
    if not match:
        return None
    numbers = [int(part) for part in match.groups() if part is not None]
    try:
        return datetime.datetime(*numbers)
    except ValueError:  # e.g. 2018-02-30 or 25:00
        return None


def check_header(path, lines, kind, categories, content_root):
    """All problems of one header. ``lines`` comes from header.parse_header."""
    problems = []

    def add(key, name, where=None, **values):
        problems.append(Problem(path, where, key, message(name, key=key, **values)))

    named = check_lines(lines, kind, add)
    fields = header_fields(lines)

    def get(key):
        return fields.get(key.lower(), (key, None, None))

    for key in keys_of(kind):
        if kind not in key.required or key.name in named:
            continue  # a line naming it is already reported (Date： …)
        _, value, line = get(key.name)
        if value is None and lines:
            add(key.name, "header-missing", LineRange(lines[0].number, lines[-1].number),
                label=key.label, lines=line_words(lines[0].number, lines[-1].number))
        elif value is None:
            add(key.name, "header-missing-no-header", 1, label=key.label)
        elif not value:
            add(key.name, "empty", line)

    _, date, line = get("Date")
    if date and kind == "article" and parse_date(date) is None:
        add("Date", "bad-date", line, value=date)

    _, category, line = get("Category")
    if category and kind == "article" and category not in categories:
        add("Category", "unknown-category", line, value=category,
            allowed="、".join(categories))

    _, slug, line = get("Slug")
    if slug is not None:
        if not SLUG.match(slug):
            add("Slug", "bad-slug", line, value=slug)
    elif not SLUG.match(default_slug(path)):
        add("Slug", "bad-filename-slug", None, value=os.path.basename(path))

    for name in LIST_KEYS:
        _, value, line = get(name)
        separator = CHINESE_SEPARATOR.search(value or "")
        if separator and kind == "article":
            add(name, "header-chinese-comma", line, line=line, char=separator.group(1),
                fixed=CHINESE_SEPARATOR.sub(", ", value))

    _, status, line = get("Status")
    if status is not None and status.lower() not in STATUSES:
        add("Status", "bad-status", line, value=status)

    _, cover, line = get("Cover")
    if cover and kind == "article":
        name, values = check_image_path(cover, content_root)
        if name:
            add("Cover", name, line, value=cover, **values)
        else:
            check_cover_picture(cover, content_root, lambda name, **values: add(
                "Cover", name, line, value=cover, **values))
    return problems


COVER_MIN_WIDTH = 800  # shown across the article's column and the 图片新闻 block


def check_cover_picture(cover, content_root, add):
    """A cover must be a picture the site can publish, wide enough for its place."""
    info = probe(os.path.join(content_root, cover))
    if info is None:
        return
    if info.problem:
        add(info.problem, **info.values)
    elif info.format != "SVG" and info.width < COVER_MIN_WIDTH:
        add("cover-too-small", width=info.width, minimum=COVER_MIN_WIDTH)


def line_words(first, last):
    return f"第 {first} 行" if first == last else f"第 {first}–{last} 行"


def check_lines(lines, kind, add):
    """Report every header line that is not a field this kind of file may have.
    Returns the names of the known keys these lines name (not reported missing)."""
    allowed = keys_of(kind)
    by_lower = {key.name.lower(): key.name for key in allowed}
    named, seen, previous = set(), {}, None
    for line in lines:
        number = line.number
        if line.key is None:
            if previous and CONTINUATION.match(line.text):
                continue  # the field above goes on
            previous = None
            key, name, values = broken_line(line.text, allowed)
            add(key, name, number, line=number, **values)
            named.add(values.get("guess") or by_lower.get(key.lower(), key))
            continue
        previous = line
        low = line.key.lower()
        if low in seen:
            previous = None
            add(line.key, "header-duplicate-key", number, first=seen[low], line=number)
        elif low not in by_lower:
            guess = guess_key(line.key, allowed)
            if guess:
                named.add(guess)
                add(line.key, "header-unknown-key-guess", number, guess=guess)
            else:
                add(line.key, "header-unknown-key", number,
                    allowed="、".join(key.name for key in allowed))
        seen.setdefault(low, number)
    return named


def broken_line(text, allowed):
    """(key, message name, values) for a header line that is not ``Key: value``."""
    colon = OTHER_COLON.search(text)
    before = text[: colon.start()].strip() if colon else ""
    guess = guess_key(before, allowed) if before else None
    if before and ":" not in before and (WORD.match(before) or guess):
        # Date：… or 日期：…; the key it names is not reported missing as well
        return before, "header-fullwidth-colon", {"char": colon.group(), "guess": guess}
    spaced = SPACED_KEY.match(text)
    if spaced:
        return spaced.group(1), "header-space-before-colon", {}
    named = NON_ASCII_KEY.match(text)
    if named:
        guess = guess_key(named.group(1), allowed)
        if guess:
            return named.group(1), "header-unknown-key-guess", {"guess": guess}
    return "信息头", "header-not-a-field", {}


def guess_key(written, allowed):
    """The allowed key an unknown one most likely means: Catagory -> Category,
    标题 -> Title; None when none is close."""
    for key in allowed:
        if written.strip() == key.label:
            return key.name
    names = {key.name.lower(): key.name for key in allowed}
    close = difflib.get_close_matches(written.lower(), names, n=1, cutoff=0.7)
    return names[close[0]] if close else None


def check_image_path(value, content_root):
    """(name of the problem with an image path relative to content/, its
    message's values), or (None, {})."""
    if "\\" in value:  # a Windows path (images\a.jpg), as in a body (links.py)
        return "link-backslash", {"fixed": value.replace("\\", "/")}
    root = os.path.realpath(content_root)
    target = os.path.realpath(os.path.join(root, value))
    if os.path.isabs(value) or os.path.commonpath([root, target]) != root:
        return "image-outside", {}
    if not os.path.isfile(target):
        return "image-missing", {}
    return None, {}
