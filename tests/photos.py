"""Phone-like photos made in the tests with Pillow: GPS position, camera maker,
XMP and an orientation (taken upright, stored sideways), in JPEG, PNG and WebP."""

import io

from PIL import Image, ImageDraw, PngImagePlugin

GPS = {1: "N", 2: (39.0, 53.0, 10.5), 3: "E", 4: (116.0, 21.0, 5.25)}
XMP = (b'<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/'
       b'02/22-rdf-syntax-ns#"><rdf:Description xmlns:xmp="http://ns.adobe.com/xap/1.0/" '
       b'xmp:CreatorTool="Phone"/></rdf:RDF></x:xmpmeta>')


def exif(orientation=1):
    found = Image.Exif()
    found[0x0112] = orientation
    found[0x010F] = "PhoneMaker"
    found[0x0110] = "Phone 12 Pro"
    found.get_ifd(0x8825).update(GPS)
    return found


def drawing(width, height, mode="RGB"):
    """A picture whose top-left quarter is red, the rest blue: its orientation shows."""
    image = Image.new(mode, (width, height), (20, 40, 200) + ((255,) if mode == "RGBA" else ()))
    ImageDraw.Draw(image).rectangle((0, 0, width // 2, height // 2), fill=(220, 20, 20))
    return image


def photo(format_="JPEG", width=2000, height=1500, orientation=1, mode="RGB"):
    """The bytes of a photo with EXIF (GPS, maker), XMP and the given orientation.
    ``width``×``height`` is the stored size (sideways for orientation 6)."""
    buffer = io.BytesIO()
    options = {"exif": exif(orientation)}
    if format_ in ("JPEG", "WEBP"):
        options["xmp"] = XMP
    if format_ == "PNG":
        text = PngImagePlugin.PngInfo()
        text.add_itxt("XML:com.adobe.xmp", XMP.decode())
        options["pnginfo"] = text
    if format_ == "JPEG":
        options["quality"] = 90
    drawing(width, height, mode).save(buffer, format_, **options)
    return buffer.getvalue()
