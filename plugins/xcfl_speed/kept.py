"""Articles that read cleanly are kept whole from one build to the next.

Reading took ~2.7 s of a 10,000-article rebuild with the Markdown already
converted (xcfl_articles/prerender.py): headers, Content objects, URLs, checks.
An article whose reading printed nothing and reported no problem is kept in
XCFL_CACHE_PATH as the reading left it, pickled as reading.py sends it (the
settings and context by reference), with the state of every file the reading
looked at: its own, and each cover and image it checked or sized
(xcfl_cache/inputs.py). A later build takes the article instead of reading the
file only while every one of those files is unchanged, under the same stamp
(settings, theme and plugin code, library versions, time locale, the content
folder's real path). Everything else is read as before, by two processes when
there are many (reading.py).

A file with a problem or a warning is never kept: it is read, and its messages
printed, on every build. The checks across files (slugs, references, streets)
run on every build after reading. A file changed in the last two seconds is not
kept (xcfl_cache.inputs.settled): a second change within the same tick of the
file system's clock would not show.
"""

import locale
import os

from pelican.contents import Article

import xcfl_cache as cachefile
from xcfl_cache import inputs

from . import reading
from .reading import messages
from .digest import Digester
from .pagecache import build_fingerprint, version_of

FORMAT = 1
SHARDS = 16  # one changed article rewrites one shard (~3 MB at 10k articles)
last_run = {}  # the last build's counts, for tests: kept, stored
_running = []  # KeptArticles whose loop has not finished


class KeptArticles:
    """Answers the article loop's `get_cached_data` with kept articles, and
    keeps what the loop reads cleanly (its `cache_data`)."""

    def __init__(self, generator, on_article=None):
        self.generator = generator
        self.on_article = on_article
        self.ahead = reading.ReadAhead(generator, on_article, keep=self._keep)
        self.started = False
        self.stamp = None
        self.files = shard_files(generator.settings)  # None: no cache folder
        self.old = [{} for _ in range(SHARDS)]  # the shards as loaded
        self.found = {}  # path -> a kept entry (state, inputs, data) still valid
        self.keep = {}  # path -> the entry to save
        self.reading = None  # (path, its state, messages so far, inputs noted): the loop's read

    def start(self):
        self.started = True
        generator, settings = self.generator, self.generator.settings
        paths = generator.get_files(settings["ARTICLE_PATHS"], exclude=settings["ARTICLE_EXCLUDES"])
        self.stamp = stamp_of(settings) if self.files else None
        if self.stamp:
            self.old = [cachefile.load(file, self.stamp) for file in self.files]
        unread = []
        for path in paths:
            entry = self.old[shard_of(path)].get(path)
            if entry and entry[0] == inputs.stamp_of(self._absolute(path)) \
                    and inputs.unchanged(entry[1]):
                self.found[path] = entry
            else:
                unread.append(path)
        _running.append(self)
        messages.start()
        self.ahead.start(unread)

    def get_cached_data(self, path, default=None):
        if not self.started:
            self.start()
        self._stop_recording()
        entry = self.found.pop(path, None)
        if entry is not None:
            article = self._load(entry[2])
            if article is not None:
                self.keep[path] = entry
                last_run["kept"] += 1
                if self.on_article:
                    self.on_article()
                return article
        found = self.ahead.get_cached_data(path, default)
        if found is default and self.stamp:  # the loop reads it now; cache_data if valid
            self.reading = (path, inputs.stamp_of(self._absolute(path)), messages.count(),
                            inputs.start())
        return found

    def cache_data(self, path, article):
        """The loop read `path` into a valid article (Pelican's own cache is off)."""
        read = self.reading
        self._stop_recording()
        if read and read[0] == path and read[2] == messages.count():
            entry = inputs.kept(self._absolute(path), read[1], read[3])
            if entry:
                self._keep(path, (*entry, reading.dumps(article, self.generator)))

    def _keep(self, path, entry):
        self.keep[path] = entry
        last_run["stored"] += 1

    def _load(self, data):
        try:
            article = reading.loads(data, self.generator)
        except cachefile.UNREADABLE:  # written by other code: read the file
            return None
        return article if isinstance(article, Article) else None

    def _stop_recording(self):
        if self.reading is not None:
            self.reading = None
            inputs.stop()

    def _absolute(self, path):
        return os.path.join(self.generator.path, path)

    def finish(self):
        """After the loop: save the shards whose entries changed."""
        self._stop_recording()
        self.ahead.finish()
        messages.stop()
        if self.stamp:
            grouped = [{} for _ in range(SHARDS)]
            for path, entry in self.keep.items():
                grouped[shard_of(path)][path] = entry
            for number, file in enumerate(self.files):
                if grouped[number] != self.old[number]:
                    cachefile.save(file, self.stamp, grouped[number])
        self.found, self.keep, self.old = {}, {}, []
        if self in _running:
            _running.remove(self)


def shard_files(settings):
    """The shards' files for this content folder, or None without a cache folder."""
    if not settings.get("XCFL_CACHE_PATH"):
        return None
    return [cachefile.content_file(settings, "articles", f"{n:02d}") for n in range(SHARDS)]


def shard_of(path):
    return cachefile.shard_of(path, SHARDS)


# Libraries whose output an article holds (HTML, slugs, dates), besides Python,
# Pelican, Jinja and MarkupSafe (in build_fingerprint).
LIBRARIES = ("markdown", "beautifulsoup4", "soupsieve", "Pygments", "Unidecode",
             "python-dateutil")


def stamp_of(settings):
    """What every kept article depends on besides its files; None when the
    settings cannot be digested (nothing is kept then)."""
    fingerprint = build_fingerprint(settings, Digester())
    if fingerprint is None:
        return None
    return (f"{FORMAT} {fingerprint} {locale.setlocale(locale.LC_TIME)} "
            f"{os.path.realpath(settings['PATH'])} {' '.join(map(version_of, LIBRARIES))}")


def install(generator, on_article=None):
    """article_generator_init: answer the loop from kept articles, read the
    rest (with a second process when there are many)."""
    finish_all()
    last_run.update(kept=0, stored=0)
    reading.last_run.update(read_in_child=0, read_again=0)
    kept = KeptArticles(generator, on_article)
    generator.get_cached_data = kept.get_cached_data
    generator.cache_data = kept.cache_data
    return kept


def finish_all(*args, **kwargs):
    """After the loop (article_generator_pretaxonomy); and before the next
    build's, since a build that failed never got there."""
    for kept in list(_running):
        kept.finish()
    reading.finish_all()
    messages.stop()
    inputs.stop()
