"""The editor guide tells the truth: the addresses it gives as examples exist in a
built site, the files its links point at exist, and the commands it names are targets
of the Makefile."""

import glob
import os
import re

import pytest

from helpers import CONTENT, ROOT

GUIDE = os.path.join(ROOT, "docs", "editor-guide")
# Examples that show a pattern on purpose, not a page of the sample site.
ILLUSTRATIONS = {"/articles/2024/2024-03-08-sanba.md"}


def text_of(name):
    with open(os.path.join(GUIDE, name), encoding="utf-8") as handle:
        return handle.read()


def site_addresses(text):
    """The ASCII root-relative addresses written in `code` or as link targets."""
    found = set(re.findall(r"`(/[a-z0-9/\-]*)(?:\?[^`]*)?`", text))
    found |= set(re.findall(r"\]\((/[a-z0-9/\-]*)\)", text))
    return found


def test_the_examples_of_addresses_exist(sample_site):
    addresses = site_addresses(text_of("addresses.md"))
    assert {"/notices/2026/qiaoniang-studio-application/", "/streets/", "/news/page/2/",
            "/families/wang-family-desheng/", "/search/"} <= addresses
    missing = [a for a in sorted(addresses)
               if not os.path.isfile(os.path.join(sample_site, a.strip("/"), "index.html"))]
    assert missing == []


def test_each_category_is_listed_with_its_address_prefix():
    from pelican.settings import get_settings_from_file

    categories = get_settings_from_file(os.path.join(ROOT, "pelicanconf.py"))["XCFL_CATEGORIES"]
    text = text_of("addresses.md")
    for slug, name in categories.items():
        assert re.search(rf"^\| {name} \| `/{slug}/` \| `/{slug}/\d{{4}}/[a-z0-9-]+/` \|$",
                         text, re.M), name


def test_the_files_that_filename_links_name_exist():
    targets = set(re.findall(r"\{filename\}(/[^)`\s]+)", text_of("addresses.md"))) - ILLUSTRATIONS
    assert "/articles/2024-01-16-annual-review-2023.md" in targets
    assert [t for t in sorted(targets) if not os.path.isfile(CONTENT + t)] == []


@pytest.mark.parametrize("name", sorted(os.path.basename(p) for p in glob.glob(os.path.join(GUIDE, "*.md"))))
def test_the_commands_named_are_makefile_targets(name):
    with open(os.path.join(ROOT, "Makefile"), encoding="utf-8") as handle:
        targets = set(re.findall(r"^([a-z]+):", handle.read(), re.M))
    named = set(re.findall(r"\bmake ([a-z]+)\b", text_of(name)))
    assert named - targets == set()


def test_make_new_comes_first_when_adding_an_article():
    text = text_of("articles.md")
    section = text.split("## 新建一篇文章", 1)[1]
    first_code = re.search(r"```\w*\n(.*?)```", section, re.S).group(1)
    assert first_code.startswith("make new TITLE=")
    index = text_of("index.md")
    assert index.index("make new") < index.index("make serve")


def test_picture_examples_describe_the_picture_without_a_label():
    """The description is also the caption under the picture: an example starting with
    “图片说明：” was copied onto pages."""
    for path in glob.glob(os.path.join(GUIDE, "*.md")):
        with open(path, encoding="utf-8") as handle:
            descriptions = re.findall(r"!\[([^\]]*)\]\(", handle.read())
        assert [d for d in descriptions if re.match(r"图片说明|图为|说明[:：]", d)] == [], path
