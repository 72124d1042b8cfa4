"""Every relative link and picture in README.md and docs/**/*.md resolves to a file of
the repository, so the documentation works in a fresh clone (no ../shared/…)."""

import glob
import os
import re
import urllib.parse

import markdown
import pytest
from bs4 import BeautifulSoup

from helpers import ROOT

DOCUMENTS = sorted(
    [os.path.join(ROOT, "README.md")]
    + glob.glob(os.path.join(ROOT, "docs", "**", "*.md"), recursive=True))


def relative_targets(path):
    """The link and picture targets of a Markdown file that point into the repository:
    rendered as Markdown first, so examples inside code are not taken for links."""
    with open(path, encoding="utf-8") as handle:
        html = markdown.markdown(handle.read(), extensions=["tables", "fenced_code"])
    page = BeautifulSoup(html, "html.parser")
    targets = [a["href"] for a in page.find_all("a", href=True)]
    targets += [img["src"] for img in page.find_all("img", src=True)]
    for target in targets:
        parts = urllib.parse.urlsplit(target)
        if parts.scheme or parts.netloc or not parts.path:  # another site, mailto:, #anchor
            continue
        yield target, urllib.parse.unquote(parts.path)


def anchors(path):
    """The heading anchors GitHub gives a Markdown file: lower case, punctuation
    (also Chinese 、（）) dropped, spaces turned into hyphens."""
    with open(path, encoding="utf-8") as handle:
        text = re.sub(r"```.*?```", "", handle.read(), flags=re.S)
    return {re.sub(r"[^\w\- ]", "", heading.strip().lower()).replace(" ", "-")
            for heading in re.findall(r"^#+ (.+)$", text, re.M)}


def test_the_documents_are_found():
    names = {os.path.relpath(path, ROOT) for path in DOCUMENTS}
    assert {"README.md", "docs/content-model.md", "docs/editor-guide/index.md"} <= names


@pytest.mark.parametrize("path", DOCUMENTS, ids=[os.path.relpath(p, ROOT) for p in DOCUMENTS])
def test_every_relative_link_resolves_inside_the_repository(path):
    broken = []
    for target, relative in relative_targets(path):
        resolved = os.path.normpath(os.path.join(os.path.dirname(path), relative))
        inside = resolved.startswith(os.path.join(ROOT, ""))
        if not inside or not os.path.exists(resolved):
            broken.append(target)
    assert broken == [], f"{os.path.relpath(path, ROOT)}: links to nothing in the repository"


@pytest.mark.parametrize("path", DOCUMENTS, ids=[os.path.relpath(p, ROOT) for p in DOCUMENTS])
def test_every_anchor_names_a_heading(path):
    broken = []
    for target, relative in relative_targets(path):
        fragment = urllib.parse.unquote(urllib.parse.urlsplit(target).fragment)
        resolved = os.path.normpath(os.path.join(os.path.dirname(path), relative))
        if fragment and resolved.endswith(".md") and fragment not in anchors(resolved):
            broken.append(target)
    assert broken == []


def test_readme_links_the_repositorys_own_content_model():
    targets = dict(relative_targets(os.path.join(ROOT, "README.md")))
    assert "docs/content-model.md" in targets
    with open(os.path.join(ROOT, "README.md"), encoding="utf-8") as handle:
        assert "../shared" not in handle.read()
