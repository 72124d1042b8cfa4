"""QR codes of page addresses as inline SVG, made at build time with segno.

Inline: no extra request, nothing for the CSP to allow. One code per URL is
cached for the whole process (`make serve` rebuilds reuse it).
"""

import functools

import segno
from markupsafe import Markup, escape

SIZE = 144  # CSS pixels; 40 modules at ~3.5px each scan well from a screen


@functools.lru_cache(maxsize=None)
def qr_svg(url, label):
    """<svg role="img" aria-label=label> encoding url (error correction M)."""
    code = segno.make(url, error="m", micro=False)
    svg = code.svg_inline(scale=1, omitsize=True, light="#fff", svgclass="xc-qr__code")
    attributes = f'<svg role="img" aria-label="{escape(label)}" width="{SIZE}" height="{SIZE}" '
    return Markup(svg.replace("<svg ", attributes, 1))
