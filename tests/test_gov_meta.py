"""Government-site meta tags (政府网站网页元数据, issue 14 item 1) on every page of the
built sample site: each page type has exactly its tags, with values computed here from
the source files and settings, independently of the theme."""

import datetime
import os
import re
import runpy

import pytest

from helpers import ROOT, article, files, run_tool, soup, write
from pages import make_sample_content

SITE_ID = "1101020001"
PUBLIC_URL = "https://fulian.bjxch.gov.cn"  # pelicanconf's XCFL_PUBLIC_URL
SITE_TAGS = {"SiteName": "西城区妇女联合会", "SiteDomain": "fulian.bjxch.gov.cn"}
COLUMN = ("ColumnName", "ColumnDescription", "ColumnKeywords", "ColumnType")
ARTICLE = ("ArticleTitle", "PubDate", "ContentSource", "Keywords", "Author",
           "Description", "Image", "Url")
GOV_NAMES = {"SiteName", "SiteDomain", "SiteIDCode", *COLUMN, *ARTICLE}
CATEGORIES = {"工作动态": "news", "通知公告": "notices", "组织建设": "organization",
              "权益维护": "rights", "家庭文明": "family", "巾帼风采": "women"}
COLLECTIONS = {"families": "最美家庭", "studios": "巧娘工作室", "teams": "志愿服务队"}
# An article whose every field needs escaping in an attribute.
ESCAPED = article('关于"巾帼"<半边天> & 家庭的通知', "2024-03-08 09:30", "通知公告",
                  Slug="escaped-fields", Tags="A&B, \"引号\"", Source="西城区妇联 & <巾帼>",
                  Author="王 'A' 芳", Summary='摘要 "有引号" & <尖括号>')


def conf(tmp_path, **settings):
    path = tmp_path / "conf.py"
    path.write_text("import sys\n" f"sys.path.insert(0, {ROOT!r})\n" "from pelicanconf import *\n"
                    + "".join(f"{key} = {value!r}\n" for key, value in settings.items()))
    return str(path)


def settings_module():
    """pelicanconf's own values (the descriptions, keywords and types of the columns)."""
    return runpy.run_path(os.path.join(ROOT, "pelicanconf.py"))


@pytest.fixture(scope="module")
def gov_site(tmp_path_factory):
    root = tmp_path_factory.mktemp("govmeta")
    content = make_sample_content(str(root / "content"))
    write(os.path.join(content, "articles", "escaped.md"), ESCAPED)
    output = str(root / "site")
    result = run_tool("build.py", content, output, "-s", conf(root, XCFL_SITE_ID_CODE=SITE_ID))
    assert result.returncode == 0, result.stdout + result.stderr
    return content, output


def header(path):
    """The metadata header of a Markdown source, read the simple way editors write it."""
    fields = {}
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            if not line.strip():
                break
            key, value = line.split(":", 1)
            fields[key.strip().lower()] = value.strip()
    return fields


def expected_articles(content):
    """{output file: expected Article* and Column* tags} of every published article."""
    columns = settings_module()["XCFL_COLUMNS"]
    found = {}
    for folder, _, names in os.walk(os.path.join(content, "articles")):
        for name in names:
            fields = header(os.path.join(folder, name))
            if fields.get("status") == "draft":
                continue
            slug = fields.get("slug") or re.sub(r"^\d{4}-\d{2}-\d{2}-", "", name[:-3])
            date = datetime.datetime.fromisoformat(fields["date"])
            category = CATEGORIES[fields["category"]]
            url = f"{category}/{date:%Y}/{slug}/"
            tags = [t.strip() for t in fields.get("tags", "").split(",") if t.strip()]
            found[url + "index.html"] = {
                "ColumnName": fields["category"],
                "ColumnDescription": columns[category]["description"],
                "ColumnKeywords": columns[category]["keywords"],
                "ColumnType": columns[category]["type"],
                "ArticleTitle": fields["title"],
                "PubDate": date.strftime("%Y-%m-%d %H:%M"),
                "ContentSource": fields.get("source", "西城区妇女联合会"),
                "Keywords": ",".join(tags or [fields["category"]]),
                "Author": fields.get("author", "西城区妇女联合会"),
                "Description": fields.get("summary"),  # None: the start of the body
                "Image": f"{PUBLIC_URL}/{fields['cover']}" if "cover" in fields else "",
                "Url": f"{PUBLIC_URL}/{url}",
            }
    return found


def column_of(relative):
    """(column slug, shown name, keywords or None) of a column page's file, or None."""
    parts = relative.split("/")
    parts = parts[:-3] + parts[-1:] if len(parts) > 3 and parts[-3] == "page" else parts
    if parts[0] in CATEGORIES.values() and len(parts) == 2:
        name = next(n for n, s in CATEGORIES.items() if s == parts[0])
        return parts[0], name, None
    if parts == ["tags", "index.html"]:
        return "tags", "全部标签", None
    if parts == ["archives", "index.html"]:
        return "archives", "文章归档", None
    if parts[0] in COLLECTIONS and len(parts) in (2, 4):  # the listing, or one filter of it
        return parts[0], COLLECTIONS[parts[0]], None
    return None


def linked_tags(output):
    """{tag page file: tag name} from the links of the all-tags page."""
    found = {}
    for link in soup(output, "tags/index.html").select("main a.xc-tag"):
        found[link["href"].strip("/") + "/index.html"] = link.contents[0].strip()
    assert len(found) > 5
    return found


def gov_tags(page):
    tags = [m for m in page.find_all("meta") if m.get("name") in GOV_NAMES]
    found = {m["name"]: m["content"] for m in tags}
    assert len(found) == len(tags), "a tag twice"
    assert all(m.parent.name == "head" for m in tags)
    return found


def test_every_page_has_exactly_its_tags(gov_site):
    content, output = gov_site
    columns = settings_module()["XCFL_COLUMNS"]
    articles = expected_articles(content)
    tag_names = linked_tags(output)
    seen = {"article": 0, "column": 0, "tag": 0, "other": 0}
    for relative in files(output, ".html"):
        relative = relative.replace(os.sep, "/")
        page = soup(output, relative)
        expected = dict(SITE_TAGS, SiteIDCode=SITE_ID)
        if relative in articles:
            expected.update(articles[relative])
            if expected["Description"] is None:  # no Summary: the page's own description
                expected["Description"] = page.find("meta", attrs={"name": "description"})["content"]
                assert expected["Description"]
            seen["article"] += 1
        elif match := re.fullmatch(r"tags/([^/]+)/(?:page/\d+/)?index\.html", relative):
            name = tag_names[f"tags/{match[1]}/index.html"]
            expected.update(ColumnName=f"标签：{name}", ColumnKeywords=name,
                            ColumnDescription=columns["tags"]["description"],
                            ColumnType=columns["tags"]["type"])
            seen["tag"] += 1
        elif column := column_of(relative):
            slug, name, _ = column
            expected.update(ColumnName=name, ColumnDescription=columns[slug]["description"],
                            ColumnKeywords=columns[slug]["keywords"], ColumnType=columns[slug]["type"])
            seen["column"] += 1
        else:
            seen["other"] += 1
        assert gov_tags(page) == expected, relative
    assert seen["article"] == len(articles) and all(seen.values()), seen


def test_fields_are_escaped(gov_site):
    _, output = gov_site
    found = gov_tags(soup(output, "notices/2024/escaped-fields/index.html"))
    assert found["ArticleTitle"] == '关于"巾帼"<半边天> & 家庭的通知'
    assert found["ContentSource"] == "西城区妇联 & <巾帼>"
    assert found["Keywords"] == 'A&B,"引号"'
    assert found["Author"] == "王 'A' 芳"
    assert found["Description"] == '摘要 "有引号" & <尖括号>'
    assert found["PubDate"] == "2024-03-08 09:30"


def test_footer_shows_the_site_id_code(gov_site):
    _, output = gov_site
    for relative in ("index.html", "404.html", "news/index.html"):
        footer = soup(output, relative).select_one("footer.xc-footer")
        assert footer.select_one(".xc-footer__site-id").get_text() == f"网站标识码：{SITE_ID}"


def small_build(tmp_path, **settings):
    content = tmp_path / "content"
    write(str(content / "articles" / "a.md"), article())
    return run_tool("build.py", str(content), str(tmp_path / "site"), "-s", conf(tmp_path, **settings))


def test_without_a_site_id_code_no_tag_and_no_footer_line(tmp_path):
    result = small_build(tmp_path)
    assert result.returncode == 0, result.stderr
    page = soup(str(tmp_path / "site"), "index.html")
    assert gov_tags(page) == SITE_TAGS
    assert page.select_one(".xc-footer__site-id") is None


@pytest.mark.parametrize("code", ["110102001", "11010200011", "1101O20001", "9901020001", " 1101020001"])
def test_malformed_site_id_code_fails_the_build(tmp_path, code):
    result = small_build(tmp_path, XCFL_SITE_ID_CODE=code)
    assert result.returncode != 0
    assert (f"设置（pelicanconf.py / publishconf.py）: XCFL_SITE_ID_CODE: 网站标识码“{code}”格式不对；"
            "应为 10 位数字：6 位行政区划代码加 4 位顺序号，例如 1101020001；网站没有标识码时留空\n"
            ) in result.stderr
    assert "Traceback" not in result.stderr
    assert not os.path.exists(tmp_path / "site" / "index.html")


def test_a_column_without_its_meta_fails_the_build(tmp_path):
    columns = dict(settings_module()["XCFL_COLUMNS"])
    columns["rights"] = {"description": "权益", "keywords": " "}
    del columns["teams"]
    result = small_build(tmp_path, XCFL_COLUMNS=columns)
    assert result.returncode != 0
    assert ("设置（pelicanconf.py / publishconf.py）: XCFL_COLUMNS.rights: 栏目 rights 缺少网站元数据 "
            "keywords、type；请在 XCFL_COLUMNS 中为它写上 description（栏目描述）、keywords（栏目关键词）"
            "和 type（栏目类型）\n") in result.stderr
    assert "XCFL_COLUMNS.teams: 栏目 teams 缺少网站元数据 description、keywords、type；" in result.stderr
