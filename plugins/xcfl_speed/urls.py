"""Articles', pages', tags' and categories' addresses, worked out once each
while pages are written.

Pelican works out `url` and `save_as` from the settings on every use: a copy of
the metadata, the date formatted, the slugs of the category and author, a
format string. Writing one page asks for them of every article it lists, of
its neighbours, tags and category, and the page keys (digest.py) ask again: at
10,000 articles that was over a second per writing process. From
all_generators_finalized, when every content is read and checked, to the end
of the build nothing they are made of changes; the first answer is kept.

Static files are left out: an {attach} link, resolved when an article's
content is first shown, may still move one (Static.attach_to).
"""

from pelican import contents, urlwrappers

MARK = "xcfl_original"
_remembered = {}  # (id of the object, property) -> (the object, its value)
_on = False


def remembered(getter, name):
    def get(self):
        if not _on or isinstance(self, contents.Static):
            return getter(self)
        found = _remembered.get((id(self), name))
        if found is not None and found[0] is self:  # the object is kept: its id is its own
            return found[1]
        value = getter(self)
        _remembered[(id(self), name)] = (self, value)
        return value

    get.__name__ = name
    setattr(get, MARK, getter)
    return get


def install():
    """Once per process: the properties, remembering only between start() and stop()."""
    for owner, names in ((contents.Content, ("url", "save_as")),
                         (urlwrappers.URLWrapper, ("url", "save_as", "page_name"))):
        for name in names:
            prop = owner.__dict__[name]
            if not hasattr(prop.fget, MARK):
                setattr(owner, name, property(remembered(prop.fget, name), doc=prop.__doc__))


def share(objects, index, count):
    """The addresses of every `count`-th object from the `index`-th, worked out
    here for the other writing processes (parallel.share_digests)."""
    found = {}
    for value in objects[index::count]:
        for name in ("url", "save_as"):
            found[(id(value), name)] = getattr(value, name)
    return found


def adopt(found, objects):
    """Take addresses another process worked out (share) of these same objects."""
    if not _on:
        return
    alive = {id(value): value for value in objects}
    for (ident, name), value in found.items():
        if ident in alive and not isinstance(alive[ident], contents.Static):
            _remembered.setdefault((ident, name), (alive[ident], value))


def start(*args):
    global _on
    _remembered.clear()
    _on = True


def stop(*args):
    global _on
    _on = False
    _remembered.clear()
