"""A made-up hotline whose pages print what the model once could not hold, added to a copy of the seeds as rows
alone (issue 25, item 5):

- a category printed with its share and no count (物业管理,占15.00%): fct_category_volume holds it with its items
  unknown, and the share-list check of its list (a list whose whole the page does not say, 未说明) names it;
- a category's items by channel with their shares, of the category and of the total (其中热线150件,占该类75.00%,
  占受理总量的15.00%): each share has one check, though a channel of the intake has the same code;
- ranking claims on a page that prints no dates (上周…投诉最多) and on one that prints no year (6月…最多): each
  claim meets its figures and is checked.

Every count is chosen so that every printed share and claim fits exactly; the statuses in
MADE_UP_PAGE_LIMITS_CHECKS are worked by hand from the texts below, not read from the build."""

from __future__ import annotations

from pathlib import Path

from .made_up_platform import _append, _csv_line

PAGE_LIMITS_PLATFORM = "made_up_limits_12345"
PAGE_LIMITS_DATED = "made_up_limits_2025"
PAGE_LIMITS_UNDATED = "made_up_limits_undated_week"
PAGE_LIMITS_YEAR_LESS = "made_up_limits_june"

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
}

# (check kind, subject as the audit names it, the check's formula contains) → status, worked by hand above
MADE_UP_PAGE_LIMITS_CHECKS = {
    ("share", "热线", "parent:items"): "consistent",
    ("share", "热线", "intake:total.all"): "consistent",
    ("share", "网络", "parent:items"): "consistent",
    ("rank", "物业管理", f"undated ({PAGE_LIMITS_UNDATED})"): "consistent",
    ("rank", "市容管理", f"undated ({PAGE_LIMITS_UNDATED})"): "consistent",
    ("rank", "市容管理", f"undated ({PAGE_LIMITS_YEAR_LESS}): --06-01..--06-30"): "consistent",
}


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
        ],
    )
    _append(
        reference / "ref_aggregate_subjects.csv",
        [
            f"{platform},category_channel,热线,channel.hotline,The hotline (a category's items by channel)",
            f"{platform},category_channel,网络,channel.online,Online (a category's items by channel)",
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
        (dated, "category", "市容管理", "", "share_of_total_pct", "20.00", "%", "市容管理200件,占20.00%", "未说明"),
        (dated, "category", "交通管理", "", "items", "100", "件", "交通管理100件", ""),
        (dated, "category", "交通管理", "", "share_of_total_pct", "10.00", "%", "交通管理100件,占10.00%", "未说明"),
        (dated, "category", "物业管理", "", "share_of_total_pct", "15.00", "%", "物业管理占15.00%", "未说明"),
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
            _csv_line(*period, kind, name, parent, "", measure, "", "", value, unit, phrase, platform, share_of)
            for period, kind, name, parent, measure, value, unit, phrase, share_of in figures
        ],
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
