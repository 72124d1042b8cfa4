"""A Markdown reader that validates the editor's header before Pelican sees it.

A file with problems is handed to Pelican as ``status: skip`` (never built)
and its problems travel in the metadata, so they are reported again on every
run even when Pelican serves the file from its content cache.
"""

import os
import re

from markdown import Markdown
from markupsafe import Markup
from pelican.readers import MarkdownReader

from xcfl_guard import find_personal_data, find_unsafe_html
from xcfl_problems import Problem, message

from .header import decode, parse_header
from .rules import check_header, default_slug

SUMMARY_LENGTH = 120
META_PRIORITY = 27  # markdown.extensions.meta registers its preprocessor at 27
FIRST_PARAGRAPH = re.compile(r"<p>(.*?)</p>", re.S)


def plain_summary(html):
    """The start of the body as plain text, for lists and search snippets."""
    match = FIRST_PARAGRAPH.search(html)
    text = Markup(match.group(1) if match else html).striptags()
    if len(text) > SUMMARY_LENGTH:
        text = text[:SUMMARY_LENGTH].rstrip("，、；：,;: ") + "…"
    return text


def skipped(problems):
    return "", {"status": "skip", "xcfl_problems": problems}


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
                "too-large", size=round(size / 1048576, 1), limit=limit))])
        with open(source_path, "rb") as handle:
            text, bad_line = decode(handle.read())
        if text is None:
            return skipped([Problem(relative, bad_line, "文件",
                                    message("not-utf8", line=bad_line))])

        kind = self.kind_of(relative)
        categories = list(self.settings["XCFL_CATEGORIES"].values())
        problems = check_header(relative, parse_header(text), kind, categories, root)
        if problems:
            return skipped(problems)

        self._source_path = source_path
        # One converter per reader, reset between files: building one costs
        # about as much as converting an article.
        if getattr(self, "_xcfl_md", None) is None:
            self._xcfl_md = Markdown(**self.settings["MARKDOWN"])
        self._md = self._xcfl_md.reset()
        content = self._md.convert(text)
        metadata = self.parse_metadata_keeping_meta()
        problems = self.safety_problems(relative, text, content, metadata)
        if problems:
            return skipped(problems)
        metadata.setdefault("slug", default_slug(source_path))
        metadata.setdefault("summary", plain_summary(content))
        if "status" in metadata:
            metadata["status"] = metadata["status"].lower()
        return content, metadata

    def parse_metadata_keeping_meta(self):
        """Pelican's _parse_metadata, which unregisters the meta extension from
        the converter: register it again for the next file."""
        meta = self._md.preprocessors["meta"]
        try:
            return self._parse_metadata(getattr(self._md, "Meta", {}))
        finally:
            if "meta" not in self._md.preprocessors:
                self._md.preprocessors.register(meta, "meta", META_PRIORITY)

    def safety_problems(self, relative, text, content, metadata):
        """Active HTML, and personal data on anything that will be published."""
        problems = [
            Problem(relative, line, "正文", message("unsafe-html", value=what))
            for line, what in find_unsafe_html(content, text)
        ]
        if metadata.get("status", "").lower() != "draft":
            allow = self.settings["XCFL_PERSONAL_DATA_ALLOW"]
            for line, kind, masked in find_personal_data(text, allow):
                problems.append(Problem(relative, line, "正文", message(f"personal-{kind}", value=masked)))
        return problems
