"""Privacy and escaping: `private` never reaches any output file; markup in any
record field is shown as text, never executed."""

import os
import sys

import pytest

from helpers import PELICANCONF, ROOT, build, copy_content, output_texts, run_tool, soup, write

sys.path.insert(0, os.path.join(ROOT, "plugins"))

CANARIES = ("隐私金丝雀甲", "canary-zz9", "隐私金丝雀乙", "canary-yy8")
SCRIPT = "<script>alert(1)</script>"
IMG = "<img src=x onerror=alert(2)>"
EVIL = f"{SCRIPT}{IMG}"

FAMILY = f"""\
name: "恶意{EVIL}家庭"
street: 牛街街道
community: "{IMG}社区"
level: 西城最美家庭
year: 2020
members: ["{SCRIPT}", 乙]
summary: "摘要{EVIL}"
description: |
  正文 {SCRIPT}

  {IMG}

  [点我](javascript:alert(1))
tags: ["{IMG}"]
private:
  contact: 隐私金丝雀甲
  note: canary-zz9
"""
STUDIO = f"""\
- id: evil-studio
  name: 工作室
  street: 牛街街道
  craft: "{SCRIPT}"
  leader: "{IMG}"
  base: "{SCRIPT}"
  address: "{IMG}"
  hours: "{SCRIPT}"
  phone: "{IMG}"
  private: {{contact: 隐私金丝雀乙, nested: {{deep: [canary-yy8]}}}}
"""
TEAM = f"""\
name: 服务队
street: 牛街街道
kind: 其他
leader: "{SCRIPT}"
services: ["{IMG}", "{SCRIPT}"]
"""
ARTICLE = """\
Title: 提到恶意记录的文章
Date: 2024-05-01
Category: 工作动态
Street: 牛街街道
Families: evil-family
Studios: evil-studio
Teams: evil-team

正文。
"""


@pytest.fixture(scope="module")
def unsafe_site(tmp_path_factory):
    base = tmp_path_factory.mktemp("unsafe")
    content = copy_content(str(base / "content"))
    write(os.path.join(content, "data/families/evil-family.yaml"), FAMILY)
    write(os.path.join(content, "data/studios/evil.yaml"), STUDIO)
    write(os.path.join(content, "data/teams/evil-team.yaml"), TEAM)
    write(os.path.join(content, "articles/2024-05-01-evil.md"), ARTICLE)
    return build(content, str(base / "site"), publish=True)


def test_private_values_reach_no_output_file(unsafe_site):
    texts = list(output_texts(unsafe_site))
    assert any(path.endswith(".atom.xml") for path, _ in texts)  # feeds were scanned too
    for path, text in texts:
        for canary in CANARIES:
            assert canary not in text, f"{canary} in {path}"
    # the sample data's own private notes too
    for path, text in texts:
        assert "老人年事已高" not in text and "账目每季度公示" not in text, path


def test_private_is_dropped_when_loading(tmp_path):
    from xcfl_records.reading import read_file, validate
    from xcfl_records.schema import Family

    write(str(tmp_path / "data/families/evil-family.yaml"), FAMILY)
    (raw, source), = read_file(str(tmp_path), str(tmp_path / "data/families/evil-family.yaml"),
                               "families")
    assert "private" in raw
    validate(Family, raw, source, {"streets": {"牛街街道"}, "content_root": str(tmp_path)})
    assert "private" not in raw  # popped before validation: the model never sees it
    assert "private" not in Family.model_fields


PAGES = ["families/evil-family/index.html", "studios/evil-studio/index.html",
         "teams/evil-team/index.html", "families/index.html", "streets/niujie/index.html",
         "news/2024/evil/index.html", "studios/craft/alert1/index.html"]


@pytest.mark.parametrize("path", PAGES)
def test_markup_in_fields_is_text_not_elements(unsafe_site, path):
    page = soup(unsafe_site, path)
    main = page.find("main")
    assert not main.find("script")
    assert not page.find(attrs={"onerror": True})
    assert not main.find("img", src="x")
    assert not main.find("a", href=lambda href: href and href.lower().startswith("javascript"))


@pytest.mark.parametrize("value", [
    "恶意" + EVIL + "家庭",           # name
    IMG + "社区",                      # community
    "摘要" + EVIL,                      # summary
    SCRIPT,                            # members, description
    IMG,                               # tags, description's raw HTML
])
def test_family_fields_show_markup_as_text(unsafe_site, value):
    page = soup(unsafe_site, "families/evil-family/index.html")
    assert value in page.find("main").get_text()


@pytest.mark.parametrize("path,fields", [
    ("studios/evil-studio/index.html", ("技艺", "带头人", "培训基地", "地址", "开放时间", "电话")),
    ("teams/evil-team/index.html", ("负责人", "服务项目")),
])
def test_studio_and_team_fields_show_markup_as_text(unsafe_site, path, fields):
    page = soup(unsafe_site, path)
    facts = {dt.get_text(strip=True): dd.get_text(" ", strip=True)
             for dt, dd in zip(page.select(".xc-facts dt"), page.select(".xc-facts dd"))}
    for field in fields:
        assert SCRIPT in facts[field] or IMG in facts[field], field


def test_escaped_in_the_raw_html(unsafe_site):
    with open(os.path.join(unsafe_site, "families/evil-family/index.html"), encoding="utf-8") as handle:
        html = handle.read()
    assert "&lt;script&gt;alert(" in html and "&lt;img src=x onerror=" in html
    assert "<script>alert(" not in html and "<img src=x" not in html


def test_check_accepts_the_unsafe_but_valid_content(unsafe_site):
    content = os.path.join(os.path.dirname(unsafe_site), "content")
    assert run_tool("check.py", content, "-s", PELICANCONF).returncode == 0
