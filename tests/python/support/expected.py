"""The figures the sources print, typed in by hand from their documents (source_documents/), once for every test.

Each is the number as its source prints it (a string: "7592.4", "140.0", "66.06"), its unit, the words it stands
in and the document they stand in (test_expected_figures_stand_in_their_sources.py checks that they do). Items and shares are worked out from those strings here or in the test, in Decimal
arithmetic; none is read back from the warehouse, the seeds or the code under test, so that a test comparing a mart
with them can fail. A figure the seeds sign (a fall) carries its sign, and the words that say it falls.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

ITEMS_PER_UNIT = {"万件": 10_000, "件": 1}


@dataclass(frozen=True)
class Printed:
    """A figure as its source prints it."""

    value: str
    unit: str
    words: str
    document: str

    @property
    def decimal(self) -> Decimal:
        return Decimal(self.value)

    @property
    def items(self) -> int:
        """A count in items (件): the printed value times its unit, a whole number."""
        items = Decimal(self.value) * ITEMS_PER_UNIT[self.unit]
        assert items == items.to_integral_value(), f"{self} is not a whole number of items"
        return int(items)

    def percent_of(self, whole: Printed) -> Decimal:
        """This count as a percentage of `whole`, exactly (both in the same unit)."""
        assert self.unit == whole.unit, (self, whole)
        return self.decimal / whole.decimal * 100


BEIJING = "beijing_12345"

# --- 北京 12345 2022 年度数据报告 (source_documents/beijing-12345-hotline-2022-annual-data-report.txt) ------------
REPORT_2022 = "bj12345_annual_report_2022"
_REPORT_2022_DOCUMENT = "beijing-12345-hotline-2022-annual-data-report.txt"
_TOTAL = "12345热线共受理群众反映7592.4万件，同比上升411.01%"
TOTAL_2022 = Printed("7592.4", "万件", _TOTAL, _REPORT_2022_DOCUMENT)
TOTAL_2022_YOY_PCT = Printed("411.01", "%", _TOTAL, _REPORT_2022_DOCUMENT)
_DISPATCHED = "派单办理883.5万件，同比上升32.70%，占比11.64%"
DISPATCHED_2022 = Printed("883.5", "万件", _DISPATCHED, _REPORT_2022_DOCUMENT)
DISPATCHED_2022_YOY_PCT = Printed("32.70", "%", _DISPATCHED, _REPORT_2022_DOCUMENT)
DISPATCHED_2022_SHARE_PCT = Printed("11.64", "%", _DISPATCHED, _REPORT_2022_DOCUMENT)
DIRECT_REPLY_2022 = Printed("6708.9", "万件", "直接答复6708.9万件，同比上升718.17%，占比88.36%", _REPORT_2022_DOCUMENT)
PHONE_2022 = Printed("3390.2", "万件", "12345热线电话渠道受理3390.2万件，同比上升155.98%", _REPORT_2022_DOCUMENT)
_ONLINE = "网络渠道受理4202.2万件，同比上升2503.79%"
ONLINE_2022 = Printed("4202.2", "万件", _ONLINE, _REPORT_2022_DOCUMENT)
ONLINE_2022_YOY_PCT = Printed("2503.79", "%", _ONLINE, _REPORT_2022_DOCUMENT)
_ONLINE_SHARE = "网络渠道受理量占比快速上升，由2021年的10.86%提升至2022年的55.35%"
ONLINE_2021_SHARE_PCT = Printed("10.86", "%", _ONLINE_SHARE, _REPORT_2022_DOCUMENT)
ONLINE_2022_SHARE_PCT = Printed("55.35", "%", _ONLINE_SHARE, _REPORT_2022_DOCUMENT)
COVID_2022 = Printed("3255.7", "万件", "受理新型冠状病毒肺炎疫情问题3255.7万件", _REPORT_2022_DOCUMENT)
_MARKET = "市场管理类问题97.1万件，同比下降26.34%"
MARKET_2022 = Printed("97.1", "万件", _MARKET, _REPORT_2022_DOCUMENT)
MARKET_2022_YOY_PCT = Printed("-26.34", "%", _MARKET, _REPORT_2022_DOCUMENT)  # 下降: a fall
# The district table prints 140.0 (the prose 约140万件) for 朝阳区.
_CHAOYANG = "承办量最多的是朝阳区，共办理诉求140.0万件，占十六区承办总量的19.83%"
_CHAOYANG_SPLIT = (
    "朝阳区共承办诉求约140万件，占全市各区承办的19.83%，其中，区级部门承办92.4万件，占比66.06%，街道乡镇承办47.6万件"
)
CHAOYANG_2022 = Printed("140.0", "万件", _CHAOYANG, _REPORT_2022_DOCUMENT)
CHAOYANG_2022_SHARE_OF_DISTRICTS_PCT = Printed("19.83", "%", _CHAOYANG, _REPORT_2022_DOCUMENT)
CHAOYANG_2022_DISTRICT_DEPARTMENTS = Printed("92.4", "万件", _CHAOYANG_SPLIT, _REPORT_2022_DOCUMENT)
CHAOYANG_2022_DISTRICT_DEPARTMENT_SHARE_PCT = Printed("66.06", "%", _CHAOYANG_SPLIT, _REPORT_2022_DOCUMENT)
CHAOYANG_2022_STREETS_AND_TOWNSHIPS = Printed("47.6", "万件", _CHAOYANG_SPLIT, _REPORT_2022_DOCUMENT)
_RATES = "全市诉求解决率、满意率分别提升至92.72%和93.63%"
RESOLUTION_RATE_2022_PCT = Printed("92.72", "%", _RATES, _REPORT_2022_DOCUMENT)
SATISFACTION_RATE_2022_PCT = Printed("93.63", "%", _RATES, _REPORT_2022_DOCUMENT)

# --- other hotlines' pages ---------------------------------------------------------------------------------------
# 南通 (source_documents/nantong_2021_w99_weekly.txt), 本周(12月3日—12月10日)
_NANTONG_DOCUMENT = "nantong_2021_w99_weekly.txt"
NANTONG_WEEK_TOTAL = Printed("25560", "件", "市12345在线平台共受理各类诉求25560件", _NANTONG_DOCUMENT)
NANTONG_WEEK_DIRECT_REPLY = Printed("21157", "件", "在线直接答复21157件", _NANTONG_DOCUMENT)
# 宜春 (source_documents/yichun_2023_m05_monthly.txt), May 2023
_YICHUN_DOCUMENT = "yichun_2023_m05_monthly.txt"
YICHUN_MONTH_TOTAL = Printed("38447", "件", "本月受理各类诉求38447件", _YICHUN_DOCUMENT)
YICHUN_MONTH_DIRECT_REPLY = Printed("20334", "件", "5月份,通过呼叫平台在线解答群众诉求20334件", _YICHUN_DOCUMENT)
