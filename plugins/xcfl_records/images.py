"""Width and height of a photo, read from its header (no imaging library).

Pages give every <img> its width and height so the layout does not jump
while pictures load.
"""

import re
import struct

SVG_SIZE = re.compile(rb'<svg[^>]*?\bviewBox="\s*[-\d.]+[\s,]+[-\d.]+[\s,]+([\d.]+)[\s,]+([\d.]+)', re.S)
SVG_WIDTH = re.compile(rb'<svg[^>]*?\bwidth="([\d.]+)(?:px)?"[^>]*?\bheight="([\d.]+)(?:px)?"', re.S)


def image_size(path):
    """(width, height) in pixels, or None for a format we cannot read."""
    with open(path, "rb") as handle:
        head = handle.read(65536)
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return struct.unpack(">II", head[16:24])
    if head[:6] in (b"GIF87a", b"GIF89a"):
        return struct.unpack("<HH", head[6:10])
    if head.startswith(b"\xff\xd8"):
        return _jpeg_size(path)
    match = SVG_WIDTH.search(head) or SVG_SIZE.search(head)
    if match:
        return tuple(round(float(number)) for number in match.groups())
    return None


def _jpeg_size(path):
    with open(path, "rb") as handle:
        data = handle.read()
    index = 2
    while index + 9 < len(data):
        if data[index] != 0xFF:
            return None
        marker = data[index + 1]
        length = struct.unpack(">H", data[index + 2:index + 4])[0]
        if 0xC0 <= marker <= 0xCF and marker not in (0xC4, 0xC8, 0xCC):  # start of frame
            height, width = struct.unpack(">HH", data[index + 5:index + 9])
            return width, height
        index += 2 + length
    return None
