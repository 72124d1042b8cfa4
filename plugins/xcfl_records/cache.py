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
import pickle

import yaml
from markupsafe import Markup

import xcfl_cache as cachefile

FORMAT = 1


def fingerprint():
    # reading.parse decodes with xcfl_articles.header.decode
    return cachefile.fingerprint(FORMAT, hasattr(yaml, "CSafeLoader"),
                                 code=("xcfl_records", "xcfl_articles/header.py"),
                                 libraries=("PyYAML", "Markdown"))


class RecordsCache:
    """One build's view of the cache; ``path`` None: nothing is kept."""

    def __init__(self, settings):
        self.path = cachefile.cache_file(settings, "records")
        self.stamp = fingerprint()
        found = cachefile.load(self.path, self.stamp) if self.path else {}
        self.old = found if isinstance(found, dict) else {}
        self.used = {}
        self.missed = 0

    def _get(self, key, make):
        if key in self.used:
            return self.used[key]
        if key in self.old:
            value = self.used[key] = self.old[key]
            return value
        self.missed += 1
        value = self.used[key] = make()
        return value

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
