"""The preview's own pages: the content error page and the page shown while the
first build runs. Plain HTML with its own small style; never written to output."""

import html

STYLE = """
body { font: 18px/1.7 system-ui, "PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", sans-serif;
       margin: 0; color: #1d1d1f; background: #fff; }
main { max-width: 60rem; margin: 2rem auto; padding: 0 1rem; }
h1 { color: #b00020; font-size: 1.6rem; }
h1.calm { color: #1d1d1f; }
.problems { background: #fff4f4; border-left: 6px solid #b00020; padding: 1rem 1rem 1rem 2.5rem; }
.problems li { margin: .4rem 0; white-space: pre-wrap; word-break: break-all;
               font-family: ui-monospace, "Noto Sans Mono CJK SC", monospace; font-size: 1rem; }
.note { color: #555; }
"""


def page(title, body):
    return (
        '<!DOCTYPE html>\n<html lang="zh-CN">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{html.escape(title)}</title>\n<style>{STYLE}</style>\n</head>\n"
        f"<body>\n<main>\n{body}\n</main>\n</body>\n</html>\n"
    ).encode("utf-8")


def error_page(messages):
    """The problems of the failed build, one line each, as the build printed them."""
    lines = [line for line in messages.splitlines() if line.strip()]
    items = "\n".join(f"<li>{html.escape(line)}</li>" for line in lines)
    return page("内容有问题 · 预览", f"""<h1>内容有问题，预览没有更新</h1>
<p>生成网站时发现下面的问题（终端窗口里也显示了同样的内容）：</p>
<ul class="problems">
{items}
</ul>
<p>请按提示打开对应的文件（<code>文件:行号</code> 指出在哪一行），改好后保存。
保存后会自动重新生成，这个页面会自动刷新，不用手动操作。</p>
<p class="note">问题改好之前，预览里的每个地址都显示这一页。这一页只出现在 <code>make serve</code> 的预览中，
不会发布到网站上。各条提示的意思和改法见编辑指南的 docs/editor-guide/errors.md。</p>""")


def building_page():
    return page("正在生成网站 · 预览", """<h1 class="calm">正在生成网站，请稍候……</h1>
<p>生成完成后这个页面会自动刷新。</p>""")


def not_found_page():
    """Only when the site has no 404.html of its own."""
    return page("找不到页面 · 预览", "<h1>找不到这个页面</h1>")
