"""A stable digest of what a template can see, to key cached pages.

Generic on purpose: a page is keyed by everything reachable from the values
its templates name, so a new attribute or template variable is covered
without a list to keep up to date. Objects are followed through their
attributes two levels deep (an article, its neighbours and records, their
names and URLs): deeper than that only an object's identity counts, which is
what a page shows of things three links away (an article card's street).
Anything that cannot be digested stably (a repr with a memory address) makes
the page uncacheable: it is rendered again, never served stale.
"""

import datetime
import re
from hashlib import sha1

from pelican.urlwrappers import URLWrapper

SKIPPED = {"settings", "_context", "context"}  # the site settings: in the build fingerprint
IDENTITY = ("url", "save_as", "id", "name", "title", "slug")
MAX_DEPTH = 2
SHALLOW = "shallow"  # memo key: the same digest at every depth below MAX_DEPTH
SHARED_DEPTHS = (0, 1)  # an article on its own page, and in a listing
ADDRESS = re.compile(r" at 0x[0-9a-f]+", re.I)


def string_part(value):
    """A string as a part of a digest: its length keeps joined parts unambiguous.
    (Whole strings, not their hashes: hashing each one cost a fifth of the keys.)"""
    return f"s{len(value)}:{value}"


class Uncacheable(Exception):
    pass


class Digester:
    """Digests of values, memoized for one build's output phase (values do not
    change while pages are written)."""

    def __init__(self):
        self._memo = {}
        self._wrappers = {}  # wrapper_shape -> identity parts
        self._keep = []  # memo keys are ids: keep the objects alive
        self._met_object = False  # the digest being made holds a plain object

    def __call__(self, value, depth=0):
        kind = type(value)
        if kind is str:
            return string_part(value)
        if value is None or kind is bool or kind is int or kind is float:
            return repr(value)
        # Most digests do not depend on the depth they are asked at: one with no
        # plain object inside (a dict of strings, dates and tags) is the same
        # at any depth, and a plain object with none inside its attributes the
        # same at any depth short of MAX_DEPTH. Those are kept once (an article's
        # metadata serves its own page and every listing).
        memo, ident = self._memo, id(value)
        found = memo.get(ident)
        if found is not None:
            return found
        plain = is_plain_object(value)
        if plain:
            self._met_object = True
            if depth < MAX_DEPTH:
                found = memo.get((ident, SHALLOW))
                if found is not None:
                    return found
        found = memo.get((ident, depth))
        if found is not None:
            self._met_object = True  # made at this depth only: the caller is too
            return found
        if isinstance(value, str):  # Markup and other str subclasses
            return string_part(value)
        if isinstance(value, (bool, int, float)):
            return repr(value)
        outer, self._met_object = self._met_object, False
        try:
            if isinstance(value, (datetime.date, datetime.time)):
                found = (f"{type(value).__name__}:{value.isoformat()}:"
                         f"{getattr(value, 'tzinfo', None)}")
            else:
                found = self._digest(value, depth)
        finally:
            inner = self._met_object
            self._met_object = outer or inner or plain
        if not inner and not plain:
            memo[ident] = found
        elif not inner and depth < MAX_DEPTH:
            memo[(ident, SHALLOW)] = found
        else:
            memo[(ident, depth)] = found
        self._keep.append(value)
        return found

    def share(self, objects, index, count):
        """Digests of every `count`-th object from the `index`-th, at the two
        depths pages read them (an article on its own page and in a listing),
        keyed as in the memo; an object that cannot be digested is left out."""
        found = {}
        for value in objects[index::count]:
            for depth in SHARED_DEPTHS:
                try:
                    found[(id(value), depth)] = self(value, depth)
                except Uncacheable:
                    break
        return found

    def adopt(self, found, objects):
        """Take digests another process worked out (share) of the same
        `objects`: the same objects at the same addresses, forked from one."""
        alive = {id(value): value for value in objects}
        for key, digest in found.items():
            if key[0] in alive and key not in self._memo:
                self._memo[key] = digest
                self._keep.append(alive[key[0]])

    def _digest(self, value, depth):
        parts = [type(value).__qualname__]
        if isinstance(value, dict):
            parts += [f"{self(k, depth)}={string_part(v) if type(v) is str else self(v, depth)}"
                      for k, v in value.items() if k not in SKIPPED]
        elif isinstance(value, (list, tuple)):
            parts += [string_part(item) if type(item) is str else self(item, depth)
                      for item in value]
        elif isinstance(value, (set, frozenset)):
            parts += sorted(self(item, depth) for item in value)
        elif callable(value) and hasattr(value, "__qualname__"):
            parts.append(f"{getattr(value, '__module__', '')}.{value.__qualname__}")
        elif hasattr(value, "__dict__"):
            parts += self._object(value, depth)
        else:
            text = repr(value)
            if ADDRESS.search(text):
                raise Uncacheable(type(value).__qualname__)
            parts.append(text)
        return sha1("\x1f".join(parts).encode("utf-8", "surrogatepass")).hexdigest()

    def _object(self, value, depth):
        # A tag, category or author is its name, slug and URL. Its attributes are
        # not: it computes its slug on first use and keeps it (`_slug`), so they
        # differ between a build that rendered the articles (which use tag.url)
        # before a listing and one that reused those pages.
        if isinstance(value, URLWrapper):
            # Every article has its own Tag, Category and Author objects: the same
            # name gives the same identity, worked out once (a slug and two URL
            # formats each: a third of the time of a page's key).
            shape = wrapper_shape(value)
            if shape is None:
                return self._identity(value, depth)
            found = self._wrappers.get(shape)
            if found is None:
                found = self._wrappers[shape] = self._identity(value, depth)
            return found
        if depth >= MAX_DEPTH:
            return self._identity(value, depth)
        depth += 1
        return [f"{name}={string_part(item) if type(item) is str else self(item, depth)}"
                for name, item in vars(value).items() if name not in SKIPPED]

    def _identity(self, value, depth):
        found = []
        for name in IDENTITY:
            item = getattr(value, name, None)  # a property (url) is computed once
            if isinstance(item, (str, int, type(None))):
                found.append(f"{name}={self(item, depth)}")
        return found


def is_plain_object(value):
    """A value digested by its attributes (or, deep down, its identity): what
    _digest hands to _object, tags, categories and authors apart."""
    return (hasattr(value, "__dict__")
            and not isinstance(value, NOT_PLAIN)
            and not (callable(value) and hasattr(value, "__qualname__")))


# Digested by what they hold, even subclasses with a __dict__ (Pelican's SafeDatetime).
NOT_PLAIN = (str, int, float, datetime.date, datetime.time, dict, list, tuple, set, frozenset,
             URLWrapper)


def wrapper_shape(wrapper):
    """What a tag, category or author's identity is made of (with the site's
    settings): its class, name and any other plain attribute, such as a slug
    set by hand; None when it holds anything else."""
    values = vars(wrapper)
    shape = []
    for name, item in values.items():
        if name in ("settings", "name", "slug"):  # name and slug: copies as_dict() leaves
            continue
        if name == "_slug" and values.get("_slug_from_name", True):
            continue  # worked out from the name
        if item is not None and type(item) not in (str, bool, int):
            return None
        shape.append((name, item))
    return (type(wrapper), *sorted(shape))
