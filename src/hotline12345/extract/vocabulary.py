"""The extractor's own vocabulary: the words of Chinese statistical prose that say what a number measures.

This is what the extractor knows about the language, not about any platform: names of subjects, units, wordings
and measures on record are read from the reference seeds (`references.py`), and so are the words that name each
measure (seeds/reference/ref_measures_printed_cues.tsv, beside ref_measures.csv). A cue here may name a measure, unit or
wording that is not yet on record; the extractor then proposes it as a new reference row (with the description
given here), for a reviewer to accept or rename.
"""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class MeasureCue:
    """A word (a regular expression) that says what the number beside it measures: a row of
    seeds/reference/ref_measures_printed_cues.tsv, beside ref_measures.csv (the one home of a measure's printed cues).

    kind:
      change       a change on an earlier period (同比, 环比); 下降 before the number makes it negative
      share        the number is a share (占, 占比); what it is a share of is refined by `part` and `of` cues; the
                   first share cue's measure is a table's share column's
      part         before 占: the part of a subject whose share this is (区级部门 … 占比)
      of           after 占: what the share is of (占十六区承办总量的)
      rate         a rate named by its own word (解决率, 满意率)
      items        a count of items of a particular kind (区级部门承办)
      items_after  after the number: what the items counted are (6件延迟回复)
      count        (no pattern) the measure of a count with no cue
      count_after  after a count in 个: what it counts (17 个高频难点民生问题)
      unit         a unit that says what is measured (个百分点)
    """

    pattern: str
    kind: str
    measure: str
    description_en: str = ""


# Words before a number that make a change negative, and words that name a rise: the one list of sign words
# (in simplified characters; a text in traditional ones is matched through TO_SIMPLIFIED below). The extractor
# reads a fall from them; tests/python/test_seeds_match_their_sources.py checks every hand-typed change's sign
# against them.
FALL_WORDS = r"下降|降低|减少|下滑|回落|低|减幅"
RISE_WORDS = r"上升|增长|增加|提升|提高|升高|增幅"


@dataclass(frozen=True)
class UnitWord:
    """A unit a bulletin prints that the reference list may not hold yet."""

    unit_printed: str
    unit_code: str
    unit_name_en: str
    normalised_unit: str
    multiplier: str
    is_exact_count: str


# Proposed as new ref_units rows when a bulletin prints them and the reference list lacks them.
EXTRA_UNITS: tuple[UnitWord, ...] = (
    UnitWord("条", "tiao_items", "items (条: messages, posts)", "items", "1", "true"),
    UnitWord("位", "wei_people", "people (位)", "items", "1", "true"),
    UnitWord("个", "count", "count of things", "count", "1", "true"),
    UnitWord("次", "times", "times (次)", "items", "1", "true"),
    UnitWord("宗", "zong", "items (宗, Guangdong usage)", "items", "1", "true"),
    UnitWord("单", "dan_items", "items (单: tickets)", "items", "1", "true"),
    UnitWord("人次", "person_times", "person-times (人次)", "items", "1", "true"),
    UnitWord("万人次", "ten_thousand_person_times", "ten thousand person-times (万人次)", "items", "10000", "false"),
    UnitWord("分", "points", "points of an assessment score (分)", "points", "1", "false"),
    UnitWord("％", "percent_fullwidth", "percent (full-width sign)", "percent", "1", "false"),
)
# A unit followed by one of these is part of another word (万元 is money, 万人 people; 个月 a duration).
NOT_A_UNIT_AFTER = "元平方公米吨户亩台辆月工钟之别位"
# An assessment score's unit; a table column named by a score cue (得分, 分值) holds scores in it, and a column of
# places in a ranking (排名) holds no figure.
SCORE_UNIT = "分"
# A column header ending in 单数 or 成数 (工单数, 完成数) counts tickets, in 件: 单 and 成 there are parts of words.
NOT_A_COLUMN_UNIT = ("单", "成")
RANK_COLUMN = r"排名|名次|排序|序号"
# How many members a group has, said in passing (各县、赣榆区(共4家,满分为150分), 单位共有6家, 中心等37家): not a
# figure.
BODY_TOTAL_BEFORE = r"(?:共有|共|等)$"
BODY_TOTAL_AFTER = r"^(?:[,，)）、。；;]|$)"
BODY_TOTAL_UNITS = ("家", "个")
# Words right before a number that make it a scale or a bound, not a figure of the period (满分为150分).
NOT_A_FIGURE_BEFORE = r"满分(?:为|是)?$"

# A count of bodies is not a figure: a count in 个 of districts or departments (5个区, 13个部门, 4个县区), and a
# place in a ranking (前8名, 前5位).
BODY_NOUNS_AFTER = (
    r"^(?:(?:区|县|市|镇|乡)(?![民长内级域委])|街道|部门|单位|委办局|板块|功能区|成员单位|责任单位|职能部门)"
)
RANK_BEFORE = "前"
RANK_UNITS = ("名", "位")
# A page cut short: `...` or `…` (a stored excerpt's cut mark), after which a figure's unit may stand cut too
# (提高0.50个百...: 个百 begins 个百分点).
CUT_MARK = r"\.{2,}|…+"
# Words before a number that cannot be a subject's name, only a piece of a phrase: a list's joint (已回复和), the
# word that opens a list (分别), a clause that runs on (前十分别为城市建设与管理), a comparison (比今年上半年), a
# list or a total said in passing (公积金中心等, 单位共有).
PHRASE_FRAGMENT = r"分别|[和及与、等均]$|共有$|^(?:和|及|与|以及|并|且|比|较|实现|达到)"
# A percentage after one of these, with no cue on record for its rate, is still a rate (of the subject before it)
RATE_WORD = r"率"

# Approximation wordings a bulletin may print that the reference list may not hold yet (before / after the value).
EXTRA_WORDINGS: tuple[tuple[str, str, str], ...] = (
    ("超过", "before", "more than"),
    ("超", "before", "more than"),
    ("逾", "before", "more than"),
    ("多", "after", "and more"),
)

# Verbs and fillers stripped from the words before a number to leave a name (公众来电23898件 → 公众来电).
NAME_LEADING_FILLERS = (
    r"^(?:其中|另外|此外|主要|按[^，,]*?划分|从[^，,]*?看|共计|共有|共|累计|合计|总计|全年|当月|本月|本周|上周|"
    r"受理|接听|收到|承办|办理|涉及|形成|反映|线上|向|\d+[.．、])+"
)
NAME_TRAILING_FILLERS = r"(?:类问题|类诉求|类来电|类工单|类|问题|诉求|共计|共|受理|承办|办理|合计|为|达|约|近|是|的)+$"
# The hotline naming itself before what it counts (市12345在线平台共受理…, 12345热线及其网络平台受理…).
PLATFORM_MENTION = r"^.*(?:12345|热线|平台)(?:\([^)]*\))?"

# Traditional characters that occur in the cue words above, with their simplified forms, one for one: a text in
# traditional characters (a mirror's conversion: 環比上升, 佔比, 滿意率) is matched against the cues through this
# table, while names and phrases stay as printed.
TRADITIONAL = "維護勵舊雜蓋擁擠傷殘臨遺漏檔齡療證環較佔滿辦結決時據務訴線網絡臺轉處問題類總數復覆達約餘萬億個條與來區縣業眾單發監電話報廣聯為對間應開營點積極紀費衛價補貼護療險勞動證書駕駛車輛長減熱構虛況編門觀關鎮鄉園醫學職導藥飲聲擾權稅資產審計統經濟貿規劃築設獎懲災養購銷訊訂視遞運輸鐵質檢驗標準農團體協會廳屬績評獲難讓識認態續貸揚員層範圍圓"
SIMPLIFIED = "维护励旧杂盖拥挤伤残临遗漏档龄疗证环较占满办结决时据务诉线网络台转处问题类总数复复达约余万亿个条与来区县业众单发监电话报广联为对间应开营点积极纪费卫价补贴护疗险劳动证书驾驶车辆长减热构虚况编门观关镇乡园医学职导药饮声扰权税资产审计统经济贸规划筑设奖惩灾养购销讯订视递运输铁质检验标准农团体协会厅属绩评获难让识认态续贷扬员层范围圆"
TO_SIMPLIFIED = str.maketrans(TRADITIONAL, SIMPLIFIED)
# A pinyin gloss a mirror's conversion left after a character, in brackets (消費(fèi)維權(quán), 在線(xiàn)): lowercase
# letters with tone marks, read past as if it were not there (the phrase quoted keeps it, as stored).
PINYIN_GLOSS = r"(?<=[\u4e00-\u9fff])[（(][a-zü\u00e0-\u00fc\u0101-\u01dc]{1,6}[）)]"


def name_key(name: str) -> str:
    """A name without pinyin glosses, in simplified characters: 諮詢類 and 咨询类, 辦結(jié) and 办结 are one key."""
    return re.sub(PINYIN_GLOSS, "", name).translate(TO_SIMPLIFIED)


# Words before a rate that qualify the rate, not name a subject (回访综合满意率, 群众满意率, 总体接通率): a rate
# with nothing else before it is the platform's own.
RATE_QUALIFIERS = (
    r"诉求|回访|综合|总体|群众|有效参评|抽查|平均|人工|全省|全市|本月|本周|上周|网络成员单位|成员单位|平台|工单"
)

# The subject type a name not on record most likely has, by how it ends: what `--new-names` proposes it as (a
# reviewer confirms). A name none of these fits is proposed as an intake member. Read on the name in simplified
# characters; the first that matches wins.
SUBJECT_TYPE_BY_NAME: tuple[tuple[str, str], ...] = (
    (r"^全(?:市|县|区|省|旗|州|盟)$", "service_quality"),
    (r"(?:局|委|办|厅|中心|公司|集团|支队|大队|所|院|站|部门|单位|街道|镇|乡|社区)$", "handling_unit"),
    (r"(?:市|区|县|旗|新区|景区|开发区|园区)$", "district"),
    (r"类$", "category"),
)
