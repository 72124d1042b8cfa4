"""`make new TITLE=… CATEGORY=…`: a new article file with a correct header.

The file is `<articles folder>/YYYY-MM-DD-<slug>.md`: today's date in the
site's time zone (Beijing) and a slug spelt in pinyin from the title, so the
editor never has to invent an ASCII file name. An existing file is never
overwritten.
"""

import argparse
import datetime
import os
import re
import sys
import unicodedata
from zoneinfo import ZoneInfo

from pelican.settings import get_settings_from_file
from pypinyin import lazy_pinyin

sys.path.insert(0, os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))),
                                "plugins"))

from xcfl_problems import message  # noqa: E402

SYLLABLES = 6  # enough to recognise the article in its address, short enough to read
MAX_SLUG = 60  # a long latin word or number in the title must not make an endless address
PLACEHOLDER = "在这里写正文（写好后删掉这一行）。"


class Refusal(Exception):
    """A mistake in what the editor asked for: printed in Chinese, exit 1."""


def slug_of(title):
    """区妇联举办“三八”活动 -> qu-fu-lian-ju-ban-san: pinyin syllables, latin words
    and numbers of the title, lower case, joined by '-', the first SYLLABLES of them."""
    words = []
    # NFKC turns full-width letters and digits (Ａ, ２０２４) into ASCII ones
    for piece in lazy_pinyin(unicodedata.normalize("NFKC", title), errors=lambda text: [text]):
        ascii_text = unicodedata.normalize("NFKD", piece).encode("ascii", "ignore").decode()
        words += re.findall(r"[a-z0-9]+", ascii_text.lower())
    slug = "-".join(words[:SYLLABLES])[:MAX_SLUG].strip("-")
    return slug or "article"


def header_text(title, day, category):
    return f"Title: {title}\nDate: {day.isoformat()}\nCategory: {category}\n\n{PLACEHOLDER}\n"


def slugs_in(folder):
    """The slugs the articles' file names give (name without a leading date)."""
    found = set()
    for _, _, names in os.walk(folder):
        found.update(re.sub(r"^\d{4}-\d{2}-\d{2}-", "", name[:-3])
                     for name in names if name.endswith(".md"))
    return found


def shown(path):
    """The path as the editor types it: relative to where the command runs,
    absolute when the file lies elsewhere."""
    relative = os.path.relpath(path)
    return path if relative.startswith("..") else relative


def create(content, title, category, settings):
    title = " ".join(title.split())  # one line: a newline would end the header
    category = category.strip()
    if not title:
        raise Refusal(message("new-no-title"))
    slugs = {name: slug for slug, name in settings["XCFL_CATEGORIES"].items()}
    if category not in slugs:
        allowed = "、".join(slugs)
        raise Refusal(message("new-unknown-category", value=category, allowed=allowed)
                      if category else message("new-no-category", allowed=allowed))
    day = datetime.datetime.now(ZoneInfo(settings["TIMEZONE"])).date()
    slug = slug_of(title)
    folder = os.path.join(content, settings["ARTICLE_PATHS"][0])
    path = os.path.join(folder, f"{day.isoformat()}-{slug}.md")
    if os.path.exists(path):
        raise Refusal(f"{shown(path)}: {message('new-exists')}")
    # the same title on another day: a second address of the same name would clash
    taken = slugs_in(folder)
    if slug in taken:
        slug = next(f"{slug}-{n}" for n in range(2, len(taken) + 3) if f"{slug}-{n}" not in taken)
        path = os.path.join(folder, f"{day.isoformat()}-{slug}.md")
    os.makedirs(folder, exist_ok=True)
    with open(path, "x", encoding="utf-8") as handle:
        handle.write(header_text(title, day, category))
    url = settings["ARTICLE_URL"].format(category=slugs[category], date=day, slug=slug)
    return path, url


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("content", help="the content folder")
    parser.add_argument("--title", default="")
    parser.add_argument("--category", default="")
    parser.add_argument("-s", "--settings", default="pelicanconf.py")
    parser.add_argument("--preview", default="http://127.0.0.1:8000", help="make serve's address")
    args = parser.parse_args(argv)
    settings = get_settings_from_file(args.settings)
    try:
        path, url = create(args.content, args.title, args.category, settings)
    except Refusal as refusal:
        print(refusal, file=sys.stderr)
        return 1
    print(f"已创建 {shown(path)}")
    print("下一步：")
    print(f"  1. 用编辑器打开这个文件，把“{PLACEHOLDER}”换成正文；"
          "需要时在信息头里添加 Tags、Source、Cover 等项目。")
    print(f"  2. 运行 make serve，在浏览器里打开 {args.preview}/{url} 预览。")
    print("  3. 运行 make check 检查无误后，提交发布。")
    return 0


if __name__ == "__main__":
    sys.exit(main())
