"""The extractor's own vocabulary: the words of Chinese statistical prose that say what a number measures.

This is what the extractor knows about the language, not about any platform: names of subjects, units, wordings
and measures on record are read from the reference seeds (`references.py`). A cue here may name a measure, unit or
wording that is not yet on record; the extractor then proposes it as a new reference row (with the description
given here), for a reviewer to accept or rename.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class MeasureCue:
    """A word (a regular expression) that says what the number after it measures.

    kind:
      change  a change on an earlier period (同比, 环比); 下降 before the number makes it negative
      share   the number is a share (占, 占比); what it is a share of is refined by `part` and `of` cues
      part    before 占: the part of a subject whose share this is (区级部门 … 占比)
      of      after 占: what the share is of (占十六区承办总量的)
      rate    a rate named by its own word (解决率, 满意率)
      items   a count of items of a particular kind (区级部门承办)
    """

    pattern: str
    kind: str
    measure: str
    description_en: str = ""


MEASURE_CUES: tuple[MeasureCue, ...] = (
    # a change "环比2019年" compares with a year: year on year
    MeasureCue(
        r"同比|环比\s*\d{4}\s*年|较上年|比上年|较去年|与去年同期相比|与同期相比|同期相比", "change", "yoy_change_pct"
    ),
    MeasureCue(
        r"周环比|环比|较上周|较上月|较上期|比上周|比上月|比上期",
        "change",
        "pop_change_pct",
        "Change on the previous period of the same length (环比: week on week, month on month) in percent",
    ),
    MeasureCue(
        r"比[^，,；;。]{0,12}平均值",
        "change",
        "difference_from_parent_average_pct",
        "Difference from the parent platform's average (比…平均值高/低) in percentage points",
    ),
    MeasureCue(
        r"年均增长率|年均增长", "rate", "average_annual_growth_pct", "Average annual growth over a span in percent"
    ),
    MeasureCue(r"占比率达|占比|占总量的|占全部诉求的|占", "share", "share_of_total_pct"),
    MeasureCue(r"区级部门", "part", "district_department_share_pct"),
    MeasureCue(r"街道乡镇|街道|街镇", "part", "street_township_share_pct"),
    MeasureCue(r"十六区|全市各区", "of", "share_of_districts_pct"),
    MeasureCue(r"网络渠道", "of", "share_of_online_pct"),
    MeasureCue(r"派单", "of", "share_of_dispatched_pct"),
    MeasureCue(
        r"不满意率", "rate", "dissatisfaction_rate_pct", "Share of followed-up items rated unsatisfactory in percent"
    ),
    MeasureCue(r"解决率", "rate", "resolution_rate_pct"),
    MeasureCue(r"满意率", "rate", "satisfaction_rate_pct"),
    MeasureCue(
        r"按时办结率|按期办结率|限时办结率|及时处办率|及时办结",
        "rate",
        "on_time_completion_rate_pct",
        "Items completed within their deadline in percent",
    ),
    MeasureCue(
        r"提前办结率|提前率", "rate", "early_completion_rate_pct", "Items completed before their deadline in percent"
    ),
    MeasureCue(r"快速办结率", "rate", "fast_completion_rate_pct", "Items completed quickly (快速办结) in percent"),
    MeasureCue(r"办结率", "rate", "completion_rate_pct", "Items completed (办结) in percent"),
    MeasureCue(
        r"\d+\s*[sS秒]\s*人工接通率",
        "rate",
        "answered_within_30s_rate_pct",
        "Calls answered by a person within the stated seconds in percent",
    ),
    MeasureCue(r"接通率", "rate", "connection_rate_pct", "Calls answered (接通) in percent"),
    MeasureCue(
        r"直接答复率|直接解答率|在线解答率|直接办结率|平台直接解答率",
        "rate",
        "direct_reply_rate_pct",
        "Items answered directly by the hotline, without dispatch, in percent",
    ),
    MeasureCue(r"重派率", "rate", "repeat_dispatch_rate_pct", "Items dispatched again (重派) in percent"),
    MeasureCue(r"超期率", "rate", "overdue_rate_pct", "Items past their deadline (超期) in percent"),
    MeasureCue(r"受理率", "rate", "acceptance_rate_pct", "Items accepted (受理) in percent"),
    MeasureCue(r"及时回复率|及时答复率", "rate", "timely_reply_rate_pct", "Items replied to in time in percent"),
    MeasureCue(r"区级部门承办", "items", "district_department_items"),
    MeasureCue(r"街道乡镇承办|街道乡镇共办理|街道承办|街镇承办", "items", "street_township_items"),
    MeasureCue(r"预计", "items", "forecast_items"),
    MeasureCue(r"日均", "items", "daily_average_items", "Items a day on average over the period (日均)"),
    MeasureCue(r"直办", "items", "direct_handling_items", "Items handled directly by the unit (直办)"),
    MeasureCue(r"转办", "items", "transferred_items", "Items transferred on (转办)"),
    MeasureCue(
        r"较上期相比增长了|较上期相比减少了|较上期增加|较上期减少",
        "items",
        "change_items",
        "Change in items on the previous period",
    ),
    # after the number: 6件延迟回复
    MeasureCue(r"^\s*延迟回复", "items_after", "late_reply_items", "Items replied to late (延迟回复)"),
    MeasureCue(r"^\s*未及时签收", "items_after", "late_acceptance_items", "Items not signed for in time (未及时签收)"),
    MeasureCue(r"^\s*未办结", "items_after", "uncompleted_items", "Items not completed (未办结)"),
    # a table column of counts of times
    MeasureCue(r"重新派发次数", "items", "redispatch_count", "Times items were dispatched again"),
    MeasureCue(r"延期次数", "items", "extension_count", "Times deadlines were extended"),
)

# A count in 个 followed by one of these words counts topics, not items (17 个高频难点民生问题).
TOPIC_COUNT_FOLLOWERS = r"[^，。；,;]{0,8}问题"
TOPIC_COUNT_MEASURE = "topic_count"

# A unit that says what is measured: a difference of two percentages (提高1.53个百分点).
UNIT_MEASURES = {"个百分点": "change_points"}

# Words before a number that make a change negative, and words that name a rise: the one list of sign words
# (in simplified characters; a text in traditional ones is matched through TO_SIMPLIFIED below). The extractor
# reads a fall from them; tests/python/test_seeds_match_their_sources.py checks every hand-typed change's sign
# against them.
FALL_WORDS = r"下降|降低|减少|下滑|回落|低"
RISE_WORDS = r"上升|增长|增加|提升|提高|升高"


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
    UnitWord("％", "percent_fullwidth", "percent (full-width sign)", "percent", "1", "false"),
)
# A unit followed by one of these is part of another word (万元 is money, 万人 people; 个月 a duration).
NOT_A_UNIT_AFTER = "元平方公米吨户亩台辆月工"

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
TRADITIONAL = "環較佔滿辦結決時據務訴線網絡臺轉處問題類總數復覆達約餘萬億個條與來區縣業眾單發監電話報廣聯為對間應開營點積極紀應費衛價補貼護療險勞動證書駕駛車輛長減"
SIMPLIFIED = "环较占满办结决时据务诉线网络台转处问题类总数复复达约余万亿个条与来区县业众单发监电话报广联为对间应开营点积极纪应费卫价补贴护疗险劳动证书驾驶车辆长减"
TO_SIMPLIFIED = str.maketrans(TRADITIONAL, SIMPLIFIED)

# Words before a rate that qualify the rate, not name a subject (回访综合满意率, 群众满意率, 总体接通率): a rate
# with nothing else before it is the platform's own.
RATE_QUALIFIERS = (
    r"回访|综合|总体|群众|有效参评|抽查|平均|人工|全省|全市|本月|本周|上周|网络成员单位|成员单位|平台|工单"
)
