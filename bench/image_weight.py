"""What a phone downloads: page weight before images, and the KB of images loaded.

Builds the sample content plus one article with eight phone photos (made by
sample_media.py), then in headless Chromium (Debian's /usr/bin/chromium via
Playwright) opens the home page and that article at 390 px (a phone; device
pixel ratio 1 and 3) and 1280 px, collects every image response, and reports
the KB on the first screen and after scrolling to the end (lazy pictures load
as the reader scrolls). Also reports the largest HTML page of the build
(the ≤ 100 KB budget before images). Optionally takes screenshots.

    .venv/bin/python bench/image_weight.py [--screenshots bench/results/screens]
"""

import argparse
import os
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
sys.path.insert(0, HERE)
sys.path.insert(0, os.path.join(ROOT, "tests"))

from sample_media import LANDSCAPE, PORTRAIT, SCENES, phone_jpeg  # noqa: E402

EIGHT = "news/2026/eight-photos/"
NOTICE = "notices/2026/qiaoniang-studio-application/"
CAPTIONS = ["大会现场", "巧娘作品", "讲座现场", "亲子共读", "志愿服务", "颁奖环节", "作品细节", "合影留念"]


def eight_photo_site(folder):
    content = os.path.join(folder, "content")
    shutil.copytree(os.path.join(ROOT, "content"), content)
    photos = os.path.join(content, "images", "eight")
    os.makedirs(photos)
    scenes = list(SCENES) * 2
    lines = []
    for number, caption in enumerate(CAPTIONS):
        size, orientation = (PORTRAIT, 6) if number % 3 == 2 else (LANDSCAPE, 1)
        with open(os.path.join(photos, f"p{number + 1}.jpg"), "wb") as handle:
            handle.write(phone_jpeg(scenes[number], caption, 100 + number, size=size,
                                    orientation=orientation))
        lines.append(f"第{number + 1}段活动介绍。\n\n![{caption}](images/eight/p{number + 1}.jpg)\n")
    with open(os.path.join(content, "articles", "2026-12-01-eight-photos.md"), "w",
              encoding="utf-8") as handle:
        handle.write("Title: 八张照片的活动报道\nDate: 2026-12-01\nCategory: 工作动态\n"
                     "Cover: images/eight/p1.jpg\n\n" + "\n".join(lines))
    output = os.path.join(folder, "site")
    subprocess.run([sys.executable, os.path.join(ROOT, "tools", "build.py"), content, output,
                    "-s", os.path.join(ROOT, "pelicanconf.py")], check=True, cwd=content,
                   env=dict(os.environ, XCFL_CACHE_PATH=os.path.join(folder, "cache")))
    return output


def largest_pages(output, count=3):
    sizes = []
    for folder, _, names in os.walk(output):
        for name in names:
            if name.endswith(".html"):
                path = os.path.join(folder, name)
                sizes.append((os.path.getsize(path), os.path.relpath(path, output)))
    return sorted(sizes, reverse=True)[:count]


def image_kb(browser, url, width, scale, screenshot=None):
    """(KB on the first screen, KB after scrolling to the end, [(url, KB)])."""
    context = browser.new_context(viewport={"width": width, "height": 844 if width < 600 else 900},
                                  device_scale_factor=scale)
    tab = context.new_page()
    loaded = {}

    def seen(response):
        if response.request.resource_type == "image":
            try:
                loaded[response.url] = len(response.body())
            except Exception:  # noqa: BLE001 - a response gone before it was read
                pass

    tab.on("response", seen)
    tab.goto(url, wait_until="networkidle")
    first = sum(loaded.values())
    height = tab.evaluate("document.body.scrollHeight")
    for y in range(0, height + 900, 400):
        tab.evaluate(f"window.scrollTo(0, {y})")
        tab.wait_for_timeout(60)
    tab.wait_for_load_state("networkidle")
    total = sum(loaded.values())
    if screenshot:  # after scrolling: the lazy pictures are loaded
        tab.evaluate("window.scrollTo(0, 0)")
        tab.screenshot(path=screenshot, full_page=True)
    files = sorted((u.rsplit("/", 1)[1], round(n / 1024, 1)) for u, n in loaded.items())
    context.close()
    return round(first / 1024, 1), round(total / 1024, 1), files


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--screenshots", help="folder for PNGs of the home page and the notice")
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright

    from browser import launch, serve

    with tempfile.TemporaryDirectory() as folder:
        output = eight_photo_site(folder)
        print("largest HTML pages (bytes, before images):")
        for size, path in largest_pages(output):
            print(f"  {size / 1024:.1f} KB  {path}")
        server, base = serve(output)
        try:
            with sync_playwright() as playwright:
                browser = launch(playwright)
                for name, path in (("home page", ""), ("eight photos", EIGHT),
                                   ("notice", NOTICE)):
                    for width, scale in ((390, 1), (390, 3), (1280, 1)):
                        shot = None
                        if args.screenshots and scale == 1 and name != "eight photos":
                            os.makedirs(args.screenshots, exist_ok=True)
                            shot = os.path.join(args.screenshots,
                                                f"{name.replace(' ', '-')}-{width}.png")
                        first, total, files = image_kb(browser, base + "/" + path, width,
                                                       scale, shot)
                        print(f"{name:13} {width:5} px ×{scale}: first screen {first:7.1f} KB, "
                              f"whole page {total:7.1f} KB, {len(files)} images")
                        if name == "eight photos" and width == 390:
                            print("   ", ", ".join(f"{n} {kb}" for n, kb in files))
                browser.close()
        finally:
            server.shutdown()


if __name__ == "__main__":
    main()
