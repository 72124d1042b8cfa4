"""A saved copy (`wget --mirror`) of an old site that changed CMS over the
years, so one copy holds four layouts real Chinese government and
people's-organisation sites publish. Used by tests/test_import_layouts.py.

- TRS (``/xwzx/tpxw/201801/t20180119_2001.html``, UTF-8): the government site
  <meta> tags, ``.TRS_Editor``, a data table, a picture, a .doc attachment,
  share buttons, 打印本页/关闭窗口, ``&nbsp;`` runs, onclick; date ``2018-01-19``.
- 大汉 (``/art/2018/1/19/art_1234_5678.html``, GBK): no <meta> but the title,
  ``发布时间：2018年01月19日  来源：…`` printed in layout tables, ``#zoom``,
  unclosed tags, a picture in a layout table, a .pdf attachment.
- 博达 VSB (``/content.jsp?urltype=news.NewsContentUrl&wbtreeid=1011&wbnewsid=3001``,
  UTF-8, saved as ``content.jsp@….html`` by ``--restrict-file-names=windows
  --adjust-extension``): title, date ``2018-1-19 09:30``, source and body only
  found through the CSS selectors of import.yaml (SELECTORS).
- An old ASP site (``/info/show.asp?id=123``, GB2312, saved as ``show.asp?id=123``):
  nested layout tables and no container, ``<font>``, ``<center>``,
  ``发布日期：2018-03-08``, script, iframe, javascript: links, onerror;
  a link to ``show.asp?id=124`` (imported too) and to pages never saved.

Also pages to skip: a TRS list page, a page without a title, one without a
date, one without a body, and the TRS article republished in a second column
(a duplicate).
"""

import io
import os

from PIL import Image

HOST = "www.bjxch-fulian.gov.cn"
SELECTORS = {"title": "td.titlestyle1036", "date": "span.timestyle1036",
             "source": "span.sourcestyle1036", "body": "#vsb_content"}
CONFIG = f"""columns:
  图片新闻: 工作动态
  art: 家庭文明
  content.jsp: 巾帼风采
  info: 权益维护
hosts: [{HOST}]
selectors:
  title: {SELECTORS["title"]}
  date: {SELECTORS["date"]}
  source: {SELECTORS["source"]}
  body: "{SELECTORS["body"]}"
drop: [".related"]
"""


def picture(kind, colour):
    """A small real JPEG or GIF (the build republishes pictures with Pillow)."""
    data = io.BytesIO()
    Image.new("RGB", (40, 30), colour).save(data, kind)
    return data.getvalue()


TRS = """<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
<html xmlns="http://www.w3.org/1999/xhtml"><head>
<meta http-equiv="Content-Type" content="text/html; charset=utf-8" />
<meta name="SiteName" content="北京市西城区妇女联合会" />
<meta name="SiteDomain" content="www.bjxch-fulian.gov.cn" />
<meta name="SiteIDCode" content="1101020099" />
<meta name="ColumnName" content="图片新闻" />
<meta name="ColumnType" content="新闻" />
<meta name="ArticleTitle" content="西城区妇联举办“巾帼心向党”主题宣讲" />
<meta name="PubDate" content="2018-01-19" />
<meta name="ContentSource" content="区妇联宣传部" />
<meta name="Keywords" content="宣讲；巾帼心向党" />
<meta name="Author" content="李红" />
<meta name="Description" content="区妇联在德胜街道举办主题宣讲，120名妇女群众参加。" />
<meta name="Url" content="http://www.bjxch-fulian.gov.cn/xwzx/tpxw/201801/t20180119_2001.html" />
<title>西城区妇联举办“巾帼心向党”主题宣讲-北京市西城区妇女联合会</title>
<link href="../../../images/style.css" rel="stylesheet" type="text/css" />
<script type="text/javascript" src="../../../js/jquery-1.7.2.min.js"></script>
</head>
<body>
<div class="header"><img src="../../../images/logo.png" alt="西城区妇联" /></div>
<div class="nav"><a href="../../../">首页</a> | <a href="../../">新闻中心</a> | <a href="../">图片新闻</a></div>
<div class="position">您当前的位置：<a href="../../../">首页</a> &gt; <a href="../../">新闻中心</a> &gt; 图片新闻</div>
<div class="article">
<h1>西城区妇联举办“巾帼心向党”主题宣讲</h1>
<div class="info">发布时间：2018-01-19&nbsp;&nbsp;&nbsp;来源：区妇联宣传部&nbsp;&nbsp;&nbsp;【字号：<a href="javascript:doZoom(16)">大</a> <a href="javascript:doZoom(14)">中</a> <a href="javascript:doZoom(12)">小</a>】</div>
<div class="TRS_Editor"><style type="text/css">.TRS_Editor P{line-height:2;font-family:宋体;font-size:12pt;}</style>
<div class="TRS_Editor">
<p style="TEXT-INDENT: 2em" align="justify">&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;1月18日，西城区妇联在<span style="FONT-FAMILY: 仿宋_GB2312">德胜街道</span>举办“巾帼心向党”主题宣讲，<strong>120名</strong>妇女群众参加。</p>
<p>&nbsp;</p>
<p style="TEXT-ALIGN: center" align="center"><img style="BORDER-BOTTOM: 0px; BORDER-LEFT: 0px; WIDTH: 600px" title="宣讲现场" border="0" alt="" src="./W020180119512345678901.jpg" OLDSRC="W020180119512345678901.jpg" /></p>
<p align="center"><font face="楷体_GB2312">宣讲现场</font></p>
<p onclick="tongji()">宣讲分三场进行：</p>
<table border="1" cellspacing="0" cellpadding="0" width="90%">
<tbody>
<tr><td><p>场次</p></td><td><p>地点</p></td><td><p>人数</p></td></tr>
<tr><td><p>第一场</p></td><td><p>德胜街道妇女之家</p></td><td><p>45</p></td></tr>
<tr><td><p>第二场</p></td><td><p>新街口街道</p></td><td><p>40</p></td></tr>
<tr><td><p>第三场</p></td><td><p>什刹海街道</p></td><td><p>35</p></td></tr>
</tbody></table>
<p>附件：<a href="./P020180119512345678902.doc" OLDSRC="P020180119512345678902.doc">宣讲安排表.doc</a></p>
<p><img src="http://img.example-cdn.com/share/ad.gif" /></p>
<p>往期报道见<a href="../index.html">图片新闻</a>。</p>
</div></div>
<div class="related">相关链接：<a href="../201712/t20171201_1999.html">上一期宣讲</a></div>
<div class="share"><span>分享到：</span><a class="bds_weixin" href="#">微信</a><a class="bds_tsina" href="#">微博</a><a class="bds_qzone" href="#">QQ空间</a></div>
<div class="print">【<a href="javascript:window.print()">打印本页</a>】&nbsp;&nbsp;【<a href="javascript:window.opener=null;window.close()">关闭窗口</a>】</div>
</div>
<div class="footer">主办：北京市西城区妇女联合会　京ICP备05000000号</div>
<script type="text/javascript">var _hmt = _hmt || [];</script>
</body></html>
"""

TRS_LIST = """<html><head><meta charset="utf-8" /><title>图片新闻-北京市西城区妇女联合会</title>
<meta name="ColumnName" content="图片新闻" /></head><body>
<ul class="list">
<li><a href="./201801/t20180119_2001.html">西城区妇联举办“巾帼心向党”主题宣讲</a><span>2018-01-19</span></li>
<li><a href="./201801/t20180120_2002.html">学习贯彻会议精神</a><span>2018-01-20</span></li>
</ul>
<div class="page">共2条 第1页 <a href="index_1.html">下一页</a></div>
</body></html>
"""

NO_BODY = """<html><head><meta charset="utf-8" />
<meta name="ColumnName" content="图片新闻" />
<meta name="ArticleTitle" content="学习贯彻会议精神" />
<meta name="PubDate" content="2018-01-20" />
<title>学习贯彻会议精神-北京市西城区妇女联合会</title></head><body>
<div class="article"><h1>学习贯彻会议精神</h1>
<div class="info">发布时间：2018-01-20 来源：区妇联</div>
<div class="TRS_Editor"><p>&nbsp;</p><p>&nbsp;&nbsp;</p></div>
<div class="print">【<a href="javascript:window.print()">打印本页</a>】【<a href="javascript:window.close()">关闭窗口</a>】</div>
</div></body></html>
"""

DAHAN = """<!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 4.01 Transitional//EN">
<HTML><HEAD>
<META http-equiv=Content-Type content="text/html; charset=gbk">
<TITLE>最美家庭事迹：三代人的家风 - 北京市西城区妇女联合会</TITLE>
<LINK href="/images/dh.css" type=text/css rel=stylesheet>
<SCRIPT language=javascript src="/script/common.js"></SCRIPT>
</HEAD>
<BODY leftMargin=0 topMargin=0 onload="loadcount()">
<TABLE cellSpacing=0 cellPadding=0 width=1000 align=center border=0>
<TR><TD><IMG src="/images/banner.jpg" width=1000 height=120></TD></TR>
<TR><TD class=nav><A href="/">首页</A> | <A href="/col/col1234/index.html">家庭文明</A></TD></TR>
</TABLE>
<TABLE cellSpacing=0 cellPadding=0 width=1000 align=center border=0>
<TR><TD vAlign=top>
<TABLE width="100%" border=0>
<TR><TD class=title align=center height=50><FONT size=4><B>最美家庭事迹：三代人的家风</B></FONT></TD></TR>
<TR><TD align=center class=bt_link>发布时间：2018年01月19日&nbsp;&nbsp;&nbsp;&nbsp;来源：德胜街道妇联&nbsp;&nbsp;&nbsp;&nbsp;浏览次数：<SCRIPT>document.write(hits)</SCRIPT></TD></TR>
<TR><TD>
<DIV id=zoom>
<P>&nbsp;&nbsp;&nbsp;&nbsp;张秀兰一家三代同住在德胜街道，<FONT color=#ff0000>婆媳和睦</FONT>，邻里称赞。
<P>&nbsp;&nbsp;&nbsp;&nbsp;家训只有一句：<B>“好好做人，踏实做事”</B>。
<TABLE cellSpacing=0 cellPadding=0 align=center border=0>
<TR><TD align=center><IMG src="/picture/0/1801191530123.jpg" border=0></TD></TR>
<TR><TD align=center>张秀兰（中）与家人合影</TD></TR>
</TABLE>
<P>&nbsp;&nbsp;&nbsp;&nbsp;详见<A href="/attach/0/1801191530456.pdf" target=_blank>推荐材料.pdf</A>，以及<A href="/art/2018/1/20/art_1234_5679.html">另一篇报道</A>。
<P><IMG src="/picture/0/missing.jpg">
<P>
</DIV>
</TD></TR>
<TR><TD align=right>【<A href="javascript:window.print()">打印本页</A>】【<A href="javascript:window.close()">关闭窗口</A>】</TD></TR>
</TABLE>
</TD></TR></TABLE>
<TABLE width=1000 align=center><TR><TD class=foot>版权所有：北京市西城区妇女联合会</TD></TR></TABLE>
</BODY></HTML>
"""

DAHAN_NO_DATE = """<HTML><HEAD>
<META http-equiv=Content-Type content="text/html; charset=gbk">
<TITLE>家庭教育讲座预告 - 北京市西城区妇女联合会</TITLE></HEAD>
<BODY><TABLE width=1000><TR><TD class=title>家庭教育讲座预告</TD></TR>
<TR><TD><DIV id=zoom><P>讲座将在下周举行，欢迎家长参加。</P></DIV></TD></TR></TABLE>
</BODY></HTML>
"""

VSB = """<!DOCTYPE html>
<html><head>
<meta http-equiv="Content-Type" content="text/html; charset=UTF-8">
<title>巾帼创业故事：社区里的手工坊-北京市西城区妇女联合会</title>
<script language="javascript" src="/system/resource/js/dynclicks.js"></script>
</head><body>
<form name="_newscontent_fromname">
<table width="100%"><tr>
<td class="titlestyle1036" align="center">巾帼创业故事：社区里的手工坊</td></tr>
<tr><td align="center"><span class="timestyle1036">2018-1-19 09:30</span>&nbsp;&nbsp;&nbsp;<span class="sourcestyle1036">来源：区妇联宣传部</span>&nbsp;&nbsp;&nbsp;点击数：<script>_showDynClicks("wbnews", 1656, 3001)</script></td></tr>
<tr><td class="contentstyle1036">
<div id="vsb_content"><div id="vsb_content_2">
<p>2015年，王丽在展览路街道开办手工坊，如今已带动<strong>30名</strong>妇女就业。</p>
<h3>手工坊的产品</h3>
<ol><li>布艺</li><li>编织</li><li>剪纸</li></ol>
<p>更多创业故事见<a href="content.jsp?urltype=news.NewsContentUrl&amp;wbtreeid=1011&amp;wbnewsid=3002">社区的另一位创业者</a>。</p>
</div></div>
<div id="div_vote_id"></div>
</td></tr></table>
<p>【<a href="javascript:window.print()">打印</a>】【<a href="javascript:window.close()">关闭</a>】</p>
</form>
</body></html>
"""

ASP = """<html>
<head>
<meta http-equiv="Content-Type" content="text/html; charset=gb2312">
<title>妇女维权热线开通-西城区妇联</title>
<script>function openwin(u){window.open(u)}</script>
</head>
<body bgcolor="#FFFFFF" onload="init()">
<table width="778" border="0" align="center" cellpadding="0" cellspacing="0">
<tr><td><img src="../images/top.gif" width="778" height="100"></td></tr>
<tr><td>
<table width="100%" border="0"><tr>
<td width="180" valign="top"><a href="list.asp?classid=1">通知公告</a><br><a href="list.asp?classid=3">维权服务</a></td>
<td valign="top">
<table width="100%"><tr><td align="center"><font size="4" color="#CC0000"><b>妇女维权热线开通</b></font></td></tr>
<tr><td align="center"><font size="2">发布日期：2018-03-08&nbsp;&nbsp;点击：<script>document.write(88)</script>次</font></td></tr>
<tr><td>
<font size="3">
<center><img src="../upload/2018/20180308093012.gif" onerror="this.src='x.gif'"></center>
<p>&nbsp;&nbsp;&nbsp;&nbsp;3月8日，西城区妇联<b>妇女维权热线</b>正式开通，为妇女提供法律咨询、心理疏导和婚姻家庭调解服务。
<p>&nbsp;&nbsp;&nbsp;&nbsp;热线服务时间为工作日9:00至17:00，请见<a href="show.asp?id=124">服务说明</a>；往年的<a href="show.asp?id=99">活动回顾</a>和<a href="list.asp?classid=3">维权服务栏目</a>不再提供。
<p><a href="javascript:openwin('http://evil.example.com/')" onclick="return false">在线咨询</a>
<iframe src="http://evil.example.com/ad.html" width="0" height="0"></iframe>
<script>document.cookie="x=1"</script>
</font>
</td></tr>
<tr><td align="center"><a href="javascript:window.print()">[打印本页]</a> <a href="javascript:window.close()">[关闭窗口]</a></td></tr>
</table>
</td></tr></table>
</td></tr>
<tr><td align="center"><font size="2">Copyright 2008 西城区妇联 All Rights Reserved</font></td></tr>
</table>
</body></html>
"""

ASP_SECOND = """<html><head>
<meta http-equiv="Content-Type" content="text/html; charset=gbk">
<title>维权热线服务说明-西城区妇联</title></head>
<body><table width="778"><tr><td>
<div align="center"><b>维权热线服务说明</b></div>
<div align="center">发布日期：2018年3月9日</div>
<div>热线接听后由专职律师和心理咨询师分别回答，来电信息严格保密。</div>
</td></tr></table></body></html>
"""

ASP_NO_TITLE = """<html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312"></head>
<body><table><tr><td>发布日期：2018-03-10</td></tr>
<tr><td>这是一段没有标题的旧内容，只有日期和正文。</td></tr></table></body></html>
"""

PAGES = {
    # TRS
    "xwzx/tpxw/201801/t20180119_2001.html": (TRS, "utf-8"),
    "xwzx/gzdt/201801/t20180119_2001.html": (TRS, "utf-8"),  # the same, in a second column
    "xwzx/tpxw/201801/t20180120_2002.html": (NO_BODY, "utf-8"),
    "xwzx/tpxw/index.html": (TRS_LIST, "utf-8"),
    # 大汉
    "art/2018/1/19/art_1234_5678.html": (DAHAN, "gbk"),
    "art/2018/1/20/art_1234_5679.html": (DAHAN_NO_DATE, "gbk"),
    # 博达 VSB, saved with --restrict-file-names=windows --adjust-extension
    "content.jsp@urltype=news.NewsContentUrl&wbtreeid=1011&wbnewsid=3001.html": (VSB, "utf-8"),
    # the ASP site, saved with wget's defaults
    "info/show.asp?id=123": (ASP, "gb2312"),
    "info/show.asp?id=124": (ASP_SECOND, "gbk"),
    "info/show.asp?id=200": (ASP_NO_TITLE, "gb2312"),
}
FILES = {
    "xwzx/tpxw/201801/W020180119512345678901.jpg": picture("JPEG", (200, 40, 40)),
    "xwzx/tpxw/201801/P020180119512345678902.doc": b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1 doc",
    "xwzx/gzdt/201801/W020180119512345678901.jpg": picture("JPEG", (200, 40, 40)),
    "xwzx/gzdt/201801/P020180119512345678902.doc": b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1 doc",
    "images/logo.png": picture("PNG", (10, 10, 10)),
    "picture/0/1801191530123.jpg": picture("JPEG", (40, 200, 40)),
    "attach/0/1801191530456.pdf": b"%PDF-1.4\n% recommendation\n",
    "upload/2018/20180308093012.gif": picture("GIF", (40, 40, 200)),
}


def make_old_site(folder):
    """Write the saved copy under ``folder``/HOST (wget's layout); returns ``folder``."""
    root = os.path.join(folder, HOST)
    for relative, content in [*((r, t.encode(e)) for r, (t, e) in PAGES.items()),
                              *FILES.items()]:
        path = os.path.join(root, relative)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "wb") as handle:
            handle.write(content)
    return folder
