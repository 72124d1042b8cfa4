"""Pelican's writer, with pages served from the page cache when their inputs
did not change (pagecache.py), and able to write only its share of the pages
when several processes write the site together (parallel.py).

`write_file` follows Pelican 4.12's Writer.write_file step by step (pagination,
local context, the shared context's `localsiteurl`, overwrite rules); what
differs is what happens to one page:

- every process walks every page in the same order and keeps the same
  bookkeeping (which files were written, overridden), so an overwrite error is
  raised in every process alike;
- the page belongs to one process (its number in the walk, modulo the number of
  processes; a file written twice stays with the process of its first write, so
  the last write wins as in a serial build); only that process renders and
  writes it;
- while pages are shared out, `content_written` is not sent at once: the parent
  process sends it for every page, in the walk's order, once the other processes
  are done (parallel.py), so its receivers see exactly what a serial build shows
  them;
- `page_done` is sent at once, in the process that wrote the page, with its text
  (None: the unchanged previous file is in place) and, when the page cache looked
  at it, the file's size, mtime and inode: work on a written page can
  happen there, on every core while pages are written (the search index cuts
  pages this way), and travel back with `child_done`.
"""

import hashlib
import logging
import os

import blinker
from pelican.paginator import Paginator
from pelican.plugins import signals
from pelican.utils import get_relative_path, path_to_url, sanitised_join
from pelican.writers import FileOverwriteFailedError, Writer

from .pagecache import PageCache

logger = logging.getLogger(__name__)
page_done = blinker.signal("xcfl_speed.page_done")  # sender: the page's path; text=, file=


class XcflWriter(Writer):
    def __init__(self, output_path, settings=None):
        super().__init__(output_path, settings=settings)
        self.page_cache = PageCache(settings, output_path)
        self.on_page = None  # called after each page walked (progress)
        self.share(0, 1)

    def share(self, index, count):
        """From now on write only the pages of process `index` of `count`."""
        self.index, self.count = index, count
        self.processes = max(getattr(self, "processes", 1), count)  # the most used at once
        self.walked = 0
        self.owners = {}  # absolute path -> process writing it
        self.announced = []  # (path, context, local values) until announce()
        self.sequence = hashlib.sha256()  # the walk, to check every process saw the same

    @property
    def sharing(self):
        return self.count > 1

    def announce(self):
        """Send content_written for every page walked while sharing, in order."""
        pending, self.announced = self.announced, []
        for path, context, values in pending:
            localcontext = context.copy()
            localcontext.update(values)
            signals.content_written.send(path, context=localcontext)

    # Pelican's _open_w, split: the bookkeeping (every process), then the file.
    def _claim(self, filename, override):
        if filename in self._overridden_files:
            if override:
                raise FileOverwriteFailedError(
                    f'Failed to overwrite "{filename}" a second time '
                    "(was previously overwritten)"
                )
            logger.info('Skipping "%s", not overwriting', filename)
            filename = os.devnull
        elif filename in self._written_files:
            if override:
                logger.info('Overwriting "%s"', filename)
            else:
                raise FileOverwriteFailedError(
                    f'Failed to overwrite "{filename}" as Pelican has already '
                    "written to it previously (set `override=True` if intended)"
                )
        if override:
            self._overridden_files.add(filename)
        self._written_files.add(filename)
        return filename

    def _open_w(self, filename, encoding, override=False):
        return open(self._claim(filename, override), "w", encoding=encoding)

    def write_feed(self, elements, context, path=None, url=None, feed_type="atom",
                   override_output=False, feed_title=None):
        """Feeds are few: the parent process writes them all."""
        if self.index == 0:
            return super().write_feed(elements, context, path=path, url=url,
                                      feed_type=feed_type, override_output=override_output,
                                      feed_title=feed_title)
        if path:
            self._claim(sanitised_join(self.output_path, path), override_output)
        return None

    def write_file(self, name, template, context, relative_urls=False, paginated=None,
                   template_name=None, override_output=False, url=None, **kwargs):
        if not name:
            return

        def local_values(name, values):
            local = {"localsiteurl": context.get("localsiteurl", None)}
            if relative_urls:
                relative_url = path_to_url(get_relative_path(name))
                local["SITEURL"] = relative_url
                local["localsiteurl"] = relative_url
            local["output_file"] = name
            local.update(values)
            return local

        if paginated is None:
            paginated = {key: val for key, val in kwargs.items() if key in {"articles", "dates"}}

        if not (paginated and template_name in self.settings["PAGINATED_TEMPLATES"]):
            self._write_page(template, context, name, local_values(name, kwargs),
                             override_output)
            return

        per_page = (self.settings["PAGINATED_TEMPLATES"][template_name]
                    or self.settings["DEFAULT_PAGINATION"])
        paginators = {key: Paginator(name, url, val, self.settings, per_page)
                      for key, val in paginated.items()}
        for page_num in range(next(iter(paginators.values())).num_pages):
            paginated_kwargs = kwargs.copy()
            for key, paginator in paginators.items():
                previous_page = paginator.page(page_num) if page_num > 0 else None
                page = paginator.page(page_num + 1)
                next_page = (paginator.page(page_num + 2)
                             if page_num + 1 < paginator.num_pages else None)
                paginated_kwargs.update({
                    f"{key}_paginator": paginator,
                    f"{key}_page": page,
                    f"{key}_previous_page": previous_page,
                    f"{key}_next_page": next_page,
                })
            self._write_page(template, context, page.save_as,
                             local_values(page.save_as, paginated_kwargs), override_output)

    def _write_page(self, template, context, name, values, override):
        # set localsiteurl for context so that Contents can adjust links
        if values["localsiteurl"]:
            context["localsiteurl"] = values["localsiteurl"]
        path = sanitised_join(self.output_path, name)
        owner = self.owners.setdefault(path, self.walked % self.count)
        self.walked += 1
        self.sequence.update(f"{path}\0{override}\n".encode())
        target = self._claim(path, override)
        if owner == self.index:
            localcontext = context.copy()
            localcontext.update(values)
            output = self.page_cache.render(template, localcontext,
                                            path if target == path else None)
            if output is not None:  # None: the unchanged previous file is in place
                os.makedirs(os.path.dirname(path), exist_ok=True)
                with open(target, "w", encoding="utf-8") as handle:
                    handle.write(output)
            logger.info('Writing "%s"', path)
            file = self.page_cache.written(path)  # (size, mtime, inode) or None
            page_done.send(path, text=output, file=file)
            if not self.sharing:
                signals.content_written.send(path, context=localcontext)
        if self.sharing and self.index == 0:
            self.announced.append((path, context, values))
        if self.on_page:
            self.on_page()
