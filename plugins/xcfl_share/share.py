"""Sharing: the `qr_svg` template filter for the articles' 手机扫码阅读 code.

Open Graph tags are plain template work (theme/templates/partials/share-meta.html);
both use XCFL_PUBLIC_URL, the site's public address, even in development builds.
"""

from pelican import signals

from .qr import qr_svg


def qr_filter(url, label_format):
    return qr_svg(url, label_format.format(url=url))


def configure(pelican):
    pelican.settings.setdefault("JINJA_FILTERS", {})["qr_svg"] = qr_filter
    pelican.settings.setdefault("XCFL_PUBLIC_URL", pelican.settings.get("SITEURL", ""))


def register():
    signals.initialized.connect(configure)
