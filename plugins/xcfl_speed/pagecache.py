"""Pages whose inputs did not change are copied from the previous output.

Each page is keyed by the build fingerprint (templates, plugin code, settings,
versions) and a digest of every context value its templates read (digest.py,
templates.py). The key of every written page is kept in the cache folder with
the file's size, modification time and inode; a later build finding the same
key, and the previous file untouched, takes that file instead of rendering the
template: left in place when the build writes into the same folder, hard-linked
into a new one (`make publish`'s staging folder), its text copied where a link
cannot be made. The page is still announced (content_written) as usual, so the
sitemap and the search index see every page.
"""

import hashlib
import os
import sys
from importlib import metadata

import jinja2
import pelican

import xcfl_cache as cachefile

from .digest import Digester, Uncacheable
from .templates import forget, referenced_names

FORMAT = 1
# Where this build writes and keeps caches: no page shows them, and a publish
# build's staging folder has a new name every time.
NOT_SHOWN = {"OUTPUT_PATH", "XCFL_CACHE_PATH", "XCFL_PREVIOUS_OUTPUT", "CACHE_PATH"}


def shown_settings(settings):
    """The settings a page could show: every one but where this build writes."""
    return {k: v for k, v in settings.items() if k.isupper() and k not in NOT_SHOWN}


def build_fingerprint(settings, digester):
    """Everything that every page depends on, apart from the values it reads."""
    # MarkupSafe escapes every value a template prints
    digest = hashlib.sha256(f"{FORMAT} {sys.version} {pelican.__version__} "
                            f"{jinja2.__version__} {version_of('MarkupSafe')}".encode())
    plugins = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    for top in [settings["THEME"], plugins]:
        for folder, folders, names in os.walk(top):
            folders.sort()
            for name in sorted(names):
                if name.endswith((".py", ".html", ".yaml", ".css", ".js", ".svg")):
                    with open(os.path.join(folder, name), "rb") as handle:
                        digest.update(name.encode() + b"\0" + handle.read())
    try:
        digest.update(digester(shown_settings(settings)).encode())
    except Uncacheable:
        return None
    return digest.hexdigest()


def version_of(library):
    """`library=version` of an installed distribution (`none` if missing)."""
    try:
        return f"{library}={metadata.version(library)}"
    except metadata.PackageNotFoundError:
        return f"{library}=none"


def manifest_file(settings, previous):
    folder = settings.get("XCFL_CACHE_PATH")
    if not folder:
        return None
    name = hashlib.sha256(os.path.abspath(previous).encode()).hexdigest()[:16]
    return os.path.join(folder, f"pages-{name}.pickle")


class PageCache:
    def __init__(self, settings, output_path):
        self.previous = settings.get("XCFL_PREVIOUS_OUTPUT") or output_path
        self.output_path = output_path
        self.path = manifest_file(settings, self.previous)
        forget()
        self.digester = Digester()
        self.fingerprint = build_fingerprint(settings, self.digester) if self.path else None
        self.old = self._load() if self.fingerprint else {}
        self.new = {}  # relative name -> (key, stat) of pages written in this build
        self.pending = {}  # absolute path -> (relative name, key), until written
        self.names = {}  # template name -> the context names it reads, sorted
        # settings in the fingerprint: a page reading one of these objects unchanged
        self.fixed = shown_settings(settings).get
        self.hits = self.misses = 0

    def _load(self):
        return cachefile.load(self.path, self.fingerprint)

    def key(self, template, localcontext):
        if not self.fingerprint:
            return None
        names = self.names.get(template.name)
        if names is None:
            names = self.names[template.name] = sorted(
                referenced_names(template.environment, template.name))
        parts = [template.name, localcontext.get("output_file", "")]
        digester, get, fixed = self.digester, localcontext.get, self.fixed
        try:
            # A setting the page reads as it is in the settings is in the
            # fingerprint already: skipping it saves ~25 digests a page.
            parts += [f"{n}={digester(get(n))}" for n in names if get(n) is not fixed(n, None)]
        except Uncacheable:
            return None
        return hashlib.sha256("\n".join(parts).encode("utf-8", "surrogatepass")).hexdigest()

    def render(self, template, localcontext, path=None):
        """The page's text, from the previous output when its key matches; None
        when the previous file itself was put at `path` (this build's file):
        it is already there (same folder) or hard-linked to it."""
        name = localcontext["output_file"]
        key = self.key(template, localcontext)
        if key:
            self.pending[os.path.abspath(os.path.join(self.output_path, name))] = (name, key)
            entry = self.old.get(name)
            if entry and entry[0] == key:
                previous = os.path.join(self.previous, name)
                if path and self._place(previous, entry[1], path):
                    self.hits += 1
                    return None
                text = self._previous_text(previous, entry[1])
                if text is not None:
                    self.hits += 1
                    return text
        self.misses += 1
        return template.render(localcontext)

    @staticmethod
    def _place(previous, stat, path):
        try:
            if cachefile.file_of(previous) != stat:
                return False  # changed since we wrote it
            if os.path.abspath(previous) == os.path.abspath(path):
                return True
            try:
                os.link(previous, path)  # same bytes, no copy; fails across file systems
            except FileNotFoundError:  # its folder is not there yet (mostly it is: folders.py)
                os.makedirs(os.path.dirname(path), exist_ok=True)
                os.link(previous, path)
            return True
        except OSError:
            return False

    @staticmethod
    def _previous_text(path, stat):
        try:
            if cachefile.file_of(path) != stat:
                return None  # changed since we wrote it
            with open(path, encoding="utf-8", newline="") as handle:
                return handle.read()
        except OSError:
            return None

    def written(self, path):
        """After Pelican wrote a page: remember its key with the file as written.
        Returns the file's size, mtime and inode when it looked (None otherwise)."""
        found = self.pending.pop(os.path.abspath(path), None)
        if found:
            name, key = found
            file = cachefile.file_of(path)
            self.new[name] = (key, file)
            return file
        return None

    def save(self):
        if not self.path or not self.fingerprint:
            return
        cachefile.save(self.path, self.fingerprint, self.new)
