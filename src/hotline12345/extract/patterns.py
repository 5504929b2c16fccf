"""Pattern functions on Chinese statistical prose: numbers with their units and wordings, and what is not a figure.

Each function takes a string and returns what it found; none reads a file. Units and wordings come in as
arguments (the reference lists plus the extractor's own vocabulary), longest first.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

import cn2an

from hotline12345.extract.vocabulary import NOT_A_UNIT_AFTER, simplified

ARABIC = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
CHINESE_DIGITS = "零〇一二两三四五六七八九十百千"
# Chinese numerals count as figures only with these units (八倍, 近六成); elsewhere 一 and 十六 are parts of words
# (一体化, 十六区) or ordinals.
CHINESE_NUMERAL_UNITS = ("倍", "成")
# 成 begins a word as often as it is tenths (这一成绩, 一成不变, 三成员): tenths only when no such word follows.
TENTHS_WORD_AFTER = r"[绩績效果为為立功本员員交熟长長就都型不]"
# A count of items in a Chinese numeral is a figure too (求助类两件, 三宗): with a unit of items, not of bodies or
# durations (两个工作日, 两次台风), not 一 alone (每一件, 一件一件抓) and not a number of tasks (十件实事, 三件事).
CHINESE_COUNT_UNITS = ("件", "宗", "件次")
CHINESE_COUNT_NOT_AFTER = r"[实大好难要]?事|[一二两三四五六七八九十]"
THE_HOTLINE_NUMBER = "12345"
MAGNITUDES = "万萬亿億"


@dataclass(frozen=True)
class Number:
    """A printed figure: where it stands, its value as printed, its unit and its approximation wording."""

    start: int
    end: int
    value_printed: str
    unit: str
    wording: str

    @property
    def number_text(self) -> str:
        return self.value_printed.lstrip("-")


def chinese_numeral_value(text: str) -> Decimal | None:
    """八 → 8, 十六 → 16, 一百二十 → 120, 两 → 2 (两件, 两百: cn2an's strict mode reads 二 only); None when `text` is
    not a Chinese numeral."""
    if not text or any(character not in CHINESE_DIGITS for character in text):
        return None
    try:
        return Decimal(str(cn2an.cn2an(text.replace("两", "二"), "strict")))
    except (ValueError, KeyError, InvalidOperation):
        return None


def numeric_value(value_printed: str) -> Decimal | None:
    """The number a printed value stands for: 1,620,949 → 1620949; 八 → 8; -26.34 → -26.34."""
    sign = -1 if value_printed.startswith("-") else 1
    body = value_printed.lstrip("-")
    try:
        return sign * Decimal(body.replace(",", ""))
    except InvalidOperation:
        chinese = chinese_numeral_value(body)
        return None if chinese is None else sign * chinese


def _alternation(words: Iterable[str]) -> str:
    ordered = sorted({word for word in words if word}, key=lambda word: (-len(word), word))
    return "|".join(re.escape(word) for word in ordered) or r"(?!)"


def number_pattern(units: Iterable[str], before: Iterable[str], after: Iterable[str]) -> re.Pattern[str]:
    return re.compile(
        rf"(?P<before>{_alternation(before)})?[ \t]*"
        rf"(?<![\d\-－~～—:：])(?<!\d\.)(?P<sign>[-－])?(?P<number>{ARABIC}|[{CHINESE_DIGITS}]+)(?![\d])"
        rf"[ \t]*(?P<after>{_alternation(after)})?[ \t]*"
        # 11265(次): a unit printed in brackets right after its number is its unit
        rf"(?P<open>[（(](?=(?:{_alternation(units)})[）)]))?(?P<unit>{_alternation(units)})(?(open)[）)])"
        rf"(?!{NOT_A_UNIT_AFTER})"
        # 402万余件, 2.9万多件: a magnitude, the wording, then what is counted: one unit (万件), its wording after
        rf"(?:(?<=[{MAGNITUDES}])(?P<tail_wording>{_alternation(after)})(?P<tail_unit>{_alternation(units)})"
        rf"(?!{NOT_A_UNIT_AFTER}))?"
    )


def is_ordinal(text: str, start: int) -> bool:
    """第47期, 总第74期: a number after 第 is a position, not a figure."""
    return start > 0 and text[start - 1] == "第"


def is_hotline_number(number: str) -> bool:
    return number == THE_HOTLINE_NUMBER


# 09时12分, 9点30分, 10时05分20秒 (and 8時31分 in traditional characters): minutes and seconds after an hour are a time
# of day, not a score or a duration.
CLOCK_HOUR_BEFORE = re.compile(r"\d{1,2}\s*[时点時點]\s*(?:\d{1,2}\s*分\s*)?$")
CLOCK_UNITS = ("分", "秒")


# A web page's own counters (0次浏览, 已有0人发表了评论, 阅读 1234次), as a stored copy keeps them around the article:
# the page's readers, not the hotline's work.
PAGE_COUNTER_AFTER = re.compile(r"\s*(?:浏览|瀏覽|阅读|閱讀|点击|點擊|发表了?评论|發表了?評論|评论|評論|点赞|點讚)")


def is_a_page_counter(text: str, match: re.Match[str]) -> bool:
    """0次 in 0次浏览, 0人 in 已有0人发表了评论: how often the page was read or commented on."""
    return match["unit"] in ("次", "人") and PAGE_COUNTER_AFTER.match(text, match.end()) is not None


def is_time_of_day(text: str, start: int, unit: str) -> bool:
    """12分 in 09时12分 (and 20秒 in 10时05分20秒) is a clock's reading."""
    return unit in CLOCK_UNITS and CLOCK_HOUR_BEFORE.search(text[:start]) is not None


# A number apart by a space from the word after it, in a row of cells apart by spaces (居民日常服务 11353 7.6 通讯服务
# 3870 2.6): that word is the next cell's, a name that begins with a unit's character (通, 人, 个), not the number's
# unit. The unit of a cell is its own column's, never its neighbour's. (2.8 万件和 3.6 万件 is prose: no row of
# numbers follows.)
NEXT_CELL = re.compile(r"[ \t]+(?P<word>[^\s\d，。,：:；;、%％|]{2,})[ \t]+[-－]?\d+(?:\.\d+)?[%％]?[ \t]+[-－]?\d")


def is_the_next_cells_word(text: str, match: re.Match[str]) -> bool:
    """The unit of `match` begins a longer word after a space, followed by a row's numbers: the next cell's name."""
    gap = text[match.end("number") : match.start("unit")]
    if match["after"] or not gap or gap.strip(" \t"):
        return False  # 7.6通 (no space) or 3万余件 (a wording between): the number's own unit
    cell = NEXT_CELL.match(text, match.end("number"))
    return cell is not None and cell.end("word") > match.end("unit")


def is_a_chinese_figure(text: str, match: re.Match[str]) -> bool:
    """八倍, 近六成, 求助类两件: a Chinese numeral with a multiple, tenths or a count of items (see above)."""
    number, unit = match["number"], match["unit"] + (match["tail_unit"] or "")
    if chinese_numeral_value(number) is None:
        return False
    if unit in CHINESE_NUMERAL_UNITS:
        return not (unit == "成" and re.match(TENTHS_WORD_AFTER, text[match.end() : match.end() + 1]))
    return (
        unit in CHINESE_COUNT_UNITS
        and number != "一"
        and not re.match(CHINESE_COUNT_NOT_AFTER, simplified(text[match.end() : match.end() + 2]))
    )


# A list of numbers after 分别 whose unit is printed once, after the last (同比分别提高4.44、2.75个百分点; 分别比去年提高
# 1.53和5.6个百分点): each number is in that unit.
SHARED_UNIT_LIST = re.compile(rf"(?:(?<![\d.,])(?:{ARABIC})\s*(?:、|和|及|与)\s*)+$")
RESPECTIVELY_BEFORE = r"分别[^。；;，,：:]*$"


def listed_before(text: str, match: re.Match[str], unit: str) -> list[Number]:
    """The numbers listed before `match` after 分别 with no unit of their own: in `match`'s unit."""
    if match["before"] or match["sign"]:
        return []
    head = text[: match.start("number")]
    listed = SHARED_UNIT_LIST.search(head)
    if not listed or not re.search(RESPECTIVELY_BEFORE, head[: listed.start()]):
        return []
    return [
        Number(listed.start() + found.start(), listed.start() + found.end(), found[0], unit, "")
        for found in re.finditer(ARABIC, listed[0])
    ]


# A count printed without its unit right after its name and before its share (公共服务类374,占比5.0%; 武进区1266,占
# 21.91%): a count, in the unit of the other counts of the sentence followed by their shares, else in 件.
COUNT_BEFORE_SHARE = re.compile(rf"(?<=[\u4e00-\u9fff])(?:{ARABIC})(?=\s*[,，]\s*占)")
DEFAULT_COUNT_UNIT = "件"


def counts_before_shares(text: str, found: list[Number]) -> list[Number]:
    """The counts printed with no unit before their shares, each in the unit the sentence's other such counts print."""
    units = [
        number.unit
        for number in found
        if re.match(r"\s*[,，]\s*占", text[number.end :]) and not re.fullmatch(r"[%％]", number.unit)
    ]
    unit = max(units, key=units.count) if units else DEFAULT_COUNT_UNIT
    return [
        Number(match.start(), match.end(), match[0], unit, "")
        for match in COUNT_BEFORE_SHARE.finditer(text)
        if not any(number.start <= match.start() < number.end for number in found)
    ]


def find_numbers(text: str, pattern: re.Pattern[str]) -> list[Number]:
    """Every figure printed in `text`, in order: a number (Arabic, or a Chinese numeral with 倍 or 成) followed by a
    unit, with an approximation wording before or after it. Ordinals, the hotline's own number and anything
    without a unit (dates, years, section numbers, phone numbers) are not figures."""
    found: list[Number] = []
    for match in pattern.finditer(text):
        number = match["number"]
        unit = match["unit"]
        if number[0] in CHINESE_DIGITS and not is_a_chinese_figure(text, match):
            continue
        if is_ordinal(text, match.start("number") - (1 if match["sign"] else 0)):
            continue
        if is_hotline_number(number):
            continue
        if is_time_of_day(text, match.start("number"), unit):
            continue
        if is_a_page_counter(text, match):
            continue
        if is_the_next_cells_word(text, match):
            continue
        wording = match["before"] or match["after"] or match["tail_wording"] or ""
        value = ("-" if match["sign"] else "") + number
        found.extend(listed_before(text, match, unit + (match["tail_unit"] or "")))
        found.append(Number(match.start(), match.end(), value, unit + (match["tail_unit"] or ""), wording))
    return sorted([*found, *counts_before_shares(text, found)], key=lambda number: number.start)


def signed(value_printed: str, falls: bool) -> str:
    """A fall (下降) is written with a minus sign, as the seed does."""
    if falls and not value_printed.startswith("-"):
        return "-" + value_printed
    return value_printed


def is_bare_number(cell: str) -> bool:
    """A table cell holding one number: 38447, 90.67%, -1.47%, 1,620,949."""
    return re.fullmatch(rf"[-－]?(?:{ARABIC})\s*[%％]?", cell.strip()) is not None
