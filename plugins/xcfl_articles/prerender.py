"""Render every Markdown source before Pelican's serial read loop.

Pelican reads files one at a time, and converting Markdown is most of that
time. The conversion is a pure function of the text (render.py), so before the
loop every article and page source is hashed: a text converted by an earlier
build comes from the cache folder, the others are converted by forked worker
processes, one per core. A source that is the very file of an earlier result
(same size, mtime, change time and inode) is not read here at all. The reader
takes the result for the file's exact bytes (or converts the file itself). With
the HTML comes the header as written (header.parse_header, also a pure function
of the text); the header *checks* are not cached here: they look at the file
system (Cover) and the settings, and run whenever the file is read.

The cache is an index (each source's hash and file) and 16 shards of results:
the index is all a build reads up front; a shard is loaded only when the reader
asks for a result in it. A rebuild whose articles are kept whole
(xcfl_speed/kept.py) loads the edited article's shard, not the HTML of all.
"""

import hashlib
import os
import sys

import markdown

import xcfl_cache as cachefile
from xcfl_cache.workers import map_in_workers

from .header import decode, parse_header
from .render import render

FORMAT = 4
SHARDS = 16
# relative path -> (sha1 of the bytes, (html, meta, problems, header fields) or
# IN_SHARD, file)
_results = {}
_job = {}  # what forked workers need, set before the pool starts
IN_SHARD = None  # a result in its shard's file, loaded when the reader asks
_shards = {}  # shard number -> {relative: (sha1, result)} as loaded
_cache = {}  # "files": the shard files, "stamp": their stamp (this build's)


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


def stable_repr(value):
    """repr without memory addresses: functions by their qualified name."""
    if callable(value):
        return f"{value.__module__}.{value.__qualname__}"
    if isinstance(value, dict):
        return "{" + ",".join(f"{k!r}:{stable_repr(v)}" for k, v in sorted(value.items())) + "}"
    if isinstance(value, (list, tuple)):
        return "[" + ",".join(stable_repr(v) for v in value) + "]"
    return repr(value)


def fingerprint(settings):
    """Changes whenever a cached result could: the settings, and the code that renders."""
    digest = hashlib.sha256(f"{FORMAT} {markdown.__version__} {sys.version}".encode())
    digest.update(stable_repr(settings["MARKDOWN"]).encode())
    digest.update(repr(list(settings["XCFL_PERSONAL_DATA_ALLOW"])).encode())
    plugins = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    for package in ("xcfl_articles", "xcfl_guard", "xcfl_problems"):
        folder = os.path.join(plugins, package)
        for name in sorted(os.listdir(folder)):
            if name.endswith(".py"):
                with open(os.path.join(folder, name), "rb") as handle:
                    digest.update(handle.read())
    return digest.hexdigest()


def cache_files(settings):
    """The cache's index file and shard files, or None when no cache folder is set.

    The results are split by file path into SHARDS files, so a build that converts
    one changed article rewrites one small file, not the HTML of every article."""
    if not settings.get("XCFL_CACHE_PATH"):
        return None
    return (cachefile.content_file(settings, "markdown", "index"),
            [cachefile.content_file(settings, "markdown", f"{n:02d}") for n in range(SHARDS)])


def shard_of(relative):
    return cachefile.shard_of(relative, SHARDS)


def convert(relative, text, markdown_settings, personal_data_allow):
    """(html, meta, problems, header fields) of a decoded text."""
    return (*render(relative, text, markdown_settings, personal_data_allow),
            parse_header(text))


def render_file(relative):
    """Worker: the converted file, or None when it is not UTF-8 (the reader reports that)."""
    with open(os.path.join(_job["root"], relative), "rb") as handle:
        text, _ = decode(handle.read())
    if text is None:
        return None
    return convert(relative, text, _job["markdown"], _job["allow"])


def render_all(relatives):
    return map_in_workers(render_file, relatives)


def prerender(settings):
    _results.clear()
    _shards.clear()
    root = settings["PATH"]
    stamp = fingerprint(settings)
    files = cache_files(settings)
    _cache.update(files=files and files[1], stamp=stamp)
    index = cachefile.load(files[0], stamp) if files else {}
    # A shard that is not the file the index was saved with (damaged, or written
    # by another build) is not trusted: its sources are converted again.
    whole = {number for number, file in index.get("shards", {}).items()
             if shard_file(files[1][number]) == file}
    entries = index.get("entries", {})
    limit = settings["XCFL_MAX_FILE_MB"] * 1024 * 1024
    todo, changed = [], set()  # changed: shards whose entries changed
    for relative in sources(settings):
        path = os.path.join(root, relative)
        hit = entries.get(relative) if shard_of(relative) in whole else None  # (sha1, file)
        try:
            file = file_of(path)
        except OSError:
            continue  # gone: Pelican will not read it either
        if hit and hit[1] == file:
            # The very file this was made from: not read and hashed again here.
            # The reader still gets the result only for these exact bytes.
            _results[relative] = (hit[0], IN_SHARD, file)
            continue
        with open(path, "rb") as handle:
            data = handle.read(limit + 1)
        if len(data) > limit:
            continue  # the reader reports it; never convert it
        sha = hashlib.sha1(data).hexdigest()
        if hit and hit[0] == sha:
            _results[relative] = (sha, IN_SHARD, file)
        else:
            todo.append((relative, sha, file))
            changed.add(shard_of(relative))
    _job.update(root=root, markdown=settings["MARKDOWN"],
                allow=settings["XCFL_PERSONAL_DATA_ALLOW"])
    for (relative, sha, file), result in zip(todo, render_all([r for r, _, _ in todo])):
        if result is not None:
            _results[relative] = (sha, result, file)
    if files:
        changed |= {shard_of(relative) for relative in entries.keys() - _results.keys()}
        save(files, stamp, changed, index)


def save(files, stamp, changed, index):
    """Write the shards whose entries changed, then the index if it changed."""
    grouped = {number: {} for number in changed}
    for relative, (sha, result, _) in _results.items():
        number = shard_of(relative)
        if number in grouped:
            if result is IN_SHARD:
                result = shard(number).get(relative, (None, None))
                if result[0] != sha:
                    continue  # lost with a damaged shard: converted next time
                result = result[1]
            grouped[number][relative] = (sha, result)
    shards = dict(index.get("shards", {}))
    for number, entries in grouped.items():
        cachefile.save(files[1][number], stamp, entries)
        _shards[number] = entries
        shards[number] = shard_file(files[1][number])
    new_index = {"shards": shards, "entries": {
        relative: (sha, file) for relative, (sha, result, file) in _results.items()
        if shard_of(relative) not in grouped or relative in grouped[shard_of(relative)]}}
    if new_index != index:
        cachefile.save(files[0], stamp, new_index)


def shard_file(path):
    try:
        return cachefile.file_of(path)
    except OSError:
        return None


def shard(number):
    """The results in shard `number`: {relative: (sha1, result)}, loaded once."""
    if number not in _shards:
        files = _cache.get("files")
        _shards[number] = cachefile.load(files[number], _cache["stamp"]) if files else {}
    return _shards[number]


def file_of(path):
    """What says a source is the file a result was made from: its size, times and
    inode (the change time moves with any write, even one that keeps the mtime)."""
    info = os.stat(path)
    return info.st_size, info.st_mtime_ns, info.st_ctime_ns, info.st_ino


def rendered(relative, data):
    """The prerendered (html, meta, problems, header fields) of these exact bytes, or None.

    Only UTF-8 text is ever converted: a result means the bytes decode."""
    hit = _results.get(relative)
    if not hit or hit[0] != hashlib.sha1(data).hexdigest():
        return None
    if hit[1] is not IN_SHARD:
        return hit[1]
    sha, result = shard(shard_of(relative)).get(relative, (None, None))
    return result if sha == hit[0] else None  # a lost or damaged shard: the reader converts
