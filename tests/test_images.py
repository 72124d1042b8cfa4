"""Pictures as published (issue 15): nothing private in any image byte, upright,
in several widths with WebP, the same bytes from a warm cache; pictures the site
cannot publish and unsafe SVGs reported with their line (items 1-3)."""

import io
import os

import pytest
from PIL import Image

from helpers import PELICANCONF, article, copy_content, files, run_tool, soup, write
from photos import drawing, photo

RASTER = (".jpg", ".jpeg", ".png", ".webp", ".gif")
# what a metadata block looks like in each format
MARKERS = {
    b"Exif\x00\x00": "EXIF (JPEG APP1)",
    b"http://ns.adobe.com/xap": "XMP",
    b"Photoshop 3.0": "IPTC (JPEG APP13)",
    b"eXIf": "EXIF (PNG chunk)",
    b"XML:com.adobe.xmp": "XMP (PNG iTXt chunk)",
    b"EXIF": "EXIF (WebP chunk)",
    b"XMP ": "XMP (WebP chunk)",
    b"PhoneMaker": "camera maker",
}
BODY = """活动现场照片如下。

![活动现场](images/photos/upright.jpg "巧娘们展示作品")

![统计图](images/photos/chart.png)

![网页格式的照片](/images/photos/web.webp)
"""


@pytest.fixture(scope="module")
def photo_site(tmp_path_factory):
    root = tmp_path_factory.mktemp("photos")
    content = copy_content(str(root / "content"))
    pictures = os.path.join(content, "images", "photos")
    os.makedirs(pictures)
    made = {
        "upright.jpg": photo("JPEG", 4000, 3000, orientation=6),  # a phone held upright
        "chart.png": photo("PNG", 1200, 900),
        "web.webp": photo("WEBP", 1000, 800),
        "cover.jpg": photo("JPEG", 2400, 1600),
        "family.jpg": photo("JPEG", 1600, 1200, orientation=8),
        "small.jpg": photo("JPEG", 300, 200),
    }
    for name, data in made.items():
        with open(os.path.join(pictures, name), "wb") as handle:
            handle.write(data)
    write(os.path.join(content, "articles", "2026-04-01-photos.md"),
          article("三八节活动现场", "2026-04-01", body=BODY, Cover="images/photos/cover.jpg"))
    write(os.path.join(content, "articles", "2026-04-02-no-cover.md"),
          article("没有封面的图片新闻", "2026-04-02",
                  body="![小图](images/photos/small.jpg)\n\n![活动现场](images/photos/upright.jpg)"))
    family = os.path.join(content, "data", "families", "chen-family-niujie.yaml")
    with open(family, encoding="utf-8") as handle:
        text = handle.read()
    write(family, text.replace("photos: [images/families/chen-niujie.svg]",
                               "photos: [images/photos/family.jpg, images/families/chen-niujie.svg]"))
    cache = str(root / "cache")
    env = {"XCFL_CACHE_PATH": cache}
    first = str(root / "site")
    result = run_tool("build.py", content, first, "-s", PELICANCONF, env=env)
    assert result.returncode == 0, result.stdout + result.stderr
    made_folders = sorted(os.listdir(os.path.join(cache, "images")))
    second = str(root / "again")
    result = run_tool("build.py", content, second, "-s", PELICANCONF, env=env)
    assert result.returncode == 0, result.stdout + result.stderr
    return {"site": first, "again": second, "content": content, "cache": cache,
            "folders": made_folders}


def image_files(output):
    return [path for path in files(output) if path.lower().endswith(RASTER)]


def test_no_image_byte_carries_exif_gps_xmp_or_iptc(photo_site):
    published = image_files(photo_site["site"])
    assert len(published) >= 30  # 6 photos in up to 3 widths and 2 formats, and the theme's
    for path in published:
        with open(os.path.join(photo_site["site"], path), "rb") as handle:
            data = handle.read()
        found = [name for marker, name in MARKERS.items() if marker in data]
        assert not found, (path, found)
        with Image.open(io.BytesIO(data)) as image:
            assert not image.getexif(), path
            image.load()  # decodes: a whole, valid picture


def test_every_width_and_webp_never_upscaled(photo_site):
    site = photo_site["site"]
    expected = {
        "upright": ([480, 960, 1600], 2133, ".jpg"),  # 3000×4000 once upright
        "chart": ([480, 960, 1200], 900, ".png"),
        "web": ([480, 960, 1000], 800, ".webp"),
        "small": ([300], 200, ".jpg"),
    }
    for stem, (widths, tallest, extension) in expected.items():
        largest = Image.open(os.path.join(site, "images", "photos", stem + extension))
        assert largest.size == (widths[-1], tallest), stem
        for width in widths:
            for suffix in {extension, ".webp"}:
                name = f"{stem}{suffix}" if width == widths[-1] and suffix == extension \
                    else f"{stem}-{width}w{suffix}"
                with Image.open(os.path.join(site, "images", "photos", name)) as image:
                    assert image.width == width, name
    assert not os.path.exists(os.path.join(site, "images", "photos", "small-480w.jpg"))


def test_orientation_is_applied_to_the_pixels(photo_site):
    """The red quarter is top-left of the stored pixels; orientation 6 shows it top-right."""
    with Image.open(os.path.join(photo_site["site"], "images/photos/upright.jpg")) as image:
        image = image.convert("RGB")
        assert image.size == (1600, 2133)
        top_right, top_left = image.getpixel((1500, 100)), image.getpixel((100, 100))
    assert top_right[0] > 150 > top_left[0]
    with Image.open(os.path.join(photo_site["site"], "images/photos/family.jpg")) as image:
        image = image.convert("RGB")  # orientation 8: the red quarter shows bottom-left
        assert image.size == (1200, 1600)
        assert image.getpixel((100, 1500))[0] > 150 > image.getpixel((100, 100))[0]


def test_pictures_markup(photo_site):
    page = soup(photo_site["site"], "news/2026/photos/index.html")
    cover = page.select_one(".xc-article__cover picture")
    assert cover.source["type"] == "image/webp"
    assert cover.source["srcset"] == ("/images/photos/cover-480w.webp 480w, "
                                      "/images/photos/cover-960w.webp 960w, "
                                      "/images/photos/cover-1600w.webp 1600w")
    img = cover.img
    assert (img["src"], img["width"], img["height"]) == ("/images/photos/cover.jpg", "1600", "1067")
    assert img["srcset"].endswith("/images/photos/cover.jpg 1600w")
    assert img.get("loading") is None  # the first picture of the page
    figures = page.select(".xc-prose figure.xc-figure")
    assert [f.figcaption.get_text() for f in figures] == ["巧娘们展示作品", "统计图", "网页格式的照片"]
    first = figures[0].picture
    assert first.source["srcset"].endswith("/images/photos/upright-1600w.webp 1600w")
    assert (first.img["width"], first.img["height"], first.img["loading"]) == ("1600", "2133", "lazy")
    assert first.img["sizes"] == first.source["sizes"] == "(min-width: 42em) 40em, 100vw"
    assert figures[1].picture.img["src"] == "/images/photos/chart.png"
    web = figures[2].img  # already WebP: one set, no <picture>
    assert figures[2].picture is None and web["srcset"].endswith("/images/photos/web.webp 1000w")
    no_cover = soup(photo_site["site"], "news/2026/no-cover/index.html")
    images = no_cover.select(".xc-prose img")
    assert images[0].get("loading") is None and images[1]["loading"] == "lazy"
    record = soup(photo_site["site"], "families/chen-family-niujie/index.html")
    photos = record.select(".xc-record__photo img")
    assert photos[0].parent.name == "picture" and photos[0].get("loading") is None
    assert (photos[0]["width"], photos[0]["height"]) == ("1200", "1600")
    assert photos[1]["src"].endswith(".svg") and photos[1]["loading"] == "lazy"


def test_a_warm_build_makes_nothing_and_writes_the_same_bytes(photo_site):
    assert sorted(os.listdir(os.path.join(photo_site["cache"], "images"))) == photo_site["folders"]
    first, again = photo_site["site"], photo_site["again"]
    assert image_files(first) == image_files(again)
    for path in image_files(first):
        with open(os.path.join(first, path), "rb") as a, open(os.path.join(again, path), "rb") as b:
            assert a.read() == b.read(), path


def test_a_damaged_made_picture_is_made_again(tmp_path):
    """Published pictures are hard links to the images cache (a warm build copies
    no picture byte): a file written into in place in the output, or one cut
    short or replaced in the cache, is found (sums.json) and made again, and the
    next build equals a clean one."""
    from test_publish import digest_tree

    content = copy_content(str(tmp_path / "content"))
    env = {"XCFL_CACHE_PATH": str(tmp_path / "cache")}
    site = str(tmp_path / "site")
    assert run_tool("build.py", content, site, "-s", PELICANCONF, env=env).returncode == 0
    published = os.path.join(site, "images", "articles", "xingfu-ketang-480w.webp")
    assert os.stat(published).st_nlink > 1  # the cache's own file
    with open(published, "r+b") as handle:  # same size, new bytes
        handle.write(b"\0" * 64)
    made = [os.path.join(folder, name) for folder, _, names in os.walk(tmp_path / "cache" / "images")
            for name in names if name != "sums.json"]
    with open(made[0], "r+b") as handle:
        handle.truncate(10)
    with open(made[1], "wb") as handle:
        handle.write(os.urandom(200))
    assert run_tool("build.py", content, site, "-s", PELICANCONF, env=env).returncode == 0
    clean = str(tmp_path / "clean")
    result = run_tool("build.py", content, clean, "-s", PELICANCONF,
                      env={"XCFL_CACHE_PATH": str(tmp_path / "fresh")})
    assert result.returncode == 0
    assert digest_tree(site) == digest_tree(clean)


def photo_content(tmp_path):
    """The sample content and a cover stored sideways, a PNG and a WebP in a body."""
    content = copy_content(str(tmp_path / "content"))
    pictures = os.path.join(content, "images", "photos")
    os.makedirs(pictures)
    for name, data in {"cover.jpg": photo("JPEG", 1600, 1200, orientation=6),
                       "chart.png": photo("PNG", 1200, 900),
                       "web.webp": photo("WEBP", 1000, 800)}.items():
        with open(os.path.join(pictures, name), "wb") as handle:
            handle.write(data)
    write(os.path.join(content, "articles", "2026-04-01-photos.md"),
          article("三八节活动现场", "2026-04-01", Cover="images/photos/cover.jpg",
                  body="![统计图](images/photos/chart.png)\n\n![照片](images/photos/web.webp)"))
    return content


def source_pictures(content):
    return sorted(os.path.join(folder, name) for folder, _, names in os.walk(content)
                  for name in names if name.lower().endswith(RASTER))


def test_a_warm_build_reads_no_picture(tmp_path):
    """Item 6: a rebuild with unchanged pictures processes none, and reads none.
    After a first build every source picture's bytes are replaced by noise of
    the same size, in place, its mtime put back: the file state (size, mtime,
    inode) the cache trusts is unchanged, but any picture read again (hashed,
    probed, decoded) is corrupt and fails the build, or changes its files. The
    tests run as root, where chmod 0 stops no read: hence the noise. With
    relatime, a read would also move the access time set back here."""
    from test_publish import digest_tree

    content = photo_content(tmp_path)
    env = {"XCFL_CACHE_PATH": str(tmp_path / "cache")}
    first, again = str(tmp_path / "site"), str(tmp_path / "again")
    result = run_tool("build.py", content, first, "-s", PELICANCONF, env=env)
    assert result.returncode == 0, result.stdout + result.stderr
    made = {os.path.join(folder, name): os.stat(os.path.join(folder, name))
            for folder, _, names in os.walk(tmp_path / "cache" / "images") for name in names}
    sources = source_pictures(content)
    assert len(sources) >= 8  # the sample's photos and the three above
    before = {}
    for path in sources:
        state = os.stat(path)
        with open(path, "r+b") as handle:  # in place: the same inode
            handle.write(os.urandom(state.st_size))
        old = state.st_mtime_ns - 10**9  # an access time before the write
        os.utime(path, ns=(old, state.st_mtime_ns))
        before[path] = os.stat(path)
        assert before[path].st_mtime_ns == state.st_mtime_ns
    result = run_tool("build.py", content, again, "-s", PELICANCONF, env=env)
    assert result.returncode == 0, result.stdout + result.stderr
    for path in sources:
        after = os.stat(path)
        assert after.st_atime_ns == before[path].st_atime_ns, f"{path} was read"
    now = {os.path.join(folder, name): os.stat(os.path.join(folder, name))
           for folder, _, names in os.walk(tmp_path / "cache" / "images") for name in names}
    assert sorted(now) == sorted(made)  # no picture made again, not even into a new folder
    for path, state in made.items():
        if not path.endswith("sums.json"):
            assert (now[path].st_ino, now[path].st_mtime_ns) == (state.st_ino, state.st_mtime_ns)
    assert digest_tree(again) == digest_tree(first)


def test_one_or_two_processes_make_the_same_files(tmp_path):
    """The pictures are made by forked processes (XCFL_IMAGE_PROCESSES, default
    one per core): two processes publish the very bytes one process does."""
    from test_publish import digest_tree

    content = photo_content(tmp_path)
    sites = {}
    for processes in (1, 2):
        settings = tmp_path / f"settings-{processes}.py"
        settings.write_text(f"import sys\nsys.path.insert(0, {os.path.dirname(PELICANCONF)!r})\n"
                            f"from pelicanconf import *  # noqa\n"
                            f"XCFL_IMAGE_PROCESSES = {processes}\n", encoding="utf-8")
        sites[processes] = str(tmp_path / f"site-{processes}")
        result = run_tool("build.py", content, sites[processes], "-s", str(settings),
                          env={"XCFL_CACHE_PATH": str(tmp_path / f"cache-{processes}")})
        assert result.returncode == 0, result.stdout + result.stderr
    one, two = digest_tree(sites[1]), digest_tree(sites[2])
    assert len([path for path in one if path.endswith(".webp")]) >= 20
    assert one == two


def test_encoding_is_deterministic(tmp_path):
    """A clean build's bytes equal a cached one's because the same photo always
    gives the same files."""
    import sys
    sys.path.insert(0, os.path.join(os.path.dirname(os.path.dirname(__file__)), "plugins"))
    from xcfl_images.probe import probe
    from xcfl_images.variants import plan, render

    source = tmp_path / "a.jpg"
    source.write_bytes(photo("JPEG", 2000, 1500, orientation=6))
    info = probe(str(source))
    variants = plan("images/a.jpg", info)
    once = render(source.read_bytes(), info, variants)
    twice = render(source.read_bytes(), info, variants)
    assert once == twice and len(once) == 6


# --- problems, with their exact messages -------------------------------------------

HEAD = "Title: 标题\nDate: 2024-01-01\nCategory: 工作动态\n"


def check(content):
    return run_tool("check.py", str(content), "-s", PELICANCONF)


@pytest.fixture
def bad_site(tmp_path):
    root = tmp_path / "content"
    (root / "images").mkdir(parents=True)
    (root / "articles").mkdir()
    (root / "pages").mkdir()
    return root


def put(root, name, data):
    path = root / "images" / name
    path.write_bytes(data)
    return f"images/{name}"


def bmp():
    buffer = io.BytesIO()
    drawing(900, 600).save(buffer, "BMP")
    return buffer.getvalue()


HEIC = b"\x00\x00\x00\x18ftypheic\x00\x00\x00\x00mif1heic" + b"\x00" * 64


PROBLEMS = [
    ("heic in the body", "heic", "a.heic", HEIC, "body",
     "articles/a.md:7: 正文: 图片 images/a.heic 是 HEIC 格式（苹果手机的照片格式），网页不能显示；"
     "请把它导出为 JPEG 后替换（iPhone：“设置 → 相机 → 格式”选“兼容性最佳”，或在电脑上用“照片”导出为 JPEG）"),
    ("truncated jpeg in the body", "cut", "cut.jpg", photo("JPEG", 900, 600)[:3000], "body",
     "articles/a.md:7: 正文: 图片 images/cut.jpg 已损坏或不完整（可能复制或下载时中断了）；"
     "请从手机或原来的地方重新导出、复制一次后替换"),
    ("not a picture at all, named .png", "junk", "junk.png", b"hello, not a picture", "body",
     "articles/a.md:7: 正文: 图片 images/junk.png 已损坏或不完整（可能复制或下载时中断了）；"
     "请从手机或原来的地方重新导出、复制一次后替换"),
    ("bmp cover", "bmp", "old.bmp", bmp(), "cover",
     "articles/a.md:4: Cover: 图片 images/old.bmp 的格式（BMP）网站不支持；"
     "请导出为 JPEG（照片）或 PNG（图表、截图）后替换"),
    ("cover too small", "small", "small.jpg", photo("JPEG", 640, 480), "cover",
     "articles/a.md:4: Cover: 封面图片 images/small.jpg 只有 640 像素宽，放在文章顶部和图片新闻里会模糊；"
     "封面至少要 800 像素宽，请换一张更大的原图"),
    ("truncated cover", "cut-cover", "cut.png", photo("PNG", 900, 600)[:-30], "cover",
     "articles/a.md:4: Cover: 图片 images/cut.png 已损坏或不完整（可能复制或下载时中断了）；"
     "请从手机或原来的地方重新导出、复制一次后替换"),
]


@pytest.mark.parametrize("name, _, file_name, data, where, expected", PROBLEMS,
                         ids=[p[0] for p in PROBLEMS])
def test_picture_problems(bad_site, name, _, file_name, data, where, expected):
    src = put(bad_site, file_name, data)
    if where == "cover":
        text = HEAD + f"Cover: {src}\n\n正文。\n"
    else:
        text = HEAD + f"\n正文。\n\n![活动照片]({src})\n"
    write(str(bad_site / "articles" / "a.md"), text)
    result = check(bad_site)
    assert result.returncode == 1, result.stdout + result.stderr
    assert expected in result.stderr.splitlines(), result.stderr


def test_a_picture_over_30_mb(bad_site):
    data = photo("JPEG", 900, 600)
    path = bad_site / "images" / "huge.jpg"
    with open(path, "wb") as handle:
        handle.write(data[:-2] + b"\x00" * (31 * 1024 * 1024) + b"\xff\xd9")
    write(str(bad_site / "articles" / "a.md"), HEAD + "\n正文。\n\n![活动照片](images/huge.jpg)\n")
    result = check(bad_site)
    assert ("articles/a.md:7: 正文: 图片 images/huge.jpg 太大（31.0 MB，上限 30 MB）；"
            "请用手机或电脑把它导出为较小的 JPEG（长边 3000 像素左右就足够）后替换"
            ) in result.stderr.splitlines(), result.stderr


def test_a_broken_picture_nothing_uses_is_reported_at_the_file(bad_site):
    put(bad_site, "left.jpg", photo("JPEG", 900, 600)[:2000])
    write(str(bad_site / "articles" / "a.md"), HEAD + "\n正文。\n")
    result = check(bad_site)
    assert ("images/left.jpg: 图片: 图片 images/left.jpg 已损坏或不完整（可能复制或下载时中断了）；"
            "请从手机或原来的地方重新导出、复制一次后替换") in result.stderr.splitlines(), result.stderr


SVG_HEAD = '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" viewBox="0 0 10 10">\n'
SVGS = [
    ("script", '<script>alert(1)</script>', "<script>", "svg-unsafe"),
    ("event attribute", '<rect width="10" height="10" onclick="steal()"/>', "on…=", "svg-unsafe"),
    ("foreignObject", '<foreignObject><p>html</p></foreignObject>', "<foreignObject>", "svg-unsafe"),
    ("image from another host", '<image href="https://tracker.example/x.png"/>',
     'href="https://', "svg-other-host"),
    ("xlink to another host", '<image xlink:href="//cdn.example/x.png"/>',
     'href="//', "svg-other-host"),
    ("css url to another host", '<style>rect { fill: url(http://x.example/p.svg#g) }</style>',
     "url(http://", "svg-other-host"),
]


@pytest.mark.parametrize("_, line, what, kind", SVGS, ids=[s[0] for s in SVGS])
def test_unsafe_svg_is_refused_with_its_line(bad_site, _, line, what, kind):
    put(bad_site, "logo.svg", (SVG_HEAD + "<title>标志</title>\n" + line + "\n</svg>\n").encode())
    write(str(bad_site / "articles" / "a.md"), HEAD + "\n正文。\n\n![标志](images/logo.svg)\n")
    result = check(bad_site)
    text = {"svg-unsafe": f"SVG 图片里有 {what}，打开图片时会在读者的浏览器里运行代码，网站不允许；"
                          "请删除它，或把图片另存为 PNG",
            "svg-other-host": f"SVG 图片引用了其他网站的内容（{what}）；"
                              "请把要用的图片、字体放进 SVG 本身，或把图片另存为 PNG"}[kind]
    assert f"images/logo.svg:3: 图片: {text}" in result.stderr.splitlines(), result.stderr


def test_a_safe_svg_passes(bad_site):
    put(bad_site, "logo.svg", (SVG_HEAD + '<a href="/about/"><rect width="10" height="10" '
                               'fill="url(#g)"/></a>\n</svg>\n').encode())
    write(str(bad_site / "articles" / "a.md"), HEAD + "\n正文。\n\n![标志](images/logo.svg)\n")
    result = check(bad_site)
    assert result.returncode == 0, result.stderr


@pytest.mark.parametrize("width, chosen", [(390, "upright-480w.webp"), (1280, "upright-960w.webp")])
def test_the_browser_chooses_the_width_the_screen_needs(photo_site, chromium, width, chosen):
    """A 390 px phone takes the 480 px WebP, a 1280 px screen the 960 px one
    (the 40em column); never the 1600 px file at 1× density."""
    from browser import serve

    server, url = serve(photo_site["site"])
    try:
        context = chromium.new_context(viewport={"width": width, "height": 900},
                                       device_scale_factor=1)
        tab = context.new_page()
        tab.goto(url + "/news/2026/photos/")
        tab.locator(".xc-prose figure img").first.scroll_into_view_if_needed()
        tab.wait_for_function("document.querySelector('.xc-prose figure img').complete")
        source = tab.eval_on_selector(".xc-prose figure img", "image => image.currentSrc")
        context.close()
    finally:
        server.shutdown()
    assert source.endswith("/images/photos/" + chosen)


def test_listings_show_the_cover_as_a_thumbnail(photo_site):
    item = soup(photo_site["site"], "news/index.html").find(
        "a", string="三八节活动现场").find_parent("li")
    thumb = item.select_one(".xc-article-list__thumb picture")
    assert thumb.source["sizes"] == thumb.img["sizes"] == "7.5rem"
    assert thumb.source["srcset"].startswith("/images/photos/cover-480w.webp 480w")
    assert (thumb.img["alt"], thumb.img["loading"]) == ("", "lazy")
    other = soup(photo_site["site"], "news/index.html").find(
        "a", string="没有封面的图片新闻").find_parent("li")
    assert other.select_one(".xc-article-list__thumb") is None


def test_the_home_page_has_a_still_photo_news_block(photo_site):
    home = soup(photo_site["site"], "index.html")
    block = home.find("section", class_="xc-photo-news")
    assert block.h2.get_text(strip=True) == "图片新闻"
    titles = [item.get_text(strip=True) for item in block.select(".xc-photo-news__title")]
    assert titles[0] == "三八节活动现场" and "没有封面的图片新闻" not in titles
    assert 1 <= len(titles) <= 4
    first = block.select_one("picture")
    assert first.source["sizes"] == "(min-width: 48rem) 17rem, 50vw"
    assert first.img["alt"] == "" and first.img["width"] == "1600"
    assert not block.find(["button", "script"])  # nothing moves by itself


# --- two pictures never publish a file under the same name (item 5 of the brief) ----------

CLASHES = [
    ("same name, jpg and png", [("a.jpg", "JPEG"), ("a.png", "PNG")],
     "images/a.png", "images/a-480w.webp", "images/a.jpg"),
    ("same name, jpg and webp", [("a.jpg", "JPEG"), ("a.webp", "WEBP")],
     "images/a.webp", "images/a-480w.webp", "images/a.jpg"),
    ("a picture named like another's width", [("a.jpg", "JPEG"), ("a-480w.jpg", "JPEG")],
     "images/a.jpg", "images/a-480w.jpg", "images/a-480w.jpg"),
]


@pytest.mark.parametrize("_, made, value, clash, other", CLASHES, ids=[c[0] for c in CLASHES])
def test_two_pictures_never_publish_the_same_file(bad_site, _, made, value, clash, other):
    for name, format_ in made:
        put(bad_site, name, photo(format_, 1200, 900))
    write(str(bad_site / "articles" / "a.md"), HEAD + "\n正文。\n")
    result = check(bad_site)
    assert result.returncode == 1
    assert (f"{value}: 图片: 图片 {value} 发布时要生成的文件 {clash} 与 {other} 生成的文件同名，"
            "会互相覆盖；请给其中一张图片改个文件名（例如在名字后面加 -2）"
            ) in result.stderr.splitlines(), result.stderr

