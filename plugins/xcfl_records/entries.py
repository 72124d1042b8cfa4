"""What templates get: records, streets and filter groups as plain objects.

Built from validated models; the `private` mapping never got this far
(reading.py drops it before validation).
"""

import hashlib
from types import SimpleNamespace

from pelican.utils import slugify

from . import description
from xcfl_images.picture import picture
from .schema import KINDS, LEVELS


def street_entries(streets, settings):
    return [SimpleNamespace(
        id=street.id, name=street.name,
        url=settings["STREET_URL"].format(id=street.id),
        save_as=settings["STREET_SAVE_AS"].format(id=street.id),
        records={}, articles=[],
    ) for street, _ in streets]


def record_entry(record, source, collection, street, settings, cache=None):
    one = collection.kind.upper()
    root = settings["PATH"]
    return SimpleNamespace(
        **record.model_dump(),
        collection=collection,
        source=source.path,
        url=settings[f"{one}_URL"].format(id=record.id),
        save_as=settings[f"{one}_SAVE_AS"].format(id=record.id),
        listing_url=settings[f"{collection.plural}_URL"],
        street_entry=street,
        description_html=(description.render(record.description) if cache is None else
                          cache.description(record.description, description.render)),
        images=[photo(path, root, settings) for path in record.photos],
        articles=[],
    )


def photo(path, root, settings):
    """src (under content/, as published), width, height and the ``picture``
    markup values (every width, WebP) of one photo of a record."""
    shown = picture(path, root, settings["SITEURL"]) or {
        "src": f"{settings['SITEURL']}/{path}", "width": None, "height": None}
    return {"src": path, "width": shown["width"], "height": shown["height"], "picture": shown}


def sort_key(facet, value):
    """Filters list values in a meaningful order: the official order of levels
    and kinds, newest year first, anything else by name."""
    if facet == "level":
        return LEVELS.index(value)
    if facet == "kind":
        return KINDS.index(value)
    if facet == "year":
        return -value
    return str(value)


def facet_groups(records, facet, streets, settings, collection):
    """[group] of the records sharing one value of ``facet``, each a filtered page."""
    if facet == "street":
        order = [(street.name, street.id) for street in streets]
    else:
        values = sorted({getattr(r, facet) for r in records if getattr(r, facet) is not None},
                        key=lambda value: sort_key(facet, value))
        order = [(value, slug_of(value, settings)) for value in values]
    many = collection.plural
    groups = []
    for value, slug in order:
        members = [r for r in records if getattr(r, facet) == value]
        if not members:
            continue
        groups.append(SimpleNamespace(
            facet=facet, value=value, label=str(value) + ("年" if facet == "year" else ""),
            records=members,
            url=settings[f"{many}_FILTER_URL"].format(facet=facet, value=slug),
            save_as=settings[f"{many}_FILTER_SAVE_AS"].format(facet=facet, value=slug),
        ))
    return groups


def slug_of(value, settings):
    """ASCII URL segment of a filter value: 2018 -> 2018, 剪纸 -> jian-zhi."""
    slug = slugify(str(value), regex_subs=settings["SLUG_REGEX_SUBSTITUTIONS"])
    # a value of only punctuation has no slug: a short hash still gives it a page
    return slug or hashlib.sha1(str(value).encode()).hexdigest()[:8]
