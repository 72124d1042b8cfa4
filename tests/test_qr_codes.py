"""The articles' QR codes (plugins/xcfl_share/qr.py): they scan, they are the
code segno makes for the chosen mask, and they are made once."""

import os
import re
import shutil
import subprocess
import sys

import pytest
import segno
from bs4 import BeautifulSoup

from helpers import ROOT

sys.path.insert(0, os.path.join(ROOT, "plugins"))
from xcfl_share import qr  # noqa: E402

URLS = [
    "https://fulian.bjxch.gov.cn/news/2024/a-1/",
    "https://fulian.bjxch.gov.cn/women/2018/ronghua-qiaoniang/",
    "https://fulian.bjxch.gov.cn/notices/2026/a-9992/",
    "https://www.example.org.cn/family/2019/family-day-lecture/",
    "https://fulian.bjxch.gov.cn/rights/2021/" + "x" * 60 + "/",
] + [f"https://fulian.bjxch.gov.cn/news/20{n % 13 + 14}/a-{n * 37}/" for n in range(20)]


def modules(svg):
    """The dark modules of an inline SVG made by segno (scale 1): a set of (x, y)."""
    path = BeautifulSoup(svg, "html.parser").find("path", stroke=True)["d"]
    dark, x, y = set(), 0.0, 0.0
    for command, numbers in re.findall(r"([MmHh])([-\d. ]+)", path):
        values = [float(v) for v in numbers.split()]
        if command in "Mm":
            x, y = (values[0], values[1]) if command == "M" else (x + values[0], y + values[1])
        else:
            length = values[0] if command == "h" else values[0] - x
            dark |= {(int(x) + i, int(y - 0.5)) for i in range(int(length))}
            x += length
    return dark


def test_the_svg_is_byte_for_byte_segnos_own():
    # qr.inline_svg finds the dark runs with a regular expression instead of
    # segno's module-by-module walk: the same text
    for url in URLS + ["https://例子.中国/妇女/", "https://x.cn/"]:
        code = segno.make(url, error="m", micro=False, mask=qr.MASK)
        assert qr.inline_svg(code.matrix) == code.svg_inline(
            scale=1, omitsize=True, light="#fff", svgclass="xc-qr__code"), url


def test_the_svg_is_segnos_code_with_the_chosen_mask():
    for url in URLS:
        code = segno.make(url, error="m", micro=False, mask=qr.MASK)
        assert code.mask == qr.MASK
        expected = {(x, y) for y, row in enumerate(code.matrix_iter(border=4))
                    for x, bit in enumerate(row) if bit}
        assert modules(qr.make_svg(url, "二维码")) == expected, url


def test_the_codes_scan(tmp_path):
    """Decode the SVG's own modules with zbar, as a phone would read the screen
    (zbarimg: Debian's zbar-tools, installed by .ci/run)."""
    assert shutil.which("zbarimg"), "zbarimg is missing: apt-get install zbar-tools"
    for number, url in enumerate(URLS):
        dark = modules(qr.qr_svg(url, "二维码"))
        size = max(max(x for x, _ in dark), max(y for _, y in dark)) + 1 + 4
        scale = 4
        rows = [" ".join("1" if (x // scale, y // scale) in dark else "0"
                         for x in range(size * scale)) for y in range(size * scale)]
        image = tmp_path / f"code-{number}.pbm"
        image.write_text(f"P1\n{size * scale} {size * scale}\n" + "\n".join(rows) + "\n")
        found = subprocess.run(["zbarimg", "-q", "--raw", str(image)],
                               capture_output=True, text=True).stdout.strip()
        assert found == url


def test_codes_are_kept_in_the_cache_folder(tmp_path, monkeypatch):
    url = "https://fulian.bjxch.gov.cn/news/2024/kept/"
    path = str(tmp_path / "qr.pickle")
    first = qr.QrCodes(path)
    made = first.svg(url, "kept")
    first.make_all([url + f"{n}/" for n in range(70)])  # in worker processes
    first.save()
    assert os.listdir(tmp_path) == ["qr.pickle"]
    expected = qr.qr_svg(url + "69/", "二维码")

    # A later build reads it and makes nothing; the label is the one asked for
    monkeypatch.setattr(qr, "code_of", lambda *args: pytest.fail("made again"))
    later = qr.QrCodes(path)
    later.make_all([url])
    assert later.svg(url, "kept") == made
    assert later.svg(url + "69/", "二维码") == expected
    assert 'aria-label="其他"' in later.svg(url, "其他")


def test_a_new_segno_or_qr_module_starts_a_new_cache_file(monkeypatch):
    from importlib import metadata

    before = qr.version()
    original = metadata.version
    monkeypatch.setattr(metadata, "version",
                        lambda name: "0.0.0" if name == "segno" else original(name))
    assert qr.version() != before
