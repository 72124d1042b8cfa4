"""Every page type of the site, found in a built output: the first file of each
URL pattern of content model §4. Types not built on a branch (yet) are simply
absent, so tests written against this list cover them once they land.

Also the sample content of the browser tests: the repository's content plus
enough articles for a second category page, pictures and a wide table.
"""

import os
import re
import struct
import zlib

from helpers import CONTENT, article, copy_content, files, write

CATEGORIES = "news|notices|organization|rights|family|women"
# (type, pattern of the output file, query string to open it with)
PAGE_TYPES = [
    ("home", r"index\.html", ""),
    ("article", rf"(?:{CATEGORIES})/\d{{4}}/[^/]+/index\.html", ""),
    ("article-media", r"news/\d{4}/media-sample/index\.html", ""),
    ("article-cover", r"women/2018/ronghua-qiaoniang/index\.html", ""),
    ("category", rf"(?:{CATEGORIES})/index\.html", ""),
    ("category-page-2", rf"(?:{CATEGORIES})/page/2/index\.html", ""),
    ("tag", r"tags/[^/]+/index\.html", ""),
    ("tags", r"tags/index\.html", ""),
    ("archives", r"archives/index\.html", ""),
    ("families", r"families/index\.html", ""),
    ("family", r"families/[^/]+/index\.html", ""),
    ("studios", r"studios/index\.html", ""),
    ("studio", r"studios/[^/]+/index\.html", ""),
    ("teams", r"teams/index\.html", ""),
    ("team", r"teams/[^/]+/index\.html", ""),
    ("streets", r"streets/index\.html", ""),
    ("street", r"streets/[^/]+/index\.html", ""),
    ("stats", r"stats/index\.html", ""),
    ("search", r"search/index\.html", "?q=巧娘"),
    ("standing-page", r"accessibility/index\.html", ""),
    ("sitemap", r"sitemap/index\.html", ""),
    ("404", r"404\.html", ""),
]
TYPE_NAMES = [name for name, _, _ in PAGE_TYPES]
# Types every build of the sample content must have on this branch.
REQUIRED = {"home", "article", "article-media", "article-cover", "category",
            "category-page-2", "tag", "tags", "archives", "search", "standing-page", "sitemap",
            "404", "streets"}


def page_of_type(output, name):
    """The URL path (e.g. '/news/page/2/?…') of the first page of that type, or None."""
    _, pattern, query = next(t for t in PAGE_TYPES if t[0] == name)
    for relative in files(output, ".html"):
        relative = relative.replace(os.sep, "/")
        if re.fullmatch(pattern, relative):
            return "/" + relative.removesuffix("index.html") + query
    return None


def png(width, height):
    """A valid grey PNG of that size (the image-size reader needs a real header)."""
    raw = b"".join(b"\x00" + b"\x80" * width for _ in range(height))
    def chunk(kind, data):
        return (struct.pack(">I", len(data)) + kind + data
                + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF))
    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header)
            + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))


MEDIA_BODY = """活动现场照片如下。

![志愿者为老人测量血压](images/sample/photo.png "社区志愿者为老人测量血压")

一张纯装饰的图（说明写 -）：

![-](images/sample/plain.png)

正文中的小图标 ![红色图标](images/sample/icon.svg) 不单独成图。

| 街道 | 2021年 | 2022年 | 2023年 | 2024年 | 2025年 | 说明 |
| --- | --- | --- | --- | --- | --- | --- |
| 西长安街街道 | 12 | 15 | 18 | 21 | 24 | 每年新增的妇女之家活动场次，包括线上线下的各类讲座与培训 |
| 牛街街道 | 10 | 11 | 16 | 19 | 22 | 少数民族妇女的就业创业培训和家庭教育指导 |
"""


def make_sample_content(destination):
    """The repository's content plus 20 short news items and one article with media."""
    copy_content(destination, CONTENT)
    images = os.path.join(destination, "images", "sample")
    os.makedirs(images, exist_ok=True)
    with open(os.path.join(images, "photo.png"), "wb") as handle:
        handle.write(png(64, 48))
    with open(os.path.join(images, "plain.png"), "wb") as handle:
        handle.write(png(30, 20))
    write(os.path.join(images, "icon.svg"),
          '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 16"><rect width="24" height="16" fill="#b0002a"/></svg>\n')
    articles = os.path.join(destination, "articles", "sample")
    for number in range(1, 21):
        write(os.path.join(articles, f"2015-01-{number:02d}-item-{number}.md"),
              article(f"社区妇联工作简讯第{number}期", f"2015-01-{number:02d}", body=f"第{number}期简讯正文。"))
    write(os.path.join(articles, "2015-02-01-media-sample.md"),
          article("图片与表格示例", "2015-02-01", body=MEDIA_BODY, Tags="示例"))
    return destination
