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
}


def message(name, **values):
    return MESSAGES[name].format(**values)
