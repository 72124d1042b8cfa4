"""Every picture and link of an imported body, pointed at its new place.

- a picture of the saved copy: copied (assets.py), ``/images/imported/…``;
- an attachment: copied, ``{static}/files/imported/…`` (Pelican publishes
  what {static} names);
- another imported page: ``{filename}/articles/…md``, so Pelican writes its
  new address;
- another site: kept (but pictures from other hosts are dropped: the site
  loads nothing from elsewhere);
- anything else (a page that was not imported, a file missing from the copy,
  ``javascript:``): the link is removed, its text kept, and it is reported.
"""

import os
import posixpath
from urllib.parse import unquote, urlsplit, urljoin

from .assets import kind_of
from .discover import saved_names

OLD = "http://old.invalid"  # the base old addresses are resolved against


def old_path(reference, page_url, hosts):
    """The old address (path, and ``?query`` when it has one) a link of a page
    names, or None for another site."""
    parts = urlsplit(urljoin(OLD + page_url, reference.strip()))
    if parts.scheme not in ("http", "https"):
        return None
    if f"{parts.scheme}://{parts.netloc}" != OLD and parts.netloc.lower() not in hosts:
        return None
    path = posixpath.normpath(unquote(parts.path)) + ("/" if parts.path.endswith("/") else "")
    return path + (f"?{parts.query}" if parts.query else "")


def saved_file(root, address):
    """The file of the saved copy at an old address, or None (a page with a
    query under any of the names wget gives it: discover.saved_names)."""
    path, _, query = address.partition("?")
    relative = path.lstrip("/")
    if not relative or path.endswith("/"):
        relative = posixpath.join(relative, "index.html")
    real_root = os.path.realpath(root)
    folder, name = posixpath.split(relative)
    # a picture or attachment is the same file whatever its query (?v=2)
    names = saved_names(name, query) + ([name] if query and kind_of(name) else [])
    for candidate in (posixpath.join(folder, n) for n in names):
        full = os.path.realpath(os.path.join(root, candidate))
        if os.path.commonpath([real_root, full]) == real_root and os.path.isfile(full):
            return full
    return None


class Rewriter:
    def __init__(self, root, hosts, imported, assets, report):
        self.root, self.hosts, self.assets, self.report = root, hosts, assets, report
        self.imported = imported  # real path of a saved page -> its article, relative to content/

    def rewrite(self, body, page_url, title):
        for image in body.find_all("img"):
            self.picture(image, page_url, title)
        for link in body.find_all("a"):
            self.link(link, page_url)

    def picture(self, image, page_url, title):
        src = (image.get("src") or "").strip()
        path = old_path(src, page_url, self.hosts) if src else None
        found = saved_file(self.root, path) if path else None
        if found and kind_of(found) == "picture":
            image["src"] = "/" + self.assets.place(found)
            # every picture needs a description (the build checks it)
            image["alt"] = (image.get("alt") or image.get("title") or title).strip()
            image.attrs.pop("title", None)
            return
        self.report.missing(page_url, src or "<img>", "picture")
        image.decompose()

    def link(self, link, page_url):
        href = (link.get("href") or "").strip()
        if not href or href.startswith("#"):
            link.unwrap()
            return
        scheme = urlsplit(href).scheme.lower()
        if scheme in ("mailto", "tel"):
            return
        path = old_path(href, page_url, self.hosts)
        if path is None:
            if scheme in ("http", "https"):
                return  # another site: kept as it is
            link.unwrap()  # javascript:, data: …
            return
        found = saved_file(self.root, path)
        if found in self.imported:
            link["href"] = "{filename}/" + self.imported[found]
        elif found and kind_of(found) == "picture":
            link["href"] = "/" + self.assets.place(found)
        elif found and kind_of(found) == "attachment":
            link["href"] = "{static}/" + self.assets.place(found)
        else:
            self.report.missing(page_url, href, "page" if found else "absent")
            link.unwrap()
