"""`make deploy` (tools/deploy.py, issue 14 item 6): at every moment of a deploy, every page
on the host finds every file it points at; a stopped deploy leaves a working site; the
finished deploy leaves exactly the new output; no rsync gives a clear Chinese message.

Deploys go to a local folder (rsync treats it as any target). v2 has a new fingerprinted
stylesheet (a changed theme), a new article with a new picture, and a deleted article."""

import filecmp
import hashlib
import os
import shutil
import subprocess
import sys
from urllib.parse import unquote

import pytest
from bs4 import BeautifulSoup

from helpers import ROOT, article, copy_content, files, run_tool, soup, write
from pages import png

DEPLOY = os.path.join(ROOT, "tools", "deploy.py")
GONE_SOURCE = "2021-06-18-xingfu-ketang-summer.md"  # linked from no other page's text
GONE = "news/2021/xingfu-ketang-summer/index.html"
PASSES = ["files", "pages", "stale-pages", "stale-files"]
REFERENCES = [("a", "href"), ("link", "href"), ("script", "src"), ("img", "src"),
              ("img", "srcset"), ("source", "srcset"), ("source", "src")]


def build(tmp_path, name, content, theme=None):
    conf = tmp_path / f"{name}.py"
    conf.write_text("import sys\n" f"sys.path.insert(0, {ROOT!r})\n" "from pelicanconf import *\n"
                    + (f"THEME = {str(theme)!r}\n" if theme else ""))
    output = str(tmp_path / name)
    result = run_tool("build.py", str(content), output, "-s", str(conf))
    assert result.returncode == 0, result.stdout + result.stderr
    return output


@pytest.fixture(scope="module")
def versions(tmp_path_factory):
    """(v1 output, v2 output)."""
    root = tmp_path_factory.mktemp("deploy")
    content = root / "content"
    copy_content(str(content))
    v1 = build(root, "v1", content)
    os.remove(content / "articles" / GONE_SOURCE)
    (content / "images" / "new.png").write_bytes(png(40, 30))
    write(str(content / "articles" / "new.md"),
          article("新文章", "2024-02-01", Slug="new", body="![新图片](images/new.png)\n"))
    theme = root / "theme-v2"
    shutil.copytree(os.path.join(ROOT, "theme"), theme)
    with open(theme / "assets" / "css" / "99-v2.css", "w", encoding="utf-8") as handle:
        handle.write(".xc-v2 { color: #000; }\n")
    v2 = build(root, "v2", content, theme=theme)
    return v1, v2


def deploy(output, target, *options, env=None):
    return subprocess.run([sys.executable, DEPLOY, output, f"{target}/", *options],
                          capture_output=True, text=True, env=env)


def missing_references(site):
    """(page, reference) of every page of the site whose href/src/srcset into the site
    names no file there."""
    missing = []
    for page in files(site, ".html"):
        with open(os.path.join(site, page), "rb") as handle:
            data = handle.read()
        for url in page_references(data):
            # as a web server maps it: attachments' Chinese names are percent-encoded
            path = os.path.join(site, unquote(url).lstrip("/"))
            if url.endswith("/"):
                path = os.path.join(path, "index.html")
            if not os.path.isfile(path):
                missing.append((page, url))
    return missing


PARSED = {}  # SHA-1 of a page's bytes: its references (v1's and v2's pages recur on the host)


def page_references(data):
    """The addresses into the site (href/src/srcset starting with one "/") a page names."""
    key = hashlib.sha1(data).digest()
    if key not in PARSED:
        text = data.decode("utf-8").replace("\r\n", "\n").replace("\r", "\n")  # as soup() reads it
        html = BeautifulSoup(text, "html.parser")
        found = []
        for tag, attribute in REFERENCES:
            for element in html.find_all(tag, attrs={attribute: True}):
                for value in element[attribute].split(","):
                    url = value.strip().split(" ")[0].split("#")[0].split("?")[0]
                    if url.startswith("/") and not url.startswith("//"):  # not another host, an anchor
                        found.append(url)
        PARSED[key] = found
    return PARSED[key]


def stylesheets(site):
    return sorted(name for name in os.listdir(os.path.join(site, "theme")) if name.startswith("site."))


def same_tree(a, b):
    assert files(a) == files(b)
    _, different, errors = filecmp.cmpfiles(a, b, files(a), shallow=False)
    assert different == [] and errors == []


def test_versions_differ_as_the_test_needs(versions):
    v1, v2 = versions
    assert len(stylesheets(v1)) == len(stylesheets(v2)) == 1 and stylesheets(v1) != stylesheets(v2)
    assert GONE in files(v1) and GONE not in files(v2)
    assert "images/new.png" in files(v2)
    attachments = files(os.path.join(ROOT, "content"))
    attachments = [path for path in attachments if path.startswith("files/")]
    assert attachments and all(path in files(v1) for path in attachments)  # deployed like pictures
    assert missing_references(v1) == [] and missing_references(v2) == []


def test_every_moment_of_a_deploy_serves_whole_pages(versions, tmp_path):
    v1, v2 = versions
    target = str(tmp_path / "host")
    assert deploy(v1, target).returncode == 0
    same_tree(v1, target)
    for step, name in enumerate(PASSES, start=1):
        result = deploy(v2, target, "--stop-after", name)
        assert result.returncode == 0, result.stderr
        assert f"第 {step} 步" in result.stdout
        assert missing_references(target) == [], name
        on_host = files(target)
        if name == "files":  # new files are there, the pages still v1's
            assert stylesheets(target) == sorted(stylesheets(v1) + stylesheets(v2))
            assert "images/new.png" in on_host and "news/2024/new/index.html" not in on_host
            assert soup(target, "index.html").find("link", rel="stylesheet")["href"] == f"/theme/{stylesheets(v1)[0]}"
        if name == "pages":  # every page is v2's; the old stylesheet and page stay for now
            assert "news/2024/new/index.html" in on_host and GONE in on_host
            assert stylesheets(target) == sorted(stylesheets(v1) + stylesheets(v2))
            for page in files(v2, ".html"):
                assert filecmp.cmp(os.path.join(v2, page), os.path.join(target, page), shallow=False)
        if name == "stale-pages":
            assert GONE not in on_host
            assert len(stylesheets(target)) == 2
    same_tree(v2, target)  # the last pass: exactly the new output


def test_a_deploy_without_stop_is_complete_and_repeatable(versions, tmp_path):
    v1, v2 = versions
    target = str(tmp_path / "host")
    for output in (v1, v2, v2):
        result = deploy(output, target)
        assert result.returncode == 0, result.stderr
        same_tree(output, target)
    assert "第 4 步" in result.stdout


def test_an_interrupted_deploy_keeps_the_site_working_and_the_next_one_completes(versions, tmp_path):
    v1, v2 = versions
    target = str(tmp_path / "host")
    assert deploy(v1, target).returncode == 0
    for stop in PASSES[:-1]:
        assert deploy(v2, target, "--stop-after", stop).returncode == 0
        assert deploy(v1, target, "--stop-after", "files").returncode == 0  # a rollback, stopped too
        assert missing_references(target) == [], stop
    assert deploy(v2, target).returncode == 0
    same_tree(v2, target)


def test_a_failing_rsync_stops_with_a_chinese_message(versions, tmp_path):
    v1, _ = versions
    result = deploy(v1, str(tmp_path / "no" / "such" / "parent" / "host"))
    assert result.returncode != 0
    assert "上传在第 1 步（共 4 步）中断" in result.stderr
    assert "服务器上的网站仍可正常访问，修复后重新运行 make deploy 即可完成。" in result.stderr


def test_missing_rsync_is_named_in_chinese(versions, tmp_path):
    v1, _ = versions
    empty = tmp_path / "bin"
    empty.mkdir()
    result = deploy(v1, str(tmp_path / "host"), env=dict(os.environ, PATH=str(empty)))
    assert result.returncode == 2
    assert result.stderr == ("找不到 rsync 命令：make deploy 用它上传网站，网站没有改动。请先安装"
                             "（Debian/Ubuntu：sudo apt-get install rsync，或运行 tools/system-packages.sh install）后重试。\n")
    assert not (tmp_path / "host").exists()


def test_make_deploy_uses_the_passes(tmp_path):
    """The Makefile's deploy target calls tools/deploy.py (make -n prints, runs nothing)."""
    result = subprocess.run(["make", "-n", "deploy", f"DEPLOY_TARGET={tmp_path}/host/",
                             f"OUTPUTDIR={tmp_path}/out"], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    lines = [line for line in result.stdout.splitlines()
             if ("deploy.py" in line or "rsync" in line) and not line.startswith("#")]
    assert lines == [f'exec tools/quiet-failure .venv/bin/python tools/deploy.py "{tmp_path}/out" "{tmp_path}/host/"']
