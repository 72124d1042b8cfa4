"""No broken link is ever published (plugins/xcfl_linkcheck): every link into the
site on every page of the output resolves, in `make html` and `make publish`; a
link the theme makes to a missing page fails the build with its Chinese message."""

import os
import textwrap

from helpers import CONTENT, PELICANCONF, PUBLISHCONF, ROOT, SITEURL, copy_content, run_tool

import pytest

SUMMARY_ONE = "共发现 1 个失效链接，网站未发布。请按上面的提示修改后重试。"


def settings_with(tmp_path, base, extra):
    """A settings file: `base` (publishconf or pelicanconf) plus some lines."""
    path = tmp_path / f"settings-{os.path.basename(base)}"
    path.write_text(textwrap.dedent(f"""
        import sys
        sys.path.insert(0, {ROOT!r})
        from {os.path.basename(base)[:-3]} import *
    """) + textwrap.dedent(extra))
    return str(path)


def without_accessibility_page(tmp_path):
    content = copy_content(str(tmp_path / "content"), CONTENT)
    os.remove(os.path.join(content, "pages", "accessibility.md"))
    for name in ("about.md", "contact.md"):  # their own links to it (content checks catch them)
        path = os.path.join(content, "pages", name)
        with open(path, encoding="utf-8") as handle:
            kept = [line for line in handle if "/accessibility/" not in line]
        with open(path, "w", encoding="utf-8") as handle:
            handle.writelines(kept)
    return content


@pytest.mark.parametrize("publish", [False, True])
def test_content_without_the_accessibility_page_builds_without_broken_links(tmp_path, publish):
    content = without_accessibility_page(tmp_path)
    assert "accessibility" not in open(os.path.join(content, "pages", "about.md"), encoding="utf-8").read()
    output = str(tmp_path / "site")
    if publish:
        result = run_tool("publish.py", content, output, "-s", PUBLISHCONF, env={"SITEURL": SITEURL})
    else:
        result = run_tool("build.py", content, output, "-s", PELICANCONF)
    assert result.returncode == 0, result.stdout + result.stderr
    with open(os.path.join(output, "index.html"), encoding="utf-8") as handle:
        assert "/accessibility/" not in handle.read()


def test_with_the_page_the_toolbar_links_to_it(dev_site):
    with open(os.path.join(dev_site, "index.html"), encoding="utf-8") as handle:
        assert 'class="xc-a11y__link" href="/accessibility/"' in handle.read()


@pytest.mark.parametrize("base", [PELICANCONF, PUBLISHCONF])
def test_a_theme_link_to_a_missing_page_fails_the_build(tmp_path, base):
    """The main menu (XCFL_NAV, on every page) names a page no content makes."""
    settings = settings_with(tmp_path, base, """
        XCFL_NAV = XCFL_NAV + [("missing-column/", "不存在的栏目")]
    """)
    output = tmp_path / "site"
    tool = "publish.py" if base == PUBLISHCONF else "build.py"
    result = run_tool(tool, CONTENT, str(output), "-s", settings, env={"SITEURL": SITEURL})
    assert result.returncode == 1
    lines = result.stderr.strip().splitlines()
    prefix = SITEURL if base == PUBLISHCONF else ""
    # the home page of the output, at the line of the menu's link
    expected = (f": broken-link: 页面 / 上的链接 {prefix}/missing-column/ 指向的文件在生成的网站中不存在；"
                "请改正链接，或补上它指向的页面、图片或文件")
    home = [line for line in lines if line.endswith(expected) and "/news/" not in line.split(":")[0]
            and line.split(":")[0].endswith("index.html") and line.split(":")[1].isdigit()]
    assert home, lines[:5]
    summary = [line for line in lines if line.startswith("共发现 ")]
    assert len(summary) == 1 and summary[0].endswith(" 个失效链接，网站未发布。请按上面的提示修改后重试。")
    assert "Traceback" not in result.stderr
    if base == PUBLISHCONF:
        assert not output.exists()  # publish keeps the old site: here, none at all


def test_a_link_to_a_missing_part_of_a_page_fails(tmp_path):
    settings = settings_with(tmp_path, PELICANCONF, """
        XCFL_NAV = XCFL_NAV + [("about/#no-such-part", "无此小节")]
    """)
    result = run_tool("build.py", CONTENT, str(tmp_path / "site"), "-s", settings)
    assert result.returncode == 1
    assert "broken-fragment: 页面 / 上的链接 /about/#no-such-part 指向的位置（# 后面的部分）在目标页面中找不到" in result.stderr


def test_a_broken_link_in_an_article_stops_the_build_at_its_line(tmp_path):
    """Links written in content (raw HTML too) are caught while reading, at their
    line, before anything is written: the safety net is for the theme's links."""
    content = copy_content(str(tmp_path / "content"), CONTENT)
    path = os.path.join(content, "articles", "2024-06-01-shuxiang-family-reading.md")
    with open(path, encoding="utf-8") as handle:
        text = handle.read()
    with open(path, "w", encoding="utf-8") as handle:
        handle.write(text.rstrip("\n") + '\n\n<p><a href="/no-such-page/">旧页面</a></p>\n')
    line = len(text.rstrip("\n").splitlines()) + 2
    result = run_tool("build.py", content, str(tmp_path / "site"), "-s", PELICANCONF)
    assert result.returncode == 1
    assert (f"articles/2024-06-01-shuxiang-family-reading.md:{line}: 正文: 链接 /no-such-page/ "
            "指向的网页不存在") in result.stderr, result.stderr


def test_the_menu_leaves_out_categories_without_articles(tmp_path):
    """Content with one news article: the menu names 工作动态 and no empty category,
    and the build (every page checked) passes."""
    from helpers import article, write
    content = tmp_path / "content"
    write(str(content / "articles" / "x.md"), article(body="正文"))
    output = str(tmp_path / "site")
    result = run_tool("build.py", str(content), output, "-s", PELICANCONF)
    assert result.returncode == 0, result.stderr
    with open(os.path.join(output, "index.html"), encoding="utf-8") as handle:
        page = handle.read()
    assert 'class="xc-nav__link" href="/news/"' in page
    assert 'class="xc-nav__link" href="/notices/"' not in page
    assert 'class="xc-nav__link" href="/families/"' in page  # collections are always written


def test_the_page_reader_takes_attributes_of_tags_only():
    import sys
    sys.path.insert(0, os.path.join(ROOT, "plugins"))
    from xcfl_linkcheck.linkcheck import Page

    page = Page('<p>&lt;img src=x&gt;</p><meta content="a src=y b" name="d">\n'
                "<a href='/a/' id=top>a</a><img srcset=\"/i-1.png 1x, /i-2.png 2x\" src=/i.png>"
                '<!-- <a href="/comment/"> --><script>let s = "<a href=/script/>";</script>')
    assert [url for url, _ in page.links] == ["/a/", "/i-1.png", "/i-2.png", "/i.png"]
    assert page.ids == {"d", "top"}


def test_a_missing_heading_of_an_article_names_its_file_and_line(tmp_path):
    """Reading checks do not look at #fragments: the net names the content line."""
    from helpers import article, write
    content = tmp_path / "content"
    write(str(content / "articles" / "2024-01-01-x.md"),
          article(body="第一段。\n\n见[本页小标题](#nope)。\n\n## 一\n"))
    result = run_tool("build.py", str(content), str(tmp_path / "site"), "-s", PELICANCONF)
    assert result.returncode == 1
    assert ("articles/2024-01-01-x.md:7: broken-fragment: 页面 /news/2024/x/ 上的链接 #nope "
            "指向的位置（# 后面的部分）在目标页面中找不到；请核对小标题或锚点的写法") in result.stderr, result.stderr
