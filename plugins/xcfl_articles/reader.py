"""A Markdown reader that validates the editor's header before Pelican sees it.

A file with problems is handed to Pelican as ``status: skip`` (never built)
and its problems travel in the metadata, so they are reported again on every
run even when Pelican serves the file from its content cache.
"""

import os
import re

from markupsafe import Markup
from pelican.readers import MarkdownReader

from xcfl_problems import Problem, message

from .header import decode, header_fields, parse_header
from .links import images_without_alt
from .prerender import convert, rendered
from .render import converter
from .rules import check_header, default_slug

SUMMARY_LENGTH = 120
FIRST_PARAGRAPH = re.compile(r"<p>(.*?)</p>", re.S)


def plain_summary(html):
    """The start of the body as plain text, for lists and search snippets."""
    match = FIRST_PARAGRAPH.search(html)
    text = Markup(match.group(1) if match else html).striptags()
    if len(text) > SUMMARY_LENGTH:
        text = text[:SUMMARY_LENGTH].rstrip("，、；：,;: ") + "…"
    return text


class _NoMarkdown:
    """What Pelican's _parse_metadata touches of the converter when no field is
    formatted (FORMATTED_FIELDS is empty): it only unregisters the meta
    extension. Resetting a real converter for that cost more than reading the file."""

    class preprocessors:  # noqa: N801 - the attribute Pelican calls
        @staticmethod
        def deregister(name, strict=True):
            pass


def skipped(problems, relative, header=()):
    """A file left out for its problems. Its slug goes along: a link to the
    address it would have is not reported again (links.py)."""
    slug = header_fields(header).get("slug", (None, None))[1] or default_slug(relative)
    return "", {"status": "skip", "xcfl_problems": problems, "xcfl_left_out_slug": slug}


class XcflMarkdownReader(MarkdownReader):
    def kind_of(self, relative):
        pages = [p.strip("/") + "/" for p in self.settings["PAGE_PATHS"]]
        return "page" if any(relative.startswith(p) for p in pages) else "article"

    def read(self, source_path):
        root = self.settings["PATH"]
        relative = os.path.relpath(source_path, root).replace(os.sep, "/")
        limit = self.settings["XCFL_MAX_FILE_MB"]
        size = os.path.getsize(source_path)
        if size > limit * 1024 * 1024:
            return skipped([Problem(relative, None, "文件", message(
                "too-large", size=round(size / 1048576, 1), limit=limit))], relative)
        with open(source_path, "rb") as handle:
            data = handle.read()
        found = rendered(relative, data)  # converted before the loop (prerender.py)
        if found is None:
            text, bad_line = decode(data)
            if text is None:
                return skipped([Problem(relative, bad_line, "文件",
                                        message("not-utf8", line=bad_line))], relative)
            header = parse_header(text)
        else:
            header = found[3]

        kind = self.kind_of(relative)
        categories = list(self.settings["XCFL_CATEGORIES"].values())
        problems = check_header(relative, header, kind, categories, root)
        if problems:
            return skipped(problems, relative, header)

        self._source_path = source_path
        if found is None:
            found = convert(relative, text, self.settings["MARKDOWN"],
                            self.settings["XCFL_PERSONAL_DATA_ALLOW"])
        content, meta, problems, _ = found
        # here, not later: Pelican warns in English about an empty alt as it reads
        problems = list(problems) + images_without_alt(relative, content, data)
        if problems:
            return skipped(problems, relative, header)
        # _parse_metadata needs a converter only to render FORMATTED_FIELDS
        self._md = (converter(self.settings["MARKDOWN"]) if self.settings["FORMATTED_FIELDS"]
                    else _NoMarkdown)
        metadata = self._parse_metadata({key: list(values) for key, values in meta.items()})
        metadata.setdefault("slug", default_slug(source_path))
        if "summary" not in metadata:
            metadata["summary"] = plain_summary(content)
        if "status" in metadata:
            metadata["status"] = metadata["status"].lower()
        return content, metadata
