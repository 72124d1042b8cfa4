"""Build speed: a writer that reuses unchanged pages of the previous output,
pages written by both cores (parallel.py), and a progress line for long builds.

The cache lives in XCFL_CACHE_PATH (outside the output); XCFL_PREVIOUS_OUTPUT
names the folder holding the previous build when it is not OUTPUT_PATH
(`make publish` builds into a fresh staging folder beside it).
"""

import logging

from pelican import signals
from pelican.generators import ArticlesGenerator

from . import kept, urls
from .parallel import plan
from .progress import Progress
from .writer import XcflWriter

logger = logging.getLogger(__name__)
PREFIX = "xcfl_speed:"
_writers = []
last_run = {}  # counts of the last build, for tests and the log
progress = Progress()


def count_articles(generator):
    progress.start()  # `make serve` runs builds again without `initialized`
    settings = generator.settings
    progress.total = len(generator.get_files(settings["ARTICLE_PATHS"],
                                             exclude=settings["ARTICLE_EXCLUDES"]))


def article_read(generator, **kwargs):
    progress.article_read()


def read_articles(generator):
    kept.install(generator, on_article=progress.article_read)


def get_writer(pelican):
    _writers.clear()
    return RememberedWriter


class RememberedWriter(XcflWriter):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.on_page = progress.page_written
        _writers.append(self)


def skip_unwritten_authors(generators):
    """Pelican's generate_authors works out every author's dated articles (a list
    scan per article: quadratic, ~1.5 s per writing process at 10k articles with
    thousands of authors) before it finds AUTHOR_SAVE_AS empty and writes nothing.
    This site writes no author pages: skip the step."""
    for generator in generators:
        if isinstance(generator, ArticlesGenerator) and not generator.settings.get("AUTHOR_SAVE_AS"):
            generator.generate_authors = write_no_author_pages


def write_no_author_pages(write):
    pass


def index_listed_articles(generators):
    """Pelican's tag and category steps find each one's dated articles with
    `article in articles` on a list, once per article: quadratic, ~2.4 s per
    writing process at 10k articles and 1,660 tags. While they run, each list
    answers `in` from a set; articles have no __eq__, so list's `in` compares by
    identity, as the set does, and the result is the same list in the same order."""
    for generator in generators:
        if isinstance(generator, ArticlesGenerator):
            generator.generate_tags = _with_indexed(generator, "tags", generator.generate_tags)
            generator.generate_categories = _with_indexed(generator, "categories",
                                                          generator.generate_categories)


def _with_indexed(generator, attribute, step):
    def indexed_step(write):
        listed = getattr(generator, attribute)
        if isinstance(listed, dict):
            indexed = {key: IndexedList(items) for key, items in listed.items()}
        else:
            indexed = [(key, IndexedList(items)) for key, items in listed]
        setattr(generator, attribute, indexed)
        try:
            step(write)
        finally:
            setattr(generator, attribute, listed)
    return indexed_step


class IndexedList(list):
    """A copy of a list of contents whose `in` is a set lookup by identity."""

    def __init__(self, items):
        super().__init__(items)
        self._ids = {id(item) for item in self}

    def __contains__(self, item):
        return id(item) in self._ids


def save_cache(pelican):
    for writer in _writers:
        cache = writer.page_cache
        cache.save()
        last_run.clear()
        last_run.update(reused=cache.hits, rendered=cache.misses, processes=writer.processes,
                        **getattr(writer, "timing", {}))
        logger.info("%s %d pages reused, %d rendered, %d processes", PREFIX, cache.hits,
                    cache.misses, writer.processes)
    _writers.clear()


def register():
    urls.install()
    # Addresses are remembered only while pages are written (urls.py); a build
    # that failed never sent finalized, so the next one starts by forgetting.
    signals.article_generator_init.connect(urls.stop)
    signals.all_generators_finalized.connect(urls.start)
    signals.finalized.connect(urls.stop)
    signals.article_generator_init.connect(count_articles)
    signals.article_generator_preread.connect(article_read)
    signals.article_generator_init.connect(read_articles)
    signals.article_generator_pretaxonomy.connect(kept.finish_all)
    signals.get_writer.connect(get_writer)
    signals.all_generators_finalized.connect(plan)
    signals.all_generators_finalized.connect(skip_unwritten_authors)
    signals.all_generators_finalized.connect(index_listed_articles)
    signals.finalized.connect(save_cache)
