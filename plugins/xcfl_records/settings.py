"""URL settings of the records' pages, Pelican style; pelicanconf may override any."""

from .kinds import COLLECTIONS


def defaults():
    found = {
        "STREET_URL": "streets/{id}/",
        "STREET_SAVE_AS": "streets/{id}/index.html",
        "STREETS_URL": "streets/",
        "STREETS_SAVE_AS": "streets/index.html",
        "STATS_URL": "stats/",
        "STATS_SAVE_AS": "stats/index.html",
    }
    for collection in COLLECTIONS:
        one, many, name = collection.kind.upper(), collection.plural, collection.name
        found.update({
            f"{one}_URL": f"{name}/{{id}}/",
            f"{one}_SAVE_AS": f"{name}/{{id}}/index.html",
            f"{many}_URL": f"{name}/",
            f"{many}_SAVE_AS": f"{name}/index.html",
            # filtered listings: /families/level/<value>/, /families/street/<street-id>/
            f"{many}_FILTER_URL": f"{name}/{{facet}}/{{value}}/",
            f"{many}_FILTER_SAVE_AS": f"{name}/{{facet}}/{{value}}/index.html",
        })
    return found


def fill_defaults(pelican):
    for key, value in defaults().items():
        pelican.settings.setdefault(key, value)
