"""The header fields of an old page: per-site CSS selectors first, then the
government site <meta> tags (ArticleTitle, PubDate …), then what such pages
usually print (``发布时间：…``, ``来源：…``, the <title>)."""

import dataclasses
import datetime
import re

DATE_TEXT = (r"(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?"
             r"(?:\s*(\d{1,2})\s*[:：时]\s*(\d{1,2})(?:\s*[:：分]\s*\d{1,2})?)?")
DATE = re.compile(DATE_TEXT)
LABELLED_DATE = re.compile(r"(?:发布时间|发布日期|发表时间|发稿时间|时间|日期)\s*[:：]?\s*" + DATE_TEXT)
SOURCE = re.compile(r"(?:信息)?来源\s*[:：]\s*([^\s|｜/]+)")
AUTHOR = re.compile(r"作者\s*[:：]\s*([^\s|｜/]+)")
TITLE_SEPARATOR = re.compile(r"\s*(?:_|——|--|\s-\s|－|\||｜)\s*")
TITLE_SUFFIX_START = "-_|｜—－ "  # what joins the site's name to a <title>
TAG_SEPARATOR = re.compile(r"[,，;；、\s]+")
SPACES = re.compile(r"\s+")
MAX_TAGS = 10


@dataclasses.dataclass
class Fields:
    title: str = ""
    date: str = ""      # YYYY-MM-DD or YYYY-MM-DD HH:MM
    column: str = ""    # the old ColumnName
    source: str = ""
    author: str = ""
    tags: list = dataclasses.field(default_factory=list)
    summary: str = ""


def one_line(text):
    return SPACES.sub(" ", text or "").strip()


def meta(soup, name):
    tag = soup.find("meta", attrs={"name": re.compile(f"^{name}$", re.I)})
    return one_line(tag.get("content", "")) if tag else ""


def selected(soup, selector):
    if not selector:
        return ""
    found = soup.select_one(selector)
    return one_line(found.get_text(" ")) if found else ""


def parse_date(text):
    """YYYY-MM-DD[ HH:MM] of the first date in a text, labelled or not; '' if none."""
    match = LABELLED_DATE.search(text) or DATE.search(text)
    return format_date(match) if match else ""


def format_date(match):
    year, month, day, hour, minute = (int(g) if g else None for g in match.groups())
    try:
        when = datetime.datetime(year, month, day, hour or 0, minute or 0)
    except ValueError:  # 2018-02-30, 25:00
        return ""
    return when.strftime("%Y-%m-%d %H:%M" if hour is not None else "%Y-%m-%d")


def page_title(soup):
    """<title> without the site's name old pages append to it: the longest
    text printed on the page that <title> starts with (so "2018-2019年" and
    "标题-西城区妇联" both come out right), else <title>'s first part."""
    if not soup.title:
        return ""
    whole = one_line(soup.title.get_text())
    printed = (one_line(text) for text in (soup.body or soup).find_all(string=True)
               if text.parent.name not in ("script", "style", "title"))
    shown = [text for text in printed if len(text) >= 2 and whole.startswith(text)
             and (len(text) == len(whole) or whole[len(text)] in TITLE_SUFFIX_START)]
    if shown:
        return max(shown, key=len)
    parts = [p for p in TITLE_SEPARATOR.split(whole) if p]
    return parts[0] if parts else ""


def extract(soup, selectors):
    """Fields of a parsed page; a field not found stays ''."""
    text = one_line(soup.get_text(" "))
    fields = Fields()
    fields.title = (selected(soup, selectors.get("title")) or meta(soup, "ArticleTitle")
                    or heading(soup) or page_title(soup))
    chosen = selected(soup, selectors.get("date"))
    fields.date = (parse_date(chosen) if chosen else "") or parse_date(meta(soup, "PubDate"))
    if not fields.date:
        labelled = LABELLED_DATE.search(text)  # a bare date of a list page is no article's
        fields.date = format_date(labelled) if labelled else ""
    fields.column = meta(soup, "ColumnName")
    source = selected(soup, selectors.get("source"))
    fields.source = (SOURCE.sub(r"\1", source) if source else "") or meta(soup, "ContentSource") \
        or first_group(SOURCE, text)
    fields.author = selected(soup, selectors.get("author")) or meta(soup, "Author") \
        or first_group(AUTHOR, text)
    fields.tags = [t for t in TAG_SEPARATOR.split(meta(soup, "Keywords")) if t][:MAX_TAGS]
    description = meta(soup, "Description")
    fields.summary = description if description != fields.title else ""
    return fields


def heading(soup):
    """The page's only <h1>, when it has exactly one (else it is the site's logo)."""
    found = soup.find_all("h1")
    return one_line(found[0].get_text(" ")) if len(found) == 1 else ""


def first_group(pattern, text):
    match = pattern.search(text)
    return match.group(1) if match else ""
