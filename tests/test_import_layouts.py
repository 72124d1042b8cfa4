"""`make import` of a saved site holding four CMS layouts (tests/old_cms.py:
TRS, 大汉, 博达 VSB read through import.yaml's selectors, an ASP site with
query addresses), then the real build of the result, and the nginx redirect
snippet of docs/hosting.md served by a real nginx."""

import hashlib
import http.client
import os
import re
import socket
import subprocess
import time

import pytest

from helpers import ROOT, build, copy_content, files, soup
from old_cms import CONFIG, FILES, make_old_site
from test_import import attachment_link, make_import, read

IMPORTED = "articles/imported/"


def asset(old, folder):
    """The name make import gives a file of the saved copy (its hash)."""
    digest = hashlib.sha256(FILES[old]).hexdigest()[:12]
    return f"{folder}/{digest}{os.path.splitext(old)[1]}"


TRS = f"""Title: 西城区妇联举办“巾帼心向党”主题宣讲
Date: 2018-01-19
Category: 工作动态
Source: 区妇联宣传部
Author: 李红
Tags: 宣讲, 巾帼心向党
Summary: 区妇联在德胜街道举办主题宣讲，120名妇女群众参加。
OldURL: /xwzx/gzdt/201801/t20180119_2001.html /xwzx/tpxw/201801/t20180119_2001.html

1月18日，西城区妇联在德胜街道举办“巾帼心向党”主题宣讲，**120名**妇女群众参加。

![宣讲现场](/{asset("xwzx/tpxw/201801/W020180119512345678901.jpg", "images/imported")})

宣讲现场

宣讲分三场进行：

| 场次 | 地点 | 人数 |
| --- | --- | --- |
| 第一场 | 德胜街道妇女之家 | 45 |
| 第二场 | 新街口街道 | 40 |
| 第三场 | 什刹海街道 | 35 |

附件：[宣讲安排表.doc]({{static}}/{asset("xwzx/tpxw/201801/P020180119512345678902.doc", "files/imported")})

往期报道见图片新闻。
"""
DAHAN = f"""Title: 最美家庭事迹：三代人的家风
Date: 2018-01-19
Category: 家庭文明
Source: 德胜街道妇联
OldURL: /art/2018/1/19/art_1234_5678.html

张秀兰一家三代同住在德胜街道，婆媳和睦，邻里称赞。

家训只有一句：**“好好做人，踏实做事”**。

![最美家庭事迹：三代人的家风](/{asset("picture/0/1801191530123.jpg", "images/imported")})

张秀兰（中）与家人合影

详见[推荐材料.pdf]({{static}}/{asset("attach/0/1801191530456.pdf", "files/imported")})，以及另一篇报道。
"""
VSB = """Title: 巾帼创业故事：社区里的手工坊
Date: 2018-01-19 09:30
Category: 巾帼风采
Source: 区妇联宣传部
OldURL: /content.jsp?urltype=news.NewsContentUrl&wbtreeid=1011&wbnewsid=3001

2015年，王丽在展览路街道开办手工坊，如今已带动**30名**妇女就业。

### 手工坊的产品

1. 布艺
2. 编织
3. 剪纸

更多创业故事见社区的另一位创业者。
"""
ASP = f"""Title: 妇女维权热线开通
Date: 2018-03-08
Category: 权益维护
OldURL: /info/show.asp?id=123

![妇女维权热线开通](/{asset("upload/2018/20180308093012.gif", "images/imported")})

3月8日，西城区妇联**妇女维权热线**正式开通，为妇女提供法律咨询、心理疏导和婚姻家庭调解服务。

热线服务时间为工作日9:00至17:00，请见[服务说明]({{filename}}/articles/imported/2018-03-09-wei-quan-re-xian-fu-wu.md)；往年的活动回顾和维权服务栏目不再提供。

在线咨询
"""
ASP_SECOND = """Title: 维权热线服务说明
Date: 2018-03-09
Category: 权益维护
OldURL: /info/show.asp?id=124

热线接听后由专职律师和心理咨询师分别回答，来电信息严格保密。
"""
ARTICLES = {
    "2018-01-19-xi-cheng-qu-fu-lian-ju.md": TRS,
    "2018-01-19-zui-mei-jia-ting-shi-ji.md": DAHAN,
    "2018-01-19-jin-guo-chuang-ye-gu-shi.md": VSB,
    "2018-03-08-fu-nv-wei-quan-re-xian.md": ASP,
    "2018-03-09-wei-quan-re-xian-fu-wu.md": ASP_SECOND,
}
VSB_URL = "/content.jsp?urltype=news.NewsContentUrl&wbtreeid=1011&wbnewsid=3001"
REDIRECTS = {  # old address -> new address
    VSB_URL: "/women/2018/jin-guo-chuang-ye-gu-shi/",
    "/info/show.asp?id=123": "/rights/2018/fu-nv-wei-quan-re-xian/",
    "/info/show.asp?id=124": "/rights/2018/wei-quan-re-xian-fu-wu/",
    "/art/2018/1/19/art_1234_5678.html": "/family/2018/zui-mei-jia-ting-shi-ji/",
    "/xwzx/gzdt/201801/t20180119_2001.html": "/news/2018/xi-cheng-qu-fu-lian-ju/",
    "/xwzx/tpxw/201801/t20180119_2001.html": "/news/2018/xi-cheng-qu-fu-lian-ju/",
}
REPORT = [
    f"导入 {VSB_URL} -> content/articles/imported/2018-01-19-jin-guo-chuang-ye-gu-shi.md",
    "导入 /art/2018/1/19/art_1234_5678.html -> content/articles/imported/2018-01-19-zui-mei-jia-ting-shi-ji.md",
    "导入 /info/show.asp?id=123 -> content/articles/imported/2018-03-08-fu-nv-wei-quan-re-xian.md",
    "导入 /info/show.asp?id=124 -> content/articles/imported/2018-03-09-wei-quan-re-xian-fu-wu.md",
    "导入 /xwzx/gzdt/201801/t20180119_2001.html -> content/articles/imported/2018-01-19-xi-cheng-qu-fu-lian-ju.md",
    "跳过 /art/2018/1/20/art_1234_5679.html：没有找到发布日期（栏目列表、首页等不是文章的页面），已跳过",
    "跳过 /info/show.asp?id=200：没有找到标题，已跳过",
    "跳过 /xwzx/tpxw/index.html：没有找到发布日期（栏目列表、首页等不是文章的页面），已跳过",
    "跳过 /xwzx/tpxw/201801/t20180119_2001.html：与 content/articles/imported/2018-01-19-xi-cheng-qu-fu-lian-ju.md 标题和日期相同，是重复的页面，已跳过",
    "跳过 /xwzx/tpxw/201801/t20180120_2002.html：没有找到正文，已跳过",
    f"链接 {VSB_URL}：content.jsp?urltype=news.NewsContentUrl&wbtreeid=1011&wbnewsid=3002 指向保存的副本里没有的文件，链接已去掉、文字保留",
    "链接 /art/2018/1/19/art_1234_5678.html：图片 /picture/0/missing.jpg 不在保存的副本里（或在其他网站），没有导入",
    "链接 /art/2018/1/19/art_1234_5678.html：/art/2018/1/20/art_1234_5679.html 指向没有导入的页面，链接已去掉、文字保留",
    "链接 /info/show.asp?id=123：show.asp?id=99 指向保存的副本里没有的文件，链接已去掉、文字保留",
    "链接 /info/show.asp?id=123：list.asp?classid=3 指向保存的副本里没有的文件，链接已去掉、文字保留",
    "链接 /xwzx/gzdt/201801/t20180119_2001.html：图片 http://img.example-cdn.com/share/ad.gif 不在保存的副本里（或在其他网站），没有导入",
    "链接 /xwzx/gzdt/201801/t20180119_2001.html：../index.html 指向保存的副本里没有的文件，链接已去掉、文字保留",
    "导入完成：导入 5 篇，跳过 5 个页面，失败 0 个，去掉的链接和图片 7 处。",
]


@pytest.fixture(scope="module")
def imported(tmp_path_factory):
    root = tmp_path_factory.mktemp("layouts")
    source = make_old_site(str(root / "old"))
    config = root / "import.yaml"
    config.write_text(CONFIG, encoding="utf-8")
    content = copy_content(str(root / "content"))
    result = make_import(content, source, str(config))
    assert result.returncode == 0, result.stdout + result.stderr
    # the build runs the guard and the link check: it fails on anything they find
    return {"content": content, "stdout": result.stdout, "site": build(content, str(root / "site"))}


def test_each_layout_becomes_exactly_this_markdown(imported):
    written = sorted(os.listdir(os.path.join(imported["content"], IMPORTED)))
    assert written == sorted(ARTICLES)
    for name, expected in ARTICLES.items():
        assert read(imported["content"], IMPORTED + name) == expected, name


def test_nothing_hostile_or_of_the_old_layout_is_carried_over(imported):
    for name in ARTICLES:
        text = read(imported["content"], IMPORTED + name)
        for never in ("<script", "<iframe", "onclick", "onerror", "onload", "javascript:",
                      "evil.example.com", "example-cdn", "打印", "关闭", "分享", "微信",
                      "当前位置", "版权所有", "Copyright", "字号", "点击", "浏览次数", "\xa0",
                      "\u3000", "<font", "style=", "<table", "<center", "发布时间", "发布日期"):
            assert never not in text, (name, never)


def test_the_report_lists_every_page_and_link_then_counts(imported):
    assert imported["stdout"].splitlines() == REPORT


def test_the_built_articles_keep_tables_pictures_attachments_and_links(imported):
    site = imported["site"]
    trs = soup(site, "news/2018/xi-cheng-qu-fu-lian-ju/index.html").find("main")
    rows = [[cell.get_text() for cell in row.find_all(("td", "th"))]
            for row in trs.find("table").find_all("tr")]
    assert rows == [["场次", "地点", "人数"], ["第一场", "德胜街道妇女之家", "45"],
                    ["第二场", "新街口街道", "40"], ["第三场", "什刹海街道", "35"]]
    assert trs.find("img", alt="宣讲现场") is not None
    attachment_link(site, trs, "宣讲安排表.doc")
    dahan = soup(site, "family/2018/zui-mei-jia-ting-shi-ji/index.html").find("main")
    attachment_link(site, dahan, "推荐材料.pdf")
    asp = soup(site, "rights/2018/fu-nv-wei-quan-re-xian/index.html").find("main")
    assert asp.find("a", string="服务说明")["href"] == "/rights/2018/wei-quan-re-xian-fu-wu/"
    assert asp.find("img", alt="妇女维权热线开通") is not None
    for page in (trs, dahan, asp):
        assert page.find(attrs={"onclick": True}) is None and page.find("iframe") is None


def test_query_addresses_redirect_through_rules_not_pages(imported):
    site = imported["site"]
    with open(os.path.join(site, "_redirects"), encoding="utf-8") as handle:
        assert handle.read().splitlines() == [
            "/content.jsp urltype=news.NewsContentUrl wbtreeid=1011 wbnewsid=3001 "
            "/women/2018/jin-guo-chuang-ye-gu-shi/ 301",
            "/info/show.asp id=123 /rights/2018/fu-nv-wei-quan-re-xian/ 301",
            "/info/show.asp id=124 /rights/2018/wei-quan-re-xian-fu-wu/ 301",
            "/art/2018/1/19/art_1234_5678.html /family/2018/zui-mei-jia-ting-shi-ji/ 301",
            "/xwzx/gzdt/201801/t20180119_2001.html /news/2018/xi-cheng-qu-fu-lian-ju/ 301",
            "/xwzx/tpxw/201801/t20180119_2001.html /news/2018/xi-cheng-qu-fu-lian-ju/ 301",
        ]
    with open(os.path.join(site, "_redirects.map"), encoding="utf-8") as handle:
        assert handle.read().splitlines() == [f"{old} {new};" for old, new in REDIRECTS.items()]
    # a static file cannot answer one query of a path: no page for those
    assert not [f for f in files(site) if f.startswith(("info/", "content.jsp"))]
    for old, new in REDIRECTS.items():
        if "?" not in old:
            page = soup(site, old.lstrip("/"))
            assert page.find("meta", attrs={"http-equiv": "refresh"})["content"] == f"0; url={new}"


def nginx_snippet():
    """The nginx block of docs/hosting.md's "Redirects from the old site"."""
    with open(os.path.join(ROOT, "docs", "hosting.md"), encoding="utf-8") as handle:
        text = handle.read()
    section = text[text.index("## Redirects from the old site"):]
    return re.search(r"```nginx\n(.*?)```", section, re.S).group(1)


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture(scope="module")
def nginx(imported, tmp_path_factory):
    """A real nginx with the documented maps and ifs, serving the built site."""
    folder = tmp_path_factory.mktemp("nginx")
    port = free_port()
    snippet = nginx_snippet().replace("/srv/www/", imported["site"] + "/")
    maps, server = snippet.split("server {", 1)
    server = server.replace("# …", f"listen 127.0.0.1:{port};\n root {imported['site']};", 1)
    (folder / "nginx.conf").write_text(
        f"daemon off;\nmaster_process off;\npid {folder}/nginx.pid;\nerror_log {folder}/error.log;\n"
        "events {}\nhttp {\n"
        f"access_log off;\nclient_body_temp_path {folder};\nproxy_temp_path {folder};\n"
        f"fastcgi_temp_path {folder};\nuwsgi_temp_path {folder};\nscgi_temp_path {folder};\n"
        f"{maps}\nserver {{{server}\n}}\n", encoding="utf-8")
    process = subprocess.Popen(["/usr/sbin/nginx", "-p", str(folder), "-c", str(folder / "nginx.conf")],
                               stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    for _ in range(100):
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.1).close()
            break
        except OSError:
            assert process.poll() is None, process.stdout.read().decode()
            time.sleep(0.05)
    yield port
    process.terminate()
    process.wait(timeout=10)


def request(port, path):
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
    connection.request("GET", path)
    response = connection.getresponse()
    connection.close()
    return response.status, response.getheader("Location")


def test_the_documented_nginx_maps_redirect_every_old_address(nginx):
    for old, new in REDIRECTS.items():
        status, location = request(nginx, old)
        assert (status, location.split("//", 1)[-1].split("/", 1)[-1]) == (301, new.lstrip("/")), old
    # a path without a query redirects whatever query follows it
    status, _ = request(nginx, "/art/2018/1/19/art_1234_5678.html?from=rss")
    assert status == 301
    # a query page that was never imported is no redirect
    assert request(nginx, "/info/show.asp?id=99")[0] == 404
    assert request(nginx, "/info/show.asp")[0] == 404



def test_the_publish_build_takes_the_imported_site_too(imported, tmp_path):
    """Production settings: fatal warnings, absolute addresses, the same guard and link check."""
    from helpers import SITEURL
    site = build(imported["content"], str(tmp_path / "site"), publish=True)
    page = soup(site, "xwzx/tpxw/201801/t20180119_2001.html")
    assert page.find("link", rel="canonical")["href"] == \
        f"{SITEURL}/news/2018/xi-cheng-qu-fu-lian-ju/"
    assert page.find("meta", attrs={"http-equiv": "refresh"})["content"] == \
        f"0; url={SITEURL}/news/2018/xi-cheng-qu-fu-lian-ju/"
