"""Which saves start a rebuild: the content, the theme, the plugins and the
settings files. inotify through watchfiles: nothing runs while nothing changes."""

import os
import threading

from watchfiles import DefaultFilter, watch


def watched_folders(content, settings_file):
    """The content folder, and the theme and plugins beside the settings file
    (pelicanconf.py's THEME and PLUGIN_PATHS are these folders)."""
    project = os.path.dirname(os.path.abspath(settings_file))
    folders = [content, os.path.join(project, "theme"), os.path.join(project, "plugins")]
    return [folder for folder in folders if os.path.isdir(folder)]


def is_settings_file(change, path):
    """The .py files beside the settings file (publishconf.py imports
    pelicanconf.py). Their folder is watched, not the files: an editor that
    saves by replacing the file would end a watch on the file itself."""
    return path.endswith(".py") and not os.path.basename(path).startswith(".")


def start_watching(content, settings_file, on_change):
    """Call on_change() after each group of saves, from two background threads."""
    folders = watched_folders(content, settings_file)
    project = os.path.dirname(os.path.abspath(settings_file))
    watchers = [
        (folders, True, DefaultFilter()),  # ignores editors' swap and backup files
        ([project], False, is_settings_file),
    ]
    for paths, recursive, keep in watchers:
        threading.Thread(target=_watch, args=(paths, recursive, keep, on_change),
                         name="watch", daemon=True).start()
    return folders


def _watch(paths, recursive, keep, on_change):
    # rust_timeout=0: wait in inotify for as long as nothing changes.
    for _ in watch(*paths, watch_filter=keep, recursive=recursive, rust_timeout=0,
                   raise_interrupt=False):
        on_change()
