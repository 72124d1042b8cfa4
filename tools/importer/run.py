"""The import, start to end: plan every page first (so links between pages
know each other's new files), then convert and write each one."""

import dataclasses
import os

from bs4 import BeautifulSoup

from xcfl_problems import message

from . import body as bodies
from .assets import Assets
from .config import category_of
from .decode import decode
from .discover import host_of, pages, site_root
from .fields import extract
from .links import Rewriter
from .markdown import to_markdown
from .report import Report
from .write import Existing, article_path, article_text, write_article


class ImportError_(Exception):  # noqa: N801 - not the builtin ImportError
    """The folder cannot be imported at all: printed in Chinese, exit 1."""


@dataclasses.dataclass
class Planned:
    path: str       # the saved page
    old_url: str
    fields: object
    category: str
    relative: str   # the article file, relative to content/
    body: str       # the cleaned body's HTML (parsing the page again cost a third of the time)
    also: list = dataclasses.field(default_factory=list)  # its duplicates' old addresses


def read_page(path):
    with open(path, "rb") as handle:
        return BeautifulSoup(decode(handle.read())[0], "html.parser")


def import_site(source, content, config, slug_of):
    """Import the saved copy in ``source`` into ``content``; the Report."""
    if not os.path.isdir(source):
        raise ImportError_(message("import-no-folder", value=source))
    root = site_root(source)
    found = pages(root)
    if not found:
        raise ImportError_(message("import-no-pages", value=source))
    hosts = set(config.hosts) | ({host_of(source, root)} - {None})
    report, existing, assets = Report(), Existing(content), Assets(content)
    planned, imported = [], {}
    for path, old_url in found:
        try:
            plan, why = plan_page(path, old_url, config, existing, slug_of)
        except Exception as error:  # noqa: BLE001 - one broken page must not stop the import
            report.failed.append((old_url, message("import-failed", value=type(error).__name__)))
            continue
        if why:
            report.skipped.append((old_url, why))
        if isinstance(plan, str):  # imported before, or a duplicate: links still find it
            imported[os.path.realpath(path)] = plan
            for earlier in planned:
                if earlier.relative == plan:  # a duplicate of this run: its address redirects too
                    earlier.also.append(old_url)
        elif plan:
            planned.append(plan)
            imported[os.path.realpath(path)] = plan.relative
    rewriter = Rewriter(root, hosts, imported, assets, report)
    for plan in planned:
        try:
            write_article(content, plan.relative, convert(plan, config, rewriter))
        except Exception as error:  # noqa: BLE001
            report.failed.append((plan.old_url, message("import-failed",
                                                       value=type(error).__name__)))
            continue
        report.imported.append((plan.old_url, plan.relative))
    return report


def plan_page(path, old_url, config, existing, slug_of):
    """(Planned, None) for a page to import; (relative path of its article,
    reason) for one imported before or a duplicate of one planned in this
    run; (None, reason) for one skipped."""
    earlier = existing.by_old_url.get(old_url)
    if earlier and earlier not in existing.new:  # a second import reads no page again
        return earlier, message("import-already", value="content/" + earlier)
    soup = read_page(path)
    fields = extract(soup, config.selectors)
    if not fields.title:
        return None, message("import-no-title")
    if not fields.date:
        return None, message("import-no-date")
    body = bodies.clean(bodies.find_body(soup, config.selectors.get("body")), config.drop)
    if not bodies.has_article_text(body, fields.title):
        return None, message("import-no-body")
    earlier = existing.find(old_url, fields.title, fields.date)
    if earlier in existing.new:
        return earlier, message("import-duplicate", value="content/" + earlier)
    if earlier:  # same title and day, under another old address: the file stays as it is
        return earlier, message("import-already-elsewhere", value="content/" + earlier,
                                old=old_url)
    category = category_of(config, fields.column, old_url)
    if not category:
        return None, message("import-no-category", value=fields.column or old_url.strip("/").split("/")[0])
    slug = existing.claim(slug_of(fields.title), old_url, fields.title, fields.date,
                          lambda s: article_path(fields.date, s))
    return Planned(path, old_url, fields, category, article_path(fields.date, slug),
                   f"<div>{body.decode_contents()}</div>"), None


def convert(plan, config, rewriter):
    body = BeautifulSoup(plan.body, "html.parser").div
    first = body.find(True)
    if first is not None and first.get_text("", strip=True).replace(" ", "") == \
            plan.fields.title.replace(" ", ""):
        first.decompose()  # the title, repeated above the text
    rewriter.rewrite(body, plan.old_url, plan.fields.title)
    return article_text(plan.fields, plan.category, [plan.old_url, *plan.also],
                        to_markdown(body))
