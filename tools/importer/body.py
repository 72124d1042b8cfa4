"""The article's own text in an old page, cleaned of everything that was the
old site rather than the article: scripts, styles, navigation, share
buttons, 打印本页/关闭窗口, layout tables, fonts and inline styles."""

import re

from bs4 import Comment, NavigableString, Tag

# Containers the common Chinese CMSs put the article text in, best first
# (TRS: .TRS_Editor; 大汉 and others: #zoom, .article-content …).
KNOWN_BODIES = (".TRS_Editor", "#zoom", "#Zoom", ".article-content", ".article_content",
                ".articleContent", "#article-content", ".news_content", ".content-text",
                "article")
NEVER = ("script", "style", "iframe", "frame", "frameset", "object", "embed", "applet",
         "noscript", "form", "input", "button", "select", "textarea", "link", "meta", "base",
         "nav", "header", "footer", "svg", "canvas", "audio", "video", "map", "area")
# Words of the old site's own controls, never of an article: an element
# holding only these (and brackets, spaces) is dropped.
CONTROLS = re.compile(
    r"^(?:[\s【】\[\]（）()|｜·:：]*(?:打印本页|打印|关闭窗口|关闭|返回顶部|返回|收藏本页|收藏|"
    r"分享到|分享|加入收藏|设为首页|扫一扫|微信|微博|QQ空间|上一篇|下一篇|相关链接|"
    r"字号[:：]?[\s大中小默认【】\[\]]*)[\s【】\[\]（）()|｜·:：]*)+$")
SHARE_CLASS = re.compile(r"share|bdshare|jiathis|bshare|print|close|crumb|position|location|"
                         r"breadcrumb|toolbar|fontsize", re.I)
INFO_LINE = re.compile(r"(?:发布时间|发布日期|信息来源|来源|浏览次数|点击数|作者|责任编辑|编辑)\s*[:：]")
KEEP_ATTRIBUTES = {"a": ("href", "title"), "img": ("src", "alt", "title"),
                   "td": ("colspan", "rowspan"), "th": ("colspan", "rowspan")}
BLOCKS = ("p", "div", "table", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote")


def find_body(soup, selector=None):
    """The element holding the article text: the site's selector, a known
    container, else the element with the most text of its own."""
    found = soup.select_one(selector) if selector else None
    if found and found.get_text(strip=True):
        return found
    # one pass over the page for all the known containers (a CSS query each was
    # a third of the import's time), then the first of KNOWN_BODIES that has text
    first = {}
    for element in soup.find_all(is_known_body):
        for rank in known_ranks(element):
            if rank not in first and element.get_text(strip=True):
                first[rank] = element
    return first[min(first)] if first else biggest_text_block(soup)


def known_ranks(element):
    """The places in KNOWN_BODIES of the selectors an element matches."""
    classes, name = element.get("class") or [], element.get("id")
    return [rank for rank, known in enumerate(KNOWN_BODIES)
            if (known[0] == "." and known[1:] in classes) or (known[0] == "#" and known[1:] == name)
            or known == element.name]


def is_known_body(element):
    return bool(known_ranks(element))


def own_text_length(element):
    """Characters of text directly in an element or in its inline children
    (paragraphs count: their text is the block's), not in nested blocks."""
    total = 0
    for child in element.children:
        if isinstance(child, NavigableString):
            total += len(child.strip())
        elif isinstance(child, Tag) and child.name not in ("div", "table", "td", "ul", "ol",
                                                           "section", "article"):
            total += len(child.get_text(strip=True))
    return total


def biggest_text_block(soup):
    root = soup.body or soup
    best, best_length = root, 0
    for element in root.find_all(("div", "td", "section", "article", "main")):
        length = own_text_length(element)
        if length > best_length:
            best, best_length = element, length
    return best


def clean(body, drop_selectors=()):
    """Strip in place everything of ``body`` that is not the article."""
    for comment in body.find_all(string=lambda s: isinstance(s, Comment)):
        comment.extract()
    for selector in drop_selectors:
        for element in body.select(selector):
            element.decompose()
    for element in body.find_all(NEVER):
        element.decompose()
    for element in body.find_all(True):
        if element.decomposed:
            continue
        names = " ".join(element.get("class", [])) + " " + (element.get("id") or "")
        text = element.get_text(" ", strip=True)
        control = text and element.name not in ("td", "th") and CONTROLS.match(text)
        if SHARE_CLASS.search(names) or control or is_info_line(element, text):
            element.decompose()
    for element in body.find_all(True):
        keep = KEEP_ATTRIBUTES.get(element.name, ())
        element.attrs = {k: v for k, v in element.attrs.items() if k in keep}
    for table in body.find_all("table"):
        if not table.decomposed and is_layout_table(table):
            unwrap_table(table)
    for element in body.find_all(("p", "div", "span", "font", "strong", "b", "em")):
        if not element.get_text(strip=True) and not element.find(("img", "table")):
            element.decompose()
    for element in body.find_all(("font", "span", "center", "u", "o:p")):
        element.unwrap()
    if body.name in ("td", "th", "tr", "table", "font", "span", "p", "center"):
        body.name = "div"  # a cell as the whole body would become one Markdown table cell
    body.attrs = {}
    return body


def has_article_text(body, title):
    """Whether a cleaned body holds more than the title and a 发布时间：… line
    (what a page with an empty article container leaves)."""
    if body.find("img"):
        return True
    text = body.get_text("", strip=True).replace(" ", "")
    text = text.replace(title.replace(" ", ""), "", 1)
    return bool(text) and not (len(text) < 120 and INFO_LINE.match(text))


def is_info_line(element, text):
    """发布时间：… 来源：… printed above the text (the header keeps them)."""
    return (element.name in ("p", "div", "span", "td") and len(text) < 120
            and INFO_LINE.match(text) is not None and not element.find(("p", "div", "img")))


def is_layout_table(table):
    """A table that placed things on the old page rather than held data: one
    row or one column, a table inside, or paragraphs, headings or pictures in
    its cells."""
    rows = [row for row in table.find_all("tr") if row.find_parent("table") is table]
    if len(rows) < 2 or table.find("table"):
        return True
    if max(len(row.find_all(("td", "th"), recursive=False)) for row in rows) < 2:
        return True
    for cell in table.find_all(("td", "th")):
        if cell.find(("img", "h1", "h2", "h3", "ul", "ol", "div")) or len(cell.find_all("p")) > 1:
            return True
    return False


def unwrap_table(table):
    """Keep a layout table's contents, each cell a block of its own."""
    for cell in table.find_all(("td", "th")):
        cell.name = "div"
        cell.attrs = {}
    for element in table.find_all(("tr", "tbody", "thead", "tfoot", "caption")):
        element.unwrap()
    table.name = "div"
    table.attrs = {}
