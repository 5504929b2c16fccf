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
from functools import lru_cache

from opencc import OpenCC

from hotline12345.glosses import PINYIN_GLOSS


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
      column       a table column's head (the whole cell): what its counts are (办结数, 在办数, 超时未办数)
      count        (no pattern) the measure of a count with no cue
      count_after  after a count in 个: what it counts (17 个高频难点民生问题); its group `counted`, where the pattern
                   has one, is the count's subject (80部坐席: 坐席)
      count_before before a count in 个, 名, 人 …: what it counts (设置座席150个); its group `counted` likewise
      unit         a unit that says what is measured (个百分点)
      whole        (no pattern) a rate that is the platform's as a whole even right after a count (接通率: the line's
                   calls, not the count's items)
      network      in the sentence before a count of bodies (家, 5个区) or its clause after: the bodies make the
                   platform's network (涵盖, 纳入: a resource count) or the period's items concerned them (涉及)
    """

    pattern: str
    kind: str
    measure: str
    description_en: str = ""


# After 占, characters that make it a word of its own, no share (占道经营, 占用, 占线未接, 占地): not a share cue.
NOT_A_SHARE_AFTER = r"[道用线地据领]"

# Words before a number that make a change negative, and words that name a rise: the one list of sign words
# (in simplified characters; a text in traditional ones is matched through `simplified` below). The extractor
# reads a fall from them; tests/python/test_seeds_match_their_sources.py checks every hand-typed change's sign
# against them.
FALL_WORDS = r"下降|降低|减少|下滑|回落|低|减幅|缩短|压缩"
RISE_WORDS = r"上升|增长|增加|提升|提高|升高|增幅"
# The unit of a change of a share or a rate (a cue of kind `unit` names its measure).
POINTS_UNIT = "个百分点"
# Words naming the size of a change already named (同比减少101件，减幅6.44%).
CHANGE_SIZE_WORDS = r"减幅|降幅|增幅|涨幅"


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
    UnitWord("件次", "items_jianci", "items (件次: items or times)", "items", "1", "true"),  # 受话2083件次, not 件
    UnitWord("人次", "person_times", "person-times (人次)", "items", "1", "true"),
    UnitWord("万人次", "ten_thousand_person_times", "ten thousand person-times (万人次)", "items", "10000", "false"),
    UnitWord("分", "points", "points of an assessment score (分)", "points", "1", "false"),
    UnitWord("％", "percent_fullwidth", "percent (full-width sign)", "percent", "1", "false"),
)
# A unit followed by one of these is part of another word (万元 is money, 万人 people; 个月 a duration).
# (人工 is manual, 个工作日 working days; 7件工单 is a count of tickets, 6名工作人员 of staff.)
# (and their traditional forms, as stored copies print them: 7分鐘 is minutes, not a score)
NOT_A_UNIT_AFTER = r"[元平公米吨户亩台辆月钟之别位噸戶畝臺輛鐘別]|方(?!式)|工(?!单|作人|單)"
# An assessment score's unit; a table column named by a score cue (得分, 分值) holds scores in it, and a column of
# places in a ranking (排名) holds no figure.
SCORE_UNIT = "分"
# A column header ending in 单数 or 成数 (工单数, 完成数) counts tickets, in 件: 单 and 成 there are parts of words.
NOT_A_COLUMN_UNIT = ("单", "成")
RANK_COLUMN = r"排名|名次|排序|序号"
# The head of a table's label column whose rows are periods (| 月份 | 甲类工单数量 | … over | 10月 | 362 | …): each
# row's label is a period (no figure, no subject), and each cell is its column's.
PERIOD_COLUMN = r"月份|月|时间|日期|年份|年度|季度|周次|期间|时段|统计时间|统计时段|统计周期"
# A row label of such a table: a month, a year, a quarter, a week or a day, with or without its word (10月, 11, 2024年).
PERIOD_LABEL = r"(?:\d{4}\s*年)?\s*\d{1,4}\s*(?:年|月份?|季度|周|日)?(?:上旬|中旬|下旬)?"
# What a column head counts or measures, after its subject (受理转办工单总数 → 受理转办工单, 城市管理类工单数量 → 城市管理类);
# the kind of thing after a 类 goes too, 类 stays.
COLUMN_HEAD_MEASURE_WORDS = r"(?:总数|数量|件数|总量|数目|数|量)$"
KIND_AFTER_A_CATEGORY = r"(?<=类)(?:工单|诉求|信件|来信|来电|问题|案件)$"
# A table with a column of tickets' numbers (工单号 145500) lists tickets, one a row: it holds no figures.
TICKET_NUMBER_COLUMN = r"工单号|工单编号|案件号|案件编号|工单单号"
# How many members a group has, said in passing (各县、赣榆区(共4家,满分为150分), 单位共有6家, 中心等37家): not a
# figure.
BODY_TOTAL_BEFORE = r"(?:共有|共|等|(?:单位|部门|街道|区|县|镇)有)$"  # (…的单位有12个)
BODY_TOTAL_AFTER = r"^(?:[,，)）、。；;]|$)"
BODY_TOTAL_UNITS = ("家", "个")
# Words right before a number that make it a scale, a standard or a threshold, not a figure of the period
# (满分为150分, 低于市上要求的最低标准85%, 按时回复率低于八成, 考评得分在99分以上).
NOT_A_FIGURE_BEFORE = r"(?:满分|标准|要求)(?:为|是)?$|(?:低于|高于|不低于|不高于|不少于|不足|未达到?)$"
# A number between 在 and 以上 / 以下 is a bound (得分在99分以上).
BOUND_AROUND = (r"在$", r"^(?:以上|以下|以内)")
# A number with 以上 / 以下 that then defines the items a rule applies to is the rule's threshold, not a figure
# (对重办3次以上未解决、转办3个以上无部门牵头办理的工单，…列入“问题工单”).
THRESHOLD_AFTER = r"^(?:及|或)?(?:以上|以下)[^，,。；;：:]{0,24}?的(?:工单|诉求|问题|事项|案件|来电|投诉|件)"
# A duration followed by 内 is a deadline, a rule of the service, not a figure of the period (市直部门1个工作日内办结,
# 10个工作日以内答复).
DEADLINE_AFTER = r"^(?:以)?内(?![容部外])"
DEADLINE_UNITS = ("working_days", "days", "hours")
# A proportion said again in words (每10个来电中，超过7个): the base after 每 and the count out of it are a gloss of a
# rate printed beside them, not figures.
GLOSS_BASE_BEFORE = r"每\s*$"
GLOSS_PART_BEFORE = (
    r"每\s*(?:\d+|[一二两三四五六七八九十百千]+)\s*[个件次位名人][^。；;！？!?]{0,12}?中[^。；;！？!?]*$"
)

# A count of bodies is not a figure: a count in 个 of districts or departments (5个区, 13个部门, 4个县区, 9个相关责任
# 单位, 4个市级部门, 334个城市, 4个指标: what the page counts is bodies or measures, not items), a count in 家 (56家承办
# 单位, 单位有6家: companies and units), and a place in a ranking (前8名, 前5位).
BODY_NOUNS_AFTER = (
    r"^(?:(?:区|县|市|镇|乡)(?![民长内级域委])|街道|板块|功能区|"
    r"[\u4e00-\u9fff]{0,4}?(?:部门|单位|委办局|城市|指标))"
)
# A value that defines a class of bodies is its bound, not a figure (满意率100%的单位50家, 满意率90%以上的单位21家:
# the rate is the class's threshold, the 家 a count of units).
CLASS_BOUND_AFTER = r"^(?:及?以上|及?以下|以内)?的" + BODY_NOUNS_AFTER.removeprefix("^")
# But a rate said of a class of bodies that then names them (回访满意率为100%的部门有：甲局、乙局、丙局) is each named
# body's rate: one row for each (not after 以上, 以下: a bound the members pass, not their rate). A list that runs to
# the end of the copy unfinished (…、县人社局、县水) has its last name cut short: that one is left out.
MEMBERS_OF_A_CLASS_AFTER = (
    r"^的"
    + BODY_NOUNS_AFTER.removeprefix("^")
    + r"[\u4e00-\u9fff]{0,2}?(?:有|为|是|包括)\s*[：:]?\s*(?P<listed>[^。；;！？!?]+)"
)
LIST_FINISHED = r"[。；;！？!?…）)”\"]\s*$"
BODY_UNITS = ("家",)
# A count of bodies is a figure of the platform's network where its sentence says the bodies make that network
# (共有…单位81家纳入热线承办单位, 涵盖市政府工作部门33家, 协同3000余家四级网络单位, 构建“1+15+N”(1个市热线中心、…)) or
# that the period's items concerned them (诉求涉及全区14个镇街): cues of kind `network`, read in the sentence before the
# count and in its clause after it. Bodies a sentence names as meeting a condition or taking part (5个区满意率超过…,
# 37个区直部门综合满意率达到100%, 13个部门参与) stay no figure: what follows them in their clause says so.
BODY_PASSING_AFTER = r"^[^，,。；;：:]*?(?:率|达到|超过|高于|低于|参与|参加|考核|评为|排名|等级|类)"
# A body named before its count in 个 (涉及镇街4个，部门10个), as BODY_NOUNS_AFTER names one after it.
BODY_NOUNS_BEFORE = r"(?:区|县|镇|乡|街道|镇街|部门|单位|委办局|机构|企业|团体)$"
# What a count of a network's bodies counts, printed after it (3000余家四级网络单位, 1个市热线中心, 268个三级承办单位).
BODY_COUNTED_AFTER = (
    r"^(?:余|多)?(?:[\u4e00-\u9fff]*?(?:纳入|成为))?(?P<counted>[\u4e00-\u9fff]{0,8}?"
    r"(?:单位|部门|机构|中心|工作站|站|镇街|街道|企业|团体|委办局|(?:区|县)(?:级|直)?部门|区级部门)"
    r"(?:(?:和|及|与)(?:单位|部门|机构|企业|团体))?)"  # 16个部门和单位: both kinds named are counted
)
RANK_BEFORE = "前"
RANK_UNITS = ("名", "位")
# A page cut short: `...` or `…` (a stored excerpt's cut mark), after which a figure's unit may stand cut too
# (提高0.50个百...: 个百 begins 个百分点).
CUT_MARK = r"\.{2,}|…+"
# Words before a number that cannot be a subject's name, only a piece of a phrase: a list's joint (已回复和), the
# word that opens a list (分别), a clause that runs on (前十分别为城市建设与管理), a comparison (比今年上半年), a
# list or a total said in passing (公积金中心等, 单位共有); a clause with its verb (路军共接听市民来电, 上周分配至县区
# 的投诉有, 覆盖面由原来只有, 包括上周, 其余为超出, 省长连续, 召开协调会议), a claim about all (各地区均达到) and a
# superlative (最低的).
PHRASE_FRAGMENT = (
    r"分别|[和及与、等均有至]$|共有$|^(?:和|及|与|以及|并|且|比|较|实现|达到|包括|其余|其他为|召开|解决|最[低高多少])|"
    r"^(?:此|该|这)|"  # 此类工单: the subject named before
    r"[\u4e00-\u9fff](?:共|累计)?(?:接听|接到|收到|分配|连续)|由|只有|均(?:为|达|在)|"
    r"^(?:减幅|降幅|增幅|涨幅)$"  # the size of a change is the change's, of the subject named before
)
# Words that say whose statistic a clause or a section reports when it is not the hotline's: the city's digital
# urban-management platform, whose inspectors find and dispatch cases (数字城管), petitions (信访), followers of an
# account and a group's participation (关注度, 粉丝, 参与度; but 关注度前三位的热点话题 ranks the hotline's own topics), polls (民意调查, 调查工作, 有效样本), a publicity
# campaign's contacts (宣传活动, 接待咨询群众800余人), a supervision system's tasks (政务督办系统交办工作任务59项) and
# the information units report (报送信息572条), consumer associations and their rights stations beside a consumer line
# (消协组织…受理调解消费者投诉, 消费维权服务站2889个), law enforcement's cases (查办民生领域案件, 查处各类涉网案件; not
# 调查处理) and a national evaluation or monitoring report of many cities (全国政务热线质量评估报告，涉及338个城市;
# 在…年度政务热线监测报告中位列全国275个…). A figure after such
# a word in its sentence, or under a heading naming one, is that system's, not the hotline's: not proposed. A
# category the hotline counts its own tickets in (信访类) is no other system.
OTHER_SYSTEM = (
    r"(?:数字城管|信访|关注度(?!前|最|较|排)|关注量|粉丝|参与度|民意调查|调查工作|有效样本|调查样本|"
    r"督办系统|报送信息|信息报送|"
    r"消协|消费者协会|维权服务站|(?:查办|(?<!调)查处)[\u4e00-\u9fff]{0,8}?案件|"
    r"全国[\u4e00-\u9fff]{0,10}?(?:评估|监测|评价)报告|[\u4e00-\u9fff]{2,8}?(?:评估|监测)报告中)(?!类)"
)
# A clause naming a hotline (its number, 热线, 专线) brings the sentence back to the hotline's own figures
# (其中数字城管平台案件1259件，市12345政务热线平台案件38件).
HOTLINE_MENTION = r"123\d\d|热线|专线"
# A count of hotlines or their telephones, named right after it (300多部信访热线电话), is the line's own, whoever set them
# up (`{hotline}` is HOTLINE_MENTION).
COUNTED_LINES_AFTER = r"^[“”\"\u4e00-\u9fff]{{0,6}}?(?:{hotline})(?:电话)?(?![\u4e00-\u9fff])"
# A hotline's number (12345, 12319), as a platform's code or name holds it.
ANY_HOTLINE_NUMBER = r"(?<!\d)123\d\d(?!\d)"
# A page may print several hotlines (the 12320 health line and the 12356 family-planning line before the 12345
# mayor's telephone): a figure after another hotline's number, named as a line of its own (“12320”卫生热线, not a
# seat of the platform, “12369”环保专席, nor a count, 12319件), is that hotline's, until a clause names the
# platform's own number again; so is a section under a heading naming one. It is proposed only when a platform of
# the same place holding that number is on record (sanmenxia_12319 beside sanmenxia_cgj_12345): else no platform
# can hold it.
ANOTHER_HOTLINE = r"(?<!\d)(123\d\d)(?!\d)[”\"」』]?[\u4e00-\u9fff]{0,4}?(?:热线|公开电话)"
# Words saying the lines named after them are the platform's own, kept in parallel or merged into it
# (留号并行热线电话中，12333社保查询热线共接听来电8879人次): their figures are the platform's.
MERGED_LINES = r"并行|归并|并入"
# A count of hotlines merged names them with the verb that merged them, as printed right before the number or before
# the lines' name (整合33条服务热线 → 整合服务热线, 归并我市各类政务服务热线26条 → 归并政务服务热线): `lines` ends the name.
MERGING_VERB = r"(?:整合|归并)了?"
MERGED_LINE_NAME = r"(?:热线|专线)$"
# The text before another line's number when that line is named jointly with the platform's own (12345、12301两条热线,
# 12345和12301热线): `{number}` is the platform's number.
JOINED_TO_A_NUMBER = r"(?<!\d){number}[”\"」』]?\s*[、和及与]\s*[“\"「『]?$"
# A figure printed as the whole a breakdown that follows is of (派遣的16件中，完成情况如下; 受理的46件投诉中): the
# figure printed before, said again, when the page has printed that value and unit already.
RESTATED_WHOLE = (r"的$", r"^[\u4e00-\u9fff]{0,4}?中(?![心国间央])")
# Where an item of a breakdown opens (其中，协调办理3267件，办结率100%；交办处理1213件，…，办结率95%): a rate of no
# subject of its own after it is the item's, the one counted first since.
BREAKDOWN_ITEM_OPENS = r"其中\s*[，,：:]|[；;]"
# The dimension of a ticket's status (已办结, 正在处理): a count of it is a part of an item, not the item a rate is of.
STATUS_DIMENSION = "ticket_status"
# Before a count, words that make it the platform's total (共受理, 累计受理): a rate after it is the platform's.
TOTAL_BEFORE = r"(?:共|累计|总计|合计)[\u4e00-\u9fff]{0,6}$"
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
    r"^(?:其中|另外|此外|目前|主要|按[^，,]*?划分|从[^，,]*?看|共计|共有|共|累计|合计|总计|全年|当月|本月|本周|上周|"
    r"受理|接听|收到|接到|承办|办理|涉及|形成|产生|反映|线上|向|\d+[.．、])+"
)
# A lone 类 and 问题 stay (噪声扰民类, 视频巡查问题: names as the page prints them); 类问题 goes with the rest, and
# 诉求 after a 类 goes alone (卫生健康类诉求 → 卫生健康类). What the count is of, after 的, goes too (转其他部门的立项数
# → 转其他部门; 办理工单总数 → 办理工单; 多媒体渠道收件数 → 多媒体渠道); 诉求 after whose they are stays (群众诉求, not
# 群众), and so does 各类诉求.
# A name on record printed inside a longer name (政策咨询, 按期办结, 网络舆情转办, 电话呼入总数, 涉疫诉求): the words around
# it are the printed name's own, not a verb, a total or an office before it (中心共转派工单, 已累计受理诉求件, 第三为咨询类,
# 留言量, 市热线办回访工单, 工作的表扬件: then the name on record stays the subject).
NAME_AROUND_A_NAME = (
    r"(?![\u4e00-\u9fff]*(?:[共为第已对的]|累计|受理|承办|转派|接听|接到|收到|办理|量$|办$))[\u4e00-\u9fff]*"
)
NAME_TRAILING_FILLERS = (
    r"(?:类问题|类来电|类工单|(?<!群众|市民|公众|企业|各类)诉求|(?<=类)信件|共计|共|受理|承办|办理|合计|为|达|约|近|是|的|方面|"
    r"的[\u4e00-\u9fff]{0,3}(?:数|总数|总量)|总数|收件数)+$"
)
# The hotline naming itself before what it counts (市12345在线平台共受理…, 12345热线及其网络平台受理…).
PLATFORM_MENTION = r"^.*(?:12345|热线|平台)(?:\([^)]*\))?"

# A text in traditional characters (a mirror's conversion: 連云區, 環比上升, 佔比, 辦結率) is read in simplified
# characters through OpenCC's t2s conversion (offline, its own dictionaries), while names and phrases are taken from
# the text as printed: the one converter, for cues, names on record and the tests' sign words alike.
_T2S = OpenCC("t2s")


@lru_cache(maxsize=65536)
def simplified(text: str) -> str:
    """`text` in simplified characters (連云區 → 连云区, 辦結率 → 办结率), one character for one: a position in it is the
    same position in `text`, so what is found in the simplified text is quoted from `text` as printed. t2s keeps the
    length on every page read so far; where a phrase would convert to another length, each character is converted
    alone, and one that does not convert to one character stays as printed."""
    converted = str(_T2S.convert(text))
    if len(converted) == len(text):
        return converted
    return "".join(alone if len(alone := str(_T2S.convert(character))) == 1 else character for character in text)


def name_key(name: str) -> str:
    """A name without pinyin glosses, in simplified characters: 諮詢類 and 咨询类, 辦結(jié) and 办结 are one key."""
    return simplified(re.sub(PINYIN_GLOSS, "", name))


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
