"""A period as a reader reads it: the one home of the rule that turns a period's key into its label.

A period's key (macros/periods.sql: a year `YYYY`, a month `YYYY-MM`, a half-year `YYYY-H1`, a quarter `YYYY-Q4`,
a run of days `YYYY-MM-DD..YYYY-MM-DD`, and for a page that prints no year `undated (source): --11-01..--11-30`) is
what joins; its label is what a page shows: "YYYY年11月", "YYYY年上半年", "YYYY-03-15 至 03-22",
"11月1日–11月30日（年份未印出）". Each shape of key is one row of `SHAPES` below (a pattern and its two wordings),
read from the key's own grammar, never from a year or a platform. A key of no known shape is shown as it is, so a
new shape of key is seen, not hidden.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

MONTHS_EN = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
HALVES = {"1": ("上半年", "first half of"), "2": ("下半年", "second half of")}
QUARTERS = {"1": "一", "2": "二", "3": "三", "4": "四"}
YEAR_NOT_PRINTED = ("（年份未印出）", " (year not printed)")


@dataclass(frozen=True)
class PeriodLabel:
    zh: str
    en: str

    def __str__(self) -> str:
        return self.zh


def _day_zh(month_day: str) -> str:
    month, day = month_day.split("-")
    return f"{int(month)}月{int(day)}日"


def _day_en(month_day: str) -> str:
    month, day = month_day.split("-")
    return f"{int(day)} {MONTHS_EN[int(month) - 1]}"


def _range(start: str, end: str) -> tuple[str, str]:
    """Two ISO dates; the end without the year it shares with the start; one day once."""
    if start == end:
        return start, start
    shown_end = end[5:] if start[:4] == end[:4] else end
    return f"{start} 至 {shown_end}", f"{start} to {shown_end}"


def _undated(start: str | None, end: str | None) -> tuple[str, str]:
    """Year-less days (`11-01`, `11-30`) as printed; an open end is 起 (from)."""
    zh, en = YEAR_NOT_PRINTED
    if start and end:
        return f"{_day_zh(start)}–{_day_zh(end)}{zh}", f"{_day_en(start)} – {_day_en(end)}{en}"
    if start:
        return f"{_day_zh(start)}起{zh}", f"from {_day_en(start)}{en}"
    return f"至{_day_zh(str(end))}{zh}", f"to {_day_en(str(end))}{en}"


_DAY = r"\d{2}-\d{2}"
# (the shape of a key, its label in Chinese and English from the groups it matches)
SHAPES: list[tuple[re.Pattern[str], Callable[[re.Match[str]], tuple[str, str]]]] = [
    (re.compile(r"(\d{4})"), lambda m: (f"{m[1]}年", m[1])),
    (re.compile(r"(\d{4})-(\d{2})"), lambda m: (f"{m[1]}年{int(m[2])}月", f"{MONTHS_EN[int(m[2]) - 1]} {m[1]}")),
    (re.compile(r"(\d{4})-H([12])"), lambda m: (f"{m[1]}年{HALVES[m[2]][0]}", f"{HALVES[m[2]][1]} {m[1]}")),
    (re.compile(r"(\d{4})-Q([1-4])"), lambda m: (f"{m[1]}年第{QUARTERS[m[2]]}季度", f"Q{m[2]} {m[1]}")),
    (re.compile(r"(\d{4}-\d{2}-\d{2})\.\.(\d{4}-\d{2}-\d{2})"), lambda m: _range(m[1], m[2])),
    (
        re.compile(rf"undated \([^()]*\): (?:--({_DAY}))?\.\.(?:--({_DAY}))?"),
        lambda m: _undated(m[1], m[2]),
    ),
    (re.compile(r"undated \([^()]*\)"), lambda m: ("日期未印出", "dates not printed")),
]


def period_label(period_code: str) -> PeriodLabel:
    """The label of a period's key (see the module's docstring); the key itself where no shape fits it."""
    for pattern, words in SHAPES:
        found = pattern.fullmatch(period_code)
        if found:
            return PeriodLabel(*words(found))
    return PeriodLabel(period_code, period_code)
