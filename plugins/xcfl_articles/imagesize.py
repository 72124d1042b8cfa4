"""Width and height of an image file, read from its header (no image library).

The browser reserves the space before the picture arrives, so the text does
not jump while a slow phone loads it.
"""

import re
import struct

SVG_SIZE = re.compile(rb'<svg\b[^>]*>', re.S)
ATTRIBUTE = r'\b%s\s*=\s*["\']\s*([\d.]+)\s*(?:px)?\s*["\']'


def image_size(path):
    """(width, height) in CSS pixels, or None when unknown or unreadable."""
    try:
        with open(path, "rb") as handle:
            head = handle.read(65536)
            if head[:2] == b"\xff\xd8":
                # a phone photo's EXIF block (with its thumbnail) can push the
                # JPEG size header past the first 64 KB
                head += handle.read()
    except OSError:
        return None
    for reader in (_png, _gif, _jpeg, _svg):
        size = reader(head)
        if size:
            return size
    return None


def _png(data):
    if data[:8] == b"\x89PNG\r\n\x1a\n" and data[12:16] == b"IHDR":
        return struct.unpack(">II", data[16:24])
    return None


def _gif(data):
    if data[:6] in (b"GIF87a", b"GIF89a"):
        return struct.unpack("<HH", data[6:10])
    return None


def _jpeg(data):
    if data[:2] != b"\xff\xd8":
        return None
    position = 2
    while position + 9 < len(data):
        if data[position] != 0xFF:
            return None
        marker = data[position + 1]
        if marker == 0xDA:  # start of scan: no size header before the pixels
            return None
        length = struct.unpack(">H", data[position + 2:position + 4])[0]
        # SOF0..SOF15 carry the size, except DHT (C4), JPG (C8) and DAC (CC)
        if 0xC0 <= marker <= 0xCF and marker not in (0xC4, 0xC8, 0xCC):
            height, width = struct.unpack(">HH", data[position + 5:position + 9])
            return width, height
        position += 2 + length
    return None


def _svg(data):
    match = SVG_SIZE.search(data)
    if not match:
        return None
    tag = match.group(0).decode("utf-8", "replace")
    width = re.search(ATTRIBUTE % "width", tag)
    height = re.search(ATTRIBUTE % "height", tag)
    if width and height:
        return round(float(width.group(1))), round(float(height.group(1)))
    box = re.search(r'\bviewBox\s*=\s*["\']\s*[-\d.]+[\s,]+[-\d.]+[\s,]+([\d.]+)[\s,]+([\d.]+)', tag)
    if box:
        return round(float(box.group(1))), round(float(box.group(2)))
    return None
