"""Attachments: the files under content/files/ that articles link for download.

- Only document, archive and picture types are published (ALLOWED); any
  other (a program, a web page, a script, an SVG …) could run code on the
  site's own origin or on the reader's computer: refused with its line
  (links.py, for a link) or at the file (refuse_other_types, for a file
  nothing links).
- A link to one is labelled with its type and size, ``报名表（DOCX，24 KB）``,
  and the article ends with a 附件 list (media.py).
- Chinese names: the file is published under its own name and every link to
  it is the UTF-8 name percent-encoded (``/files/%E6%8A%A5….docx``), the one
  spelling every browser and server agrees on; ``download`` carries the name
  as written, so the saved file is called 报名表.docx.
- A .jpg/.png attachment is a picture like any other: published without its
  metadata (xcfl_images), at its own width (variants.plan).
"""

import os
import posixpath
from urllib.parse import quote, unquote, urlsplit

from xcfl_problems import Problem, message, report

FOLDER = "files"
ALLOWED = {".pdf": "PDF", ".doc": "DOC", ".docx": "DOCX", ".xls": "XLS", ".xlsx": "XLSX",
           ".ppt": "PPT", ".pptx": "PPTX", ".zip": "ZIP", ".txt": "TXT", ".jpg": "JPG",
           ".jpeg": "JPG", ".png": "PNG"}
KEY = "附件"


def is_attachment(relative):
    """``relative`` (from content/, no leading /) is under content/files/."""
    return relative.startswith(FOLDER + "/")


def allowed(relative):
    return posixpath.splitext(relative)[1].lower() in ALLOWED


def kind(relative):
    """The type shown to readers: DOCX, PDF …"""
    return ALLOWED[posixpath.splitext(relative)[1].lower()]


def size_text(size):
    """24 KB, 1.5 MB: rounded up, never 0 KB."""
    if size < 1024 * 1024:
        return f"{max(1, -(-size // 1024))} KB"
    return f"{size / 1048576:.1f} MB"


def label(relative, content_root):
    """（DOCX，24 KB）of the file, or None when it is missing."""
    try:
        size = os.path.getsize(os.path.join(content_root, relative))
    except OSError:
        return None
    return f"（{kind(relative)}，{size_text(size)}）"


def address(relative, siteurl):
    """The link to a published attachment: its name percent-encoded (UTF-8)."""
    return f"{siteurl}/{quote(relative)}"


def refuse_other_types(generator):
    """static_generator_finalized: a file of content/files/ of a refused type is
    never published; reported at the file when no body links it (a link to it
    is reported at its line by links.py)."""
    context = generator.context
    statics = context.get("staticfiles", [])
    refused = [static for static in statics
               if is_attachment(static.save_as) and not allowed(static.save_as)]
    if not refused:
        return
    linked = linked_attachments(context)
    for static in refused:
        relative = static.relative_source_path.replace(os.sep, "/")
        if relative not in linked:
            report(Problem(relative, None, KEY, message(
                "attachment-type", value=relative,
                type=posixpath.splitext(relative)[1].lstrip(".").upper() or "?")))
    context["staticfiles"] = [static for static in statics if static not in refused]


def linked_attachments(context):
    """Content-relative paths under files/ that some body links."""
    from xcfl_articles.links import tags  # noqa: PLC0415 - plugins import order

    found = set()
    for key in ("articles", "hidden_articles", "drafts", "pages", "hidden_pages"):
        for content in context.get(key, ()):
            for tag, attributes in tags(content._content or ""):
                if tag == "a":
                    path = unquote(urlsplit(attributes.get("href", "")).path)
                    index = path.find(FOLDER + "/")
                    if index >= 0:
                        found.add(path[index:])
    return found
