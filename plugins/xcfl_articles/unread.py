"""Every file in the articles' and pages' folders is published or reported.

Pelican reads only the files a reader knows and passes over the rest without a
word: an article saved as 新闻.MD or 新闻.txt, or a Word file dropped beside the
articles, was simply missing from the site. Articles and pages are Markdown
(articles.py turns Pelican's HTML and reStructuredText readers off), so any
other file there is reported, except the ones systems and editors leave about;
so is a Markdown file anywhere else in the content folder (an article saved in
content/ itself, or in content/article/), which Pelican never looks at.
"""

import os
import re

from pelican.readers import MarkdownReader

from xcfl_problems import Problem, message, report

# Word's lock files (~$稿件.docx), editors' backups (a.md~) and swap files
# (.a.md.swp), Windows' and macOS's own files (Thumbs.db, .DS_Store)
LEFT_BY_TOOLS = re.compile(r"^[.]|^~\$|~$|^(?:thumbs\.db|desktop\.ini)$", re.I)


def unread_files(generator, folders, excludes):
    """(content-relative path, problem name, values) of each file under `folders`
    that no reader reads."""
    read = {extension.lower(): extension for extension in generator.readers.extensions}
    for relative in sorted(generator.get_files(folders, exclude=excludes, extensions=False)):
        name = os.path.basename(relative)
        stem, extension = os.path.splitext(name)
        if LEFT_BY_TOOLS.search(name) or extension[1:] in read:
            continue
        lower = read.get(extension[1:].lower())
        if lower:
            yield relative, "unread-extension-case", {
                "ext": extension, "lower": f".{lower}", "fixed": f"{stem}.{lower}"}
        else:
            yield relative, "unread-file", {}


def misplaced_markdown(generator):
    """Content-relative paths of the Markdown files outside the articles' and
    pages' folders. Links are not followed: one leading out of the content
    folder is xcfl_guard's to report (and may lead back into it, forever)."""
    settings = generator.settings
    root = settings["PATH"]
    read_here = {os.path.normpath(path) for path in
                 settings["ARTICLE_PATHS"] + settings["PAGE_PATHS"]}
    markdown = {extension.lower() for extension in MarkdownReader.file_extensions}
    found = []
    for parent, dirs, names in os.walk(root):
        place = os.path.relpath(parent, root)
        dirs[:] = [d for d in dirs if not LEFT_BY_TOOLS.search(d)
                   and os.path.normpath(os.path.join(place, d)) not in read_here]
        for name in names:
            if not LEFT_BY_TOOLS.search(name) and \
                    os.path.splitext(name)[1][1:].lower() in markdown:
                found.append(os.path.normpath(os.path.join(place, name)))
    return sorted(found)


def report_unread(generator, folders, excludes):
    for relative, name, values in unread_files(generator, folders, excludes):
        relative = relative.replace(os.sep, "/")
        report(Problem(relative, None, "文件", message(name, **values)))


def report_unread_articles(generator):
    """article_generator_init: the articles' folders, and Markdown anywhere else."""
    report_unread(generator, generator.settings["ARTICLE_PATHS"],
                  generator.settings["ARTICLE_EXCLUDES"])
    settings = generator.settings
    for relative in misplaced_markdown(generator):
        report(Problem(relative.replace(os.sep, "/"), None, "文件", message(
            "misplaced-markdown", articles=settings["ARTICLE_PATHS"][0],
            pages=settings["PAGE_PATHS"][0])))


def report_unread_pages(generator):
    report_unread(generator, generator.settings["PAGE_PATHS"],
                  generator.settings["PAGE_EXCLUDES"])
