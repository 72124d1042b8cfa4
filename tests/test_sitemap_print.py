"""网站地图 at /sitemap/ and the articles' 打印本页 button (issue 14 item 3).

The sitemap is checked against the source (categories, collections, streets and standing
pages, read here from content/ and pelicanconf); the button in Chromium, with and without
JavaScript, with window.print replaced by a recorder."""

import os
import runpy

import pytest
import yaml

from helpers import CONTENT, ROOT, files, run_tool, soup, url_to_path, write

SITEMAP = "sitemap/index.html"
ARTICLE = "/news/2018/reform-achievements/"
RECORD_PRINT = "window.__printed = 0; window.print = () => { window.__printed += 1; };"


def conf():
    return runpy.run_path(os.path.join(ROOT, "pelicanconf.py"))


def standing_pages():
    """{url: title} of content/pages, from their headers."""
    found = {}
    folder = os.path.join(CONTENT, "pages")
    for name in sorted(os.listdir(folder)):
        fields = {}
        with open(os.path.join(folder, name), encoding="utf-8") as handle:
            for line in handle:
                if not line.strip():
                    break
                key, value = line.split(":", 1)
                fields[key.strip().lower()] = value.strip()
        if fields.get("status") != "draft":
            found[f"/{fields.get('slug', name[:-3])}/"] = fields["title"]
    return found


def sitemap_links(site):
    """{href: text} of the links in /sitemap/'s <main>."""
    return {a["href"]: a.get_text(strip=True) for a in soup(site, SITEMAP).select("main a")}


def test_lists_every_section_collection_and_standing_page(dev_site):
    links = sitemap_links(dev_site)
    settings = conf()
    expected = {"/": "首页", "/archives/": "文章归档", "/tags/": "全部标签", "/search/": "站内搜索",
                "/families/": "最美家庭", "/studios/": "巧娘工作室", "/teams/": "志愿服务队",
                "/stats/": "数据概览"}
    expected.update({f"/{slug}/": name for slug, name in settings["XCFL_CATEGORIES"].items()})
    with open(os.path.join(CONTENT, "data", "streets.yaml"), encoding="utf-8") as handle:
        expected.update({f"/streets/{s['id']}/": s["name"] for s in yaml.safe_load(handle)})
    expected.update(standing_pages())
    expected["/streets/"] = "各街道"  # the streets index
    assert links == expected
    assert len(standing_pages()) == 3 and len(expected) == 9 + 6 + 15 + 3


def test_every_link_resolves_to_an_output_file(dev_site):
    links = sitemap_links(dev_site)
    assert len(links) > 30
    for href in links:
        assert os.path.isfile(url_to_path(dev_site, href)), href


def test_published_sitemap_links_resolve_too(published_site):
    from helpers import SITEURL
    page = soup(published_site, SITEMAP)
    for a in page.select("main a"):
        assert a["href"].startswith(SITEURL + "/"), a["href"]
        assert os.path.isfile(url_to_path(published_site, a["href"], SITEURL)), a["href"]


def test_every_page_links_the_sitemap_from_its_footer(dev_site):
    for relative in files(dev_site, ".html"):
        links = soup(dev_site, relative).select("footer .xc-footer__links a")
        assert [(a["href"], a.get_text()) for a in links] == [("/sitemap/", "网站地图")], relative


def test_a_standing_page_cannot_take_the_sitemap_url(tmp_path):
    write(str(tmp_path / "pages" / "sitemap.md"), "Title: 地图\nSlug: sitemap\n\n正文\n")
    result = run_tool("check.py", str(tmp_path), "-s", "publishconf.py")
    assert result.returncode == 1
    assert ("pages/sitemap.md:2: Slug: 网址名“sitemap”已被 网站的栏目或功能页 使用；网址名不能重复，请换一个"
            in result.stderr.splitlines())


def test_print_stylesheet_hides_navigation_and_the_button(chromium, site_url):
    context = chromium.new_context(viewport={"width": 1280, "height": 900})
    tab = context.new_page()
    tab.goto(site_url + ARTICLE)
    tab.wait_for_selector("button.xc-print")
    tab.emulate_media(media="print")
    hidden = tab.evaluate("""() => [".xc-nav", ".xc-header__search", ".xc-a11y", ".xc-breadcrumbs",
        ".xc-print", ".xc-footer__links", ".xc-footer__filing"].map(s => {
            const e = document.querySelector(s);
            return [s, e !== null && e.getClientRects().length === 0];
        })""")
    title_shown = tab.evaluate("document.querySelector('h1').getClientRects().length > 0")
    context.close()
    assert hidden == [[s, True] for s, _ in hidden]  # present, and not rendered
    assert title_shown


def test_print_button_only_with_javascript(chromium, site_url):
    context = chromium.new_context(java_script_enabled=False)
    tab = context.new_page()
    tab.goto(site_url + ARTICLE)
    buttons = tab.get_by_text("打印本页").count() + tab.locator(".xc-print").count()
    slot = tab.locator("[data-xc-print]").bounding_box()
    context.close()
    assert buttons == 0
    assert slot["height"] == 0  # no empty gap without JavaScript


@pytest.mark.parametrize("width", [390, 1280])
def test_print_button_opens_print_without_moving_the_page(chromium, site_url, width):
    context = chromium.new_context(viewport={"width": width, "height": 900}, bypass_csp=False)
    context.add_init_script(RECORD_PRINT + """
        window.__shifts = 0; window.__violations = [];
        document.addEventListener("securitypolicyviolation", e => window.__violations.push(e.violatedDirective));
        new PerformanceObserver(list => { for (const e of list.getEntries()) window.__shifts += e.value; })
            .observe({type: "layout-shift", buffered: true});""")
    tab = context.new_page()
    tab.goto(site_url + ARTICLE)
    button = tab.get_by_role("button", name="打印本页")
    button.wait_for()
    in_header = tab.evaluate("document.querySelector('.xc-article__header .xc-print') !== null")
    button.click()
    printed = tab.evaluate("window.__printed")
    shifts = tab.evaluate("window.__shifts")
    violations = tab.evaluate("window.__violations")
    context.close()
    assert in_header and printed == 1
    assert shifts == 0
    assert violations == []


def test_print_script_only_on_articles(dev_site):
    for relative in files(dev_site, ".html"):
        scripts = [s["src"] for s in soup(dev_site, relative).select("script[src]")]
        has_print = any("/theme/print." in src for src in scripts)
        assert has_print == (soup(dev_site, relative).select_one("[data-xc-print]") is not None), relative
