"""`hotline12345 extract`: the pattern functions on small strings, the extractor on short passages and on the
bulletins the project wrote itself (tests/python/bulletins/, made-up figures in every layout real pages use),
determinism, every proposed phrase standing in its bulletin, and the score's arithmetic.

How well it reads real pages is measured, not asserted here: the pages' texts are not in the repository, so
`hotline12345 extract-score` (the last section of `make bench`) runs where a user has saved them."""

from __future__ import annotations

import csv
import io
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT

from hotline12345.cli import main
from hotline12345.extract import extract_text, write_rows
from hotline12345.extract.document import heading_of, pipe_cells, section_name, split_document
from hotline12345.extract.extractor import Extractor
from hotline12345.extract.patterns import (
    chinese_numeral_value,
    find_numbers,
    is_bare_number,
    number_pattern,
    numeric_value,
    signed,
)
from hotline12345.extract.references import Name, load_references, read_csv
from hotline12345.extract.score import score_rows, score_sources, total
from hotline12345.extract.vocabulary import name_key, simplified

SEEDS = ROOT / "seeds"
BULLETINS = Path(__file__).parent / "bulletins"
# The made-up bulletins' platform: on record nowhere, so only the shared vocabulary's names are known.
MADE_UP_PLATFORM = "made_up_bulletins"
REPORT_2022 = "bj12345_annual_report_2022"
UNITS = ["万件", "万", "件", "%", "倍", "个", "亿件", "亿", "成", "条"]
PATTERN = number_pattern(UNITS, ["约", "近", "突破", "超"], ["余"])


def numbers(text: str) -> list[tuple[str, str, str]]:
    return [(found.value_printed, found.unit, found.wording) for found in find_numbers(text, PATTERN)]


def rows_for(text: str, source_id: str = REPORT_2022) -> list[dict[str, str]]:
    return extract_text(text, SEEDS, source_id).rows


def made_up_rows(text: str) -> list[dict[str, str]]:
    return extract_text(text, SEEDS, "made_up", MADE_UP_PLATFORM).rows


def made_up_rates(text: str) -> list[tuple[str, str, str]]:
    """The percentages proposed from a made-up text: (subject, measure, value) in the order printed."""
    return [
        (row["subject_zh"], row["measure"], row["value_printed"])
        for row in made_up_rows(text)
        if row["unit_printed"] == "%"
    ]


def squeeze(text: str) -> str:
    return re.sub(r"\s+", "", text)


# -- pattern functions ---------------------------------------------------------------------------------------------


def test_counts_shares_and_rates_with_their_units() -> None:
    assert numbers("共受理群众反映 7592.4 万件，同比上升 411.01%，占比 11.64%") == [
        ("7592.4", "万件", ""),
        ("411.01", "%", ""),
        ("11.64", "%", ""),
    ]
    assert numbers("受理群众和企业反映1.41亿件") == [("1.41", "亿件", "")]
    assert numbers("共受理群众诉求1,620,949件") == [("1,620,949", "件", "")]


def test_approximate_wordings_before_and_after() -> None:
    assert numbers("东城区共承办诉求约 29.1 万件") == [("29.1", "万件", "约")]
    assert numbers("近450万件诉求派单到各机构办理") == [("450", "万件", "近")]
    assert numbers("全年受理量突破1100万件") == [("1100", "万件", "突破")]
    assert numbers("受理反映总量1120余万件") == [("1120", "万件", "余")]


def test_chinese_numerals_with_multiples_and_tenths_only() -> None:
    assert numbers("单月受理量提升约八倍") == [("八", "倍", "约")]
    assert numbers("中心城区办理量近六成") == [("六", "成", "近")]
    assert numbers("占十六区承办总量的") == []
    assert numbers("这一成绩的取得，离不开各承办单位") == []
    assert numbers("服务标准一成不变") == []
    assert numbers("满意的约七成，不满意的一成。") == [("七", "成", "约"), ("一", "成", "")]
    assert numbers("一个问题") == []
    assert chinese_numeral_value("十六") == 16
    assert chinese_numeral_value("一体") is None
    assert numeric_value("八") == 8
    assert numeric_value("-26.34") == numeric_value("-26.340")


def test_dates_issue_numbers_and_the_hotline_number_are_not_figures() -> None:
    assert numbers("2018年12月8日民情播报(2018年度第47期)") == []
    assert numbers("发布时间: 2018-12-21，12月1日—8日") == []
    assert numbers("12345 热线共受理") == []
    assert numbers("坚持7×24 小时不间断受理，咨询电话0513-12345678") == []
    assert numbers("第47件") == []
    assert numbers("2021年前11个月") == []


def test_a_cells_unit_is_its_own_never_the_next_cells() -> None:
    """In a row of cells apart by spaces the word after a number is the next cell's name, even when it begins with a
    unit's character (7.6 个人事务); in prose a spaced unit stays the number's own (2.8 万件和 3.6 万件)."""
    assert numbers("居民生活 1135 7.6 个人事务 387 2.6 其他") == []
    assert numbers("分别为 2.8 万件和 3.6 万件，其他月份") == [("2.8", "万件", ""), ("3.6", "万件", "")]
    assert numbers("个人事务 387 2.6 个 其他 12 3") == [("2.6", "个", "")]


def test_a_count_in_a_chinese_numeral_is_a_figure_a_deadline_or_a_task_is_not() -> None:
    assert numbers("咨询类1323件、求助类两件、投诉类136件") == [("1323", "件", ""), ("两", "件", ""), ("136", "件", "")]
    assert numbers("两个工作日内办结，办好十件实事，一件一件抓，三件事") == []
    assert chinese_numeral_value("两") == 2


def test_a_list_after_respectively_shares_the_unit_printed_after_its_last_number() -> None:
    assert numbers("同比分别提高4.44、2.75%") == [("4.44", "%", ""), ("2.75", "%", "")]
    assert numbers("分别比去年增加12和7个") == [("12", "个", ""), ("7", "个", "")]
    assert numbers("3、4月份共受理120件") == [("120", "件", "")]  # no 分别: 3 is a month's


def test_a_count_printed_without_its_unit_before_its_share_is_a_count() -> None:
    assert numbers("公共服务类374,占比5.0%") == [("374", "件", ""), ("5.0", "%", "")]
    assert numbers("天宁区2024个,占35.03%;武进区1266,占21.91%") == [
        ("2024", "个", ""),
        ("35.03", "%", ""),
        ("1266", "个", ""),
        ("21.91", "%", ""),
    ]
    assert numbers("2024年,占比") == []  # a year is no name's count


def test_a_magnitude_its_wording_and_what_is_counted_are_one_unit() -> None:
    assert numbers("受理办件402万余件，日均1.1万件，表扬2.9万余件") == [
        ("402", "万件", "余"),
        ("1.1", "万件", ""),
        ("2.9", "万件", "余"),
    ]
    rows = made_up_rows("共收到市民表扬2.9万多件。")
    assert [(row["value_printed"], row["unit_printed"], row["approximation_zh"]) for row in rows] == [
        ("2.9", "万件", "多")
    ]


def test_a_table_listing_tickets_by_their_numbers_holds_no_figures() -> None:
    text = (
        "本月共受理工单520件。\n抽查不满意工单\n单 位 |\n工单内容 |\n工单号 |\n不满意原因 |\n"
        "水务局 |\n停水 |\n204417 |\n未回复 |\n城管局 |\n占道经营 |\n205903 |\n未处理 |"
    )
    assert [pick(row)[2:] for row in made_up_rows(text)] == [("520", "件")]


def test_the_size_of_a_change_just_named_is_that_change_of_the_same_subject() -> None:
    rows = made_up_rows("本月共受理咨询类诉求820件，同比减少45件，减幅5.20%。投诉类诉求环比增加12件，增幅3.10%。")
    changes = [(row["subject_zh"], row["measure"], row["value_printed"]) for row in rows if row["unit_printed"] == "%"]
    assert changes == [("咨询类诉求", "yoy_change_pct", "-5.20"), ("投诉类", "pop_change_pct", "3.10")]


def test_a_time_of_day_is_not_a_figure() -> None:
    assert numbers("• 2031年10月08日 09时12分，10点05分20秒") == []
    stored_in_traditional = (
        "8月24日上午8時31分，市民來電反映晚班車21時16分發車，學生走到車站需要7分鐘左右。本月考評得分96分。"
    )
    assert [pick(row)[2:] for row in made_up_rows(stored_in_traditional)] == [("96", "分")]
    assert [pick(row)[2:] for row in made_up_rows("发布时间：2031年3月1日 16时40分。本月考评得分96分。")] == [
        ("96", "分")
    ]


def test_a_web_pages_own_counters_are_not_figures() -> None:
    rows = made_up_rows("发布时间：2031-01-01 12次浏览 已有3人发表了评论 本月受理诉求120件。")
    assert [pick(row)[2:] for row in rows] == [("120", "件")]


def test_topics_ranked_by_attention_are_the_hotlines_own() -> None:
    rows = made_up_rows("今年1至4月，关注度前三位的热点话题为：房产管理1677件、机动车管理1314件、社区管理1018件。")
    assert [pick(row)[2:] for row in rows] == [("1677", "件"), ("1314", "件"), ("1018", "件")]
    assert made_up_rows("政务微信公众号关注度达到3200人次。") == []


def test_figures_of_other_bodies_beside_the_line_are_not_its_own() -> None:
    text = (
        "全年热线共受理投诉3100件。发挥消协组织作用，共受理调解投诉512件。建成消费维权服务站77个，9家企业参与。"
        "共查办民生领域案件430件。全国政务热线质量评估报告涉及208个城市，评为A级的有19个城市。"
        "经调查处理，办结工单260件。"
    )
    assert [pick(row)[2:] for row in made_up_rows(text)] == [("3100", "件"), ("260", "件")]


def test_one_rate_said_of_a_class_that_names_its_members() -> None:
    text = "回访满意率为100%的单位有：县甲局、县乙局、县丙局。满意率95%以上的部门有：县丁局、县戊局。"
    rows = made_up_rows(text)
    assert [(row["subject_zh"], row["measure"], row["value_printed"]) for row in rows] == [
        ("县甲局", "satisfaction_rate_pct", "100"),
        ("县乙局", "satisfaction_rate_pct", "100"),
        ("县丙局", "satisfaction_rate_pct", "100"),
    ]
    cut = made_up_rows("按时办结率为100%的部门有：县甲局、县乙局、县丙")  # the copy ends inside the last name
    assert [row["subject_zh"] for row in cut] == ["县甲局", "县乙局"]


def test_a_rules_thresholds_are_no_figures() -> None:
    text = "本月受理诉求820件。对重办2次以上仍未解决、转办4个以上无单位牵头办理的诉求，列入疑难工单。"
    assert [pick(row)[2:] for row in made_up_rows(text)] == [("820", "件")]


def test_a_count_of_hotline_telephones_is_the_networks_whoever_set_them_up() -> None:
    rows = made_up_rows("市信访局在市、县两级设立了120多部信访热线电话，昼夜为群众服务。")
    assert [(row["subject_zh"], row["measure"], row["value_printed"], row["unit_printed"]) for row in rows] == [
        ("信访热线电话", "resource_count", "120", "部")
    ]
    assert made_up_rows("市信访局全年受理来访群众430人次。") == []  # another system's figure still


def test_bodies_that_have_all_opened_the_line_are_its_network() -> None:
    rows = made_up_rows("全市共有27个乡镇、街道都开通了便民热线，形成覆盖全市的服务网络。")
    assert [(row["measure"], row["value_printed"], row["unit_printed"]) for row in rows] == [
        ("resource_count", "27", "个")
    ]


def test_a_sites_navigation_trail_is_not_read() -> None:
    text = "首页 >> 政务公开 >> 12366通\n您当前的位置:首页 >> 城管之窗 >> 12366通报 >> 内容\n本月共受理来电320通。"
    assert [pick(row)[2:] for row in made_up_rows(text)] == [("320", "通")]


def test_a_fall_is_written_with_a_minus_sign() -> None:
    assert signed("26.34", falls=True) == "-26.34"
    assert signed("-1.47", falls=True) == "-1.47"
    assert signed("26.34", falls=False) == "26.34"


def test_headings_and_sections() -> None:
    first, second, third = (
        heading_of("三、群众诉求办理情况"),
        heading_of("（一）区及街道乡镇承办情况"),
        heading_of("1.东城区"),
    )
    assert first and second and third
    assert section_name([first, second, third]) == "三、（一）1.东城区"
    assert heading_of("1.2023年10月,受理宜春下派工单1905件") is None
    assert heading_of("市场管理类问题 97.1 万件，同比下降 26.34%") is None


def test_table_cells() -> None:
    assert pipe_cells(["38447 |", "电话 |", "|", "90.67% |"]) == ["38447", "电话", "", "90.67%"]
    assert is_bare_number("90.67%") and is_bare_number("-1.47%") and is_bare_number("38447")
    assert not is_bare_number("110接警")


def test_a_pdf_text_runs_on_and_a_web_text_keeps_its_paragraphs() -> None:
    wrapped = "12345\n\n热线共受理群众反映\n\n1\n\n7592.4 万件。\n\n"
    assert [part.text for part in split_document(wrapped)] == ["12345热线共受理群众反映7592.4 万件。"]
    web = "诉求1301万件\n咨询1833万件\n"
    assert [part.text for part in split_document(web)] == ["诉求1301万件\n咨询1833万件"]


# -- the extractor on short passages -------------------------------------------------------------------------------


def pick(row: dict[str, str]) -> tuple[str, str, str, str]:
    return row["subject_zh"], row["measure"], row["value_printed"], row["unit_printed"]


def test_a_category_its_change_and_its_subcategories() -> None:
    rows = rows_for(
        "（一）市场管理\n市场管理类问题 97.1 万件，同比下降 26.34%，主要反映网络交易（58.2 万件）、服务质量（2.7 万件）等问题。"
    )
    assert [pick(row) for row in rows] == [
        ("市场管理", "items", "97.1", "万件"),
        ("市场管理", "yoy_change_pct", "-26.34", "%"),
        ("网络交易", "items", "58.2", "万件"),
        ("服务质量", "items", "2.7", "万件"),
    ]
    assert [row["subject_type"] for row in rows] == ["category", "category", "subcategory", "subcategory"]
    assert [row["parent_zh"] for row in rows[2:]] == ["市场管理", "市场管理"]
    assert [row["list_position"] for row in rows] == ["1", "1", "1", "2"]


def test_respectively_pairs_each_rate_with_its_number() -> None:
    rows = rows_for("全市诉求解决率、满意率分别提升至 92.72%和 93.63%。")
    assert [pick(row) for row in rows] == [
        ("全市", "resolution_rate_pct", "92.72", "%"),
        ("全市", "satisfaction_rate_pct", "93.63", "%"),
    ]


def test_a_share_takes_its_kind_from_the_part_or_from_what_it_is_of() -> None:
    rows = rows_for("东城区共承办诉求约 29.1 万件，占全市各区承办的 4.13%，其中，区级部门承办 19.4 万件，占比 66.67%。")
    assert [pick(row) for row in rows] == [
        ("东城区", "items", "29.1", "万件"),
        ("东城区", "share_of_districts_pct", "4.13", "%"),
        ("东城区", "district_department_items", "19.4", "万件"),
        ("东城区", "district_department_share_pct", "66.67", "%"),
    ]
    assert rows[0]["approximation_zh"] == "约"


def test_a_table_with_cell_marks() -> None:
    text = "责任单位 |\n转派工单 |\n占比 |\n同比 |\n市直单位 |\n2013 |\n11.11% |\n-1.47% |\n"
    rows = rows_for(text)
    assert [pick(row) for row in rows] == [
        ("市直单位", "items", "2013", "件"),
        ("市直单位", "share_of_total_pct", "11.11", "%"),
        ("市直单位", "yoy_change_pct", "-1.47", "%"),
    ]


def test_a_name_not_on_record_is_proposed_not_guessed() -> None:
    proposal = extract_text("夜间来电23898件，环比上升0.46%。", SEEDS, REPORT_2022)
    assert [pick(row) for row in proposal.rows] == [
        ("夜间来电", "items", "23898", "件"),
        ("夜间来电", "pop_change_pct", "0.46", "%"),
    ]
    columns, new_members = proposal.new_names["ref_intake_members"]
    assert columns == read_csv(SEEDS / "reference" / "ref_intake_members.csv")[0]
    assert new_members == [
        {column: "" for column in columns}
        | {"platform_code": "beijing_12345", "subject_zh": "夜间来电", "member_name_zh": "夜间来电"}
    ]
    # pop_change_pct is on record (ref_measures) since the other hotlines' bulletins: it is not proposed again
    assert "ref_measures" not in proposal.new_names


def test_names_resolve_within_the_platform() -> None:
    assert load_references(SEEDS, "beijing_12345").lookup("朝阳区")
    assert not load_references(SEEDS, "no_such_platform").lookup("朝阳区")


def test_a_table_stored_column_by_column() -> None:
    text = "按属地划分:\n属地\n海安市\n如皋市\n合计\n数量\n25\n33\n58\n"
    rows = rows_for(text)
    assert [pick(row) for row in rows] == [
        ("海安市", "items", "25", "件"),
        ("如皋市", "items", "33", "件"),
        ("合计", "items", "58", "件"),
    ]


def test_a_table_in_two_halves_with_its_title_in_a_cell() -> None:
    text = "| 各县工单数量、考评得分及排名表 | ||| 单位 | 总工单数 | 得分 | 排名 | 单位 | 总工单数 | 得分 | 排名 | 甲县 | 1200 | 98.5 | 1 | 乙县 | 900 | 97.25 | 2 |\n"
    rows = rows_for(text)
    assert [pick(row) for row in rows] == [
        ("甲县", "items", "1200", "件"),
        ("甲县", "assessment_score_points", "98.5", "分"),
        ("乙县", "items", "900", "件"),
        ("乙县", "assessment_score_points", "97.25", "分"),
    ]


def test_a_list_of_names_over_as_many_numbers_without_headers() -> None:
    rows = rows_for("分类情况如下:\n占道经营\n商业噪音\n路灯亮化\n2\n7\n4\n二、其他\n")
    assert [pick(row) for row in rows] == [
        ("占道经营", "items", "2", "件"),
        ("商业噪音", "items", "7", "件"),
        ("路灯亮化", "items", "4", "件"),
    ]
    assert rows[0]["source_phrase"] == "占道经营 … 2"


def test_cue_words_in_traditional_characters_and_after_the_number() -> None:
    rows = rows_for("社會保險訴求環比下降5.43%。市房地产服务中心6件延迟回复。")
    assert [pick(row) for row in rows] == [
        ("社会保险", "pop_change_pct", "-5.43", "%"),  # printed 社會保險: the name on record
        ("市房地产服务中心", "late_reply_items", "6", "件"),
    ]


def test_a_rate_without_its_own_subject_is_the_platforms() -> None:
    rows = rows_for("公众来电2846件，回访综合满意率89.20 %。")
    assert [pick(row) for row in rows] == [
        ("公众来电", "items", "2846", "件"),
        ("全市", "satisfaction_rate_pct", "89.20", "%"),
    ]


def test_a_count_of_bodies_or_a_place_in_a_ranking_is_not_a_figure() -> None:
    rows = rows_for("全市5个区、13个部门参与办理，前8名单位均已办结。市民来电4122个。")
    assert [pick(row) for row in rows] == [("市民来电", "items", "4122", "个")]


def test_a_count_of_named_bodies_or_of_companies_is_not_a_figure() -> None:
    text = "9个相关责任单位的立项数为291件。56家承办单位中A类50家。在全国334个城市中排名第一，等4个指标上升。"
    assert [pick(row)[2:] for row in made_up_rows(text)] == [("291", "件")]


def test_a_standard_a_threshold_or_a_bound_is_not_a_figure() -> None:
    text = "有8个单位满意率低于市上要求的最低标准85%，按时回复率低于80%，考评得分在99分以上的单位有12个。受理300件。"
    assert [pick(row)[2:] for row in made_up_rows(text)] == [("300", "件")]


def test_a_clause_with_its_verb_or_a_superlative_is_not_a_subject() -> None:
    text = "话务员张军共接听市民来电80件。召开协调会议10次。包括上周7件。最低的“按时回复率”也达到98.47%。"
    assert [row["subject_zh"] for row in made_up_rows(text)][:3] == ["", "", ""]
    assert made_up_rows(text)[3]["subject_type"] == "service_quality"


def test_a_unit_named_in_its_own_clause_is_the_subject_not_the_one_before() -> None:
    rows = made_up_rows("其中，市城管局占16.15%，海滨联通公司占7.46%，市公安局占2.28%。")
    assert [row["subject_zh"] for row in rows] == ["市城管局", "海滨联通公司", "市公安局"]


def test_what_was_received_is_the_subject_when_no_receiver_is_named() -> None:
    rows = made_up_rows("虚构县12345热线情况通报\n本周共受理夜间来电1200件。噪声扰民类150件，占12.50%。")
    assert [pick(row) for row in rows] == [
        ("夜间来电", "items", "1200", "件"),
        ("噪声扰民类", "items", "150", "件"),
        ("噪声扰民类", "share_of_total_pct", "12.50", "%"),
    ]


def test_a_figure_in_brackets_is_the_name_before_it() -> None:
    rows = made_up_rows("本月工单总量排名前3位的是海棠镇(39件)、青松镇(34件)和市教育局(25件)。")
    assert [(row["subject_type"], row["subject_zh"], row["value_printed"]) for row in rows] == [
        ("handling_unit", "海棠镇", "39"),
        ("handling_unit", "青松镇", "34"),
        ("handling_unit", "市教育局", "25"),
    ]


def test_a_table_column_of_a_rate_no_cue_names_is_its_own_rate() -> None:
    text = "单位 | 工单数 | 按时办结率 | 发回重办率 |\n市教育局 | 247 | 99.60% | 5.26% |\n"
    proposal = extract_text(text, SEEDS, "made_up", MADE_UP_PLATFORM)
    assert [pick(row)[1:] for row in proposal.rows] == [
        ("items", "247", "件"),
        ("on_time_completion_rate_pct", "99.60", "%"),
        ("", "5.26", "%"),
    ]
    assert [row["measure_description_en"] for row in proposal.new_names["ref_measures"][1]] == [
        "A rate printed as 发回重办率"
    ]


def test_a_table_columns_head_names_the_measure_of_its_counts() -> None:
    """承办件数 | 办结数 | 在办数 | 超时未办数: each column its own measure (made-up units and figures), one cell a line
    as a page stores it; a head no cue names (承办件数) counts items."""
    heads = ["承办单位", "承办件数", "办结数", "在办数", "超时未办数"]
    cells = [*heads, "虚构区人民政府", "40", "31", "7", "2", "虚构县人民政府", "12", "12", "0", "0"]
    text = "虚构市8月各承办单位信件办理情况统计表\n\n" + "\n\n".join(cells) + "\n"
    assert sorted(pick(row) for row in made_up_rows(text)) == sorted(
        [
            ("虚构区人民政府", "items", "40", "件"),
            ("虚构区人民政府", "completed_items", "31", "件"),
            ("虚构区人民政府", "uncompleted_items", "7", "件"),
            ("虚构区人民政府", "overdue_items", "2", "件"),
            ("虚构县人民政府", "items", "12", "件"),
            ("虚构县人民政府", "completed_items", "12", "件"),
            ("虚构县人民政府", "uncompleted_items", "0", "件"),
            ("虚构县人民政府", "overdue_items", "0", "件"),
        ]
    )
    # in prose the same words are no column's: 办结30件 is a count of what was completed, as before
    assert [pick(row)[1] for row in made_up_rows("本月受理诉求50件，办结30件。")] == ["items", "items"]


def test_a_lists_shares_keep_the_whole_its_first_share_names() -> None:
    rows = made_up_rows("其中海棠区587件，占五个区立项数的34.63%；青松区468件，占27.61%。")
    assert [pick(row)[1:3] for row in rows] == [
        ("items", "587"),
        ("share_of_districts_pct", "34.63"),
        ("items", "468"),
        ("share_of_districts_pct", "27.61"),
    ]


def test_a_name_keeps_what_it_prints_and_drops_what_the_count_is_of() -> None:
    text = "视频巡查问题405件。转其他部门的立项数为173件。13个市职能部门的立项数为809件。"
    assert [row["subject_zh"] for row in made_up_rows(text)] == ["视频巡查问题", "转其他部门", "13个市职能部门"]


def test_this_kind_is_the_subject_named_before() -> None:
    rows = made_up_rows("重复投诉工单99件，此类工单满意率75.86%；停气停电类25件，此类工单12件已回访。")
    assert [row["subject_zh"] for row in rows][-1] == "停气停电类"
    assert "此类工单" not in {row["subject_zh"] for row in rows}


def test_a_figure_cut_short_is_not_read_and_one_after_a_cut_mark_is() -> None:
    rows = rows_for("较上月提高0.50个百...\n...1200件已办结。")
    assert [row["value_printed"] for row in rows] == ["1200"]


def test_a_rate_is_never_a_count_and_an_unknown_one_is_proposed() -> None:
    proposal = extract_text("全县诉求化解率98.00%，签收工单300件。", SEEDS, "made_up", MADE_UP_PLATFORM)
    # 全县: the page's word for the platform as a whole, held by the shared name on record (全市), as hand rows hold it
    assert next((row["subject_type"], row["subject_zh"], row["measure"]) for row in proposal.rows) == (
        "service_quality",
        "全市",
        "",
    )
    measures = proposal.new_names["ref_measures"][1]
    assert [(row["measure"], row["normalised_unit"], row["measure_description_en"]) for row in measures] == [
        ("", "percent", "A rate printed as 化解率")
    ]
    assert rows_for("结案率97%，回访率40.00%。")[0]["measure"] == "completion_rate_pct"


def test_rates_and_a_days_average_named_by_their_cues() -> None:
    """Made-up figures: 按期签收率, 办理率 and 总体满意度 (總體滿意度) are rates on record, 平均每天 a day's average, in 个
    as in 件."""
    rows = made_up_rows("按期签收率99.50%，办理率80.25%，总体满意度97.10%。平均每天呼入数1234个，平均每日受理56件。")
    assert [(row["measure"], row["value_printed"], row["unit_printed"]) for row in rows] == [
        ("timely_signing_rate_pct", "99.50", "%"),
        ("completion_rate_pct", "80.25", "%"),
        ("satisfaction_rate_pct", "97.10", "%"),
        ("daily_average_items", "1234", "个"),
        ("daily_average_items", "56", "件"),
    ]
    assert [row["measure"] for row in made_up_rows("總體滿意度99.28%。")] == ["satisfaction_rate_pct"]
    # 每天 or 每日 without 平均 is a day's average too (每天接聽電話達200多個), in traditional characters as in simplified
    rows = made_up_rows("目前热线每天接聽來電達321多個，每日受理诉求45件。")
    assert [(row["measure"], row["value_printed"]) for row in rows] == [
        ("daily_average_items", "321"),
        ("daily_average_items", "45"),
    ]


def test_a_rate_in_an_item_of_a_breakdown_is_the_items() -> None:
    """Made-up figures: after 其中， or a ；, a rate with no subject of its own is the item's counted first there (not a
    count of a status, 已办结); a rate in a clause of its own is the platform's, and one right after the total is
    the total's printed name's (诉求), as a rate after any count is (see the next test)."""
    text = (
        "本月共受理诉求900件，办结率97.00%。其中，虚构甲类事项600件，办结率98.00%，满意率99.00%；"
        "虚构乙类事项300件，已办结290件，办结率96.67%；已办结880件，办结率97.78%。"
    )
    assert made_up_rates(text) == [
        ("诉求", "completion_rate_pct", "97.00"),
        ("虚构甲类事项", "completion_rate_pct", "98.00"),
        ("虚构甲类事项", "satisfaction_rate_pct", "99.00"),
        ("虚构乙类事项", "completion_rate_pct", "96.67"),
        ("全市", "completion_rate_pct", "97.78"),
    ]


def test_a_list_items_name_before_its_colon_or_its_receiving_verb_is_the_subject() -> None:
    """Made-up figures: 1.虚构综合：共接收交办件500件 counts the item named before the colon, 2.虚构事业共接收交办件
    300件 the one named before 接收; a hotline named before its colon is no item (what it received is the subject)."""
    text = "1.虚构综合：共接收交办件500件，占总数的50.0%。\n2.虚构事业共接收交办件300件，占总数的30.0%。\n"
    assert sorted(pick(row) for row in made_up_rows(text)) == sorted(
        [
            ("虚构综合", "items", "500", "件"),
            ("虚构综合", "share_of_total_pct", "50.0", "%"),
            ("虚构事业", "items", "300", "件"),
            ("虚构事业", "share_of_total_pct", "30.0", "%"),
        ]
    )
    assert [pick(row)[0] for row in made_up_rows("虚构热线：共受理群众诉求80件。")] == ["群众诉求"]


def test_a_count_of_a_platforms_resources_counts_what_is_named_beside_it() -> None:
    """Made-up figures: seats and staff counted after or before the number are resource counts of what they count
    (60部坐席 → 坐席, 设置座席70个 → 座席, 有受话人员90人 → 受话人员); calls in 个 are no resource."""
    text = "虚构热线现有60部坐席，设置座席70个，目前有受话人员90人，接听电话5000个。"
    assert [pick(row) for row in made_up_rows(text)] == [
        ("坐席", "resource_count", "60", "部"),
        ("座席", "resource_count", "70", "个"),
        ("受话人员", "resource_count", "90", "人"),
        ("接听电话", "items", "5000", "个"),
    ]


def test_the_first_name_of_a_list_opened_by_fenbiewei_is_its_counts_subject() -> None:
    """Made-up figures: 领域前三分别为虚构建设与管理300件、…: the first count is the first name's, not the clause's."""
    text = "留言领域前三分别为虚构建设与管理300件、虚构事务200件、虚构出行100件。"
    assert [pick(row)[0] for row in made_up_rows(text)] == ["虚构建设与管理", "虚构事务", "虚构出行"]


def test_lines_kept_in_parallel_with_the_platforms_are_its_own() -> None:
    """Made-up figures, on a 12345 platform: lines the paragraph says are kept in parallel (留号并行) are the
    platform's, to the paragraph's end; another line in the next paragraph is not."""
    text = "留号并行热线电话中，12333社保热线共接听来电300次；12348法律热线共解答咨询50次。\n12320卫生热线共接听来电70次。\n"
    rows = extract_text(text, SEEDS, "made_up", "made_up_12345").rows
    assert [(row["value_printed"], row["unit_printed"]) for row in rows] == [("300", "次"), ("50", "次")]


def test_zhan_in_a_word_of_its_own_is_no_share() -> None:
    """Made-up figures: 占道经营问题12件 is a count of 占道经营问题, its share after it a share; 占线未接30个 counts."""
    rows = made_up_rows("占道经营问题12件，占不满意工单总数的10.0%。占线未接30个。")
    assert [pick(row)[:2] for row in rows] == [
        ("占道经营问题", "items"),
        ("占道经营问题", "share_of_dissatisfied_pct"),
        ("占线未接", "items"),
    ]


def test_a_rate_right_after_a_count_is_the_counts_subjects() -> None:
    """Made-up figures: a rate with no subject of its own printed after a count in its sentence is a rate of what
    that count counts (the first count there, not a count of a status, 办结298件), so the audit can check it
    against the count; after a count of a name on record that is no rate's subject (来电, a channel) it stays the
    platform's, and so does a rate in a sentence with no count, and a connection rate (cue kind `whole`) even when
    its clause names a channel on record (电话接通率)."""
    text = (
        "截至目前，共办理虚构网上留言300件，办结298件，办结率99.33%，满意率98.00%。"
        "全市受理来电500个，接通率96.00%。电话接通率95.00%。群众满意率99.10%。"
    )
    assert made_up_rates(text) == [
        ("虚构网上留言", "completion_rate_pct", "99.33"),
        ("虚构网上留言", "satisfaction_rate_pct", "98.00"),
        ("全市", "connection_rate_pct", "96.00"),
        ("全市", "connection_rate_pct", "95.00"),
        ("全市", "satisfaction_rate_pct", "99.10"),
    ]


def test_a_platforms_staff_and_teams_are_resource_counts_and_bodies_stay_no_figures() -> None:
    """Made-up figures: staff named after their count (7名工作人員, in traditional characters: 工 there opens a word
    of staff, not 工作日), staff who follow tickets up (12余名督办员), a team the platform formed (组建虚构队伍345人)
    and staff grown to a number (话务员扩充至48人) are resource counts of what they count; a deadline in 工作日 and
    counts of bodies in passing (5个区, 13个部门 taking part) stay no figures."""
    text = (
        "虚构热线开通后，7名工作人員輪班接聽，另有12余名督办员跟踪答复。组建虚构队伍345人。"
        "目前热线话务员扩充至48人。咨询类1个工作日内办结，5个区、13个部门参与办理。"
    )
    assert [
        (row["subject_zh"], row["measure"], row["value_printed"], row["unit_printed"]) for row in made_up_rows(text)
    ] == [
        ("工作人員", "resource_count", "7", "名"),
        ("督办员", "resource_count", "12", "名"),
        ("虚构队伍", "resource_count", "345", "人"),
        ("话务员", "resource_count", "48", "人"),
    ]


def test_bodies_of_the_platforms_network_are_resource_counts_and_bodies_in_passing_stay_no_figures() -> None:
    """Made-up figures: bodies a sentence says make the platform's network (纳入, 涵盖 a list in 、, 协同, 构建) are
    resource counts of what they count, named after the count or as the list item before it; bodies the period's
    items concerned (涉及) are counts of units involved; bodies meeting a condition (23个区直部门…满意率达到100%) or
    a class (A类的责任单位20家) stay no figures."""
    text = (
        "虚构市共有各级单位64家纳入热线承办单位，涵盖市直部门30家、各县(市、区)5家、市属企业9家。"
        "热线协同800余家基层网络单位，构建“1+9”(1个市热线中心、9个县级热线工作站)体系。"
        "本月诉求涉及全市12个镇街和17个市级部门，涉及镇街4个、部门6个。"
        "住建局等23个区直部门综合满意率达到100%。A类的责任单位20家。"
    )
    assert [
        (row["subject_zh"], row["measure"], row["value_printed"], row["unit_printed"])
        for row in made_up_rows(text)
        if row["unit_printed"] != "%"
    ] == [
        ("热线承办单位", "resource_count", "64", "家"),
        ("市直部门", "resource_count", "30", "家"),
        ("各县(市、区)", "resource_count", "5", "家"),
        ("市属企业", "resource_count", "9", "家"),
        ("基层网络单位", "resource_count", "800", "家"),
        ("市热线中心", "resource_count", "1", "个"),
        ("县级热线工作站", "resource_count", "9", "个"),
        ("镇街", "units_involved_count", "12", "个"),
        ("市级部门", "units_involved_count", "17", "个"),
        ("镇街", "units_involved_count", "4", "个"),
        ("部门", "units_involved_count", "6", "个"),
    ]


def test_a_name_on_record_printed_inside_a_longer_name_gives_the_longer_name() -> None:
    """Made-up figures: 咨询 is on record (a ticket type); 政策咨询 is printed as a name of its own and is the
    subject, while words that are a verb, a rank or an office around a name on record (第三为, 市热线办) are not."""
    text = "本周其中政策咨询120件，第三为咨询类60件，市热线办回访工单40件。"
    assert [(row["subject_zh"], row["value_printed"]) for row in made_up_rows(text)] == [
        ("政策咨询", "120"),
        ("咨询类", "60"),
        ("回访", "40"),
    ]


def test_a_share_no_printed_count_can_be_a_whole_of_is_a_share_of_an_unstated_whole() -> None:
    """Made-up figures: 300 of 2000 is 15.0%, a share of the total; 500 of 2000 is 25%, and no count printed before it
    is a whole 500 can be 30.5% of, so that share's whole is not stated (checked in exact arithmetic at its printed
    digits); a share whose whole is named (占总数的) keeps that whole, read or not."""
    text = "本月受理诉求2000件。咨询类300件，占比15.0%；投诉类500件，占比30.5%；建议类100件，占总数的9.0%。"
    assert [
        (row["subject_zh"], row["measure"], row["value_printed"])
        for row in made_up_rows(text)
        if row["unit_printed"] == "%"
    ] == [
        ("咨询类", "share_of_total_pct", "15.0"),
        ("投诉类", "share_of_unstated_whole_pct", "30.5"),
        ("建议类", "share_of_total_pct", "9.0"),
    ]


def test_reply_feedback_and_disposal_rates_by_their_words_and_a_wrapped_column_head() -> None:
    """Made-up figures: 回复率 and 反馈率 with no deadline are reply rates, 按时反馈率 a timely reply rate, 处置率 a
    completion rate; a table's head broken by a space where its cell wraps (按时 反馈率) is read whole."""
    prose = made_up_rates("网上诉求300件，回复率100%，按时反馈率98.5%，处置率97%。")
    assert [measure for _, measure, _ in prose] == [
        "reply_rate_pct",
        "timely_reply_rate_pct",
        "completion_rate_pct",
    ]
    table = "受理单位 |\n交办总量 |\n按时 反馈率 |\n虚构区 |\n420 |\n99.50% |\n"
    assert [(row["measure"], row["value_printed"]) for row in made_up_rows(table)] == [
        ("items", "420"),
        ("timely_reply_rate_pct", "99.50"),
    ]


def test_a_list_closed_by_deng_is_one_name_not_its_last_member() -> None:
    """Made-up figures: a rate of what a list closed by 等 names (供水、供电、供气等方面的案卷) is that whole list's,
    not of its last member (供气等方面的案卷)."""
    assert made_up_rates("本周受理案卷1100件，涉及供水、供电、供气等方面的案卷处置率达到80%。") == [
        ("供水、供电、供气等方面的案卷", "completion_rate_pct", "80"),
    ]


def test_a_supervision_system_and_reported_information_are_not_the_hotlines() -> None:
    """Made-up figures: a supervision system's tasks and rate, the information units reported and its adoption rate
    are other activities' statistics; the hotline's own intake is read (its own publicity campaign is its work:
    test_figures_of_the_hotlines_own_publicity_events_are_publicity_counts)."""
    text = "“710”政务督办系统交办任务9项，按期办结率100%。各部门报送信息57条，采发率40%。本周受理诉求300件。"
    assert [(row["value_printed"], row["unit_printed"]) for row in made_up_rows(text)] == [("300", "件")]


def test_a_percentage_said_of_bodies_in_passing_is_their_condition_or_share_not_a_figure() -> None:
    """Made-up figures: a rate of a count of bodies in passing (23个区直部门…满意率达到100%) is the condition they
    meet, and a share right after a class of units (A类的责任单位20家，占比80.0%) is a share of bodies: neither is a
    figure; the platform's own rate is."""
    text = "住建局等23个区直部门综合满意率达到100%。A类的责任单位20家，占比80.0%。全市满意率99.10%。"
    assert made_up_rates(text) == [("全市", "satisfaction_rate_pct", "99.10")]


def test_the_parts_of_a_breakdown_are_of_the_measure_of_the_count_they_break_down() -> None:
    """Made-up figures: counts completed late (超期办结) and resolved (解决) are their own measures (cue rows), and the
    parts of their breakdown after 其中, in the same sentence, the next, or items of a list in ；, are of that measure;
    the parts of a plain count of items stay items."""
    text = (
        "本月超期办结工单9件。其中，甲乡2件、乙镇3件、丙局4件。共解决群众诉求500件，其中，供水诉求120件；供电诉求80件。"
        "本月受理诉求900件，其中咨询类300件。"
    )
    assert [(row["measure"], row["value_printed"]) for row in made_up_rows(text)] == [
        ("overdue_completed_items", "9"),
        ("overdue_completed_items", "2"),
        ("overdue_completed_items", "3"),
        ("overdue_completed_items", "4"),
        ("resolved_items", "500"),
        ("resolved_items", "120"),
        ("resolved_items", "80"),
        ("items", "900"),
        ("items", "300"),
    ]


def test_a_name_before_fangmian_is_the_subject() -> None:
    """Made-up figures: 供暖方面 ("as to heating") names 供暖, as the hand rows hold it."""
    text = "本周供暖方面共259件，环比下降4%；虚构噪音方面120件。"
    assert [(row["subject_zh"], row["value_printed"]) for row in made_up_rows(text)] == [
        ("供暖", "259"),
        ("供暖", "-4"),
        ("虚构噪音", "120"),
    ]


def test_a_rate_in_a_breakdown_is_of_the_item_counted_last_before_it() -> None:
    """Made-up figures: in an item of a breakdown counting calls, then items registered, then those completed, the
    completion rate is of the items registered (the count nearest before it that is no status), not of the calls."""
    text = "本月共受理诉求9000件。其中，虚构来电8000人次，虚构登记600件，已办结600件，办结率100%。"
    assert made_up_rates(text) == [("虚构登记", "completion_rate_pct", "100")]


def test_hotlines_merged_keep_the_verb_that_merged_them() -> None:
    """Made-up figures: a count of hotlines merged names them with the verb printed right before the number or before
    their name (整合, 归并), as hand rows hold them; lines named with no such verb, and seats, keep their own name."""
    text = "虚构热线整合21条虚构服务热线和4条行业自办热线。归并我县各类虚构政务热线9条。设置座席15个。"
    assert [(row["subject_zh"], row["measure"], row["value_printed"]) for row in made_up_rows(text)] == [
        ("整合虚构服务热线", "resource_count", "21"),
        ("行业自办热线", "resource_count", "4"),
        ("归并虚构政务热线", "resource_count", "9"),
        ("座席", "resource_count", "15"),
    ]


def test_a_phrase_fragment_is_not_a_subject() -> None:
    rows = rows_for("已回复和2000件。")
    assert [(row["subject_zh"], row["value_printed"]) for row in rows] == [("", "2000")]


def test_new_names_go_to_the_seed_they_belong_to_with_the_platform() -> None:
    text = "市公安局受理300件，灌南县受理200件，海滨街道受理20件，夜间来电50件。全县满意率99.00%。"
    proposal = extract_text(text, SEEDS, "made_up", MADE_UP_PLATFORM)
    found = {
        seed: [
            (row.get("unit_name_zh") or row.get("district_name_zh") or row.get("subject_zh"), row["platform_code"])
            for row in rows
        ]
        for seed, (_, rows) in proposal.new_names.items()
        if seed != "ref_measures"
    }
    assert found == {
        "ref_handling_units": [("市公安局", MADE_UP_PLATFORM), ("海滨街道", MADE_UP_PLATFORM)],
        "ref_districts": [("灌南县", MADE_UP_PLATFORM)],
        "ref_intake_members": [("夜间来电", MADE_UP_PLATFORM)],
    }  # 全县 is the platform as a whole, the shared 全市 on record: no new name


def test_a_page_in_traditional_characters_is_read_in_simplified_and_quoted_as_printed() -> None:
    # 東 and 陽 were in no hand-made table: the page is read through OpenCC's t2s, the phrase stays the page's own
    rows = rows_for("東城區受理訴求1.2萬件，環比下降3.5%。朝陽區受理訴求941件。")
    assert [(*pick(row), row["subject_type"], row["source_phrase"]) for row in rows] == [
        ("东城区", "items", "1.2", "萬件", "district", "東城區受理訴求1.2萬件"),
        ("东城区", "pop_change_pct", "-3.5", "%", "district", "東城區受理訴求1.2萬件，環比下降3.5%"),
        ("朝阳区", "items", "941", "件", "district", "朝陽區受理訴求941件"),
    ]
    assert simplified("連云區辦結率") == "连云区办结率"
    for path in bulletins():  # one character for one, so a position found in the simplified text is the page's
        text = path.read_text(encoding="utf-8")
        assert len(simplified(text)) == len(text), path.name


def test_a_name_in_traditional_characters_or_with_glosses_resolves_to_the_name_on_record() -> None:
    references = load_references(SEEDS, MADE_UP_PLATFORM)
    assert references.lookup("諮詢類")[0].name_zh == "諮詢類"  # printed so on record
    assert references.lookup("在線直接答復")[0].name_zh == "在线直接答复"  # the simplified one first
    # on record read past a stored copy's glosses (seeds hold a name as read, the phrase as stored); the glossed
    # spelling resolves to it
    assert references.lookup("網絡轉辦")[0].name_zh == "網絡轉辦"
    assert references.lookup("網(wǎng)絡(luò)轉(zhuǎn)辦")[0].name_zh == "網絡轉辦"


# -- the made-up bulletins -----------------------------------------------------------------------------------------


def bulletins() -> list[Path]:
    return sorted(BULLETINS.glob("*.txt"))


def expected_rows(bulletin: Path) -> list[tuple[str, str, str, str]]:
    with bulletin.with_suffix(".expected.csv").open(encoding="utf-8", newline="") as handle:
        return [pick(row) for row in csv.DictReader(handle)]


# A bulletin read on a platform whose code names its hotline's number (made_up_12345), where the number matters.
BULLETIN_PLATFORMS = {"other_hotlines_on_the_page": "made_up_12345"}


def bulletin_rows(bulletin: Path) -> list[dict[str, str]]:
    platform = BULLETIN_PLATFORMS.get(bulletin.stem, MADE_UP_PLATFORM)
    return extract_text(bulletin.read_text(encoding="utf-8"), SEEDS, bulletin.stem, platform).rows


# One bulletin per layout real pages use (issue 25): each must give exactly the rows written beside it.
LAYOUTS = {
    "prose",
    "pipe_cells_one_per_line",
    # the same layout with a column of serial numbers first (序号 | 受理单位 | …; 1 | 青松区 | …): a row's number is
    # not a figure, and a header opening with 序号 is not the ranked table of space-separated cells
    "pipe_cells_with_a_serial_column",
    "space_aligned_rows",
    "space_aligned_triples",
    "traditional_zong",
    "traditional_characters",
    "pinyin_glosses",
    "one_line_pipes_and_prose",
    "counts_in_ge_ci_and_cut_marks",
    "row_cells_one_per_line",
    # not a layout but whose figures a page prints: another system's (数字城管, 信访, polls) in a clause or a section,
    # a figure said again as the whole of a breakdown (正在受理的150件中), a fall in items (同比减少12件)
    "other_systems_and_restatements",
    # figures that are not the period's: bounds of classes of units (满意率95%以上的单位12家), deadlines (1个工作日内
    # 办结), a rate said again in words (每10个来电中，超过9个); a fall in items after a change word (较上月减少120件),
    # and counts in 件次; a summary's figure printed again under a heading (各类诉求受理的5000件中): a reprint, kept;
    # a list sharing one count (青松街道、县住建局及县交通局各1件): one row a name
    "bounds_deadlines_and_glosses",
    # a page of several hotlines, read on a 12345 platform: the 12320 and 12356 lines' figures are not proposed (no
    # platform of the place holds them), the 12345 line's and a seat's (“12369”环保专席) are, and so is a joint figure
    # (12345、12319两条热线共受理); another line's figures stop at the end of its paragraph
    "other_hotlines_on_the_page",
    # what a count is of, named without its verb or its count word: 产生工单 → 工单, 多媒体渠道收件数 → 多媒体渠道,
    # and 群众诉求 kept whole; a rate's change (接通率95.20%，环比上升1.30%) has the rate as its subject
    "names_of_what_is_counted",
    # a table of bare numbers, its cells apart by single spaces: a row label over a header of subjects (件数 3200
    # 1500), a header of measures in groups side by side (类别 数量 占比(%) 类别 数量 占比(%)) under a caption naming
    # the unit (单位：万件), a header printed once (单位 受理量 排名); 占比 with no % printed and 排名 give nothing
    "tables_of_bare_numbers",
    # a count in a Chinese numeral (求助类两件: 两 as printed, 2) but not a deadline or a number of tasks (两个工作日,
    # 十件实事); shares printed with no count beside them, after a list of counts (咨询类500件、…，分别占比62.5%…) or
    # after a colon (热点依次是：供水类、噪声类、交通类分别占比10%4%2%), each its own name's; a list after 分别 whose
    # unit is printed once (分别比上月提高1.5和0.8个百分点): each number in it, a change of the rate listed; a count
    # printed without its unit before its share (虚构西区140，占17.5%): a count in 件; a kind not on record before
    # the intake word it qualifies (虚构运输类电话120件): the kind's count
    "small_numerals_and_lone_shares",
    # one value printed once for a list (均): every name listed and every rate listed before 均 (甲、乙，及时回复率、
    # 满意率均达到100%: four rows; 甲街道、乙街道均受理50件: two)
    "one_value_for_a_list",
}


@pytest.mark.parametrize("bulletin", sorted(BULLETINS.glob("*.txt")), ids=lambda path: path.stem)
def test_a_made_up_bulletin_gives_the_rows_a_person_reads_in_it(bulletin: Path) -> None:
    expected = expected_rows(bulletin)
    assert expected, f"{bulletin.with_suffix('.expected.csv')} lists no rows"
    assert sorted(pick(row) for row in bulletin_rows(bulletin)) == sorted(expected)


def test_every_layout_has_its_bulletin() -> None:
    assert {path.stem for path in bulletins()} == LAYOUTS
    for path in bulletins():
        assert "虚构" in simplified(path.read_text(encoding="utf-8")), path.name


def test_a_unit_not_on_record_is_read_whole_and_proposed() -> None:
    """受话2083件次 on a platform whose seeds lack 件次: the count is in 件次 (proposed as a new unit), not in 件."""
    references = load_references(SEEDS, MADE_UP_PLATFORM)
    references.units.pop("件次", None)
    extraction = Extractor(references, []).extract("虚构县本周受话2083件次，转办1145件次。")
    assert [(figure.value_printed, figure.unit) for figure in extraction.figures] == [
        ("2083", "件次"),
        ("1145", "件次"),
    ]
    assert [row["unit_code"] for row in extraction.new_names["ref_units"]] == ["items_jianci"]


def test_a_kind_not_on_record_before_the_intake_word_it_qualifies_is_the_subject() -> None:
    """虚构运输类电话120件: calls of a kind, counted by the kind, not by 电话 (a channel on record); 各类 is no kind."""
    rows = made_up_rows("其中虚构运输类电话120件，虚构公路类电话80件。本月受理各类电话300件。")
    assert [(row["subject_zh"], row["value_printed"]) for row in rows] == [
        ("虚构运输类", "120"),
        ("虚构公路类", "80"),
        ("电话", "300"),
    ]


def test_as_new_hides_the_names_registered_for_the_platform_only(tmp_path: Path) -> None:
    """A made-up platform with a district of its own on record: read as it is, the district is known; `as_new` (a new
    user's view, `extract-score --as-new`) it is a name not on record, while the shared vocabulary (咨询类) stays."""
    seeds = tmp_path / "seeds"
    shutil.copytree(SEEDS, seeds)
    with (seeds / "reference" / "ref_districts.csv").open("a", encoding="utf-8", newline="") as handle:
        handle.write("made_up_as_new_12345,made_up_east,,虚构东区,Made-up East District,\n")
    text = "本月虚构东区受理120件。咨询类80件。"
    known = extract_text(text, seeds, "made_up", "made_up_as_new_12345")
    new = extract_text(text, seeds, "made_up", "made_up_as_new_12345", as_new=True)
    assert (
        [row["subject_zh"] for row in known.rows] == [row["subject_zh"] for row in new.rows] == ["虚构东区", "咨询类"]
    )
    assert "ref_districts" not in known.new_names  # on record for the platform
    assert [row["district_name_zh"] for row in new.new_names["ref_districts"][1]] == ["虚构东区"]  # proposed anew
    assert load_references(seeds, "made_up_as_new_12345").lookup("虚构东区")
    assert not load_references(seeds, "made_up_as_new_12345", as_new=True).lookup("虚构东区")


def test_a_new_name_in_a_list_is_its_own_not_the_last_name_on_record() -> None:
    """虚构区政府 on record, the two after it not: each count is its own name's, never 虚构区政府's."""
    references = load_references(SEEDS, MADE_UP_PLATFORM)
    on_record = Name("虚构区政府", "department", "made_up_district_government", "", "ref_handling_units")
    references.names[on_record.name_zh] = [on_record]
    references.by_key[name_key(on_record.name_zh)] = [on_record]
    text = "办件量较多的单位：虚构区政府740件，虚构城投集团688件，虚构新区管委会477件。"
    figures = Extractor(references, []).extract(text).figures
    assert [(figure.subject, figure.value_printed) for figure in figures] == [
        ("虚构区政府", "740"),
        ("虚构城投集团", "688"),
        ("虚构新区管委会", "477"),
    ]


def test_the_same_text_gives_the_same_rows() -> None:
    for path in bulletins():
        text = path.read_text(encoding="utf-8")
        first = extract_text(text, SEEDS, path.stem, MADE_UP_PLATFORM)
        assert first.rows, path.name
        assert first == extract_text(text, SEEDS, path.stem, MADE_UP_PLATFORM), path.name


def test_every_proposed_phrase_stands_in_its_bulletin_and_holds_its_figure() -> None:
    for path in bulletins():
        text = squeeze(path.read_text(encoding="utf-8"))
        for row in bulletin_rows(path):
            for fragment in squeeze(row["source_phrase"]).split("…"):
                assert fragment in text, (path.name, row["source_phrase"])
            assert row["value_printed"].lstrip("-") in squeeze(row["source_phrase"]), (path.name, row)


def test_the_command_writes_the_seed_columns(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    document = BULLETINS / "pipe_cells_one_per_line.txt"
    out = tmp_path / "review.csv"
    arguments = ["--project-dir", str(ROOT), "extract", str(document), "--source-id", "made_up_weekly"]
    arguments += ["--platform", MADE_UP_PLATFORM]
    assert main([*arguments, "--out", str(out)]) == 0
    assert main(arguments) == 0
    printed = capsys.readouterr().out
    assert printed == out.read_text(encoding="utf-8")
    rows = list(csv.DictReader(io.StringIO(printed)))
    assert list(rows[0]) == read_csv(SEEDS / "figures" / "printed_figures.csv")[0]
    assert {(row["source_id"], row["platform_code"]) for row in rows} == {("made_up_weekly", MADE_UP_PLATFORM)}
    expected = io.StringIO()
    write_rows(expected, list(rows[0]), rows)
    assert expected.getvalue() == printed


def test_the_command_writes_each_new_name_to_its_seed_with_the_platform(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """End to end, as a user runs it: a made-up county's page whose names are on record nowhere."""
    page = tmp_path / "made_up_county_2031_w03.txt"
    page.write_text(
        "虚构县2031年第3周12345热线情况通报\n"
        "本周共受理夜间来电1200件。海棠区受理400件，青松县受理300件，县住建局受理200件，海滨街道受理100件。"
        "噪声扰民类150件，占12.50%。全县满意率99.00%。\n",
        encoding="utf-8",
    )
    names = tmp_path / "review-names"
    arguments = ["--project-dir", str(ROOT), "extract", str(page), "--source-id", "made_up_county_2031_w03"]
    arguments += [
        "--platform",
        "made_up_county_12345",
        "--out",
        str(tmp_path / "review.csv"),
        "--new-names",
        str(names),
    ]
    assert main(arguments) == 0
    capsys.readouterr()
    written = {path.stem: read_csv(path) for path in sorted(names.glob("*.csv"))}
    name_columns = {
        "ref_districts": "district_name_zh",
        "ref_categories": "category_name_zh",
        "ref_handling_units": "unit_name_zh",
        "ref_aggregate_subjects": "subject_zh",
        "ref_intake_members": "subject_zh",
    }
    assert {seed: [row[name_columns[seed]] for row in rows] for seed, (_, rows) in written.items()} == {
        "ref_districts": ["海棠区", "青松县"],
        "ref_categories": ["噪声扰民类"],
        "ref_handling_units": ["县住建局", "海滨街道"],
        "ref_intake_members": ["夜间来电"],
    }
    for seed, (columns, rows) in written.items():
        assert columns == read_csv(SEEDS / "reference" / f"{seed}.csv")[0], seed
        assert {row["platform_code"] for row in rows} == {"made_up_county_12345"}, seed


def test_extract_says_where_a_text_is_missing(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    missing = tmp_path / "not_saved.txt"
    arguments = ["--project-dir", str(ROOT), "extract", str(missing), "--source-id", "made_up_weekly"]
    assert main([*arguments, "--platform", MADE_UP_PLATFORM]) == 1
    assert f"there is no text at {missing}" in capsys.readouterr().err


# -- the score -----------------------------------------------------------------------------------------------------


def test_the_score_counts_matches_as_multisets() -> None:
    references = load_references(SEEDS, "beijing_12345")

    def row(subject: str, measure: str, value: str, unit: str) -> dict[str, str]:
        return {
            "subject_zh": subject,
            "subject_type": "",
            "measure": measure,
            "value_printed": value,
            "unit_printed": unit,
        }

    hand = [
        row("朝阳区", "items", "941", "件"),
        row("朝阳区", "items", "941", "件"),
        row("全市", "resolution_rate_pct", "92.72", "%"),
    ]
    proposed = [
        row("朝阳区", "items", "941", "件"),
        row("海淀区", "resolution_rate_pct", "92.72", "%"),
        row("", "items", "5", "个"),
    ]
    score = score_rows("made_up", references, hand, proposed)
    # one 941 matched of two; 92.72% matched by value and unit, not by subject; 5个 matches nothing
    assert (score.value_unit_matched, score.full_row_matched, score.precise_rows) == (2, 1, 2)
    assert (score.hand_rows, score.proposed_rows) == (3, 3)
    assert total([score, score]).value_unit_matched == 4


def write_csv(path: Path, columns: list[str], rows: list[dict[str, str]]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=columns, lineterminator="\n")
        writer.writeheader()
        writer.writerows({column: row.get(column, "") for column in columns} for row in rows)


def test_the_score_reads_a_transcription_kept_apart_and_names_the_texts_not_saved(tmp_path: Path) -> None:
    """Hand rows in another seeds folder (another branch's), texts in a folder of their own: the saved one is
    scored with names looked up in the project's seeds; the one not saved is named."""
    hand = tmp_path / "hand_seeds"
    source_columns = read_csv(SEEDS / "sources" / "sources.csv")[0]
    figure_columns = read_csv(SEEDS / "figures" / "printed_figures.csv")[0]
    made_up = {"platform_code": MADE_UP_PLATFORM, "source_kind": "official", "language": "zh"}
    write_csv(
        hand / "sources" / "sources.csv",
        source_columns,
        [
            made_up | {"source_id": "saved", "document_file": "saved.txt"},
            made_up | {"source_id": "unsaved", "document_file": "unsaved.txt"},
        ],
    )
    figures = [
        {"source_id": "saved", "subject_zh": subject, "measure": measure, "value_printed": value, "unit_printed": unit}
        for subject, measure, value, unit in expected_rows(BULLETINS / "pipe_cells_one_per_line.txt")
    ]
    figures.append(
        {"source_id": "unsaved", "subject_zh": "电话", "measure": "items", "value_printed": "1", "unit_printed": "件"}
    )
    write_csv(hand / "figures" / "printed_figures.csv", figure_columns, figures)
    write_csv(
        hand / "figures" / "printed_figure_reprints.csv",
        read_csv(SEEDS / "figures" / "printed_figure_reprints.csv")[0],
        [],
    )
    texts = tmp_path / "texts"
    texts.mkdir()
    (texts / "saved.txt").write_text(
        (BULLETINS / "pipe_cells_one_per_line.txt").read_text(encoding="utf-8"), encoding="utf-8"
    )
    scores, saved = score_sources(SEEDS, texts, hand)
    assert [(score.source_id, score.hand_rows, score.full_row_matched, score.precise_rows) for score in scores] == [
        ("saved", 6, 6, 6)
    ]
    assert saved.missing == {"unsaved": "unsaved.txt"}
    assert "unsaved.txt (unsaved)" in saved.describe_missing()
    assert score_sources(SEEDS, tmp_path / "nowhere", hand)[0] == []


def test_no_other_command_imports_the_extractor() -> None:
    # cn2an and the extractor take 0.13 s to import: only `extract` and `extract-score` pay it (cli.py)
    loaded = subprocess.run(
        [sys.executable, "-c", "import sys, hotline12345.cli; print(sorted(sys.modules))"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert "'hotline12345.cli'" in loaded
    assert "'cn2an'" not in loaded and "'hotline12345.extract'" not in loaded


def test_a_name_printed_in_traditional_characters_finds_every_subject_type_of_its_simplified_name(
    tmp_path: Path,
) -> None:
    # a page prints 省平臺交辦 and 已辦結; on record are the platform's 省平台交办 (the subject of a rate) and 已办结 (a
    # part of what it handed down), beside a member spelled as that page prints it and the shared 已办结
    seeds = tmp_path / "seeds"
    shutil.copytree(ROOT / "seeds" / "reference", seeds / "reference")
    with (seeds / "reference" / "ref_aggregate_subjects.csv").open("a", encoding="utf-8") as handle:
        handle.write("made_up_12345,service_quality,省平台交办,channel.province_handover,Handed down by the province\n")
        handle.write(
            "made_up_12345,intake_part,已办结,ticket_status.completed,Completed (as a part of an intake subject)\n"
        )
    with (seeds / "reference" / "ref_intake_members.csv").open("a", encoding="utf-8") as handle:
        handle.write("made_up_12345,省平臺交辦,channel,province_handover,省平台交办,Handed down by the province\n")
    references = load_references(seeds, "made_up_12345")

    assert [name.subject_type for name in references.lookup("省平臺交辦")] == ["intake", "service_quality"]
    # the platform's own name before the shared vocabulary's 已办结 (a member of the intake)
    assert [name.subject_type for name in references.lookup("已辦結")][:2] == ["intake_part", "intake"]


def test_a_change_on_last_years_same_period_is_a_year_on_year_change_with_its_sign() -> None:
    # 比去年同期 (than the same period last year) names the year-on-year change as 同比 does; 下降了 makes it negative
    assert made_up_rates("某区热线共受理606件，比去年同期下降了74.1%；另一区比去年同期上升26.7%。") == [
        ("某区热线", "yoy_change_pct", "-74.1"),  # a line named at its clause's start: its own figures
        ("另一区", "yoy_change_pct", "26.7"),
    ]


def test_days_and_money_are_figures_only_where_a_measures_cue_names_them() -> None:
    """Made-up figures: a count in 天 or 元 is a figure only where its clause names a measure of that unit (平均办理时长,
    缩短了…天 as a negative change, 投入…万元, 赔偿…元); spans of time (一年365天, 每周7天, 仅用1天) and money no cue
    names (奖励最低50元, 3153.9元) are no figures."""
    text = (
        "虚构市热线一年365天全天候开通，每周7天人工服务。本月受理诉求1200件，诉求平均办理时长为5天，较以往缩短了2天。"
        "原本需要3个工作日的事项，仅用1天办结。平台投入80万元升级系统，为群众争取赔偿金额1234.5元。"
        "线索奖最低50元，新闻推荐3153.9元。"
    )
    assert [
        (row["measure"], row["value_printed"], row["unit_printed"])
        for row in made_up_rows(text)
        if row["unit_printed"] in ("天", "个工作日", "元", "万元")
    ] == [
        ("average_handling_days", "5", "天"),
        ("average_handling_days_change", "-2", "天"),
        ("spending_yuan", "80", "万元"),
        ("compensation_won_yuan", "1234.5", "元"),
    ]


def test_bodies_that_make_up_the_line_or_serve_as_its_linked_platforms_are_resource_counts() -> None:
    """Made-up figures: bodies a sentence says make up the line (由…组成) or serve as its linked platforms (作为其联动平台)
    are resource counts of what they count, two kinds named together (部门和单位) counted as one; bodies meeting a
    condition stay no figures."""
    text = (
        "该热线是由12个相关部门组成的快速反应系统。热线将城建、规划等9个部门和单位作为其二级联动平台。"
        "本月受理来电300件，5个部门满意率达到100%。"
    )
    assert [
        (row["subject_zh"], row["measure"], row["value_printed"], row["unit_printed"])
        for row in made_up_rows(text)
        if row["unit_printed"] == "个"
    ] == [
        ("相关部门", "resource_count", "12", "个"),
        ("部门和单位", "resource_count", "9", "个"),
    ]


def test_a_column_of_items_still_being_handled_is_of_uncompleted_items() -> None:
    """Made-up figures: a table's 处理中 or 办理中 column holds items not completed yet, beside 总件数 and 已办结."""
    text = (
        "虚构市二季度信件办理情况\n\n| 承办县区 | 总件数 | 处理中 | 已办结 | \n虚构区  | 30  | 2  | 28  | \n"
        "虚构县  | 9  | 0  | 9  | \n\n| 承办部门 | 总件数 | 办理中 | 已办结 | \n虚构局  | 5  | 1  | 4  | \n"
    )
    assert sorted(pick(row) for row in made_up_rows(text) if row["value_printed"] in ("2", "0", "1")) == sorted(
        [
            ("虚构区", "uncompleted_items", "2", "件"),
            ("虚构县", "uncompleted_items", "0", "件"),
            ("虚构局", "uncompleted_items", "1", "件"),
        ]
    )


def test_cues_name_the_measures_the_holdall_batch_added() -> None:
    """Made-up figures: 退回重办 names items sent back (its parts after 其中 too), 批示 leaders' instructions, 响应率 a
    response rate, 24小时内转办率 the share passed on within a day, and a 知识库更新总数目 column knowledge-base
    updates."""
    text = "本月被退回重办件3件，其中，虚构局2件、虚构镇1件。领导批示了12次。热线响应率保持100%，24小时内转办率达99%。"
    table = "| 单位 | 受理量 | 知识库更新总数目 | \n虚构区  | 40  | 512  | \n虚构县  | 30  | 256  | \n"
    assert [pick(row)[1:3] for row in made_up_rows(text) + made_up_rows(table)] == [
        ("returned_for_redo_items", "3"),
        ("returned_for_redo_items", "2"),
        ("returned_for_redo_items", "1"),
        ("leader_instructions_count", "12"),
        ("response_rate_pct", "100"),
        ("dispatched_within_24h_rate_pct", "99"),
        ("items", "40"),
        ("knowledge_base_updates", "512"),
        ("items", "30"),
        ("knowledge_base_updates", "256"),
    ]


def test_figures_of_the_hotlines_own_publicity_events_are_publicity_counts() -> None:
    """Made-up figures: the hotline's own publicity campaign is its work (the decision of 8 December: every figure
    about the hotline's work): people met (接待咨询群众…人) and brochures handed out (发放宣传资料…份) are figures of
    their measures."""
    text = "虚构县开展“虚构12345，这个号码很靠谱”宣传活动，接待咨询群众300余人，发放宣传资料900余份。"
    assert [pick(row)[1:] for row in made_up_rows(text)] == [
        ("publicity_consultations", "300", "人"),
        ("publicity_materials", "900", "份"),
    ]


def test_the_ways_a_platform_takes_requests_in_are_resource_counts() -> None:
    """Made-up figures: the kinds of channel or way a platform takes requests in (12种投诉渠道, 7种方式提交诉求) are
    resource counts of what they count; 方式 after 种 is no other word (as 平方 is)."""
    text = "平台整合了12种投诉渠道。市民可通过电话、邮箱等7种方式提交诉求。"
    assert [pick(row)[1:] for row in made_up_rows(text)] == [
        ("resource_count", "12", "种"),
        ("resource_count", "7", "种"),
    ]


def test_a_rate_of_bodies_in_passing_is_each_members_the_sentence_names_before_them() -> None:
    """Made-up figures: members listed before a count of bodies a rate is said of in passing (甲局、乙局、丙局等30个区直
    部门…满意率达到100%) each meet it, a figure of each; one member alone before 等 (丁局等23个区直部门) stays the bodies'
    condition, no figure."""
    text = (
        "其中，甲局、乙局、丙局等30个区直部门综合满意率达到100%；丁局等23个区直部门回访满意率达到99%。全市满意率98.5%。"
    )
    assert made_up_rates(text) == [
        ("甲局", "satisfaction_rate_pct", "100"),
        ("乙局", "satisfaction_rate_pct", "100"),
        ("丙局", "satisfaction_rate_pct", "100"),
        ("全市", "satisfaction_rate_pct", "98.5"),
    ]


def test_a_share_or_rate_that_rose_or_fell_with_no_change_cue_changed_in_points() -> None:
    """Made-up figures: a percentage right after 下降了 or 提升了 whose words before it name a share (占比) or follow a
    rate is the change of that share or rate in points, signed as the verb says; a count's fall in percent with a
    change cue stays a change in percent."""
    text = (
        "虚构区本月受理来电500件。占比变化：占比呈下降趋势，下降了2.3%。"
        "办结率91.50%，与上月相比，提升了4.2%。受理量同比下降8.3%。"
    )
    assert [(measure, value) for _, measure, value in made_up_rates(text)] == [
        ("change_points", "-2.3"),
        ("completion_rate_pct", "91.50"),
        ("change_points", "4.2"),
        ("yoy_change_pct", "-8.3"),
    ]
    assert made_up_rates(text)[2][0] == "办结率"  # the change of a rate is the rate's


def test_a_table_whose_rows_are_periods_names_each_cell_by_its_column() -> None:
    """Made-up figures: a table whose label column is headed 月份 has periods for rows (10月, or a bare 10): a row's
    label is no figure and no subject; each cell is its column's, the head without what it counts (工单数量, 总数)
    or measures (占比), a category keeping its 类."""
    text = (
        "一、虚构区数据对比:\n| 月份 |\n受理工单总数 |\n甲类工单数量 |\n甲类工单占比 |\n| 10月 |\n400 |\n100 |\n25.00% |\n"
        "| 11月 |\n500 |\n150 |\n30.00% |\n二、街道办理情况\n| 月份 |\n东街道 |\n西街道 |\n| 10 |\n24 |\n34 |\n| 11 |\n19 |\n40 |\n"
    )
    assert [pick(row) for row in made_up_rows(text)] == [
        ("受理工单", "items", "400", "件"),
        ("甲类", "items", "100", "件"),
        ("甲类", "share_of_total_pct", "25.00", "%"),
        ("受理工单", "items", "500", "件"),
        ("甲类", "items", "150", "件"),
        ("甲类", "share_of_total_pct", "30.00", "%"),
        ("东街道", "items", "24", "件"),
        ("西街道", "items", "34", "件"),
        ("东街道", "items", "19", "件"),
        ("西街道", "items", "40", "件"),
    ]


def test_letters_of_a_category_are_the_category() -> None:
    """Made-up figures: 信件 after a category's 类 is what is counted, not the name (城建类信件 → 城建类), as 诉求 is."""
    assert [
        pick(row)[:3] for row in made_up_rows("本季度共收到来信500件。其中城建类信件共116件，治安类信件共54件。")
    ] == [
        ("", "items", "500"),
        ("城建类", "items", "116"),
        ("治安类", "items", "54"),
    ]


def test_a_share_only_the_valid_items_can_be_the_whole_of_is_a_share_of_the_valid_items() -> None:
    """Made-up figures: shares printed as of the whole (占总量的) that the first total cannot give at their digits (300
    of 600 is 50%) but the valid letters printed before them can (300 of 500 is 60%) are shares of the valid items; where
    the first total can be the whole (a page with no invalid letters), they stay shares of the total."""
    text = "本季度共收到群众来信600件，其中有效信件500件，无效信件100件。投诉类300件，占总量的60.00%；咨询类150件，占总量的30.00%。"
    assert [(subject, measure) for subject, measure, value in made_up_rates(text)] == [
        ("投诉类", "share_of_valid_pct"),
        ("咨询类", "share_of_valid_pct"),
    ]
    text = "本季度共收到群众来信500件，其中有效信件500件。投诉类300件，占总量的60.00%。"
    assert [measure for _, measure, _ in made_up_rates(text)] == ["share_of_total_pct"]


def test_a_table_name_padded_with_spaces_to_align_is_the_name_without_them() -> None:
    """Made-up figures: 甲  县人民政府, padded with two spaces to stand as wide as 乙城区人民政府, is 甲县人民政府; one
    space, where a long name wraps in its cell, stays as printed (a table stored one cell a line)."""
    cells = ["统计表", "承办单位", "承办件数", "办结数", "乙城区人民政府", "96", "91", "甲  县人民政府", "12", "10"]
    cells += ["丙经济 技术开发区", "8", "8", "丁区人民政府", "5", "5"]
    assert sorted({row["subject_zh"] for row in made_up_rows("\n\n".join(cells) + "\n")}) == [
        "丁区人民政府",
        "丙经济 技术开发区",
        "乙城区人民政府",
        "甲县人民政府",
    ]


def test_one_value_after_rates_listed_is_every_rates() -> None:
    """Made-up figures: 办结率、反馈率达到100% prints one value for two rates, each a figure; with 均 too; values listed
    one for each (分别为98%、99%) stay one a rate."""
    text = "虚构区本月办结率、反馈率达到100%。满意率、回访率均达到99%。按时办结率和满意率分别为98%、97%。"
    assert [(measure, value) for _, measure, value in made_up_rates(text)] == [
        ("completion_rate_pct", "100"),
        ("reply_rate_pct", "100"),
        ("satisfaction_rate_pct", "99"),
        ("callback_rate_pct", "99"),
        ("on_time_completion_rate_pct", "98"),
        ("satisfaction_rate_pct", "97"),
    ]


def test_a_unit_printed_in_brackets_after_its_number_is_its_unit() -> None:
    """Made-up figures: 来电(信)11265(次) is 11265 次; a count in brackets after a name (甲镇(39件)) is still that
    name's."""
    rows = made_up_rows("本月受理群众来电(信)11265(次)，其中甲镇(39件)、乙镇(34件)。")
    assert [(row["value_printed"], row["unit_printed"]) for row in rows] == [
        ("11265", "次"),
        ("39", "件"),
        ("34", "件"),
    ]
    assert [row["subject_zh"] for row in rows][1:] == ["甲镇", "乙镇"]


def test_a_line_named_at_its_clauses_start_is_its_counts_subject() -> None:
    """Made-up figures: a line other than the platform's own named before the verb that received what it counts
    (甲水热线共受理606件; its change after it too) is the count's subject; the platform's own line (12345热线, 本热线)
    and lines named jointly (12345、12301两条热线) are not."""
    text = (
        "春节期间，甲水热线共受理606件，比去年同期下降了74.1%。乙气客户热线共接听来电726件。"
        "12345热线共受理诉求500件。本热线共受理30件。12345、12301两条热线共受理工单900件。"
    )
    assert [(row["subject_zh"], row["value_printed"]) for row in made_up_rows(text)] == [
        ("甲水热线", "606"),
        ("甲水热线", "-74.1"),
        ("乙气客户热线", "726"),
        ("诉求", "500"),
        ("", "30"),
        ("工单", "900"),
    ]
