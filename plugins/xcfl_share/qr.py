"""QR codes of page addresses as inline SVG, made at build time with segno.

Inline: no extra request, nothing for the CSP to allow.

Made once: a code is kept per (url, label) for the whole process (`make serve`
rebuilds reuse it) and in XCFL_CACHE_PATH across builds (`qr.pickle`, read only
when a page is rendered). The file is stamped with segno's version and a digest
of this module, so changing either makes every code anew. In a build
written by several processes, each child sends the codes it made to the parent
(xcfl_speed.parallel), which saves them at `finalized`.
"""

import hashlib
import os
import re

import segno
from markupsafe import Markup, escape

import xcfl_cache as cachefile

SIZE = 144  # CSS pixels; 40 modules at ~3.5px each scan well from a screen
# One data mask for every code. A decoder reads the mask from the code's format
# information, and all eight are valid (ISO/IEC 18004 7.8.2); the automatic choice
# only picks the lowest penalty for patterns that might confuse a reader, and costs
# ~3.5x the encoding (8 masks evaluated in Python). Measured on 1,000 of our
# addresses (docs/architecture.md, "Build speed"): mask 2 is the one segno picks
# most often (30 %) and its penalty is 3 % above the best on average; every code,
# with either choice, decoded with zbarimg.
MASK = 2

_memo = {}  # (url, label) -> Markup, this process
_added = {}  # (url, label) -> svg text made since the last save
_store = {"file": None, "codes": None}  # the cache file and its codes, once read


def version():
    with open(__file__, "rb") as handle:
        own = hashlib.sha256(handle.read()).hexdigest()[:16]
    return f"{segno.__version__}-{own}"


def use_cache_folder(folder):
    """At the start of a build: where codes are kept (None: nowhere). One file,
    stamped with the version: codes of another version are replaced, not kept
    beside it."""
    name = os.path.join(folder, "qr.pickle") if folder else None
    if name != _store["file"]:
        _store.update(file=name, codes=None)


def make_svg(url, label):
    code = segno.make(url, error="m", micro=False, mask=MASK)
    return (f'<svg role="img" aria-label="{escape(label)}" width="{SIZE}" height="{SIZE}" '
            + inline_svg(code.matrix)[5:])


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


def qr_svg(url, label):
    """<svg role="img" aria-label=label> encoding url (error correction M)."""
    key = (url, label)
    found = _memo.get(key)
    if found is None:
        text = _stored().get(key)
        if text is None:
            text = _added[key] = make_svg(url, label)
        found = _memo[key] = Markup(text)
    return found


def _stored():
    if _store["codes"] is None:
        _store["codes"] = {}
        if _store["file"]:
            _store["codes"] = cachefile.load(_store["file"], version())
    return _store["codes"]


def made_here():
    """The codes made by this process since the last save (a child's result)."""
    return dict(_added)


def take(codes):
    """Codes another process made for this build."""
    _added.update(codes)
    _memo.update((key, Markup(text)) for key, text in codes.items())


def save():
    """At `finalized`: keep the codes made in this build for the next ones."""
    if not _added or not _store["file"]:
        _added.clear()
        return
    codes = _stored()
    codes.update(_added)
    _added.clear()
    cachefile.save(_store["file"], version(), codes)
