"""Every picture and every link into the site that a body names must exist.

Checked once every generator has read its content (the static generator reads
last, at ``static_generator_finalized``, still before anything is written and
before ``all_generators_finalized`` stops the build), against what the build
will write: articles, pages, records, listings, tags, the direct templates and
static files. That runs on every build, however an article was obtained (read,
or taken from a cache), so a picture deleted since is found. Names must match
exactly, letter case included: the web server is case-sensitive.

A path in a body is read from the site root, written with or without its
leading ``/`` (``images/a.png`` is the file content/images/a.png, as the
editor guide teaches; media.py makes it a site URL); ``{static}`` and
``{filename}`` links are read as Pelican reads them. The line of a problem is
the line of the link in the source file, found only when there is a problem.

A picture needs a description (its alt text): ``![](a.png)`` is an error;
``![-](a.png)`` marks a decorative one (media.py, and xcfl_records/description.py
for records, give it ``alt="" role="presentation"``). The articles' check
runs in the reader (images_without_alt), so the file is skipped before Pelican
warns in English about the empty alt.
"""

import html
import os
import posixpath
import re
from urllib.parse import unquote, urlsplit

from pelican.paginator import Paginator

from xcfl_images import attachments
from xcfl_images.probe import probe
from xcfl_problems import Problem, message, report

from .header import decode
from .markup_mistakes import find_markup_mistakes

TAG = re.compile(r"<(img|a)\s([^>]*)>", re.I)
ATTRIBUTE = re.compile(
    r"""([^\s"'=<>/]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?""")
OTHER_HOST = re.compile(r"^(?:[a-z][a-z0-9+.-]*:|//)", re.I)
BODY = "正文"


def tags(markup):
    """(tag, {attribute: value}) of every <img> and <a> of some HTML, in order."""
    if "<img" not in markup and "<a" not in markup:
        return
    for match in TAG.finditer(markup):
        attributes = {}
        for attribute in ATTRIBUTE.finditer(match.group(2)):
            value = next((v for v in attribute.group(2, 3, 4) if v is not None), "")
            attributes.setdefault(attribute.group(1).lower(), html.unescape(value))
        yield match.group(1).lower(), attributes


def decorative(attributes):
    """A picture marked ![-](…), as media.py and xcfl_records/description.py leave it."""
    return attributes.get("role") == "presentation" and attributes.get("alt") == ""


def images_without_alt(relative, markup, data):
    """Problems of the pictures of a rendered body that have no description."""
    found = [attributes.get("src", "") for tag, attributes in tags(markup)
             if tag == "img" and not attributes.get("alt", "").strip()]
    if not found:
        return []
    text = decode(data)[0]
    return [Problem(relative, line, BODY, message("image-no-alt", line=line, value=src or "<img>"))
            for src, line in zip(found, Locator(text, body_start(text)).lines(found))]


def body_start(text):
    """The first line after the header (a Cover may name the body's picture too)."""
    blank = re.search(r"^[ \t]*$", text, re.M)
    return text.count("\n", 0, blank.start()) + 2 if blank else 1


class Locator:
    """Lines of links in a source text: the n-th link to a value is taken to be
    the n-th place the text spells it, searched from ``start`` (a line)."""

    def __init__(self, text, start=1):
        self.text = text
        self.offset = 0
        for _ in range(start - 1):
            self.offset = text.find("\n", self.offset) + 1
        self.seen = {}

    def line(self, *spellings):
        """(line, spelling found) of the next place one of the spellings is written."""
        for spelling in spellings:
            if not spelling:
                continue
            position = self.offset - 1
            for _ in range(self.seen.get(spelling, 0) + 1):
                position = self.text.find(spelling, position + 1)
                if position < 0:
                    break
            if position >= 0:
                self.seen[spelling] = self.seen.get(spelling, 0) + 1
                return self.text.count("\n", 0, position) + 1, spelling
        return None, spellings[0]

    def lines(self, values):
        return [self.line(value)[0] for value in values]


def check_site(static_generator):
    """static_generator_finalized: report every link of the site that goes nowhere."""
    context, settings = static_generator.context, static_generator.settings
    site = Site(context, settings)
    for content in site.contents():
        for problem in content_problems(content, site):
            report(problem)
    for record in site.records():
        for problem in record_problems(record, site):
            report(problem)


class Site:
    """What this build will write, as output paths (``news/2024/x/index.html``)."""

    def __init__(self, context, settings):
        self.context, self.settings = context, settings
        self.root = settings["PATH"]
        self.written = set()
        for content in self.contents():
            if content.save_as:
                self.written.add(content.save_as)
        for static in context.get("staticfiles", ()):
            self.written.add(static.save_as)
        self.written |= self.listings() | self.collections() | fixed_outputs(settings)
        self.lower = {path.lower(): path for path in self.written}
        self.listed = {}  # folder -> its entries, read once per build
        # articles and pages left out for problems of their own (reader.py), which
        # are reported: a link to one of them is not reported again
        self.left_out_slugs = context.get("xcfl_left_out_slugs", set())

    def contents(self):
        for key in ("articles", "drafts", "hidden_articles", "pages", "hidden_pages",
                    "draft_pages"):
            yield from self.context.get(key, ())

    def records(self):
        for listing in self.context.get("xcfl_collections", ()):
            yield from listing.records

    def listings(self):
        """Category, tag and direct-template pages, each page of their pagination."""
        found = set()
        articles = self.context.get("articles", [])
        for key, template in (("categories", "category"), ("tags", "tag")):
            for wrapper, members in self.context.get(key, ()):
                found |= self.paginated(wrapper.save_as, wrapper.url, members, template)
        for name in self.settings["DIRECT_TEMPLATES"]:
            save_as = self.settings.get(f"{name.upper()}_SAVE_AS", f"{name}.html")
            url = self.settings.get(f"{name.upper()}_URL", f"{name}.html")
            if save_as:
                found |= self.paginated(save_as, url, articles, name)
        return found

    def paginated(self, save_as, url, members, template):
        templates = self.settings["PAGINATED_TEMPLATES"]
        if template not in templates:
            return {save_as}
        per_page = templates[template] or self.settings["DEFAULT_PAGINATION"]
        paginator = Paginator(save_as, url, list(members), self.settings, per_page)
        return {paginator.page(number).save_as for number in paginator.page_range}

    def collections(self):
        """The records plugin's pages (xcfl_records: listings, filters, records,
        streets) and the photos it copies."""
        found = set()
        for listing in self.context.get("xcfl_collections", ()):
            found.add(listing.save_as)
            for facet in listing.facets:
                found |= {group.save_as for group in facet.groups}
            for record in listing.records:
                found.add(record.save_as)
                found |= {image["src"] for image in record.images}
        found |= {street.save_as for street in self.context.get("xcfl_streets", ())}
        return found

    def exact_file(self, relative):
        """The file under content/ as named, or (None, its real name when only the
        letter case differs), or (None, None)."""
        folder, real = self.root, []
        for part in relative.split("/"):
            entries = self.entries(folder)
            if part in entries:
                match = part
            else:
                match = next((e for e in entries if e.lower() == part.lower()), None)
                if match is None:
                    return None, None
            real.append(match)
            folder = os.path.join(folder, match)
        if not os.path.isfile(folder):
            return None, None
        real = "/".join(real)
        return (real, None) if real == relative else (None, real)

    def entries(self, folder):
        if folder not in self.listed:
            try:
                self.listed[folder] = set(os.listdir(folder))
            except OSError:
                self.listed[folder] = set()
        return self.listed[folder]


def fixed_outputs(settings):
    """Output files named by a setting without placeholders (STATS_SAVE_AS, feeds…)."""
    return {value for key, value in settings.items()
            if key.endswith(("_SAVE_AS", "_ATOM", "_RSS")) and isinstance(value, str)
            and value and "{" not in value}


def content_problems(content, site):
    markup = content._content or ""
    links = [(tag, attributes.get("src" if tag == "img" else "href"))
             for tag, attributes in tags(markup)]
    links = [(tag, value.strip()) for tag, value in links if value and value.strip()]
    if not links:
        return []
    relative = content.relative_source_path.replace(os.sep, "/")
    folder = posixpath.dirname(relative)
    found = []
    for tag, value in links:
        name, values = judge(tag, value, folder, site)
        if name:
            found.append((name, value, values))
    if not found:
        return []
    with open(content.source_path, "rb") as handle:
        text = decode(handle.read())[0] or ""
    locator = Locator(text, body_start(text))
    return [problem(relative, BODY, locator, *one, site) for one in found]


def record_problems(record, site):
    markup = str(getattr(record, "description_html", "") or "")
    # written with a Chinese IME's punctuation: no link at all in the markup
    found = [(name, values["written"], values) for _, name, values
             in find_markup_mistakes(getattr(record, "description", None) or "")]
    for tag, attributes in tags(markup):
        value = (attributes.get("src" if tag == "img" else "href") or "").strip()
        if tag == "img" and not decorative(attributes) and not attributes.get("alt", "").strip():
            found.append(("image-no-alt", value, {}))
            continue
        name, values = judge(tag, value, "", site) if value else (None, {})
        if name:
            found.append((name, value, values))
    if not found:
        return []
    path = os.path.join(site.root, record.source)
    with open(path, "rb") as handle:
        text = decode(handle.read())[0] or ""
    locator = Locator(text, description_line(text, record))
    key = f"{record.collection.name} {record.id}: description"
    return [problem(record.source, key, locator, *one, site) for one in found]


def description_line(text, record):
    """The line of a record's ``description:`` in its YAML file (1 when unknown)."""
    from xcfl_records.loader import load  # noqa: PLC0415 - xcfl_records imports this package

    data, lines = load(text)
    prefix = ()
    if isinstance(data, list):
        prefix = next(((index,) for index, item in enumerate(data)
                       if isinstance(item, dict) and item.get("id") == record.id), ())
    return lines.get(prefix + ("description",)) or 1


def problem(path, key, locator, name, value, values, site):
    line, written = locator.line(*spellings(value, site.settings))
    if name == "link-backslash":
        values = dict(values, fixed=written.replace("\\", "/"))
    if "real" in values and written.startswith("/"):
        values = dict(values, real="/" + values["real"])  # the real name, the editor's way
    return Problem(path, line, key, message(name, line=line, value=written, **values))


def spellings(value, settings):
    """How the editor may have written a link the body now holds (media.py and
    xcfl_records/description.py made ``images/a.png`` into ``{SITEURL}/images/a.png``)."""
    found = [value]
    for prefix in own_prefixes(settings):
        if value.startswith(prefix + "/"):
            found.append(value[len(prefix):])
    return found + [path.lstrip("/") for path in found if path.startswith("/")]


def own_prefixes(settings):
    return [prefix.rstrip("/") for prefix in (settings.get("SITEURL"),
                                              settings.get("XCFL_PUBLIC_URL"))
            if prefix and OTHER_HOST.match(prefix)]


def judge(tag, value, folder, site):
    """(message name or None, extra values) of one link of a body in ``folder``."""
    if "\\" in value:  # a Windows path (images\a.jpg): no web server finds it
        return "link-backslash", {}
    placeholder = re.match(r"(?:" + site.settings["INTRASITE_LINK_REGEX"] + r")(?P<rest>.*)$",
                           value)
    if placeholder:
        return judge_placeholder(tag, placeholder.group("what"), placeholder.group("rest"),
                                 folder, site)
    for prefix in own_prefixes(site.settings):
        if value.startswith(prefix + "/") or value == prefix:
            value = value[len(prefix):] or "/"
            break
    else:
        if OTHER_HOST.match(value) or value.startswith(("#", "?")):
            return None, {}  # another site, mail, phone, or this page
    path = unquote(urlsplit(value).path)
    return judge_path(tag, path, site)


def judge_path(tag, path, site):
    """A path from the site root (with or without its leading /)."""
    target = posixpath.normpath(path.lstrip("/")) if path.strip("/") else ""
    if target == ".." or target.startswith("../"):
        return "link-out-of-content", {}
    if target == ".":
        target = ""
    refused = attachment_problem(target)
    if refused:
        return refused
    folder = path.endswith("/") or not target
    candidates = ([posixpath.join(target, "index.html")] if folder else
                  [target, posixpath.join(target, "index.html")])
    if any(candidate in site.written for candidate in candidates):
        return picture_problem(tag, target, site)
    if target.startswith(site.settings["THEME_STATIC_DIR"] + "/"):
        return None, {}  # the theme's own files
    for candidate in candidates:
        real = site.lower.get(candidate.lower())
        if real:
            return "link-wrong-case", {"real": real.removesuffix("index.html")}
    if not folder:
        exact, real = site.exact_file(target)
        if real:
            return "link-wrong-case", {"real": real}
        if exact and not exact.endswith((".md", ".markdown")):
            return "link-not-published", {"folders": "、".join(
                f"content/{p}/" for p in site.settings["STATIC_PATHS"])}
    if tag == "img":
        return "link-image-missing", {}
    if not folder and attachments.is_attachment(target):
        return "attachment-missing", {}
    if not folder and posixpath.splitext(target)[1] not in ("", ".html", ".htm"):
        return "link-file-missing", {}
    if posixpath.basename(target) in site.left_out_slugs:
        return None, {}  # an article with problems of its own, reported at its file
    return "link-missing", {}


def attachment_problem(target):
    """(message name, values) of a link to content/files/ of a type never published."""
    if attachments.is_attachment(target) and not attachments.allowed(target):
        extension = posixpath.splitext(target)[1].lstrip(".").upper()
        return "attachment-type", {"type": extension or "?"}
    return None


def picture_problem(tag, target, site):
    """(message name, values) of a picture the site cannot publish (xcfl_images/probe.py:
    corrupt, HEIC, too large …), reported here at the line that shows it."""
    if tag != "img":
        return None, {}
    info = probe(os.path.join(site.root, target))
    if info is None or not info.problem:
        return None, {}
    return info.problem, info.values


def judge_placeholder(tag, what, rest, folder, site):
    """{filename}, {static} and {attach} links, read as Pelican reads them."""
    if what not in ("filename", "static", "attach"):
        return None, {}  # {category}, {tag}, {index}: pages Pelican makes
    path = unquote(urlsplit(rest).path)
    path = posixpath.normpath(path[1:] if path.startswith("/") else posixpath.join(folder, path))
    if path == ".." or path.startswith("../"):
        return "link-out-of-content", {}
    refused = attachment_problem(path)
    if refused:
        return refused
    if what == "filename":
        linked = site.context.get("generated_content", {}).get(path)
        if linked is not None:
            return (None, {}) if linked.save_as else ("link-draft", {})
        if path in site.context.get("static_content", {}):
            return "link-filename-static", {}
    exact, real = site.exact_file(path)
    if real:
        return "link-wrong-case", {"real": real}
    if exact:
        # {static}: the static generator copies it; {filename}: a source with
        # problems of its own, which are reported
        return picture_problem(tag, exact, site)
    if tag == "img":
        return "link-image-missing", {}
    if what == "filename":
        return "link-missing", {}
    if attachments.is_attachment(path):
        return "attachment-missing", {}
    return "link-file-missing", {}
