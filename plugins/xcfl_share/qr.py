"""QR codes of page addresses as inline SVG, made at build time with segno.

Inline: no extra request, nothing for the CSP to allow. A build's codes
(QrCodes) are kept in XCFL_CACHE_PATH/qr.pickle across builds, keyed by URL,
under a stamp of segno's version and this module. Before pages are written,
the codes of every article's address that the cache lacks are made by worker
processes (make_all); the filter makes any other one itself.
"""

import re

import segno
from markupsafe import Markup, escape

import xcfl_cache as cachefile
from xcfl_cache.workers import map_in_workers

SIZE = 144  # CSS pixels; 40 modules at ~3.5px each scan well from a screen
# One data mask for every code. A decoder reads the mask from the code's format
# information, and all eight are valid (ISO/IEC 18004 7.8.2); the automatic choice
# only picks the lowest penalty for patterns that might confuse a reader, and costs
# ~3.5x the encoding (8 masks evaluated in Python). Measured on 1,000 of our
# addresses (docs/architecture.md, "Build speed"): mask 2 is the one segno picks
# most often (30 %) and its penalty is 3 % above the best on average; every code,
# with either choice, decoded with zbarimg.
MASK = 2


def version():
    return cachefile.fingerprint(MASK, SIZE, code=("xcfl_share/qr.py",), libraries=("segno",))


def code_of(url):
    """The SVG of url's code without its start tag's "<svg" (labelled by labelled())."""
    return inline_svg(segno.make(url, error="m", micro=False, mask=MASK).matrix)[4:]


def labelled(code, label):
    return f'<svg role="img" aria-label="{escape(label)}" width="{SIZE}" height="{SIZE}"{code}'


def make_svg(url, label):
    return labelled(code_of(url), label)


def qr_svg(url, label):
    """<svg role="img" aria-label=label> encoding url (error correction M)."""
    return Markup(make_svg(url, label))  # noqa: S704 - our own SVG, label escaped


DARK_RUN = re.compile(b"[^\x00]+")  # as segno: a module that is not 0 is dark


def inline_svg(matrix, border=4):
    """Exactly segno's `svg_inline(scale=1, omitsize=True, light="#fff",
    svgclass="xc-qr__code")` of a code's matrix: a white square and one path of
    horizontal lines, one per run of dark modules, each moving from the end of
    the one before. segno walks the modules one by one in Python, and formats
    each line through a generator: a third of the time of making a code (~0.5 ms,
    5 s over 10,000 articles). Runs are found by a regular expression here."""
    width = len(matrix) + 2 * border
    lines = []
    last_x, last_y = 0, 0.0
    y = border + 0.5
    for row in matrix:
        for run in DARK_RUN.finditer(bytes(row)):
            start, end = run.start() + border, run.end() + border
            step = y - last_y
            lines.append(f"{'m' if lines else 'M'}{start - last_x} "
                         f"{int(step) if step == int(step) else step}h{end - start}")
            last_x, last_y = end, y
        y += 1
    return (f'<svg viewBox="0 0 {width} {width}" class="xc-qr__code">'
            f'<path fill="#fff" d="M0 0h{width}v{width}h-{width}z"/>'
            f'<path class="qrline" stroke="#000" d="{"".join(lines)}"/></svg>')


class QrCodes:
    """One build's codes: those of the cache file (read on first use), and the
    ones made in this build, saved with them at the end (save())."""

    def __init__(self, path):
        self.path, self.codes, self.made = path, None, 0

    def _cached(self):
        if self.codes is None:
            self.codes = cachefile.load(self.path, version()) if self.path else {}
        return self.codes

    def make_all(self, urls):
        """Make the codes of `urls` the cache lacks, in worker processes."""
        missing = sorted(set(urls) - self._cached().keys())
        self.codes.update(zip(missing, map_in_workers(code_of, missing)))
        self.made += len(missing)

    def svg(self, url, label):
        if url not in self._cached():
            self.codes[url] = code_of(url)
            self.made += 1
        return Markup(labelled(self.codes[url], label))  # noqa: S704 - our SVG, label escaped

    def save(self):
        if self.made and self.path:
            cachefile.save(self.path, version(), self.codes)
