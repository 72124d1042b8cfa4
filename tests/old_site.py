"""A saved copy of an old government-CMS site, as `wget --mirror` leaves it:
TRS-like article pages in UTF-8, GBK, GB2312 and GB18030, a list page,
pictures, an attachment, links between pages, share buttons, a layout table
and hostile markup. Used by tests/test_import.py."""

import os
import struct
import zlib

HOST = "www.xcfl.gov.cn"


def png(red, green, blue):
    """A 1×1 PNG of one colour (each call's bytes differ by colour)."""
    def chunk(kind, data):
        return (struct.pack(">I", len(data)) + kind + data
                + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF))
    header = struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)
    pixels = zlib.compress(bytes([0, red, green, blue]))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", pixels)
            + chunk(b"IEND", b""))


TRS_PAGE = """<!DOCTYPE html>
<html><head>
<meta http-equiv="Content-Type" content="text/html; charset=utf-8">
<title>区妇联召开2018年工作会议_西城区妇女联合会</title>
<meta name="SiteName" content="西城区妇女联合会">
<meta name="ColumnName" content="工作动态">
<meta name="ArticleTitle" content="区妇联召开2018年工作会议">
<meta name="PubDate" content="2018-01-19 09:30">
<meta name="ContentSource" content="西城区妇联">
<meta name="Keywords" content="工作会议,妇联改革">
<meta name="Author" content="宣传部">
<meta name="Description" content="区妇联召开2018年工作会议，部署全年工作。">
<script src="/js/jquery.js"></script>
<style>.x{color:red}</style>
</head>
<body onload="init()">
<div class="nav"><a href="/">首页</a> <a href="/xwzx/gzdt/">工作动态</a></div>
<div class="position">当前位置：<a href="/">首页</a> &gt; 工作动态</div>
<table width="960" class="layout"><tr><td width="200"><a href="/xwzx/">导航</a></td>
<td>
<h2 class="title">区妇联召开2018年工作会议</h2>
<div class="info">发布时间：2018-01-19 09:30 来源：西城区妇联</div>
<div class="TRS_Editor"><style>p{margin:0}</style>
<p style="text-indent:2em"><font face="宋体" size="3">&nbsp;&nbsp;&nbsp;&nbsp;1月19日，区妇联召开<b>2018年工作会议</b>。</font></p>
<p>&nbsp;</p>
<p></p>
<h3>一、会议内容</h3>
<p><span style="font-family:仿宋">会议部署了全年工作，详见<a href="../../../tzgg/201803/t20180305_456.html">通知</a>和
<a href="../index.html">栏目列表</a>。</span></p>
<ul><li>妇女之家建设</li><li>巧娘工作室</li></ul>
<table border="1"><tr><th>街道</th><th>人数</th></tr><tr><td>牛街街道</td><td>120</td></tr>
<tr><td>展览路街道</td><td>95</td></tr></table>
<p style="text-align:center"><img src="./W020180119.png" style="width:600px"></p>
<p>附件：<a href="./P020180119.pdf">2018年工作要点.pdf</a></p>
<p>更多信息见<a href="http://www.women.org.cn/">中国妇女网</a>。</p>
</div>
<div class="bdsharebuttonbox"><a class="bds_weixin">微信</a><a class="bds_tsina">微博</a></div>
<div class="print">【<a href="javascript:window.print()">打印本页</a>】【<a href="javascript:window.close()">关闭窗口</a>】</div>
</td></tr></table>
<div class="footer">版权所有：西城区妇女联合会</div>
<script>var _hmt = _hmt || [];</script>
</body></html>
"""

GBK_PAGE = """<html><head>
<meta http-equiv="Content-Type" content="text/html; charset=gbk">
<title>关于开展“最美家庭”评选活动的通知 - 西城区妇联</title>
</head><body>
<table width="100%"><tr><td><img src="/images/logo.png"></td><td>西城区妇女联合会</td></tr></table>
<table width="900"><tr><td>
<div class="bt">关于开展“最美家庭”评选活动的通知</div>
<div>发布日期：2018年03月05日　　来源：西城区妇联办公室</div>
<div class="zw">
<p>　　各街道妇联：</p>
<p>　　为弘扬家庭美德，现开展“最美家庭”评选活动。请见<a href="http://www.xcfl.gov.cn/xwzx/gzdt/201801/t20180119_123.html">工作会议</a>。</p>
<p><iframe src="http://video.example.com/player"></iframe></p>
<p><a href="#" onclick="alert(1)">点击报名</a></p>
<p>评选名额：牛街街道、展览路街道、德胜街道、金融街街道等十五个街道，每个街道推荐三户家庭。</p>
</div>
<div>【<a href="javascript:window.print()">打印</a>】【<a href="javascript:window.close()">关闭</a>】</div>
</td></tr></table>
</body></html>
"""

GB2312_PAGE = """<html><head>
<meta http-equiv="Content-Type" content="text/html; charset=gb2312">
<meta name="ArticleTitle" content="巧娘工作室开展剪纸培训">
<meta name="PubDate" content="2018-2-10 9:30">
<meta name="ColumnName" content="巾帼风采">
<title>巧娘工作室开展剪纸培训</title>
</head><body>
<div id="zoom"><p>巧娘工作室开展剪纸培训，三十名妇女参加。</p></div>
</body></html>
"""

GB18030_PAGE = """<html><head>
<meta charset="gb18030">
<meta name="ArticleTitle" content="王䶮家庭获评首都最美家庭">
<meta name="ColumnName" content="家庭文明">
<title>王䶮家庭获评首都最美家庭</title>
</head><body>
<div class="info">发布日期：2018-04-20</div>
<div class="TRS_Editor"><p>王䶮一家四代同堂，孝老爱亲。</p></div>
</body></html>
"""

HOSTILE_PAGE = """<html><head><meta charset="utf-8">
<meta name="ArticleTitle" content="巾帼志愿者走进社区">
<meta name="PubDate" content="2018年05月01日">
<meta name="ColumnName" content="工作动态">
</head><body>
<div class="TRS_Editor">
<script>document.write('x')</script>
<p onclick="steal()" onmouseover="x()">志愿者为老人提供服务，&lt;script&gt;不是代码。</p>
<p><img src="W020180501.png" onerror="alert(1)" alt="志愿服务现场"></p>
<p><img src="http://cdn.example.com/far.png"></p>
<p><a href="javascript:alert(1)">点我</a>和<a href="vbscript:msgbox">这里</a></p>
<object data="movie.swf"></object><embed src="movie.swf">
<iframe src="https://evil.example.com/"></iframe>
<form action="/post"><input name="q"></form>
<p><a href="/missing/page.html">旧链接</a></p>
</div>
</body></html>
"""

LIST_PAGE = """<html><head><meta charset="utf-8"><title>工作动态_西城区妇联</title></head><body>
<ul><li><a href="201801/t20180119_123.html">区妇联召开2018年工作会议</a> 2018-01-19</li>
<li><a href="201802/t20180210_124.html">巧娘工作室开展剪纸培训</a> 2018-02-10</li></ul>
</body></html>
"""

PAGES = {
    "xwzx/gzdt/201801/t20180119_123.html": (TRS_PAGE, "utf-8"),
    "tzgg/201803/t20180305_456.html": (GBK_PAGE, "gbk"),
    "xwzx/gzdt/201802/t20180210_124.html": (GB2312_PAGE, "gb2312"),
    "xwzx/gzdt/201804/t20180420_125.html": (GB18030_PAGE, "gb18030"),
    "xwzx/gzdt/201805/t20180501_126.html": (HOSTILE_PAGE, "utf-8"),
    "xwzx/gzdt/index.html": (LIST_PAGE, "utf-8"),
}
FILES = {
    "xwzx/gzdt/201801/W020180119.png": png(200, 30, 30),
    "xwzx/gzdt/201805/W020180501.png": png(30, 200, 30),
    "images/logo.png": png(30, 30, 200),
    "xwzx/gzdt/201801/P020180119.pdf": b"%PDF-1.4\n% 2018 work plan\n",
}


def make_old_site(folder):
    """Write the saved copy under ``folder``/HOST (wget's layout); returns ``folder``."""
    root = os.path.join(folder, HOST)
    for relative, (text, encoding) in PAGES.items():
        path = os.path.join(root, relative)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "wb") as handle:
            handle.write(text.encode(encoding))
    for relative, data in FILES.items():
        path = os.path.join(root, relative)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "wb") as handle:
            handle.write(data)
    return folder
