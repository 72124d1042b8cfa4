"""The message table: every content problem has a permanent name and one
Chinese message, so editors always see the same words for the same mistake.
"""

MESSAGES = {
    # files
    "not-utf8": "文件不是 UTF-8 编码（第 {line} 行有无法识别的字节）；请用记事本或 VS Code 另存为 UTF-8",
    "too-large": "文件太大（{size} MB，上限 {limit} MB）；请拆分或删除多余内容",
    # article and page metadata
    "empty": "{key} 不能为空",
    "unknown-key": "不认识的项“{key}”；可用的项：{allowed}",
    "bad-date": "日期“{value}”格式不对；请写成 YYYY-MM-DD 或 YYYY-MM-DD HH:MM，例如 2018-01-19",
    "unknown-category": "栏目“{value}”不存在；可选：{allowed}",
    "bad-slug": "网址名“{value}”只能用小写英文字母、数字和连字符（-），例如 women-day-2024",
    "bad-filename-slug": "文件名“{value}”不能直接用作网址；请把文件名改为小写英文字母、数字和连字符，或在开头加一行 Slug: …",
    "duplicate-slug": "网址名“{value}”已被 {other} 使用；网址名不能重复，请换一个",
    "bad-status": "Status 只能写 draft（草稿）或 published（发布），现在是“{value}”",
    "image-missing": "图片 {value} 不存在；路径从 content/ 文件夹算起，例如 images/photo.jpg",
    "link-outside": "{value} 是指向 content/ 文件夹之外的链接（快捷方式）；请把真正的文件放进 content/",
    "personal-mobile": "有手机号码 {value}；公开网页不能出现个人手机号。确需公开时，请技术人员把它加入 XCFL_PERSONAL_DATA_ALLOW",
    "personal-resident-id": "有身份证号码 {value}；公开网页不能出现身份证号。确需公开时，请技术人员把它加入 XCFL_PERSONAL_DATA_ALLOW",
    "unsafe-html": "正文里的 {value} 会在读者的浏览器里运行代码，网站不允许；请删除它（需要嵌入视频、地图等请联系技术人员）",
    "image-outside": "图片路径 {value} 指向 content/ 文件夹之外；请把图片放进 content/images/",
    # strict headers and what the body points at (xcfl_articles: rules.py, links.py)
    "header-fullwidth-colon": "第 {line} 行用了中文冒号“{char}”，请改成英文冒号“:”",
    "header-space-before-colon": "第 {line} 行的项目名和冒号之间不能有空格；请写成“{key}: …”",
    "header-not-a-field": "第 {line} 行不是“项目: 内容”的写法；信息头每行写一项，信息头和正文之间要空一行",
    "header-unknown-key-guess": "未知的字段“{key}”，是不是“{guess}”？",
    "header-unknown-key": "未知的字段“{key}”；可用的字段：{allowed}",
    "header-duplicate-key": "“{key}”写了两次（第 {first} 行和第 {line} 行）；每项只能写一次",
    "header-missing": "缺少必填项“{key}”（{label}），请在{lines}的信息头里加上一行“{key}: …”",
    "header-missing-no-header": "缺少必填项“{key}”（{label}）；文件开头没有信息头，请在第 1 行起写上“{key}: …”等各项，再空一行写正文",
    "image-no-alt": "图片 {value} 没有说明文字；请在方括号里写上图片的内容，例如 ![活动现场](…)；纯装饰的图片写 ![-](…)",
    "link-missing": "链接 {value} 指向的网页不存在；站内网页请写它的地址，例如 /notices/2024/…/（在浏览器地址栏里复制）",
    "link-image-missing": "图片 {value} 不存在；路径从 content/ 文件夹算起，例如 images/photo.jpg",
    "link-file-missing": "链接的文件 {value} 不存在；路径从 content/ 文件夹算起，例如 images/2024/tongzhi.pdf",
    "link-wrong-case": "{value} 与实际的名字 {real} 大小写不一致；网站服务器区分大小写，请改成 {real}",
    "link-not-published": "链接的文件 {value} 不在网站发布的文件夹里（{folders}）；请把它移进去，再改链接",
    "link-out-of-content": "{value} 指向 content/ 文件夹之外；图片和文件请放进 content/images/，路径写 images/…",
    "link-draft": "链接的 {value} 是草稿，不会发布；请先发布它，或删掉这个链接",
    "link-filename-static": "{value} 链接的是图片或文件，不是文章；请把 {{filename}} 改成 {{static}}",
    # data collections (data/*.yaml)
    # records files that cannot be read (xcfl_records/mistakes.py): each names
    # its line and the character, and what to type instead
    "yaml-syntax": "第 {line} 行第 {column} 列的写法不对，文件无法读取；请检查这一行和上一行：冒号后要有空格，缩进只能用空格并上下对齐，引号和括号要成对",
    "yaml-unreadable": "文件无法读取；请检查冒号后的空格、缩进（只能用空格并上下对齐）和引号、括号是否成对",
    "yaml-fullwidth-colon": "第 {line} 行用了中文冒号“：”，请改成英文冒号“:”后加一个空格，写成“{key}: …”",
    "yaml-chinese-comma": "第 {line} 行写在方括号里的列表用了中文“{char}”分隔，会被当成一项；请改成英文逗号“,”后加一个空格，写成 [甲, 乙]",
    "yaml-colon-space": "第 {line} 行的英文冒号“:”后面缺少空格，请在冒号后加一个空格，写成“{key}: …”",
    "yaml-tab-indent": "第 {line} 行开头用 Tab 键（制表符）缩进，记录文件只认空格；请删掉 Tab，改用空格键缩进，与同一层的上一行对齐",
    "yaml-tab": "第 {line} 行第 {column} 列有一个 Tab 键（制表符），记录文件不允许；请把它换成一个空格",
    "yaml-fullwidth-space": "第 {line} 行开头用了中文全角空格“　”，记录文件只认英文半角空格；请删掉它，切换到英文输入法后用空格键缩进",
    "yaml-indent": "第 {line} 行的缩进不对：行首空了 {spaces} 格，和第 {other} 行的项没有对齐（应空 {expected} 格）；同一层的项要上下对齐，只能用空格",
    "yaml-missing-dash": "第 {line} 行是列表中的一项，但开头没有“- ”；请像第 {other} 行一样，在开头写上减号和一个空格“- ”",
    "yaml-colon-in-value": "第 {line} 行的内容里又有一个“: ”（冒号加空格），会被当成新的一项；请把冒号后的整段内容用英文双引号括起来，写成 {key}: \"…\"",
    "yaml-fullwidth-quote": "第 {line} 行用了中文引号（“ ”），记录文件只认英文引号；请把括住整段内容的中文引号改成英文双引号 \"…\"",
    "yaml-unclosed-quote": "第 {line} 行的引号 {quote} 没有结束；请在这段内容的末尾补上 {quote}（引号必须成对），或删掉开头的 {quote}",
    "yaml-unclosed-bracket": "第 {line} 行的“{open}”没有配对的“{close}”；请在这一行的末尾补上“{close}”",
    "yaml-special-start": "第 {line} 行的内容以“{char}”开头，这个符号在记录文件里有特殊含义；请把整段内容用英文双引号括起来",
    "yaml-bad-escape": "第 {line} 行英文双引号里的反斜杠“\\”后面是“{char}”，无法读取；请删掉反斜杠，或把双引号改成英文单引号 '…'",
    "yaml-second-document": "第 {line} 行的“---”把文件分成了两份，一个记录文件只能有一份内容；请删掉这一行（多条记录写成以“- ”开头的列表）",
    "yaml-no-colon": "第 {line} 行既不是“键: 值”，也不是以“- ”开头的列表项；请检查这一行：属于上一项的文字要比上一项多缩进两个空格",
    "yaml-control-character": "第 {line} 行有一个看不见的控制字符（{code}），常见于从网页或 Word 复制的文字；请删掉这一行重新输入",
    "yaml-impossible-date": "第 {line} 行的“{value}”会被当作日期，但这一天不存在；请改正，或把它用英文双引号括起来当作文字",
    "yaml-duplicate-key": "第 {line} 行的“{key}”在第 {first} 行已经写过，每项只能写一次；如果这是另一条记录，请在它的第一行前加“- ”",
    "yaml-tag": "不允许使用 YAML 标签 {tag}；记录里只能写文字、数字、列表和“键: 值”",
    "yaml-too-many-values": "文件展开后超过 {limit} 个值（& 和 * 引用层层套用）；请直接写出内容，不要用引用",
    "yaml-bad-key": "第 {line} 行的键不是文字；每行应写成“键: 值”",
    "not-a-record": "应为一条记录（每行“键: 值”）或记录列表（每条以“- ”开头），现在是“{value}”",
    "record-missing": "缺少必填项；请加上一行“{key}: …”",
    "wrong-type": "应为{expected}，现在是“{value}”",
    "not-in-list": "“{value}”不在可选范围内；可选：{allowed}",
    "unknown-street": "街道“{value}”不在 data/streets.yaml 中；请写街道全称，例如 牛街街道",
    "bad-id": "编号“{value}”只能用小写英文字母、数字和连字符（-），例如 wang-family-desheng；单条记录文件不写 id 时，编号取文件名",
    "duplicate-id": "“{value}”已被 {other} 中的另一条记录使用；同一类记录里不能重复",
    "too-long": "不能超过 {limit} 个字，现在有 {length} 个字",
    "year-out-of-range": "年份应在 {first} 到 {last} 之间，现在是 {value}",
    "too-small": "不能小于 {limit}，现在是 {value}",
    "photo-format": "图片 {value} 的格式无法识别；请使用 JPG、PNG、GIF 或 SVG 图片",
    "unknown-record": "找不到编号为“{value}”的{collection}；请核对 data/{folder}/ 中记录的 id",
    "invalid": "{detail}",
    # commands: make new, make ids (tools/new.py, tools/ids.py)
    "new-no-title": "缺少文章标题。用法：make new TITLE=文章标题 CATEGORY=栏目名称",
    "new-no-category": "缺少栏目。可选的栏目：{allowed}。用法：make new TITLE=文章标题 CATEGORY=栏目名称",
    "new-unknown-category": "栏目“{value}”不存在。可选的栏目：{allowed}。用法：make new TITLE=文章标题 CATEGORY=栏目名称",
    "new-exists": "文件已经存在，没有覆盖它。请打开这个文件继续编辑，或换一个标题。",
    "ids-unreadable": "这个文件读不出来，其中的编号没有列出。请运行 make check 查看原因。",
    # government-site meta tags (plugins/xcfl_theme/govmeta.py)
    "bad-site-id-code": "网站标识码“{value}”格式不对；应为 10 位数字：6 位行政区划代码加 4 位顺序号，例如 1101020001；网站没有标识码时留空",
    "column-meta-missing": "栏目 {slug} 缺少网站元数据 {fields}；请在 XCFL_COLUMNS 中为它写上 description（栏目描述）、keywords（栏目关键词）和 type（栏目类型）",
    # the built site's links (xcfl_linkcheck): the safety net after writing
    "broken-link": "页面 {page} 上的链接 {url} 指向的文件在生成的网站中不存在；请改正链接，或补上它指向的页面、图片或文件",
    "broken-fragment": "页面 {page} 上的链接 {url} 指向的位置（# 后面的部分）在目标页面中找不到；请核对小标题或锚点的写法",
    "broken-links-summary": "共发现 {count} 个失效链接，网站未发布。请按上面的提示修改后重试。",
}


def message(name, **values):
    return MESSAGES[name].format(**values)
