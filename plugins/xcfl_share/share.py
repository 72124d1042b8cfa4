"""Sharing: the `qr_svg` template filter for the articles' 手机扫码阅读 code.

Open Graph tags are plain template work (theme/templates/partials/share-meta.html);
both use XCFL_PUBLIC_URL, the site's public address, even in development builds.
"""

import blinker
from pelican import signals

from . import qr
from .qr import qr_svg

QR_RESULT = "xcfl_share.qr"


def qr_filter(url, label_format):
    return qr_svg(url, label_format.format(url=url))


def configure(pelican):
    pelican.settings.setdefault("JINJA_FILTERS", {})["qr_svg"] = qr_filter
    pelican.settings.setdefault("XCFL_PUBLIC_URL", pelican.settings.get("SITEURL", ""))
    qr.use_cache_folder(pelican.settings.get("XCFL_CACHE_PATH"))


def child_codes(sender):
    """In a child process writing pages (xcfl_speed.parallel): the codes it made."""
    return QR_RESULT, qr.made_here()


def children_codes(sender, results):
    for codes in results.get(QR_RESULT, ()):
        qr.take(codes)


def save_codes(pelican):
    qr.save()


def register():
    signals.initialized.connect(configure)
    signals.finalized.connect(save_codes)
    # Named signals of xcfl_speed.parallel; nothing is sent when it is not used.
    blinker.signal("xcfl_speed.child_done").connect(child_codes)
    blinker.signal("xcfl_speed.child_results").connect(children_codes)
