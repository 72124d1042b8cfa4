"""Articles and standing pages as the content model (§2) defines them.

- validates every header (reader.py) and reports through xcfl_problems;
- gives categories their configured ASCII slugs (工作动态 -> news);
- checks that slugs are unique and do not take a URL the site needs;
- adds a table of contents to long articles;
- turns lone images into figures, sizes images, makes tables scroll (media.py);
- checks that every picture and link into the site exists (links.py);
- reports every file of the articles' and pages' folders that is not read (unread.py).
"""

import logging
import os

from pelican import signals
from pelican.readers import BaseReader, MarkdownReader

from xcfl_images.picture import picture
from xcfl_problems import Problem, message, report, source_line

from .anchors import heading_id, toc_entries
from .links import check_site
from .media import image_file, improve
from .prerender import prerender
from .reader import XcflMarkdownReader
from .unread import report_unread_articles, report_unread_pages

logger = logging.getLogger(__name__)

TOC_MIN_HEADINGS = 3


def use_reader(readers):
    """Articles and pages are Markdown, read by our reader (its header checks).
    Pelican's other readers (HTML, reStructuredText) are turned off: such a
    file would be published unchecked; unread.py reports it instead."""
    for extension in list(readers.reader_classes):
        if extension in MarkdownReader.file_extensions:
            readers.reader_classes[extension] = XcflMarkdownReader
        elif extension not in BaseReader.file_extensions:  # "static": static files
            readers.reader_classes[extension] = None


def configure(pelican):
    toc = pelican.settings["MARKDOWN"].setdefault("extension_configs", {}).setdefault(
        "markdown.extensions.toc", {}
    )
    toc["slugify"] = heading_id


def prerender_sources(generator):
    prerender(generator.settings)


def report_header_problems(generator, metadata):
    for problem in metadata.pop("xcfl_problems", ()):
        report(problem)
    left_out = metadata.pop("xcfl_left_out_slug", None)
    if left_out:  # the context is new each build
        generator.context.setdefault("xcfl_left_out_slugs", set()).add(left_out)
    category = metadata.get("category")
    if category is not None:
        slugs = {name: slug for slug, name in generator.settings["XCFL_CATEGORIES"].items()}
        category.slug = slugs[category.name]


def relative(content):
    return content.relative_source_path.replace("\\", "/")


def check_unique_slugs(contents, reserved=()):
    """Report every content whose slug another content (or the site) has taken."""
    seen = {slug: "网站的栏目或功能页" for slug in reserved}
    for content in sorted(contents, key=relative):
        path = relative(content)
        other = seen.setdefault(content.slug, path)
        if other != path:
            report(Problem(path, source_line(content.source_path, "Slug"), "Slug",
                           message("duplicate-slug", value=content.slug, other=other)))


def check_article_slugs(generator):
    check_unique_slugs(generator.articles + generator.drafts + generator.hidden_articles)


def check_page_slugs(generator):
    settings = generator.settings
    reserved = list(settings["XCFL_CATEGORIES"]) + list(settings["XCFL_RESERVED_SLUGS"])
    check_unique_slugs(generator.pages + generator.hidden_pages + generator.draft_pages,
                       reserved)


def add_toc(content):
    entries = toc_entries(content._content or "")
    content.toc = entries if len(entries) >= TOC_MIN_HEADINGS else []


def improve_media(content):
    """Figures, image sizes and scrollable tables in the body; the cover's size."""
    settings = content.settings
    root = settings["PATH"]
    label = settings["UI"]["table_label"]
    cover = getattr(content, "cover", None)
    path = image_file(cover, root) if cover else None
    content.cover_picture = (picture(os.path.relpath(path, root).replace(os.sep, "/"), root,
                                     settings["SITEURL"]) if path else None)
    if content._content:
        content._content = improve(content._content, root, settings["SITEURL"], label,
                                   eager_first=content.cover_picture is None,
                                   attachments_heading=settings["UI"]["attachments"])


def drop_missing_static_links(generator):
    """A `{static}` link to a file that does not exist is reported in Chinese by
    links.py; Pelican's static step would also try to read it and log an English
    warning. Pages are read last before the static step: drop such links here."""
    links = generator.context["static_links"]
    root = generator.settings["PATH"]
    for path in [path for path in links if not os.path.isfile(os.path.join(root, path))]:
        links.discard(path)


def register():
    signals.initialized.connect(configure)
    signals.readers_init.connect(use_reader)
    signals.article_generator_init.connect(prerender_sources)
    signals.article_generator_init.connect(report_unread_articles)
    signals.page_generator_init.connect(report_unread_pages)
    signals.article_generator_context.connect(report_header_problems)
    signals.page_generator_context.connect(report_header_problems)
    signals.article_generator_pretaxonomy.connect(check_article_slugs)
    signals.page_generator_finalized.connect(check_page_slugs)
    signals.page_generator_finalized.connect(drop_missing_static_links)
    signals.content_object_init.connect(add_toc)
    signals.content_object_init.connect(improve_media)
    signals.static_generator_finalized.connect(check_site)  # links.py: the last reader
