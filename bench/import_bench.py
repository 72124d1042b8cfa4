"""`make import` of a large saved site: pages per second.

Generates a deterministic `wget --mirror` copy of N article pages (default
5,000) in four CMS layouts and three encodings, as tests/old_cms.py has them
one of each: TRS (UTF-8, <meta> tags), 大汉 (GBK, 发布时间 lines in layout
tables), 博达 VSB (UTF-8, ``content.jsp@…html`` names, read through selectors)
and ASP (GB2312, ``show.asp?id=…`` names); a third with a picture, a tenth with
an attachment, links between pages and to pages never saved, a list page per
column. Then, interleaved, several times:

- ``tools/import.py`` into a fresh copy of content/ (what ``make import`` runs);
- the same again on the result (a second import, which must write nothing);
- the floor: decoding and parsing every page with Beautiful Soup, nothing else.

Prints medians and the ratio to the floor (the machine is shared: the ratio,
measured in the same run, is the figure that travels). ``--save FILE`` writes
the table as Markdown.

    .venv/bin/python bench/import_bench.py [--pages 5000] [--repeat 3] [--save FILE]
"""

import argparse
import io
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

from PIL import Image

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(ROOT, "tools"))
sys.path.insert(0, os.path.join(ROOT, "plugins"))

from bs4 import BeautifulSoup  # noqa: E402

from importer.decode import decode  # noqa: E402
from importer.discover import pages  # noqa: E402

HOST = "www.bjxch-fulian.gov.cn"
CONFIG = f"""columns:
  工作动态: 工作动态
  art: 家庭文明
  content.jsp: 巾帼风采
  info: 权益维护
  tzgg: 通知公告
hosts: [{HOST}]
selectors:
  title: td.titlestyle1036
  date: span.timestyle1036
  source: span.sourcestyle1036
  body: "#vsb_content"
"""
WORDS = ("妇女之家", "巧娘工作室", "最美家庭", "反家暴", "巾帼志愿者", "家庭教育", "维权服务",
         "德胜街道", "牛街街道", "展览路街道", "什刹海街道", "社区", "宣讲", "培训", "座谈会",
         "妇女群众", "儿童", "家风", "调解", "心理咨询", "创业", "手工", "表彰", "学习")


def sentence(rng):
    return "，".join("".join(rng.sample(WORDS, 3)) for _ in range(rng.randint(2, 4))) + "。"


def paragraphs(rng):
    return [sentence(rng) + sentence(rng) for _ in range(rng.randint(4, 10))]


def picture(rng):
    data = io.BytesIO()
    Image.new("RGB", (64, 48), tuple(rng.randrange(256) for _ in range(3))).save(data, "JPEG")
    return data.getvalue()


def trs(n, title, date, body, extra):
    return f"""<html><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8">
<meta name="ColumnName" content="工作动态"><meta name="ArticleTitle" content="{title}">
<meta name="PubDate" content="{date}"><meta name="ContentSource" content="区妇联">
<meta name="Keywords" content="妇联,工作"><title>{title}-北京市西城区妇女联合会</title>
<script src="/js/jquery.js"></script></head><body>
<div class="nav"><a href="/">首页</a> | <a href="/xwzx/gzdt/">工作动态</a></div>
<div class="position">您当前的位置：首页 &gt; 工作动态</div><h1>{title}</h1>
<div class="info">发布时间：{date}&nbsp;&nbsp;来源：区妇联</div>
<div class="TRS_Editor">{"".join(f'<p style="text-indent:2em">&nbsp;&nbsp;{p}</p>' for p in body)}{extra}</div>
<div class="share"><a class="bds_weixin">微信</a></div>
<div>【<a href="javascript:window.print()">打印本页</a>】【<a href="javascript:window.close()">关闭窗口</a>】</div>
</body></html>"""


def dahan(n, title, date, body, extra):
    y, m, d = date.split("-")
    return f"""<HTML><HEAD><META http-equiv=Content-Type content="text/html; charset=gbk">
<TITLE>{title} - 北京市西城区妇女联合会</TITLE></HEAD><BODY onload="count()">
<TABLE width=1000><TR><TD><IMG src="/images/banner.jpg"></TD></TR></TABLE>
<TABLE width=1000><TR><TD class=title><FONT size=4><B>{title}</B></FONT></TD></TR>
<TR><TD>发布时间：{y}年{m}月{d}日&nbsp;&nbsp;来源：街道妇联</TD></TR>
<TR><TD><DIV id=zoom>{"".join(f"<P>&nbsp;&nbsp;&nbsp;&nbsp;{p}" for p in body)}{extra}</DIV></TD></TR>
<TR><TD>【<A href="javascript:window.print()">打印本页</A>】</TD></TR></TABLE></BODY></HTML>"""


def vsb(n, title, date, body, extra):
    y, m, d = date.split("-")
    return f"""<html><head><meta http-equiv="Content-Type" content="text/html; charset=UTF-8">
<title>{title}-北京市西城区妇女联合会</title></head><body><form name="_newscontent_fromname">
<table><tr><td class="titlestyle1036">{title}</td></tr>
<tr><td><span class="timestyle1036">{y}-{int(m)}-{int(d)} 09:30</span>
<span class="sourcestyle1036">来源：区妇联宣传部</span></td></tr>
<tr><td><div id="vsb_content">{"".join(f"<p>{p}</p>" for p in body)}{extra}</div></td></tr>
</table></form></body></html>"""


def asp(n, title, date, body, extra):
    return f"""<html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312">
<title>{title}-西城区妇联</title></head><body><table width="778"><tr><td>
<table><tr><td align="center"><font size="4"><b>{title}</b></font></td></tr>
<tr><td>发布日期：{date}</td></tr><tr><td><font size="3">
{"".join(f"<p>&nbsp;&nbsp;{p}" for p in body)}{extra}
<script>document.write(1)</script></font></td></tr></table></td></tr></table></body></html>"""


LAYOUTS = (  # (template, encoding, saved file name of article n, its old address)
    (trs, "utf-8", lambda n, d: f"xwzx/gzdt/{d[:4]}{d[5:7]}/t{d.replace('-', '')}_{n}.html"),
    (dahan, "gbk", lambda n, d: f"art/{d[:4]}/{int(d[5:7])}/{int(d[8:])}/art_1234_{n}.html"),
    (vsb, "utf-8", lambda n, d: f"content.jsp@urltype=news.NewsContentUrl&wbtreeid=1011&wbnewsid={n}.html"),
    (asp, "gb2312", lambda n, d: f"info/show.asp?id={n}"),
)


def generate(folder, count, seed=1):
    """The saved copy of ``count`` article pages under folder/HOST; returns folder."""
    rng = random.Random(seed)
    root = os.path.join(folder, HOST)
    pictures = [picture(rng) for _ in range(200)]
    written = []
    for n in range(1, count + 1):
        template, encoding, name_of = LAYOUTS[n % len(LAYOUTS)]
        date = f"{rng.randint(2008, 2022)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        title = f"{''.join(rng.sample(WORDS, 3))}工作第{n}期"
        extra = ""
        if n % 3 == 0:
            extra += f'<p align="center"><img src="/upload/p{n % 200}.jpg" style="width:600px"></p>'
        if n % 10 == 0:
            extra += f'<p>附件：<a href="/attach/a{n}.pdf">材料{n}.pdf</a></p>'
        if written and n % 4 == 0:
            extra += f'<p>参见<a href="/{written[-1]}">上一篇</a>和<a href="/old/{n}.html">旧页面</a>。</p>'
        relative = name_of(n, date)
        save(root, relative, template(n, title, date, paragraphs(rng), extra).encode(encoding))
        written.append(relative.replace("@", "?").removesuffix(".html")
                       if "@" in relative else relative)
    for index, data in enumerate(pictures):
        save(root, f"upload/p{index}.jpg", data)
    for n in range(10, count + 1, 10):
        save(root, f"attach/a{n}.pdf", b"%PDF-1.4\n% " + str(n).encode() + b"\n")
    for column in ("xwzx/gzdt", "art", "info"):
        links = "".join(f'<li><a href="/{w}">{w}</a> 2018-01-19</li>' for w in written[:40])
        save(root, f"{column}/index.html", f"<html><head><meta charset='utf-8'><title>列表</title>"
             f"</head><body><ul>{links}</ul></body></html>".encode())
    return folder


def save(root, relative, data):
    path = os.path.join(root, relative)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "wb") as handle:
        handle.write(data)


def run_import(source, content, config):
    started = time.perf_counter()
    result = subprocess.run([sys.executable, os.path.join(ROOT, "tools", "import.py"), source,
                             content, "-s", os.path.join(ROOT, "pelicanconf.py"),
                             "--config", config], capture_output=True, text=True)
    elapsed = time.perf_counter() - started
    if result.returncode:
        sys.exit(result.stderr)
    return elapsed, result.stdout.splitlines()[-1]


def parse_floor(source):
    """Decoding and parsing every page, nothing else: what any importer pays."""
    started = time.perf_counter()
    for path, _ in pages(os.path.join(source, HOST)):
        with open(path, "rb") as handle:
            BeautifulSoup(decode(handle.read())[0], "html.parser")
    return time.perf_counter() - started


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--pages", type=int, default=5000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--save", default="")
    args = parser.parse_args()
    work = tempfile.mkdtemp(prefix="import-bench-")
    try:
        started = time.perf_counter()
        source = generate(os.path.join(work, "old"), args.pages)
        generated = time.perf_counter() - started
        config = os.path.join(work, "import.yaml")
        with open(config, "w", encoding="utf-8") as handle:
            handle.write(CONFIG)
        total = len(pages(os.path.join(source, HOST)))
        first, second, floor, summary = [], [], [], ""
        for repetition in range(args.repeat):
            content = os.path.join(work, f"content-{repetition}")
            shutil.copytree(os.path.join(ROOT, "content"), content)
            elapsed, summary = run_import(source, content, config)
            first.append(elapsed)
            second.append(run_import(source, content, config)[0])
            floor.append(parse_floor(source))
            shutil.rmtree(content)
            print(f"run {repetition + 1}: import {first[-1]:.1f} s, again {second[-1]:.1f} s, "
                  f"parse only {floor[-1]:.1f} s", file=sys.stderr)
    finally:
        shutil.rmtree(work)
    median = {name: statistics.median(values) for name, values in
              (("first", first), ("second", second), ("floor", floor))}
    # each run's ratio to its own floor, then their median: the load of the
    # shared machine changes between runs, less within one
    ratio = {name: statistics.median(v / f for v, f in zip(values, floor)) for name, values in
             (("first", first), ("second", second), ("floor", floor))}
    lines = [
        f"{args.pages} article pages + 3 list pages ({total} pages), generated in {generated:.1f} s; "
        f"{args.repeat} interleaved runs, medians; {os.cpu_count()} CPUs, shared and noisy.",
        "",
        "| step | median s | pages/s | × parse only (median of the runs' ratios) |",
        "| --- | --- | --- | --- |",
        *(f"| {label} | {median[key]:.1f} | {total / median[key]:.0f} | {ratio[key]:.2f} |"
          for key, label in (("first", "make import (tools/import.py)"),
                             ("second", "second import (writes nothing)"),
                             ("floor", "decode + BeautifulSoup parse only"))),
        "",
        f"Report of the first import: {summary}",
        f"All runs (s): import {', '.join(f'{v:.1f}' for v in first)}; again "
        f"{', '.join(f'{v:.1f}' for v in second)}; parse only {', '.join(f'{v:.1f}' for v in floor)}",
    ]
    print("\n".join(lines))
    if args.save:
        with open(args.save, "w", encoding="utf-8") as handle:
            handle.write("\n".join(lines) + "\n")


if __name__ == "__main__":
    main()
