#!/usr/bin/env python3
"""Generate a deterministic, realistic content folder for benchmarks.

    python bench/generate.py OUT_DIR --articles N --records M [--seed S] [--plain] [--covers]

Writes, following /work/shared/content-model.md:

    OUT_DIR/articles/YYYY/YYYY-MM-DD-a-<n>.md   N news articles
    OUT_DIR/pages/about.md, contact.md         standing pages
    OUT_DIR/data/streets.yaml                  the 15 streets of 西城区
    OUT_DIR/data/{families,studios,teams}/     M records (mostly one per file)

All randomness comes from one `random.Random(seed)`, files are written in a
fixed order and YAML keys keep insertion order, so the same arguments always
give byte-identical output. `--plain` writes only articles and pages, with an
explicit `Slug:` in every file so bare Pelican with its *default* settings
(which slugify the title) gets one unique URL per article.

Only the standard library and PyYAML are used.
"""
import argparse
import datetime as dt
import os
import random
import sys

import yaml

# --------------------------------------------------------------------------
# Vocabulary
# --------------------------------------------------------------------------

STREETS = [
    ("xichanganjie", "西长安街街道"), ("xinjiekou", "新街口街道"),
    ("yuetan", "月坛街道"), ("zhanlanlu", "展览路街道"), ("desheng", "德胜街道"),
    ("jinrongjie", "金融街街道"), ("shichahai", "什刹海街道"),
    ("dashilan", "大栅栏街道"), ("tianqiao", "天桥街道"), ("chunshu", "椿树街道"),
    ("taoranting", "陶然亭街道"), ("guanganmennei", "广安门内街道"),
    ("niujie", "牛街街道"), ("baizhifang", "白纸坊街道"),
    ("guanganmenwai", "广安门外街道"),
]

COMMUNITIES = [
    "三里河", "百万庄", "南礼士路", "真武庙", "复兴门北大街", "西便门", "展览路",
    "车公庄", "官园", "新街口东街", "西四北", "赵登禹路", "德胜里", "新外大街",
    "六铺炕", "裕中", "金融街", "丰汇园", "大乘巷", "前海西街", "鼓楼西大街",
    "兴华", "大栅栏西街", "三井", "福州馆", "永安路", "香厂路", "椿树园",
    "红线", "陶然亭", "龙泉", "黑窑厂", "槐柏树街", "长椿街", "牛街东里",
    "南线阁", "白纸坊", "半步桥", "广外南街", "马连道", "红居街", "青年湖",
]

CATEGORIES = ["工作动态", "通知公告", "组织建设", "权益维护", "家庭文明", "巾帼风采"]

SURNAMES = "王李张刘陈杨赵黄周吴徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾萧田董潘袁蔡蒋余于杜叶程魏苏吕丁任卢姚沈钟姜崔谭陆范汪廖石金韦贾夏付方邹熊白孟秦邱侯江尹薛闫段雷龙黎史陶贺毛郝顾龚邵万覃武钱戴严莫孔向常汤康易乔赖文"
GIVEN = "秀兰英华玉珍桂芳淑敏丽静霞凤红艳燕梅萍娟琳雪慧颖婷洁晶莉琴云莲彩春兰月娥荣美丹蕾欣怡佳宁悦思雅文建国明志强伟军平东海涛亮"
MEN = "建国明志强伟军平东海涛亮成刚勇斌磊鹏"

CRAFTS = ["剪纸", "刺绣", "绒花", "花艺", "布艺", "中国结", "面塑", "毛猴",
          "兔儿爷", "彩绘", "编织", "烙画", "京绣", "风筝", "葫芦雕刻"]

ACTIVITIES = [
    "“三八”国际妇女节主题活动", "寻找“最美家庭”宣讲会", "西城幸福课堂专题讲座",
    "巧娘工作室作品展", "反家暴法律知识宣传活动", "巾帼志愿服务进社区活动",
    "“书香家春秋”家庭阅读活动", "家庭教育公益讲座", "妇女儿童维权咨询日",
    "“巾帼心向党”主题宣讲", "非遗剪纸体验课", "母亲节感恩主题活动",
    "国际家庭日系列活动", "妇女健康知识讲座", "巧娘技能培训班",
    "“名师家教讲堂”", "“家庭剧乐部”公益行", "婚姻家庭调解进社区",
    "巾帼建功标兵事迹报告会", "网络文明巾帼志愿者培训",
]

TOPIC_TAGS = {
    "工作动态": ["妇女之家", "西城幸福课堂", "巾帼志愿服务", "社区", "三八节", "主题活动"],
    "通知公告": ["通知", "公告", "报名", "培训", "评选", "征集"],
    "组织建设": ["妇联改革", "执委", "妇女代表大会", "妇女之家", "基层组织", "党建带妇建"],
    "权益维护": ["反家暴", "家庭暴力", "维权", "法律援助", "婚姻家庭调解", "妇女儿童权益"],
    "家庭文明": ["最美家庭", "家风家训", "家庭教育", "书香家庭", "文明家庭", "亲子阅读"],
    "巾帼风采": ["巧娘工作室", "剪纸", "刺绣", "巾帼建功", "三八红旗手", "巾帼志愿服务"],
}

TITLES = {
    "工作动态": ["{street}妇联举办{activity}", "{community}社区妇女之家开展{activity}",
               "区妇联赴{street}调研{work}工作", "{street}“妇女之家”开展{activity}"],
    "通知公告": ["关于开展{year}年度{campaign}的通知", "关于举办{course}的公告",
               "{year}年{campaign}报名通知", "关于征集{work}优秀案例的通知"],
    "组织建设": ["{street}妇联召开执委会议", "{street}社区妇联换届选举工作顺利完成",
               "区妇联举办基层妇联干部{course}", "{street}推进“妇女之家”{work}建设"],
    "权益维护": ["{street}开展反家暴法律宣传活动", "婚姻家庭调解工作室走进{community}社区",
               "区妇联联合区法院开展{work}专题培训", "守护平安家庭：{street}反对家庭暴力宣传周"],
    "家庭文明": ["{street}举办寻找“最美家庭”分享会", "{community}社区开展“书香家春秋”活动",
               "{year}年度西城最美家庭风采展示", "好家风润万家：{street}家风家训故事会"],
    "巾帼风采": ["{craft}巧娘工作室：指尖上的非遗传承", "{street}巾帼志愿者服务社区老人",
               "巧娘{person}：把{craft}带进社区课堂", "巾帼建功标兵{person}的故事"],
}

WORKS = ["妇女之家", "家庭文明建设", "巾帼志愿服务", "反家暴", "妇女儿童维权",
         "巧娘工作室", "家庭教育", "基层妇联组织建设", "网上妇女之家", "社会组织孵化"]
CAMPAIGNS = ["寻找“最美家庭”", "“三八”红旗手评选", "巾帼建功标兵推荐",
             "巧娘手工艺作品征集", "家庭教育征文", "文明家庭推荐"]
COURSES = ["西城幸福课堂", "巧娘技能培训班", "反家暴业务培训班", "家庭教育指导师培训",
           "妇联执委履职能力培训", "心理健康公益讲座"]

# Sentence templates; slots are filled by `fill()`.
SENTENCES_COMMON = [
    "{street}妇联紧密围绕区妇联年度工作部署，结合辖区妇女群众需求，认真组织开展{activity}。",
    "活动在{community}社区“妇女之家”举行，共有{n}余名妇女群众和家庭代表参加。",
    "区妇联相关负责同志到场指导，并对下一步{work}工作提出了具体要求。",
    "参加活动的居民纷纷表示，这样的活动贴近生活、形式新颖，既学到了知识，又增进了邻里感情。",
    "近年来，{street}不断做实做活做优“妇女之家”，让妇联组织真正成为妇女群众信赖的温暖之家。",
    "下一步，{street}妇联将继续发挥妇女在社会生活和家庭生活中的独特作用，推动{work}工作再上新台阶。",
    "活动现场气氛热烈，大家积极互动、踊跃发言，{n}余份宣传资料被一抢而空。",
    "此次活动由{community}社区妇联与辖区共建单位共同承办，得到了社会各界的大力支持。",
    "据统计，{year}年以来全区各级妇联组织累计开展各类活动{n}余场次，受益妇女儿童达{m}余人次。",
    "社区妇联执委和巾帼志愿者全程参与组织服务，保障活动有序开展。",
    "通过“西城女性”微博、微信等新媒体平台，活动内容第一时间传递给广大妇女群众。",
    "{person}说：“妇联就在我们身边，有困难找妇联，心里特别踏实。”",
]
SENTENCES = {
    "工作动态": [
        "活动以“巾帼心向党、奋进新征程”为主题，引导广大妇女听党话、跟党走。",
        "西城幸福课堂邀请专家围绕{work}进行专题讲解，现场答疑解惑。",
        "巾帼志愿者为辖区{n}户孤寡老人送去了节日慰问品和温暖关怀。",
    ],
    "通知公告": [
        "请各街道妇联高度重视，认真组织，于{year}年{month}月{day}日前将推荐材料报送区妇联。",
        "报名方式：请有意参加的妇女群众到所在社区“妇女之家”登记，或拨打咨询电话010-83976220。",
        "本次培训免费，名额有限，每期限{n}人，报满为止。",
        "评选坚持公开、公平、公正原则，推荐对象须在辖区内居住或工作满一年。",
    ],
    "组织建设": [
        "目前{street}社区妇联兼职副主席和执委配备全部到位，妇联组织覆盖面持续扩大。",
        "会议审议通过了执委工作制度和代表联系制度，明确了执委联系妇女群众的具体要求。",
        "区妇联坚持党建带妇建，推动妇联组织区域化建设稳步推进。",
        "新当选的社区妇联主席表示，将带领执委们把“妇女之家”建设得更加温暖。",
    ],
    "权益维护": [
        "律师结合真实案例，深入浅出地讲解了《中华人民共和国反家庭暴力法》和告诫书、人身安全保护令等制度。",
        "遭受家庭暴力的妇女可以向公安机关报案，也可以向妇联、居委会等组织求助。",
        "婚姻家庭调解工作室专家为{n}名居民提供了婚姻家庭、财产继承等方面的法律咨询。",
        "区妇联联合区司法局、区法院等部门建立反家暴协调联动机制，为受暴妇女儿童撑起“保护伞”。",
        "维权站点工作人员耐心倾听来访妇女的诉求，帮助她们依法维护自身合法权益。",
    ],
    "家庭文明": [
        "自2014年启动寻找“最美家庭”活动以来，全区已涌现出各类最美家庭{m}余户。",
        "最美家庭代表{person}一家讲述了孝老爱亲、邻里互助的家庭故事，赢得阵阵掌声。",
        "活动倡导注重家庭、注重家教、注重家风，让好家风成为社会文明的基石。",
        "亲子家庭共同诵读经典、分享读书心得，在书香中传承家庭美德。",
    ],
    "最美家庭": [
        "{person}一家{size}口人，几十年如一日孝老爱亲，悉心照料年迈的父母。",
        "夫妻二人相互扶持、共同进步，把“注重家庭、注重家教、注重家风”落实在日常生活里。",
        "这个家庭热心社区公益，常年参加巾帼志愿服务，邻里有事总是第一个伸出援手。",
        "家中藏书两千余册，每周固定开展亲子共读，被评为书香家庭。",
        "家风家训“勤俭持家、与人为善”代代相传，孩子们在潜移默化中养成了好习惯。",
        "{year}年，{person}家庭被评为最美家庭，并受邀参加最美家庭宣讲团巡回宣讲。",
    ],
    "巾帼风采": [
        "巧娘{person}从事{craft}创作二十余年，作品多次在市区两级展赛中获奖。",
        "{craft}巧娘工作室定期开设公益课程，已累计培训社区妇女{n}余人次。",
        "西城巧娘手工艺发展促进会下设4个技能培训基地、106个巧娘工作室，吸纳会员1800余名。",
        "巾帼志愿者们常年坚持为社区空巢老人提供一对一帮扶服务，用行动诠释巾帼担当。",
        "一把剪刀、一张红纸，在巧娘们手中变成了栩栩如生的作品。",
    ],
}
HEADINGS = ["一、基本情况", "二、主要做法", "三、工作成效", "四、下一步打算",
            "活动亮点", "群众反响", "相关链接", "背景介绍", "报名须知", "联系方式"]
SOURCES = ["西城区妇联", "西城女性", "{street}妇联", "中国妇女报", "北京妇女网"]

LEVELS = ["全国文明家庭", "全国最美家庭", "首都最美家庭", "西城最美家庭"]
LEVEL_WEIGHTS = [1, 7, 69, 551]  # the real proportions from the seed report
TEAM_KINDS = ["巾帼情亲服务队", "爱心助老巾帼志愿者", "网络文明巾帼志愿者", "其他"]
TEAM_SERVICES = ["助老陪伴", "邻里调解", "反家暴宣传", "网络文明传播", "环境整治",
                 "垃圾分类宣传", "心理疏导", "法律咨询", "关爱儿童", "疫情防控"]
FAMILY_TAGS = ["孝老爱亲", "邻里互助", "书香家庭", "绿色家庭", "科学教子", "勤俭持家"]

# Share of records per collection (families are by far the most numerous).
COLLECTION_SHARE = [("families", 0.5), ("studios", 0.2), ("teams", 0.3)]
LIST_FILE_SHARE = 0.1   # records stored in multi-record list files
LIST_FILE_SIZE = 5


# --------------------------------------------------------------------------
# Text building
# --------------------------------------------------------------------------

class Gen:
    """Random text and values, all drawn from one seeded generator."""

    def __init__(self, seed):
        self.r = random.Random(seed)

    def person(self):
        return self.r.choice(SURNAMES) + "".join(
            self.r.choice(GIVEN) for _ in range(self.r.choice((1, 2))))

    def man(self):
        return self.r.choice(SURNAMES) + self.r.choice(MEN)

    def street(self):
        return self.r.choice(STREETS)

    def fill(self, template, **fixed):
        """Fill a template's slots; `fixed` wins over random choices."""
        r = self.r
        slots = {
            "street": self.street()[1], "community": r.choice(COMMUNITIES),
            "activity": r.choice(ACTIVITIES), "work": r.choice(WORKS),
            "campaign": r.choice(CAMPAIGNS), "course": r.choice(COURSES),
            "craft": r.choice(CRAFTS), "person": self.person(),
            "year": r.randint(2014, 2026), "month": r.randint(1, 12),
            "day": r.randint(1, 28), "n": r.choice((20, 30, 50, 80, 100, 150, 200)),
            "m": r.choice((500, 1000, 3000, 5000, 7000, 10000)),
            "size": r.choice("三四五六"),
        }
        slots.update(fixed)
        return template.format(**slots)

    def paragraph(self, category, **fixed):
        """2–5 distinct sentences, one or two of them about the category."""
        topic = self.r.sample(SENTENCES[category], self.r.randint(1, 2))
        rest = self.r.sample(SENTENCES_COMMON, self.r.randint(1, 3))
        chosen = topic + rest
        self.r.shuffle(chosen)
        return "".join(self.fill(s, **fixed) for s in chosen)

    def body(self, category, **fixed):
        """4–12 paragraphs, with a `##` heading before some of them."""
        parts = []
        headings = iter(self.r.sample(HEADINGS, len(HEADINGS)))
        with_headings = self.r.random() < 0.4
        for i in range(self.r.randint(4, 12)):
            if with_headings and i % 3 == 0:
                parts.append("## " + next(headings, "其他"))
            parts.append(self.paragraph(category, **fixed))
        return "\n\n".join(parts)

    def phone(self):
        return "010-%08d" % self.r.randint(60000000, 89999999)

    def mobile(self):
        return "1%d%09d" % (self.r.choice((3, 5, 8)), self.r.randint(0, 999999999))


def clip(text, limit=200):
    return text if len(text) <= limit else text[: limit - 1] + "…"


# --------------------------------------------------------------------------
# Records
# --------------------------------------------------------------------------

def private(g):
    """Editors' notes: must never appear in any output of the site."""
    return {"contact": g.person(), "mobile": g.mobile(),
            "note": "内部备注：" + g.r.choice(("走访记录待补充", "联系人已更换",
                                             "材料已归档", "勿对外公开住址"))}


def common(g, category, **extra):
    """Street, community and a Markdown description shared by all records."""
    street_name = g.street()[1]
    community = g.r.choice(COMMUNITIES) + "社区"
    fixed = {"street": street_name, "community": community[:-2], **extra}
    desc = "\n\n".join(g.paragraph(category, **fixed)
                       for _ in range(g.r.randint(1, 3)))
    if g.r.random() < 0.3:  # some descriptions carry a Markdown list
        desc += "\n\n" + "\n".join("- " + g.r.choice(WORKS) for _ in range(3))
    return {"street": street_name, "community": community}, desc, fixed


def family(g, n):
    head = g.person()
    base, desc, fixed = common(g, "最美家庭", person=head)
    members = [head] + [g.person() for _ in range(g.r.randint(1, 4))]
    rec = {"name": f"{head}家庭", **base,
           "level": g.r.choices(LEVELS, LEVEL_WEIGHTS)[0],
           "year": g.r.randint(2014, 2025), "members": members,
           "summary": clip(g.paragraph("最美家庭", **fixed)),
           "description": desc,
           "tags": g.r.sample(FAMILY_TAGS, g.r.randint(1, 3)),
           "private": private(g)}
    return rec


def studio(g, n):
    craft, leader = g.r.choice(CRAFTS), g.person()
    base, desc, fixed = common(g, "巾帼风采", craft=craft, person=leader)
    rec = {"name": f"{leader}{craft}巧娘工作室", **base, "craft": craft,
           "leader": leader, "base": g.r.choice(["西城巧娘技能培训基地",
                                                  "大栅栏非遗培训基地",
                                                  "什刹海民俗培训基地",
                                                  "天桥传统手工艺基地"]),
           "founded": g.r.randint(2010, 2025), "members": g.r.randint(5, 80),
           "address": f"北京市西城区{base['community']}{g.r.randint(1, 99)}号",
           "hours": g.r.choice(["周二、周四 9:00—11:30", "周一至周五 14:00—17:00",
                                "每周六 9:00—12:00"]),
           "phone": g.phone(),
           "summary": clip(g.paragraph("巾帼风采", **fixed)),
           "description": desc, "tags": ["巧娘工作室", craft],
           "private": private(g)}
    if g.r.random() < 0.2:  # optional fields are really optional
        del rec["base"], rec["hours"]
    return rec


def team(g, n):
    base, desc, fixed = common(g, "工作动态")
    kind = g.r.choices(TEAM_KINDS, [258, 160, 70, 40])[0]
    name_kind = "巾帼志愿服务队" if kind == "其他" else kind
    rec = {"name": f"{base['community']}{name_kind}", **base, "kind": kind,
           "leader": g.person(), "founded": g.r.randint(2012, 2025),
           "members": g.r.randint(8, 120),
           "services": g.r.sample(TEAM_SERVICES, g.r.randint(1, 4)),
           "summary": clip(g.paragraph("工作动态", **fixed)),
           "description": desc, "tags": ["巾帼志愿服务"],
           "private": private(g)}
    return rec


BUILDERS = {"families": (family, "family"), "studios": (studio, "studio"),
            "teams": (team, "team")}


def split_records(total):
    """How many records each collection gets; the last takes the rest."""
    counts, left = {}, total
    for name, share in COLLECTION_SHARE[:-1]:
        counts[name] = round(total * share)
        left -= counts[name]
    counts[COLLECTION_SHARE[-1][0]] = left
    return counts


def make_records(g, total):
    """Return {collection: [(file_stem, record_or_list), …]} and all ids."""
    files, ids = {}, {}
    for coll, count in split_records(total).items():
        build, prefix = BUILDERS[coll]
        singles = count - int(count * LIST_FILE_SHARE)
        entries = [(f"{prefix}-{i:05d}", build(g, i)) for i in range(1, singles + 1)]
        batch, lists = [], 0
        for i in range(singles + 1, count + 1):
            batch.append({"id": f"{prefix}-{i:05d}", **build(g, i)})
            if len(batch) == LIST_FILE_SIZE or i == count:
                lists += 1
                entries.append((f"{prefix}-list-{lists:03d}", batch))
                batch = []
        files[coll] = entries
        ids[coll] = [f"{prefix}-{i:05d}" for i in range(1, count + 1)]
    return files, ids


# --------------------------------------------------------------------------
# Articles and pages
# --------------------------------------------------------------------------

def article_dates(g, n):
    """n sorted datetimes between 2014-01-01 and 2026-10-31 (none in the future)."""
    start = dt.datetime(2014, 1, 1, 8, 0)
    span = int((dt.datetime(2026, 10, 31, 18, 0) - start).total_seconds() // 60)
    return sorted(start + dt.timedelta(minutes=g.r.randrange(span)) for _ in range(n))


def article(g, n, when, ids, plain):
    """Return (relative path, text) of article number n."""
    category = g.r.choice(CATEGORIES)
    street_name = g.street()[1]
    fixed = {"street": street_name, "person": g.person(), "year": when.year}
    title = g.fill(g.r.choice(TITLES[category]), **fixed)
    body = g.body(category, **fixed)
    date = when.strftime("%Y-%m-%d %H:%M" if g.r.random() < 0.5 else "%Y-%m-%d")
    stem = f"{when:%Y-%m-%d}-a-{n}"
    meta = [("Title", title), ("Date", date), ("Category", category)]
    if plain:
        meta.append(("Slug", f"a-{n}"))
    meta.append(("Tags", ", ".join(g.r.sample(TOPIC_TAGS[category], g.r.randint(1, 4)))))
    meta.append(("Summary", clip(g.paragraph(category, **fixed), 120)))
    meta.append(("Source", g.fill(g.r.choice(SOURCES), **fixed)))
    if g.r.random() < 0.3:
        meta.append(("Author", g.person()))
    if g.r.random() < 0.15:
        meta.append(("Street", street_name))
    if g.r.random() < 0.2:
        meta.extend(record_links(g, category, ids))
    if g.r.random() < 0.01:
        meta.append(("Status", "draft"))
    header = "".join(f"{k}: {v}\n" for k, v in meta)
    return f"articles/{when:%Y}/{stem}.md", header + "\n" + body + "\n"


def record_links(g, category, ids):
    """1–3 record ids of the collection that fits the category."""
    coll = {"家庭文明": "families", "巾帼风采": "studios", "工作动态": "teams"}.get(
        category, g.r.choice(["families", "studios", "teams"]))
    pool = ids.get(coll) or []
    if not pool:
        return []
    picked = g.r.sample(pool, min(len(pool), g.r.randint(1, 3)))
    return [(coll.capitalize(), ", ".join(picked))]


PAGES = {
    "about": ("关于我们", "西城区妇女联合会是在中共西城区委领导下的群团组织，"
              "坚持以习近平新时代中国特色社会主义思想为指导，团结引领全区各族各界妇女"
              "听党话、跟党走。\n\n## 主要职能\n\n"
              "- 引领联系服务妇女，推进“妇女之家”建设\n"
              "- 开展寻找“最美家庭”活动，推动家庭文明建设\n"
              "- 深化“巧娘工作室”创建，服务妇女创业就业\n"
              "- 依法维护妇女儿童合法权益，推进反家暴工作\n"
              "- 组织巾帼志愿服务，参与基层社会治理\n\n"
              "全区15个街道、258个社区已全部建立妇联组织和“妇女之家”。"),
    "contact": ("联系我们", "地址：北京市西城区广安门南街68号\n\n"
                "邮编：100054\n\n电话：010-83976220\n\n"
                "妇女维权咨询请拨打全国妇联妇女维权公益服务热线12338。"),
}


def page(slug):
    title, body = PAGES[slug]
    return f"pages/{slug}.md", f"Title: {title}\nSlug: {slug}\n\n{body}\n"


# --------------------------------------------------------------------------
# Writing
# --------------------------------------------------------------------------

class Dumper(yaml.SafeDumper):
    """Multi-line strings as literal blocks, as an editor would write them."""


def _str(dumper, value):
    style = "|" if "\n" in value else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


Dumper.add_representer(str, _str)


def dump_yaml(data):
    return yaml.dump(data, Dumper=Dumper, allow_unicode=True, sort_keys=False,
                     default_flow_style=False, width=1000)


def write(root, rel, text):
    path = os.path.join(root, rel)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write(text)


def cover_jpeg(n):
    """A distinct 1200×800 phone-exported JPEG for article n (EXIF with GPS; every
    other one stored sideways, orientation 6): a cover as the images plugin sees one."""
    import io  # noqa: PLC0415 - Pillow only for --covers

    from PIL import Image, ImageDraw  # noqa: PLC0415

    rng = random.Random(n)
    size = (800, 1200) if n % 2 else (1200, 800)
    image = Image.new("RGB", size, tuple(rng.randrange(60, 230) for _ in range(3)))
    draw = ImageDraw.Draw(image)
    for _ in range(12):
        x, y, r = rng.randrange(size[0]), rng.randrange(size[1]), rng.randrange(30, 200)
        draw.ellipse((x - r, y - r, x + r, y + r),
                     fill=tuple(rng.randrange(256) for _ in range(3)))
    exif = Image.Exif()
    exif[0x0112] = 6 if n % 2 else 1
    exif.get_ifd(0x8825).update({1: "N", 2: (39.0, 53.0, 10.5), 3: "E", 4: (116.0, 21.0, 5.25)})
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=85, exif=exif)
    return buffer.getvalue()


def generate(out, articles, records, seed=1, plain=False, covers=False):
    """Write the whole content folder; return the number of files written."""
    g = Gen(seed)
    files, ids = ({}, {}) if plain else make_records(g, records)
    written = 0
    if not plain:
        write(out, "data/streets.yaml",
              dump_yaml([{"id": i, "name": n} for i, n in STREETS]))
        written += 1
        for coll, entries in files.items():
            for stem, data in entries:
                write(out, f"data/{coll}/{stem}.yaml", dump_yaml(data))
                written += 1
    for n, when in enumerate(article_dates(g, articles), start=1):
        rel, text = article(g, n, when, ids, plain)
        if covers:  # the same articles otherwise: no draw from g.r
            cover = f"images/covers/{os.path.basename(rel)[:-3]}.jpg"
            text = text.replace("\nSummary: ", f"\nCover: {cover}\nSummary: ", 1)
            os.makedirs(os.path.join(out, "images", "covers"), exist_ok=True)
            with open(os.path.join(out, cover), "wb") as handle:
                handle.write(cover_jpeg(n))
            written += 1
        write(out, rel, text)
        written += 1
    for slug in PAGES:
        write(out, *page(slug))
        written += 1
    return written


def main(argv=None):
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("out_dir")
    p.add_argument("--articles", type=int, required=True)
    p.add_argument("--records", type=int, default=0)
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--plain", action="store_true",
                   help="only articles and pages, readable by bare Pelican defaults")
    p.add_argument("--covers", action="store_true",
                   help="one cover photo per article (images/covers/, JPEG with GPS EXIF)")
    a = p.parse_args(argv)
    if os.path.isdir(a.out_dir) and os.listdir(a.out_dir):
        p.error(f"{a.out_dir} is not empty; refusing to mix generated content")
    n = generate(a.out_dir, a.articles, a.records, a.seed, a.plain, a.covers)
    print(f"wrote {n} files to {a.out_dir}", file=sys.stderr)


if __name__ == "__main__":
    main()
