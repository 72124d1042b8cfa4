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
    "yaml-syntax": "YAML 格式错误（第 {line} 行第 {column} 列：{detail}）；请检查冒号后的空格、缩进（只能用空格）和引号是否成对",
    "yaml-tag": "不允许使用 YAML 标签 {tag}；记录里只能写文字、数字、列表和“键: 值”",
    "yaml-too-many-values": "文件展开后超过 {limit} 个值（& 和 * 引用层层套用）；请直接写出内容，不要用引用",
    "yaml-duplicate-key": "“{key}”写了两次；每项只能写一次",
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
}


def message(name, **values):
    return MESSAGES[name].format(**values)
