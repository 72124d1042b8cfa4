"""The rules of §2 of the content model, as pure functions over a raw header.

Each check returns Problems; nothing here knows about Pelican.
"""

import datetime
import os
import re

from xcfl_problems import Problem, message

ARTICLE_KEYS = (
    "Title", "Date", "Category", "Slug", "Tags", "Summary", "Source", "Author",
    "Cover", "Street", "Families", "Studios", "Teams", "Status",
)
PAGE_KEYS = ("Title", "Slug", "Summary", "Status", "Template")
REQUIRED = {"article": ("Title", "Date", "Category"), "page": ("Title",)}

SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
DATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})(?: (\d{2}):(\d{2}))?$")
LEADING_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}-")
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


def check_header(path, fields, kind, categories, content_root):
    """All problems of one header. ``fields`` comes from header.parse_header."""
    allowed = ARTICLE_KEYS if kind == "article" else PAGE_KEYS
    problems = []

    def add(key, name, line=None, **values):
        problems.append(Problem(path, line, key, message(name, key=key, **values)))

    lowered = {key.lower(): key for key in allowed}
    for low, (written, value, line) in fields.items():
        if low not in lowered:
            add(written, "unknown-key", line, allowed="、".join(allowed))

    def get(key):
        return fields.get(key.lower(), (key, None, None))

    for key in REQUIRED[kind]:
        _, value, line = get(key)
        if value is None:
            add(key, "missing")
        elif not value:
            add(key, "empty", line)

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

    _, status, line = get("Status")
    if status is not None and status.lower() not in STATUSES:
        add("Status", "bad-status", line, value=status)

    _, cover, line = get("Cover")
    if cover:
        name = check_image_path(cover, content_root)
        if name:
            add("Cover", name, line, value=cover)
    return problems


def check_image_path(value, content_root):
    """Name of the problem with an image path relative to content/, or None."""
    root = os.path.realpath(content_root)
    target = os.path.realpath(os.path.join(root, value))
    if os.path.isabs(value) or os.path.commonpath([root, target]) != root:
        return "image-outside"
    if not os.path.isfile(target):
        return "image-missing"
    return None
