"""Sharing: the `qr_svg` template filter for the articles' 手机扫码阅读 code.

Open Graph tags are plain template work (theme/templates/partials/share-meta.html);
both use XCFL_PUBLIC_URL, the site's public address, even in development builds.
"""

from pelican import signals

import xcfl_cache as cachefile

from .qr import QrCodes

_build = {}  # "codes": this run's QrCodes, from `get_generators` to `finalized`


def start(pelican):
    """get_generators: sent first by every Pelican.run() (make serve runs one
    Pelican again and again). Returns no generator."""
    _build["codes"] = QrCodes(cachefile.cache_file(pelican.settings, "qr", per_content=False))


def qr_filter(url, label_format):
    return _build["codes"].svg(url, label_format.format(url=url))


def make_codes(generators):
    """Before pages are written: every article's code (article.html shows it)."""
    settings = generators[0].settings
    if settings["XCFL_CHECK_ONLY"]:
        return  # nothing will be written
    public = settings["XCFL_PUBLIC_URL"]
    _build["codes"].make_all(f"{public}/{article.url}" for generator in generators
                             for article in getattr(generator, "articles", ()))


def add_filter(generator):
    generator.env.filters["qr_svg"] = qr_filter


def save_codes(pelican):
    codes = _build.pop("codes", None)
    if codes:
        codes.save()


def register():
    signals.get_generators.connect(start)
    signals.generator_init.connect(add_filter)
    signals.all_generators_finalized.connect(make_codes)
    signals.finalized.connect(save_codes)
