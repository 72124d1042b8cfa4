"""Guards against content that must never reach readers.

- files or folders in content/ that are symbolic links leading outside it
  (Pelican would copy what they point at into the public site).
Personal data and unsafe HTML are checked where the text is read (see
xcfl_articles.reader and the records plugin) with the functions of this package.
"""

import os

from pelican import signals

from xcfl_problems import Problem, message, report


def outside_links(root):
    """Relative paths of symlinks under root whose target is outside root."""
    root = os.path.realpath(root)
    found = []
    for folder, folders, names in os.walk(root):
        for name in folders + names:
            path = os.path.join(folder, name)
            if os.path.islink(path):
                target = os.path.realpath(path)
                if os.path.commonpath([root, target]) != root:
                    found.append(os.path.relpath(path, root).replace(os.sep, "/"))
    return sorted(found)


def check_links(generator):
    for path in outside_links(generator.settings["PATH"]):
        report(Problem(path, None, "文件", message("link-outside", value=path)))


def register():
    signals.article_generator_init.connect(check_links)
