"""The message table: every content problem has a permanent name and one
Chinese message, so editors always see the same words for the same mistake.
"""

MESSAGES = {
    # files
    "not-utf8": "文件不是 UTF-8 编码（第 {line} 行有无法识别的字节）；请用记事本或 VS Code 另存为 UTF-8",
    "too-large": "文件太大（{size} MB，上限 {limit} MB）；请拆分或删除多余内容",
    # article and page metadata
    "missing": "缺少必填项；请在文件开头写上 {key}: …",
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
    # government-site meta tags (plugins/xcfl_theme/govmeta.py)
    "bad-site-id-code": "网站标识码“{value}”格式不对；应为 10 位数字：6 位行政区划代码加 4 位顺序号，例如 1101020001；网站没有标识码时留空",
    "column-meta-missing": "栏目 {slug} 缺少网站元数据 {fields}；请在 XCFL_COLUMNS 中为它写上 description（栏目描述）、keywords（栏目关键词）和 type（栏目类型）",
}


def message(name, **values):
    return MESSAGES[name].format(**values)
