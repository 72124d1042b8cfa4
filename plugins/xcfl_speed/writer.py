"""Pelican's writer, with pages served from the page cache when their inputs
did not change (pagecache.py)."""

from pelican.writers import Writer

from .pagecache import PageCache


class CachedTemplate:
    """What Pelican's write_file needs of a template: render(localcontext)."""

    def __init__(self, template, cache):
        self.template, self.cache = template, cache

    def render(self, localcontext):
        return self.cache.render(self.template, localcontext)


class XcflWriter(Writer):
    def __init__(self, output_path, settings=None):
        super().__init__(output_path, settings=settings)
        self.page_cache = PageCache(settings, output_path)

    def write_file(self, name, template, context, *args, **kwargs):
        return super().write_file(name, CachedTemplate(template, self.page_cache),
                                  context, *args, **kwargs)
