"""The sample content's photos and attachments, made here (no third-party pictures).

Photos: drawn scenes (a hall with a banner, a classroom, a craft table, a
reading corner, volunteers outdoors) at a phone's size, saved as a phone
saves them: JPEG with EXIF (camera, GPS position, orientation; some stored
sideways, orientation 6), so the sample build exercises the whole pipeline
(turned upright, metadata removed, several widths). Attachments: a minimal
Word document and Excel workbook (Office Open XML written with zipfile).

    .venv/bin/python bench/sample_media.py [--content content]

Deterministic: the same files every run (fixed seeds, fixed zip dates).
"""

import argparse
import io
import os
import random
import zipfile

from PIL import Image, ImageDraw, ImageFilter, ImageFont

FONT = "/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc"
GPS = {1: "N", 2: (39.0, 53.0, 10.5), 3: "E", 4: (116.0, 21.0, 5.25)}  # 西城区, a home's place
DRAW_SCALE = 4  # drawn at a quarter of the size, then enlarged: soft like a phone photo


def font(size):
    try:
        return ImageFont.truetype(FONT, size)
    except OSError:
        return ImageFont.load_default(size)


def gradient(size, top, bottom):
    width, height = size
    column = Image.new("RGB", (1, height))
    for y in range(height):
        t = y / max(1, height - 1)
        column.putpixel((0, y), tuple(round(a + (b - a) * t) for a, b in zip(top, bottom)))
    return column.resize(size)


def people(draw, rng, count, floor, height, spread):
    """Rows of seated or standing people seen from behind or the front."""
    for _ in range(count):
        x = rng.randrange(*spread)
        y = floor + rng.randrange(-height // 6, height // 6)
        scale = 0.6 + (y - floor + height // 6) / height
        head = 14 * scale
        body = (rng.choice([(180, 30, 40), (40, 60, 110), (60, 60, 60), (200, 170, 120),
                            (240, 240, 235), (90, 120, 80)]))
        draw.rounded_rectangle((x - 22 * scale, y, x + 22 * scale, y + 70 * scale),
                               radius=int(12 * scale), fill=body)
        draw.ellipse((x - head, y - 2.1 * head, x + head, y), fill=(40, 30, 25))


def hall(rng, size, title):
    """表彰大会: a stage, a red banner with the meeting's name, an audience."""
    w, h = size
    image = gradient(size, (120, 60, 55), (60, 40, 40))
    draw = ImageDraw.Draw(image)
    draw.rectangle((0, int(h * 0.55), w, h), fill=(110, 80, 60))  # floor
    draw.rectangle((w * 0.08, h * 0.12, w * 0.92, h * 0.26), fill=(190, 20, 30))
    text = font(int(h * 0.07))
    draw.text((w / 2, h * 0.19), title, font=text, fill=(255, 220, 120), anchor="mm")
    draw.rectangle((w * 0.1, h * 0.42, w * 0.9, h * 0.5), fill=(170, 25, 35))  # the table
    for x in range(int(w * 0.15), int(w * 0.9), int(w * 0.1)):
        draw.ellipse((x - 12, h * 0.36, x + 12, h * 0.40), fill=(40, 30, 25))
        draw.rectangle((x - 6, h * 0.41, x + 14, h * 0.425), fill=(250, 250, 245))
    for x in (w * 0.04, w * 0.96):  # flower stands
        for _ in range(30):
            fx, fy = x + rng.randrange(-30, 30), h * 0.45 + rng.randrange(-40, 40)
            draw.ellipse((fx - 8, fy - 8, fx + 8, fy + 8),
                         fill=rng.choice([(230, 60, 80), (250, 200, 60), (240, 120, 160)]))
    people(draw, rng, 70, int(h * 0.72), h, (0, w))
    return image


def classroom(rng, size, title):
    """幸福课堂: a screen with the lecture's title, rows of listeners."""
    w, h = size
    image = gradient(size, (235, 232, 220), (200, 195, 180))
    draw = ImageDraw.Draw(image)
    draw.rectangle((w * 0.2, h * 0.08, w * 0.8, h * 0.45), fill=(30, 70, 140))
    draw.text((w / 2, h * 0.2), title, font=font(int(h * 0.06)), fill="white", anchor="mm")
    draw.text((w / 2, h * 0.32), "西城区妇女联合会", font=font(int(h * 0.035)),
              fill=(220, 230, 250), anchor="mm")
    for row in range(4):
        y = h * (0.62 + row * 0.1)
        draw.rectangle((0, y + 30, w, y + 45), fill=(150, 110, 70))
        people(draw, rng, 9 + row * 2, int(y), h, (20, w - 20))
    return image


def craft_table(rng, size, title):
    """巧娘 works on a table: paper cuts, embroidery hoops, velvet flowers."""
    w, h = size
    image = gradient(size, (170, 120, 80), (120, 80, 50))
    draw = ImageDraw.Draw(image)
    draw.rectangle((0, 0, w, h * 0.18), fill=(240, 236, 225))
    draw.text((w * 0.05, h * 0.09), title, font=font(int(h * 0.06)), fill=(160, 20, 30),
              anchor="lm")
    for _ in range(9):  # paper cuts: red squares with a cut pattern
        s = rng.randrange(60, 140)
        x, y = rng.randrange(w), rng.randrange(int(h * 0.2) + s, h + s // 2)
        draw.rectangle((x - s, y - s, x + s, y + s), fill=(200, 20, 35))
        for k in range(min(6, s // 20)):
            draw.ellipse((x - s / 2 + k * 8, y - s / 2 + k * 8, x + s / 2 - k * 8,
                          y + s / 2 - k * 8), outline=(240, 220, 200), width=4)
    for _ in range(6):  # hoops with embroidery
        r = rng.randrange(50, 110)
        x, y = rng.randrange(w), rng.randrange(int(h * 0.2) + r, h + r // 2)
        draw.ellipse((x - r, y - r, x + r, y + r), fill=(245, 240, 230), outline=(190, 150, 90),
                     width=10)
        for _ in range(14):
            a, b = x + rng.randrange(-r // 2, r // 2), y + rng.randrange(-r // 2, r // 2)
            draw.ellipse((a - 9, b - 9, a + 9, b + 9),
                         fill=rng.choice([(220, 40, 90), (40, 140, 90), (250, 180, 40)]))
    return image


def reading(rng, size, title):
    """书香家庭: shelves of books, a family at a table."""
    w, h = size
    image = gradient(size, (245, 240, 228), (215, 205, 185))
    draw = ImageDraw.Draw(image)
    for shelf in range(4):
        y = h * (0.08 + shelf * 0.13)
        draw.rectangle((w * 0.05, y + h * 0.11, w * 0.95, y + h * 0.125), fill=(120, 80, 50))
        x = w * 0.06
        while x < w * 0.94:
            bw = rng.randrange(12, 30)
            bh = rng.randrange(int(h * 0.07), int(h * 0.105))
            draw.rectangle((x, y + h * 0.11 - bh, x + bw, y + h * 0.11),
                           fill=tuple(rng.randrange(60, 230) for _ in range(3)))
            x += bw + 2
    draw.rectangle((w * 0.2, h * 0.75, w * 0.8, h * 0.8), fill=(150, 100, 60))
    people(draw, rng, 5, int(h * 0.63), h, (int(w * 0.25), int(w * 0.75)))
    draw.text((w / 2, h * 0.92), title, font=font(int(h * 0.05)), fill=(120, 40, 30),
              anchor="mm")
    return image


def outdoors(rng, size, title):
    """爱心助老: volunteers in red vests at a community square, trees, a tent."""
    w, h = size
    image = gradient(size, (150, 190, 235), (225, 235, 245))
    draw = ImageDraw.Draw(image)
    draw.rectangle((0, h * 0.55, w, h), fill=(170, 165, 155))
    for x in range(0, w, w // 7):  # trees
        draw.rectangle((x + 40, h * 0.35, x + 55, h * 0.58), fill=(90, 60, 40))
        draw.ellipse((x - 20, h * 0.12, x + 115, h * 0.4), fill=(60, 130 + rng.randrange(40), 60))
    draw.polygon([(w * 0.3, h * 0.3), (w * 0.7, h * 0.3), (w * 0.75, h * 0.4),
                  (w * 0.25, h * 0.4)], fill=(200, 30, 40))  # the tent
    draw.text((w / 2, h * 0.35), title, font=font(int(h * 0.045)), fill="white", anchor="mm")
    draw.rectangle((w * 0.3, h * 0.55, w * 0.7, h * 0.6), fill=(250, 250, 250))
    people(draw, rng, 26, int(h * 0.62), h, (20, w - 20))
    return image


SCENES = {"hall": hall, "classroom": classroom, "crafts": craft_table, "reading": reading,
          "outdoors": outdoors}


def phone_jpeg(scene, title, seed, size=(4000, 3000), orientation=1, quality=75):
    """A phone photo's bytes: the scene at ``size`` (upright), stored as a phone stores
    it (orientation 6: turned sideways in the file), EXIF with GPS."""
    rng = random.Random(seed)
    small = SCENES[scene](rng, (size[0] // DRAW_SCALE, size[1] // DRAW_SCALE), title)
    small = small.filter(ImageFilter.GaussianBlur(0.8))
    image = small.resize(size, Image.Resampling.BICUBIC)
    grain = Image.effect_noise((size[0] // 2, size[1] // 2), 10).resize(size).convert("RGB")
    image = Image.blend(image, grain, 0.03)
    if orientation == 6:
        image = image.transpose(Image.Transpose.ROTATE_90)  # what the sensor stored
    exif = Image.Exif()
    exif[0x0112] = orientation
    exif[0x010F] = "PhoneMaker"
    exif[0x0110] = "Phone 12 Pro"
    exif[0x0132] = "2026:03:07 10:21:05"
    exif.get_ifd(0x8825).update(GPS)
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=quality, exif=exif)
    return buffer.getvalue()


LANDSCAPE, PORTRAIT = (4000, 3000), (3000, 4000)
# (file under content/images/articles/, scene, banner text, upright size, orientation, seed);
# orientation 6: the phone stored it sideways (a portrait one held upright, or a landscape
# one whose sensor said so); five photos keep the repository under 2 MB
PHOTOS = [
    ("sanba-2025-hall.jpg", "hall", "纪念“三八”国际劳动妇女节115周年大会", LANDSCAPE, 1, 1),
    ("qiaoniang-works.jpg", "crafts", "巧娘作品展", LANDSCAPE, 1, 3),
    ("xingfu-ketang.jpg", "classroom", "幸福课堂·家庭教育讲座", LANDSCAPE, 1, 4),
    ("shuxiang-family.jpg", "reading", "书香家庭 共读时光", LANDSCAPE, 6, 5),
    ("aixin-zhulao.jpg", "outdoors", "巾帼志愿 爱心助老", PORTRAIT, 6, 6),
]

ZIP_DATE = (2026, 3, 2, 9, 0, 0)

CONTENT_TYPES_DOCX = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>"""
RELS_DOCX = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>"""
CONTENT_TYPES_XLSX = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>"""
RELS_XLSX = RELS_DOCX.replace("word/document.xml", "xl/workbook.xml")
WORKBOOK = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="汇总表" sheetId="1" r:id="rId1"/></sheets></workbook>"""
WORKBOOK_RELS = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>"""

FORM = [("巧娘工作室申报表", True), ("工作室名称：", False), ("带头人姓名：", False),
        ("所在街道、社区：", False), ("技艺类别（剪纸、刺绣、绒花、花艺、面塑、编织等）：", False),
        ("活动场地：", False), ("成员人数：", False), ("每年培训计划（不少于12次）：", False),
        ("社区妇联意见（盖章）：", False), ("街道妇联意见（盖章）：", False)]
SUMMARY = [["序号", "街道", "工作室名称", "带头人", "技艺类别", "成员人数", "活动场地", "备注"]] + \
    [[str(n), "", "", "", "", "", "", ""] for n in range(1, 11)]


def zip_bytes(parts):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, text in parts:
            archive.writestr(zipfile.ZipInfo(name, ZIP_DATE), text.encode("utf-8"),
                             zipfile.ZIP_DEFLATED)
    return buffer.getvalue()


def docx(paragraphs):
    centred, large = '<w:pPr><w:jc w:val="center"/></w:pPr>', '<w:rPr><w:b/><w:sz w:val="36"/></w:rPr>'
    body = "".join(f'<w:p>{centred if bold else ""}<w:r>{large if bold else ""}'
                   f"<w:t>{text}</w:t></w:r></w:p>" for text, bold in paragraphs)
    document = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document xmlns:w='
                '"http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>'
                f"{body}</w:body></w:document>")
    return zip_bytes([("[Content_Types].xml", CONTENT_TYPES_DOCX), ("_rels/.rels", RELS_DOCX),
                      ("word/document.xml", document)])


def xlsx(rows):
    def cell(row, column, text):
        ref = f"{chr(65 + column)}{row + 1}"
        return f'<c r="{ref}" t="inlineStr"><is><t>{text}</t></is></c>'

    data = "".join(f'<row r="{r + 1}">' + "".join(cell(r, c, t) for c, t in enumerate(row) if t)
                   + "</row>" for r, row in enumerate(rows))
    sheet = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns='
             '"http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
             f"<sheetData>{data}</sheetData></worksheet>")
    return zip_bytes([("[Content_Types].xml", CONTENT_TYPES_XLSX), ("_rels/.rels", RELS_XLSX),
                      ("xl/workbook.xml", WORKBOOK), ("xl/_rels/workbook.xml.rels", WORKBOOK_RELS),
                      ("xl/worksheets/sheet1.xml", sheet)])


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--content", default="content")
    args = parser.parse_args()
    folder = os.path.join(args.content, "images", "articles")
    os.makedirs(folder, exist_ok=True)
    for name, scene, title, size, orientation, seed in PHOTOS:
        data = phone_jpeg(scene, title, seed, size=size, orientation=orientation)
        with open(os.path.join(folder, name), "wb") as handle:
            handle.write(data)
        print(f"{name}: {len(data) // 1024} KB")
    files = os.path.join(args.content, "files", "2026")
    os.makedirs(files, exist_ok=True)
    for name, data in (("巧娘工作室申报表.docx", docx(FORM)),
                       ("巧娘工作室申报汇总表.xlsx", xlsx(SUMMARY))):
        with open(os.path.join(files, name), "wb") as handle:
            handle.write(data)
        print(f"{name}: {len(data)} bytes")


if __name__ == "__main__":
    main()
