"""Width and height of an image file as the page shows it (upright), read by Pillow.

The browser reserves the space before the picture arrives, so the text does
not jump while a slow phone loads it. Pillow reads JPEG, PNG, WebP and GIF
headers and the EXIF orientation (xcfl_images/probe.py); SVG is read as text.
"""

from xcfl_images.probe import probe


def image_size(path):
    """(width, height) in CSS pixels, or None when unknown, unreadable or unpublishable."""
    info = probe(path)
    if info is None or info.problem or not info.width:
        return None
    return info.width, info.height
