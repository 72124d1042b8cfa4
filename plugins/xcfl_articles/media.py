"""Post-processing of rendered article HTML: pictures and tables.

- an image alone in a paragraph becomes <figure> with a <figcaption> (its
  title, else its alt text); every image gets width/height from its file and
  loading="lazy" (not the first of a page without a cover: it is seen at
  once); a photo becomes a <picture> of every published width, WebP first
  (xcfl_images/picture.py); a path written relative to content/ (as the editor guide
  says) becomes a site URL, in a picture or a link; a picture described as
  ``-`` (``![-](…)``, decorative) gets an empty alt and no caption;
- a link to an attachment (content/files/, xcfl_images/attachments.py) is
  labelled with its type and size, ``报名表（DOCX，24 KB）``, gets its
  percent-encoded address and a ``download`` name, and the body ends with a
  附件 list of every attachment it links;
- a table is wrapped in a focusable, labelled region that scrolls sideways,
  so a wide table never widens the page and keyboard users can scroll it.
"""

import os
import posixpath
import re
from urllib.parse import unquote

from bs4 import BeautifulSoup, NavigableString

from xcfl_images import attachments
from xcfl_images.picture import picture

PLACEHOLDER = re.compile(r"^\{(?:static|attach|filename)\}/?")
OTHER_HOST = re.compile(r"^(?:[a-z][a-z0-9+.-]*:|//)", re.I)
# a link written from the site root without its leading / (not #, ?, {static}…)
RELATIVE_HREF = re.compile(r"""<a\s[^>]*href=["']?(?![a-z][a-z0-9+.-]*:|[/#?{|])""", re.I)
DECORATIVE = "-"  # ![-](…) marks a picture with nothing to describe (links.py)


def improve(html, content_root, siteurl, table_label, eager_first=False,
            attachments_heading="附件"):
    """The HTML with figures, responsive pictures, labelled attachments and
    scrollable tables; the first picture is loaded at once when ``eager_first``
    (nothing above it on the page)."""
    if "<img" not in html and "<table" not in html and not RELATIVE_HREF.search(html) \
            and attachments.FOLDER + "/" not in html:
        return html  # most articles: no parsing at all
    soup = BeautifulSoup(html, "html.parser")
    for number, image in enumerate(soup.find_all("img")):
        _size_image(soup, image, content_root, siteurl, lazy=number > 0 or not eager_first)
        if image.get("alt") == DECORATIVE:
            image["alt"], image["role"] = "", "presentation"
    for link in soup.find_all("a", href=True):
        href = link["href"].strip()
        if href and not OTHER_HOST.match(href) and not href.startswith(("/", "#", "?", "{", "|")):
            link["href"] = f"{siteurl}/{href}"  # from the site root, like pictures
    listed = _label_attachments(soup, content_root, siteurl)
    for paragraph in soup.find_all("p"):
        _make_figure(soup, paragraph)
    for table in soup.find_all("table"):
        _wrap_table(soup, table, table_label)
    if listed:
        soup.append(_attachment_list(soup, listed, siteurl, attachments_heading))
    return soup.decode(formatter="html5")


def attachment_path(href, siteurl):
    """The content-relative path under files/ a link names, or None."""
    path = PLACEHOLDER.sub("", href.split("?", 1)[0].split("#", 1)[0])
    if siteurl and path.startswith(siteurl + "/"):
        path = path[len(siteurl):]
    if OTHER_HOST.match(path):
        return None
    path = unquote(path).lstrip("/")
    return path if attachments.is_attachment(path) else None


def _label_attachments(soup, content_root, siteurl):
    """Label each link to a published attachment; [(path, label)] in order, once each
    (a missing one or one of a refused type is reported by links.py)."""
    listed = {}
    for link in soup.find_all("a", href=True):
        path = attachment_path(link["href"].strip(), siteurl)
        if not path or not attachments.allowed(path):
            continue
        label = attachments.label(path, content_root)
        if label is None:
            continue
        link["href"] = attachments.address(path, siteurl)
        link["download"] = posixpath.basename(path)
        link.append(label)
        listed.setdefault(path, label)
    return list(listed.items())


def _attachment_list(soup, listed, siteurl, heading):
    """<section> 附件 <ol> one link per attachment, labelled like the body's."""
    section = soup.new_tag("section", attrs={"class": "xc-attachments",
                                             "aria-labelledby": "xc-attachments"})
    title = soup.new_tag("h2", attrs={"id": "xc-attachments", "class": "xc-attachments__title"})
    title.string = heading
    section.append(title)
    items = soup.new_tag("ol", attrs={"class": "xc-attachments__list"})
    for path, label in listed:
        name = posixpath.basename(path)
        link = soup.new_tag("a", attrs={"href": attachments.address(path, siteurl),
                                        "download": name})
        link.string = posixpath.splitext(name)[0] + label
        item = soup.new_tag("li")
        item.append(link)
        items.append(item)
    section.append(items)
    return section


def image_file(src, content_root):
    """The file under content/ an image src names, or None (other host, data: URL)."""
    path = PLACEHOLDER.sub("", src.split("?", 1)[0].split("#", 1)[0])
    if OTHER_HOST.match(path):
        return None
    return os.path.join(content_root, path.lstrip("/"))


def _size_image(soup, image, content_root, siteurl, lazy):
    src = image.get("src", "")
    path = image_file(src, content_root)
    if lazy:
        image["loading"] = "lazy"
    if path is None:
        return
    if not PLACEHOLDER.match(src) and not src.startswith("/"):
        image["src"] = f"{siteurl}/{src}"  # relative to content/, as editors write it
    relative = os.path.relpath(path, content_root).replace(os.sep, "/")
    shown = picture(relative, content_root, siteurl)
    if not shown:
        return  # missing or unpublishable: links.py reports it at its line
    if shown["width"] and not image.get("width"):
        image["width"], image["height"] = str(shown["width"]), str(shown["height"])
    if shown["srcset"]:
        image["srcset"], image["sizes"] = shown["srcset"], shown["sizes"]
    if shown["webp_srcset"]:
        wrapper = soup.new_tag("picture")
        image.wrap(wrapper)
        image.insert_before(soup.new_tag("source", attrs={
            "type": "image/webp", "srcset": shown["webp_srcset"], "sizes": shown["sizes"]}))


def _only_child(paragraph):
    children = [c for c in paragraph.contents
                if not (isinstance(c, NavigableString) and not c.strip())]
    if len(children) != 1 or isinstance(children[0], NavigableString):
        return None
    child = children[0]
    if child.name in ("img", "picture"):
        return child
    if child.name == "a" and child.find("img") and not child.get_text(strip=True):
        return child
    return None


def _make_figure(soup, paragraph):
    child = _only_child(paragraph)
    if child is None:
        return
    image = child if child.name == "img" else child.find("img")  # in <picture> or <a>
    figure = soup.new_tag("figure", attrs={"class": "xc-figure"})
    paragraph.replace_with(figure)
    figure.append(child)
    caption = (image.get("title") or image.get("alt") or "").strip()
    if caption:
        figcaption = soup.new_tag("figcaption", attrs={"class": "xc-figure__caption"})
        figcaption.string = caption
        figure.append(figcaption)


def _wrap_table(soup, table, label):
    caption = table.find("caption")
    headers = [th.get_text(" ", strip=True) for th in table.find_all("th")[:3]]
    name = caption.get_text(" ", strip=True) if caption else "、".join(h for h in headers if h)
    wrapper = soup.new_tag("div", attrs={
        "class": "xc-table-scroll", "role": "region", "tabindex": "0",
        "aria-label": label.format(name=name).rstrip("："),
    })
    table.wrap(wrapper)
