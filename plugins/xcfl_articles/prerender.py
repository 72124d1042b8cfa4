"""Render every Markdown source before Pelican's serial read loop.

Pelican reads files one at a time, and converting Markdown is most of that
time. The conversion is a pure function of the text (render.py), so before the
loop every article and page source is hashed: a text converted by an earlier
build comes from the cache folder, the others are converted by forked worker
processes, one per core. The reader takes a result only for the file's exact
bytes (else it converts the file itself). With the HTML comes the header as
written (header.parse_header, also a pure function of the text); the header
*checks* are not cached: they look at the file system (Cover) and the settings,
and run whenever the file is read.

The cache is SHARDS files by path, so one edited article rewrites one small
file. A source with the file state (xcfl_cache.file_state) of its entry is not
read here, only by the reader, which still checks the bytes.
"""

import hashlib
import os

import xcfl_cache as cachefile
from xcfl_cache.workers import map_in_workers

from .header import decode, parse_header
from .render import render

FORMAT = 5
SHARDS = 16
# This build's: "results" {relative path: (sha1, file state, result)}, "job" the
# worker processes' arguments (set before they fork). Replaced by every build.
_build = {}


def sources(settings):
    """Relative paths of the Markdown files under ARTICLE_PATHS and PAGE_PATHS."""
    root = settings["PATH"]
    found = set()
    for top in settings["ARTICLE_PATHS"] + settings["PAGE_PATHS"]:
        for folder, _, names in os.walk(os.path.join(root, top), followlinks=True):
            for name in names:
                if name.rsplit(".", 1)[-1] in ("md", "markdown", "mkd", "mdown"):
                    found.add(os.path.relpath(os.path.join(folder, name), root).replace(os.sep, "/"))
    return sorted(found)


def fingerprint(settings):
    """Changes whenever a cached result could: the settings, and the code that renders."""
    return cachefile.fingerprint(
        FORMAT, settings["MARKDOWN"], settings["XCFL_PERSONAL_DATA_ALLOW"],
        code=("xcfl_articles", "xcfl_guard", "xcfl_problems"), libraries=("Markdown",))


def cache_files(settings):
    """The shard files, or [] when no cache folder is set."""
    if not settings["XCFL_CACHE_PATH"]:
        return []
    return [cachefile.cache_file(settings, f"markdown-{n:02d}") for n in range(SHARDS)]


def shard_of(relative):
    return cachefile.shard_of(relative, SHARDS)


def convert(relative, text, markdown_settings, personal_data_allow):
    """(html, meta, problems, header fields) of a decoded text."""
    return (*render(relative, text, markdown_settings, personal_data_allow),
            parse_header(text))


def render_file(relative):
    """Worker: the converted file, or None when it is not UTF-8 (the reader reports that)."""
    root, markdown_settings, allow = _build["job"]
    with open(os.path.join(root, relative), "rb") as handle:
        text, _ = decode(handle.read())
    return None if text is None else convert(relative, text, markdown_settings, allow)


def prerender(settings):
    root = settings["PATH"]
    stamp, files = fingerprint(settings), cache_files(settings)
    shards = [cachefile.load(file, stamp) for file in files]
    cached = {relative: entry for shard in shards for relative, entry in shard.items()}
    limit = settings["XCFL_MAX_FILE_MB"] * 1024 * 1024
    results, todo = {}, []
    for relative in sources(settings):
        path = os.path.join(root, relative)
        hit = cached.get(relative)
        try:
            state = cachefile.file_state(path)
        except OSError:
            continue  # gone: Pelican will not read it either
        if hit and hit[1] == state:
            results[relative] = hit
            continue
        with open(path, "rb") as handle:
            data = handle.read(limit + 1)
        if len(data) > limit:
            continue  # the reader reports it; never convert it
        sha = hashlib.sha1(data).hexdigest()
        if hit and hit[0] == sha:
            results[relative] = (sha, state, hit[2])
        else:
            todo.append((relative, sha, state))
    _build.update(results=results, job=(root, settings["MARKDOWN"],
                                        settings["XCFL_PERSONAL_DATA_ALLOW"]))
    converted = map_in_workers(render_file, [relative for relative, _, _ in todo])
    for (relative, sha, state), result in zip(todo, converted):
        if result is not None:
            results[relative] = (sha, state, result)
    for number, file in enumerate(files):
        shard = {relative: entry for relative, entry in results.items()
                 if shard_of(relative) == number}
        if shard != shards[number]:
            cachefile.save(file, stamp, shard)


def rendered(relative, data):
    """The prerendered (html, meta, problems, header fields) of these exact bytes, or None.

    Only UTF-8 text is ever converted: a result means the bytes decode."""
    hit = _build.get("results", {}).get(relative)
    return hit[2] if hit and hit[0] == hashlib.sha1(data).hexdigest() else None
