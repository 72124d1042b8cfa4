"""The filing numbers every page must carry (content model §5).

A publish build (XCFL_FILING_REQUIRED) fails when the ICP number or the
public-security number is missing; any build fails when one is malformed.
"""

import re

from pelican import signals

from xcfl_problems import Problem, report

PROVINCES = "京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼港澳台"
ICP = re.compile(rf"^[{PROVINCES}]ICP备\d{{8}}号(?:-\d{{1,3}})?$")
POLICE = re.compile(rf"^[{PROVINCES}]公网安备(\d{{14}})号$")
SETTINGS_FILE = "设置（pelicanconf.py / publishconf.py）"

FORMATS = {
    "icp": (ICP, "ICP 备案号格式应为“京ICP备12345678号-1”"),
    "police": (POLICE, "公安备案号格式应为“京公网安备11010202007633号”（14 位数字）"),
}


def filing_problems(filing, required):
    """Problems of the XCFL_FILING setting, as (key, message) pairs."""
    found = []
    for key, (pattern, expected) in FORMATS.items():
        value = (filing.get(key) or "").strip()
        if not value:
            if required:
                found.append((f"XCFL_FILING.{key}", f"发布版本必须填写备案号；{expected}"))
        elif not pattern.match(value):
            found.append((f"XCFL_FILING.{key}", f"备案号“{value}”格式不对；{expected}"))
    return found


def police_code(filing):
    match = POLICE.match((filing.get("police") or "").strip())
    return match.group(1) if match else ""


def police_href(filing):
    """The `police_href` template filter: the link target carries the bare code,
    derived from the number, never typed twice."""
    return filing["police_url"].format(code=police_code(filing))


def check_filing(generator):
    settings = generator.settings
    for key, text in filing_problems(settings["XCFL_FILING"], settings["XCFL_FILING_REQUIRED"]):
        report(Problem(SETTINGS_FILE, None, key, text))


def add_filter(generator):
    generator.env.filters["police_href"] = police_href


def register():
    signals.article_generator_init.connect(check_filing)
    signals.generator_init.connect(add_filter)
