"""Parsed YAML and rendered descriptions from earlier builds.

Both are pure functions of their input: a file's bytes -> (data, lines)
(loader.py), a description's text -> HTML (description.py). They are kept in
XCFL_CACHE_PATH, keyed by the SHA-1 of the bytes (of the text), under a stamp
of the code and library versions that produce them, so any change to a file,
to this plugin (or the decoding in xcfl_articles/header.py) or to PyYAML /
Python-Markdown misses the cache.

Only what a file *is* is cached, never a judgement on it: a file that fails to
load is not cached (it is loaded again, and its problem reported, on every
run), and validation (schema, streets, photos on disk, personal data) runs on
every build. Entries no build used are dropped when the cache is saved.
"""

import hashlib
import os
import pickle
import sys

import markdown
import yaml
from markupsafe import Markup

import xcfl_cache as cachefile
from xcfl_cache.workers import map_in_workers

FORMAT = 1


def fingerprint():
    digest = hashlib.sha256(
        f"{FORMAT} {yaml.__version__} {hasattr(yaml, 'CSafeLoader')} "
        f"{markdown.__version__} {sys.version}".encode())
    folder = os.path.dirname(os.path.abspath(__file__))
    code = [os.path.join(folder, name) for name in sorted(os.listdir(folder))
            if name.endswith(".py")]
    # reading.parse decodes with xcfl_articles.header.decode
    code.append(os.path.join(os.path.dirname(folder), "xcfl_articles", "header.py"))
    for path in code:
        with open(path, "rb") as handle:
            digest.update(path[len(os.path.dirname(folder)):].encode() + b"\0" + handle.read())
    return digest.hexdigest()


class RecordsCache:
    """One build's view of the cache; ``path`` None: nothing is kept."""

    def __init__(self, settings):
        folder = settings.get("XCFL_CACHE_PATH")
        self.path = None
        if folder:
            root = hashlib.sha256(os.path.abspath(settings["PATH"]).encode()).hexdigest()[:16]
            self.path = os.path.join(folder, f"records-{root}.pickle")
        self.stamp = fingerprint()
        found = cachefile.load(self.path, self.stamp) if self.path else {}
        self.old = found if isinstance(found, dict) else {}
        self.used = {}
        self.made = {}  # made ahead by workers (prefill), not yet asked for
        self.missed = 0

    def _get(self, key, make):
        if key in self.used:
            return self.used[key]
        if key in self.old:
            value = self.used[key] = self.old[key]
            return value
        self.missed += 1
        value = self.used[key] = self.made.pop(key) if key in self.made else make()
        return value

    def prefill(self, paths, parse, render):
        """With an empty cache (a first build, new code): parse the files and
        render their descriptions in worker processes, one per core, for
        read_file and record_entry to take. At 3,000 records that was ~2 s of
        one core. A file that does not parse is left to read_file, which
        reports it; a description whose text validation changes is rendered
        there too."""
        if self.old or self.made:
            return  # a rebuild: the few new files are parsed as they come
        job = _Prefill(parse, render)
        for entries in map_in_workers(job, paths):
            self.made.update(entries)

    def load(self, data, parse):
        """parse() of a file's bytes, a fresh copy each time (callers change it).

        parse() may raise (a broken file): nothing is cached then."""
        key = ("yaml", hashlib.sha1(data).digest())
        return pickle.loads(self._get(key, lambda: pickle.dumps(
            parse(), protocol=pickle.HIGHEST_PROTOCOL)))

    def description(self, text, render):
        """render(text), as one HTML string."""
        if not text:
            return render(text)
        key = ("description", hashlib.sha1(text.encode()).digest())
        return Markup(self._get(key, lambda: str(render(text))))  # noqa: S704 - render's own HTML

    def save(self):
        if self.path and (self.missed or len(self.used) != len(self.old)):
            cachefile.save(self.path, self.stamp, self.used)


class _Prefill:
    """The cache entries of one file, as `load` and `description` key them."""

    def __init__(self, parse, render):
        self.parse, self.render = parse, render

    def __call__(self, path):
        try:
            with open(path, "rb") as handle:
                raw = handle.read()
        except OSError:  # gone (a site without streets.yaml)
            return {}
        try:
            data = self.parse(raw)
        except Exception:  # noqa: BLE001 - read_file parses it again and reports it
            return {}
        entries = {("yaml", hashlib.sha1(raw).digest()):
                   pickle.dumps(data, protocol=pickle.HIGHEST_PROTOCOL)}
        items = data[0] if isinstance(data[0], list) else [data[0]]
        for item in items:
            text = item.get("description") if isinstance(item, dict) else None
            if isinstance(text, str) and text:
                entries[("description", hashlib.sha1(text.encode()).digest())] = \
                    str(self.render(text))
        return entries
