"""A made-up hotline whose pages print what the model once could not hold, added to a copy of the seeds as rows
alone (issue 25, item 5):

- a category printed with its share and no count (物业管理,占15.00%): fct_category_volume holds it with its items
  unknown, and the share-list check of its list (a list whose whole the page does not say, 未说明) names it;
- a category's items by channel with their shares, of the category and of the total (其中热线150件,占该类75.00%,
  占受理总量的15.00%): each share has one check, though a channel of the intake has the same code;
- ranking claims on a page that prints no dates (上周…投诉最多) and on one that prints no year (6月…最多): each
  claim meets its figures and is checked;
- a list of handling units printed in two groups (第一类 / 第二类), each share a share of its own group
  (占第一类的60.00%): each share's rest is its own group's other units, so the first group fits, though the two
  groups' counts together (150) are more than either group's whole; the second group prints one share that no
  count gives (戊局 10 of 50 is 20.00%, printed 25.00%), which is a finding, and its list fits no whole;
- a rate printed with its count (受理总量420件,直办率71.43%: 300 of 420), a change printed in items and as a
  percentage (同比增加70件,增幅20.00%: of the 350 a year before), the districts' total as a share of the total
  (各区…占受理总量的80.00%), and a count for the platform as a whole with the units that make it up (超期已办理工单3件,
  具体承办单位为:甲局1件、乙局2件): each is checked, and fits;
- two splits of one dimension on one page (办结 / 至下月办结 beside 已解决 / 未解决), each declared by its members in
  complete_splits: each is summed on its own against the total (450 + 50 = 500; 350 + 140 = 490, short of 500: a
  finding), and 办结's share (90.00% of 500) takes its rest from its own split (至下月办结's 50) alone.

- shares of one total the page names and does not print (占当月立案总数的…), printed for parts of two subject types
  (the districts combined, a group of departments): one list over both types, each (count, share) pair bounding
  the total; in September the pairs admit one total (300 of 500 is 60.00%, 100 of 500 20.00%, 50 of 500 10.00%),
  in October they do not (300 at 60.00% needs about 500, 100 at 25.00% about 400: a finding);
- a unit's cases by source (公众举报立项, 考评员上报立项, 视频巡查立项) beside its cases (合计), summed as
  ref_measure_splits declares: 甲局 40 + 15 + 5 = 60, 乙局 20 + 5 + 4 = 29, not its 30 (a finding);
- a group of categories printed as one share, its wording a bound (三类诉求合计占比超五成: 50%–60%), with the
  categories it names (printed_part_claims): 25.00% + 15.00% + 12.00% = 52.00% meets it; the page's 两类诉求合计占比
  近三成 (20%–30%) does not meet 25.00% + 15.00% = 40.00% (a finding);
- a category printed under a second spelling (“物业”管理 for 物业管理), resolved by an alias row
  (ref_subject_aliases) to the category on record.

Every count is chosen so that every printed share and claim fits exactly but 戊局's, October's, 乙局's and 两类诉求's; the statuses in
MADE_UP_PAGE_LIMITS_CHECKS are worked by hand from the texts below, not read from the build."""

from __future__ import annotations

from pathlib import Path

from .made_up_platform import _append, _csv_line

PAGE_LIMITS_PLATFORM = "made_up_limits_12345"
PAGE_LIMITS_DATED = "made_up_limits_2025"
PAGE_LIMITS_UNDATED = "made_up_limits_undated_week"
PAGE_LIMITS_YEAR_LESS = "made_up_limits_june"
PAGE_LIMITS_GROUPED = "made_up_limits_grouped_2025_06"
PAGE_LIMITS_TWO_SPLITS = "made_up_limits_two_splits_2025_07"
PAGE_LIMITS_RATES = "made_up_limits_rates_2025_08"
PAGE_LIMITS_ACROSS_TYPES = "made_up_limits_across_types_2025_09"
PAGE_LIMITS_ACROSS_TYPES_APART = "made_up_limits_across_types_2025_10"
PAGE_LIMITS_BY_SOURCE = "made_up_limits_by_source_2025_11"
PAGE_LIMITS_ALIAS = "made_up_limits_alias_2025_12"
PAGE_LIMITS_GROUP = "made_up_limits_group_2024_06"

PAGE_LIMITS_TEXTS = {
    # 受理总量 1000 件 = 热线 600 + 网络 400. 市容管理 200 (20.00% of 1000), 交通管理 100 (10.00%), 物业管理 15.00%
    # with no count; the page does not say what the three shares are of. 市容管理's 200 = 热线 150 (75.00% of the
    # category, 15.00% of the 1000) + 网络 50 (25.00%).
    PAGE_LIMITS_DATED: (
        "2025年,受理总量1000件,其中热线600件,网络400件。"
        "市容管理200件,占20.00%;交通管理100件,占10.00%;物业管理占15.00%。"
        "市容管理200件中,热线150件,占该类75.00%,占受理总量的15.00%;网络50件,占该类25.00%。\n"
    ),
    # no dates: 36 > 35
    PAGE_LIMITS_UNDATED: "上周物业管理投诉最多,有36件;市容管理投诉位居第二,有35件。\n",
    # no year: 6789 > 100
    PAGE_LIMITS_YEAR_LESS: "6月,涉及市容管理类投诉最多,工单数为6789件;交通管理类100件。\n",
    # 第一类 100 = 甲局 60 + 乙局 30 + 丙局 10 (60.00%, 30.00%, 10.00% of 100); 第二类 50 = 丁局 40 + 戊局 10
    # (80.00% of 50, and 20.00%, printed 25.00%)
    PAGE_LIMITS_GROUPED: (
        "2025年6月,第一类3个部门的立案数为100件。其中,甲局(60件)占第一类的60.00%,乙局(30件)占30.00%,"
        "丙局(10件)占10.00%。第二类2个部门的立案数为50件。其中,丁局(40件)占第二类的80.00%,戊局(10件)占25.00%。\n"
    ),
    # 500 = 办结 450 + 至下月办结 50 (450 is 90.00% of 500); 已解决 350 + 未解决 140 = 490, not 500
    PAGE_LIMITS_TWO_SPLITS: "2025年7月,受理总量500件。当月办结450件,占90.00%,至下月办结50件;已解决350件,未解决140件。\n",
    # 420 = 350 a year before + 70 (70 is 20.00% of the 350, 16.67% of the 420); 直办率 71.43% of 420 is 300;
    # the districts' 336 is 80.00% of the 420; 超期 3 = 甲局 1 + 乙局 2 (the months of 2025 stay within its 1000)
    PAGE_LIMITS_RATES: (
        "2025年8月,受理总量420件,直办率71.43%;同比增加70件,增幅20.00%。各区的立案总数为336件,占受理总量的80.00%。"
        "超期已办理工单3件,具体承办单位为:甲局1件、乙局2件。\n"
    ),
    # 当月立案总数 is not printed: 各区 300 at 60.00% allows 299.75/0.6 .. 300.25/0.6 (499.58–500.42), 市职能部门 100 at
    # 20.00% 499.75–500.25, 其他部门 50 at 10.00% 499.75–500.25: one total (500) fits all three
    PAGE_LIMITS_ACROSS_TYPES: (
        "2025年9月,各区的立案数为300件,占当月立案总数的60.00%。市职能部门的立案数为100件,占当月立案总数的20.00%。"
        "其他部门的立案数为50件,占当月立案总数的10.00%。\n"
    ),
    # 各区 300 at 60.00% needs 499.58–500.42; 市职能部门 100 at 25.00% needs 399.8–400.2: no one total
    PAGE_LIMITS_ACROSS_TYPES_APART: (
        "2025年10月,各区的立案数为300件,占当月立案总数的60.00%。市职能部门的立案数为100件,占当月立案总数的25.00%。\n"
    ),
    # 甲局 合计 60 = 公众举报立项 40 + 考评员上报立项 15 + 视频巡查立项 5; 乙局 合计 30, but 20 + 5 + 4 = 29
    PAGE_LIMITS_BY_SOURCE: (
        "2025年11月 | 公众举报立项 | 考评员上报立项 | 视频巡查立项 | 合计\n甲局 | 40 | 15 | 5 | 60\n乙局 | 20 | 5 | 4 | 30\n"
    ),
    # “物业”管理 is 物业管理 spelt with quotation marks
    PAGE_LIMITS_ALIAS: "2025年12月,“物业”管理问题70件。\n",
    # 1000 = the total; 250, 150 and 120 are 25.00%, 15.00% and 12.00% of it; 超五成 is 50%–60% (52.00% fits), 近三成
    # 20%–30% (40.00% does not)
    PAGE_LIMITS_GROUP: (
        "2024年6月,受理总量1000件。市容管理250件,占25.00%;交通管理150件,占15.00%;物业管理120件,占12.00%。"
        "市容管理、交通管理、物业管理三类诉求合计占比超五成,市容管理、交通管理两类诉求合计占比近三成。\n"
    ),
}

# (check kind, subject as the audit names it, the check's formula contains) → status, worked by hand above
MADE_UP_PAGE_LIMITS_CHECKS = {
    ("share", "热线", "parent:items"): "consistent",
    ("share", "热线", "intake:total.all"): "consistent",
    ("share", "网络", "parent:items"): "consistent",
    ("rank", "物业管理", f"undated ({PAGE_LIMITS_UNDATED})"): "consistent",
    ("rank", "市容管理", f"undated ({PAGE_LIMITS_UNDATED})"): "consistent",
    ("rank", "市容管理", f"undated ({PAGE_LIMITS_YEAR_LESS}): --06-01..--06-30"): "consistent",
    ("share", "甲局", "intake:dispatch_target.group_one"): "consistent",
    ("share", "乙局", "intake:dispatch_target.group_one"): "consistent",
    ("share", "丙局", "intake:dispatch_target.group_one"): "consistent",
    ("share", "丁局", "intake:dispatch_target.group_two"): "consistent",
    ("share", "戊局", "intake:dispatch_target.group_two"): "inconsistent",
    ("share_list", "handling_unit", "for each of the 2 shares"): "inconsistent",
    ("sum", "total.all", "completed + uncompleted"): "consistent",
    ("sum", "total.all", "resolved + unresolved"): "inconsistent",
    ("share", "办结", "intake:total.all"): "consistent",
    ("change", "受理总量", "100 x change / (items - change)"): "consistent",
    ("rate", "受理总量", "direct_reply_rate_pct"): "consistent",
    ("share", "各区", "intake:total.all"): "consistent",
    ("sum", "全市", "handling units printed with it"): "consistent",
    ("share_list", "district_total+intake", "for each of the 3 shares"): "consistent",
    ("share_list", "district_total+intake", "for each of the 2 shares"): "inconsistent",
    ("sum", "甲局", "items = inspector_report_items + public_report_items + video_patrol_items"): "consistent",
    ("sum", "乙局", "items = inspector_report_items + public_report_items + video_patrol_items"): "inconsistent",
    ("bound", "三类诉求", "share_of_total_pct = 交通管理 + 市容管理 + 物业管理"): "consistent",
    ("bound", "两类诉求", "share_of_total_pct = 交通管理 + 市容管理"): "inconsistent",
    # the groups' shares from their members' counts: (250 + 150 + 120) / 1000 = 52% in 50–60%; 400 / 1000 = 40%
    ("share", "三类诉求", "intake:total.all"): "consistent",
    ("share", "两类诉求", "intake:total.all"): "inconsistent",
}

# the grouped page's findings, reviewed (the audit writes their sentences)
PAGE_LIMITS_GROUPED_FINDINGS = (
    f"share:{PAGE_LIMITS_PLATFORM}.2025-06.handling_unit.unit_e.share_of_dispatch_group_pct",
    f"share_list:{PAGE_LIMITS_PLATFORM}.2025-06.handling_unit.share_of_dispatch_group_pct.第二类2个部门.第二类",
    f"sum:{PAGE_LIMITS_PLATFORM}.2025-07.intake.ticket_status.resolved+unresolved",
    f"share_list:{PAGE_LIMITS_PLATFORM}.2025-10.district_total+intake.share_of_unprinted_total_pct.未说明",
    f"sum:{PAGE_LIMITS_PLATFORM}.2025-11.handling_unit.unit_b.items",
    f"bound:{PAGE_LIMITS_PLATFORM}.2024-06.category_group.two_categories.share_of_total_pct.category_group_members",
    f"share:{PAGE_LIMITS_PLATFORM}.2024-06.category_group.two_categories.share_of_total_pct",
)


def add_made_up_page_limits(root: Path) -> None:
    """Seed rows only: the platform, its names, three sources, their figures and two pages' ranking claims."""
    seeds = root / "seeds"
    reference = seeds / "reference"
    platform = PAGE_LIMITS_PLATFORM
    _append(
        reference / "ref_platforms.csv",
        [f"{platform},虚构县12345热线,A made-up county hotline,county,,,虚构县,Made-up County,,Made up by a test."],
    )
    _append(
        reference / "ref_intake_members.csv",
        [
            f"{platform},受理总量,total,all,受理总量,All items received",
            f"{platform},热线,channel,hotline,热线,The hotline",
            f"{platform},网络,channel,online,网络,Online",
            f"{platform},第一类3个部门,dispatch_target,group_one,第一类部门,The first group of departments",
            f"{platform},第二类2个部门,dispatch_target,group_two,第二类部门,The second group of departments",
            f"{platform},至下月办结,ticket_status,uncompleted,未办结,Not completed (至下月办结)",
            f"{platform},未解决,ticket_status,unresolved,未解决,Not resolved (未解决)",
            f"{platform},市职能部门,dispatch_target,city_departments,市职能部门,Dispatched to the city departments",
            f"{platform},其他部门,dispatch_target,other_departments,其他部门,Dispatched to other departments",
        ],
    )
    _append(
        reference / "ref_subject_aliases.csv",
        [f"{platform},category,“物业”管理,物业管理,Made up by a test: a second spelling."],
    )
    _append(
        reference / "ref_handling_units.csv",
        [
            f"{platform},unit_{letter},{name}局,Bureau {letter.upper()},handling_unit"
            for letter, name in zip("abcde", "甲乙丙丁戊", strict=True)
        ],
    )
    _append(
        reference / "ref_aggregate_subjects.csv",
        [
            f"{platform},district_total,各区,all_districts,All districts combined (各区)",
            f"{platform},service_quality,受理总量,all_items,All items received (as the subject of a rate)",
            f"{platform},category_channel,热线,channel.hotline,The hotline (a category's items by channel)",
            f"{platform},category_channel,网络,channel.online,Online (a category's items by channel)",
            f"{platform},category_group,三类诉求,three_categories,Three categories together (三类诉求)",
            f"{platform},category_group,两类诉求,two_categories,Two categories together (两类诉求)",
        ],
    )
    _append(
        reference / "ref_categories.csv",
        [
            f"{platform},city_appearance,市容管理,City appearance,,1",
            f"{platform},traffic,交通管理,Traffic,,1",
            f"{platform},property,物业管理,Property management,,1",
        ],
    )
    _append(
        seeds / "sources" / "sources.csv",
        [
            (
                f"{PAGE_LIMITS_DATED},{platform},official,A made-up 2025 page,Nobody,,,2025-01-01,2025-12-31,zh,"
                f"{PAGE_LIMITS_DATED}.txt,Made up by a test."
            ),
            (
                f"{PAGE_LIMITS_UNDATED},{platform},official,A made-up week with no dates,Nobody,,,,,zh,"
                f"{PAGE_LIMITS_UNDATED}.txt,Made up by a test: no dates printed."
            ),
            (
                f"{PAGE_LIMITS_YEAR_LESS},{platform},official,A made-up June with no year,Nobody,,,,,zh,"
                f"{PAGE_LIMITS_YEAR_LESS}.txt,Made up by a test: no year printed."
            ),
            (
                f"{PAGE_LIMITS_GROUPED},{platform},official,A made-up June 2025 in groups,Nobody,,,2025-06-01,"
                f"2025-06-30,zh,{PAGE_LIMITS_GROUPED}.txt,Made up by a test: a list printed in two groups."
            ),
            (
                f"{PAGE_LIMITS_TWO_SPLITS},{platform},official,A made-up July 2025 with two splits,Nobody,,,"
                f"2025-07-01,2025-07-31,zh,{PAGE_LIMITS_TWO_SPLITS}.txt,Made up by a test: two splits of one dimension."
            ),
            (
                f"{PAGE_LIMITS_RATES},{platform},official,A made-up August 2025 with rates,Nobody,,,2025-08-01,"
                f"2025-08-31,zh,{PAGE_LIMITS_RATES}.txt,Made up by a test: rates with their counts and changes."
            ),
            *(
                f"{source},{platform},official,A made-up {month} 2025,Nobody,,,2025-{number}-01,2025-{number}-{last},"
                f"zh,{source}.txt,Made up by a test: {what}."
                for source, month, number, last, what in (
                    (PAGE_LIMITS_ACROSS_TYPES, "September", "09", "30", "shares of an unprinted total"),
                    (PAGE_LIMITS_ACROSS_TYPES_APART, "October", "10", "31", "shares that admit no one total"),
                    (PAGE_LIMITS_BY_SOURCE, "November", "11", "30", "units' cases by source"),
                    (PAGE_LIMITS_ALIAS, "December", "12", "31", "a category's second spelling"),
                )
            ),
            (
                f"{PAGE_LIMITS_GROUP},{platform},official,A made-up June 2024,Nobody,,,2024-06-01,2024-06-30,zh,"
                f"{PAGE_LIMITS_GROUP}.txt,Made up by a test: groups of categories printed as one share."
            ),
        ],
    )
    for source, text in PAGE_LIMITS_TEXTS.items():
        (root / "source_documents" / f"{source}.txt").write_text(text, encoding="utf-8")
    dated = (PAGE_LIMITS_DATED, "2025-01-01", "2025-12-31", "一、受理")
    undated = (PAGE_LIMITS_UNDATED, "", "", "摘录")
    year_less = (PAGE_LIMITS_YEAR_LESS, "--06-01", "--06-30", "摘录")
    figures = [
        # period, subject_type, subject_zh, parent_zh, measure, value, unit, phrase, share_of_zh
        (dated, "intake", "受理总量", "", "items", "1000", "件", "受理总量1000件", ""),
        (dated, "intake", "热线", "", "items", "600", "件", "其中热线600件", ""),
        (dated, "intake", "网络", "", "items", "400", "件", "网络400件", ""),
        (dated, "category", "市容管理", "", "items", "200", "件", "市容管理200件", ""),
        (
            dated,
            "category",
            "市容管理",
            "",
            "share_of_unstated_whole_pct",
            "20.00",
            "%",
            "市容管理200件,占20.00%",
            "未说明",
        ),
        (dated, "category", "交通管理", "", "items", "100", "件", "交通管理100件", ""),
        (
            dated,
            "category",
            "交通管理",
            "",
            "share_of_unstated_whole_pct",
            "10.00",
            "%",
            "交通管理100件,占10.00%",
            "未说明",
        ),
        (dated, "category", "物业管理", "", "share_of_unstated_whole_pct", "15.00", "%", "物业管理占15.00%", "未说明"),
        (dated, "category_channel", "热线", "市容管理", "items", "150", "件", "热线150件", ""),
        (
            dated,
            "category_channel",
            "热线",
            "市容管理",
            "share_of_parent_pct",
            "75.00",
            "%",
            "热线150件,占该类75.00%",
            "",
        ),
        (
            dated,
            "category_channel",
            "热线",
            "市容管理",
            "share_of_total_pct",
            "15.00",
            "%",
            "占受理总量的15.00%",
            "",
        ),
        (dated, "category_channel", "网络", "市容管理", "items", "50", "件", "网络50件", ""),
        (
            dated,
            "category_channel",
            "网络",
            "市容管理",
            "share_of_parent_pct",
            "25.00",
            "%",
            "网络50件,占该类25.00%",
            "",
        ),
        (undated, "category", "物业管理", "", "items", "36", "件", "上周物业管理投诉最多,有36件", ""),
        (undated, "category", "市容管理", "", "items", "35", "件", "市容管理投诉位居第二,有35件", ""),
        (year_less, "category", "市容管理", "", "items", "6789", "件", "工单数为6789件", ""),
        (year_less, "category", "交通管理", "", "items", "100", "件", "交通管理类100件", ""),
    ]
    _append(
        seeds / "figures" / "printed_figures.csv",
        [
            _csv_line(*period, kind, name, parent, "", measure, "", "", value, unit, phrase, platform, share_of, "")
            for period, kind, name, parent, measure, value, unit, phrase, share_of in figures
        ],
    )
    grouped = (PAGE_LIMITS_GROUPED, "2025-06-01", "2025-06-30", "摘录")
    group_one, group_two = "第一类3个部门", "第二类2个部门"
    # subject_type, subject_zh, measure, value, unit, phrase, share_of_zh, list_group_zh
    grouped_figures = [
        ("intake", group_one, "items", "100", "件", "第一类3个部门的立案数为100件", "", ""),
        ("intake", group_two, "items", "50", "件", "第二类2个部门的立案数为50件", "", ""),
        ("handling_unit", "甲局", "items", "60", "件", "甲局(60件)", "", "第一类"),
        (
            "handling_unit",
            "甲局",
            "share_of_dispatch_group_pct",
            "60.00",
            "%",
            "甲局(60件)占第一类的60.00%",
            group_one,
            "第一类",
        ),
        ("handling_unit", "乙局", "items", "30", "件", "乙局(30件)", "", "第一类"),
        (
            "handling_unit",
            "乙局",
            "share_of_dispatch_group_pct",
            "30.00",
            "%",
            "乙局(30件)占30.00%",
            group_one,
            "第一类",
        ),
        ("handling_unit", "丙局", "items", "10", "件", "丙局(10件)", "", "第一类"),
        (
            "handling_unit",
            "丙局",
            "share_of_dispatch_group_pct",
            "10.00",
            "%",
            "丙局(10件)占10.00%",
            group_one,
            "第一类",
        ),
        ("handling_unit", "丁局", "items", "40", "件", "丁局(40件)", "", "第二类"),
        (
            "handling_unit",
            "丁局",
            "share_of_dispatch_group_pct",
            "80.00",
            "%",
            "丁局(40件)占第二类的80.00%",
            group_two,
            "第二类",
        ),
        ("handling_unit", "戊局", "items", "10", "件", "戊局(10件)", "", "第二类"),
        (
            "handling_unit",
            "戊局",
            "share_of_dispatch_group_pct",
            "25.00",
            "%",
            "戊局(10件)占25.00%",
            group_two,
            "第二类",
        ),
    ]
    _append(
        seeds / "figures" / "printed_figures.csv",
        [
            _csv_line(*grouped, kind, name, "", "", measure, "", "", value, unit, phrase, platform, share_of, group)
            for kind, name, measure, value, unit, phrase, share_of, group in grouped_figures
        ],
    )
    two_splits = (PAGE_LIMITS_TWO_SPLITS, "2025-07-01", "2025-07-31", "摘录")
    # subject_zh, measure, value, unit, phrase
    two_split_figures = [
        ("受理总量", "items", "500", "件", "受理总量500件"),
        ("办结", "items", "450", "件", "当月办结450件"),
        ("办结", "share_of_total_pct", "90.00", "%", "当月办结450件,占90.00%"),
        ("至下月办结", "items", "50", "件", "至下月办结50件"),
        ("已解决", "items", "350", "件", "已解决350件"),
        ("未解决", "items", "140", "件", "未解决140件"),
    ]
    _append(
        seeds / "figures" / "printed_figures.csv",
        [
            _csv_line(*two_splits, "intake", name, "", "", measure, "", "", value, unit, phrase, platform, "", "")
            for name, measure, value, unit, phrase in two_split_figures
        ],
    )
    rates = (PAGE_LIMITS_RATES, "2025-08-01", "2025-08-31", "摘录")
    # subject_type, subject_zh, measure, value, unit, phrase
    rate_figures = [
        ("intake", "受理总量", "items", "420", "件", "受理总量420件"),
        ("intake", "受理总量", "yoy_change_items", "70", "件", "同比增加70件"),
        ("intake", "受理总量", "yoy_change_pct", "20.00", "%", "同比增加70件,增幅20.00%"),
        ("service_quality", "受理总量", "direct_reply_rate_pct", "71.43", "%", "受理总量420件,直办率71.43%"),
        ("district_total", "各区", "items", "336", "件", "各区的立案总数为336件"),
        ("district_total", "各区", "share_of_total_pct", "80.00", "%", "各区的立案总数为336件,占受理总量的80.00%"),
        ("service_quality", "全市", "overdue_completed_items", "3", "件", "超期已办理工单3件"),
        ("handling_unit", "甲局", "overdue_completed_items", "1", "件", "甲局1件"),
        ("handling_unit", "乙局", "overdue_completed_items", "2", "件", "乙局2件"),
    ]
    _append(
        seeds / "figures" / "printed_figures.csv",
        [
            _csv_line(*rates, kind, name, "", "", measure, "", "", value, unit, phrase, platform, "", "")
            for kind, name, measure, value, unit, phrase in rate_figures
        ],
    )
    # subject_type, subject_zh, measure, value, unit, phrase, share_of_zh
    across_figures = [
        (
            PAGE_LIMITS_ACROSS_TYPES,
            "09",
            "30",
            "district_total",
            "各区",
            "items",
            "300",
            "件",
            "各区的立案数为300件",
            "",
        ),
        (
            PAGE_LIMITS_ACROSS_TYPES,
            "09",
            "30",
            "district_total",
            "各区",
            "share_of_unprinted_total_pct",
            "60.00",
            "%",
            "各区的立案数为300件,占当月立案总数的60.00%",
            "未说明",
        ),
        (
            PAGE_LIMITS_ACROSS_TYPES,
            "09",
            "30",
            "intake",
            "市职能部门",
            "items",
            "100",
            "件",
            "市职能部门的立案数为100件",
            "",
        ),
        (
            PAGE_LIMITS_ACROSS_TYPES,
            "09",
            "30",
            "intake",
            "市职能部门",
            "share_of_unprinted_total_pct",
            "20.00",
            "%",
            "市职能部门的立案数为100件,占当月立案总数的20.00%",
            "未说明",
        ),
        (PAGE_LIMITS_ACROSS_TYPES, "09", "30", "intake", "其他部门", "items", "50", "件", "其他部门的立案数为50件", ""),
        (
            PAGE_LIMITS_ACROSS_TYPES,
            "09",
            "30",
            "intake",
            "其他部门",
            "share_of_unprinted_total_pct",
            "10.00",
            "%",
            "其他部门的立案数为50件,占当月立案总数的10.00%",
            "未说明",
        ),
        (
            PAGE_LIMITS_ACROSS_TYPES_APART,
            "10",
            "31",
            "district_total",
            "各区",
            "items",
            "300",
            "件",
            "各区的立案数为300件",
            "",
        ),
        (
            PAGE_LIMITS_ACROSS_TYPES_APART,
            "10",
            "31",
            "district_total",
            "各区",
            "share_of_unprinted_total_pct",
            "60.00",
            "%",
            "各区的立案数为300件,占当月立案总数的60.00%",
            "未说明",
        ),
        (
            PAGE_LIMITS_ACROSS_TYPES_APART,
            "10",
            "31",
            "intake",
            "市职能部门",
            "items",
            "100",
            "件",
            "市职能部门的立案数为100件",
            "",
        ),
        (
            PAGE_LIMITS_ACROSS_TYPES_APART,
            "10",
            "31",
            "intake",
            "市职能部门",
            "share_of_unprinted_total_pct",
            "25.00",
            "%",
            "市职能部门的立案数为100件,占当月立案总数的25.00%",
            "未说明",
        ),
        *(
            (PAGE_LIMITS_BY_SOURCE, "11", "30", "handling_unit", unit, measure, value, "件", row, "")
            for unit, row, values in (
                ("甲局", "甲局 | 40 | 15 | 5 | 60", ("40", "15", "5", "60")),
                ("乙局", "乙局 | 20 | 5 | 4 | 30", ("20", "5", "4", "30")),
            )
            for measure, value in zip(
                ("public_report_items", "inspector_report_items", "video_patrol_items", "items"), values, strict=True
            )
        ),
        (PAGE_LIMITS_ALIAS, "12", "31", "category", "“物业”管理", "items", "70", "件", "“物业”管理问题70件", ""),
    ]
    _append(
        seeds / "figures" / "printed_figures.csv",
        [
            _csv_line(
                source,
                f"2025-{month}-01",
                f"2025-{month}-{last}",
                "摘录",
                kind,
                name,
                "",
                "",
                measure,
                "",
                "",
                value,
                unit,
                phrase,
                platform,
                share_of,
                "",
            )
            for source, month, last, kind, name, measure, value, unit, phrase, share_of in across_figures
        ],
    )
    group = (PAGE_LIMITS_GROUP, "2024-06-01", "2024-06-30", "摘录")
    three = "市容管理、交通管理、物业管理三类诉求合计占比超五成"
    two = "市容管理、交通管理两类诉求合计占比近三成"
    # subject_type, subject_zh, measure, approximation, value, unit, phrase
    group_figures = [
        ("intake", "受理总量", "items", "", "1000", "件", "受理总量1000件"),
        ("category", "市容管理", "items", "", "250", "件", "市容管理250件"),
        ("category", "市容管理", "share_of_total_pct", "", "25.00", "%", "市容管理250件,占25.00%"),
        ("category", "交通管理", "items", "", "150", "件", "交通管理150件"),
        ("category", "交通管理", "share_of_total_pct", "", "15.00", "%", "交通管理150件,占15.00%"),
        ("category", "物业管理", "items", "", "120", "件", "物业管理120件"),
        ("category", "物业管理", "share_of_total_pct", "", "12.00", "%", "物业管理120件,占12.00%"),
        ("category_group", "三类诉求", "share_of_total_pct", "超", "五", "成", three),
        ("category_group", "两类诉求", "share_of_total_pct", "近", "三", "成", two),
    ]
    _append(
        seeds / "figures" / "printed_figures.csv",
        [
            _csv_line(*group, kind, name, "", "", measure, approximation, "", value, unit, phrase, platform, "", "")
            for kind, name, measure, approximation, value, unit, phrase in group_figures
        ],
    )
    _append(
        seeds / "figures" / "printed_part_claims.csv",
        [
            _csv_line("category_group_members", *group, "category_group", name, "category", member, phrase)
            for name, members, phrase in (
                ("三类诉求", ("市容管理", "交通管理", "物业管理"), three),
                ("两类诉求", ("市容管理", "交通管理"), two),
            )
            for member in members
        ],
    )
    _append(
        seeds / "sources" / "complete_splits.csv",
        [
            _csv_line(
                PAGE_LIMITS_TWO_SPLITS, platform, "2025-07-01", "2025-07-31", "ticket_status", "2", "", note, members
            )
            for note, members in (
                ("办结 + 至下月办结: every item, done or carried over.", "办结、至下月办结"),
                ("已解决 + 未解决: every item, resolved or not.", "已解决、未解决"),
            )
        ],
    )
    _append(
        seeds / "audit" / "known_discrepancies.csv",
        [_csv_line(check_id, "a test", "") for check_id in PAGE_LIMITS_GROUPED_FINDINGS],
    )
    claims = [
        (undated, "物业管理", "1", "上周物业管理投诉最多"),
        (undated, "市容管理", "2", "市容管理投诉位居第二"),
        (year_less, "市容管理", "1", "涉及市容管理类投诉最多"),
    ]
    _append(
        seeds / "figures" / "printed_ranking_claims.csv",
        [
            _csv_line(*period, "category", name, "", "items", "largest_first", rank, phrase)
            for period, name, rank, phrase in claims
        ],
    )
