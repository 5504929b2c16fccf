"""A source document cut into its parts: sections (by heading), prose, tables with | cells, and ranked tables.

Texts come from web pages (one paragraph a line) and from PDF extraction (lines broken anywhere, blank lines
between them, footnote markers 1–3 alone on a line). Prose lines are joined into one text per section, so a phrase
may cross a line break; white space is kept inside a line (the phrase test compares texts without white space).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

CHINESE_ORDINALS = "一二三四五六七八九十"
HEADING_PATTERNS = (
    re.compile(rf"^(?P<number>[{CHINESE_ORDINALS}]+、)\s*(?P<title>\S.*)$"),
    re.compile(rf"^(?P<number>[（(][{CHINESE_ORDINALS}]+[）)])\s*(?P<title>\S.*)$"),
    re.compile(r"^(?P<number>\d{1,2}[.．、])\s*(?P<title>[^\d\s].*)$"),
    re.compile(r"^(?P<number>■)\s*(?P<title>\S.*)$"),
)
# A heading is short and holds no sentence punctuation.
HEADING_MAX_CHARS = 40
HEADING_FORBIDDEN = re.compile(r"[。，,；;：:]|\d+\s*[件个%％]")
FOOTNOTE_MARKER = re.compile(r"^[1-3]$")
# A site's navigation trail (首页 >> 城管之窗 >> 12319通报; 您当前的位置:首页 > 政务公开): where the page stands, no figures.
NAVIGATION_TRAIL = re.compile(r"^(?:[^\s:：>]{0,8}位置\s*[:：].*|\s*首页\s*)(?:>|＞|»|›)")
SENTENCE_END = re.compile(r"[。；;！？!?\n]")
# A text with a blank line for every two or three lines, none of them long, is a PDF extraction, its lines broken
# anywhere at the page's width; in any other text (a web page, blank lines or not) a line is a paragraph.
WRAPPED_BLANK_SHARE = 1 / 3
WRAPPED_MAX_LINE_CHARS = 60
RANK_TABLE_START = re.compile(r"^序号")
TABLE_SUFFIX = "（表）"
LEAD_SECTION = "导语"
EXCERPT_SECTION = "摘录"


@dataclass(frozen=True)
class Heading:
    level: int
    number: str
    title: str

    @property
    def text(self) -> str:
        return self.number + self.title


def heading_of(line: str) -> Heading | None:
    """`二、群众反映前十类日常问题情况`, `（一）市场管理`, `1.东城区`, `■受理情况`; None for prose."""
    line = line.strip()
    if not line or len(line) > HEADING_MAX_CHARS or HEADING_FORBIDDEN.search(line):
        return None
    for level, pattern in enumerate(HEADING_PATTERNS, start=1):
        match = pattern.match(line)
        if match:
            return Heading(level, match["number"], match["title"].strip())
    return None


def section_name(stack: list[Heading]) -> str:
    """The headings above, outer ones by their number only, the nearest in full: `三、（一）1.东城区`."""
    if not stack:
        return ""
    return "".join(heading.number for heading in stack[:-1]) + stack[-1].text


@dataclass
class Part:
    """A run of the document under one section: prose text, or the lines of a table."""

    kind: str  # prose | pipe_table | rank_table | aligned_table | bare_table
    section: str
    heading: Heading | None
    text: str = ""
    lines: list[str] = field(default_factory=list)
    headings: tuple[Heading, ...] = ()  # every heading above it, the outermost first
    caption: str = ""  # a table's line before its header (单位：件; 各类诉求（万件）): where its unit may be named


def join_lines(lines: list[str], wrapped: bool = True) -> str:
    """Lines joined as one text: a wrapped text's lines run on (a space only where two numbers would otherwise run
    together); other lines stay paragraphs, ending a sentence."""
    if not wrapped:
        return "\n".join(lines)
    text = ""
    for line in lines:
        if text and text[-1].isdigit() and line[:1].isdigit():
            text += " "
        text += line
    return text


def is_pipe_line(line: str) -> bool:
    return line.endswith("|")


COLUMN_CELL = re.compile(r"^[^，。,：:；;|]{1,12}$")
BARE_NUMBER = re.compile(r"^[-－]?\d+(?:\.\d+)?\s*[%％]?$")
HEADERLESS_MIN_NAMES = 3


def column_tables(lines: list[str]) -> list[str]:
    """A table printed one cell a line, column by column (属地, 海安市 … 市级部门, 合计; 数量, 25 … 251), marked
    with `|` like a table whose cells end with one, so it is read as a table."""
    cells = [line for line in lines if line]
    marked: set[int] = set()
    for start in range(len(cells)):
        if start in marked or not COLUMN_CELL.match(cells[start]) or BARE_NUMBER.match(cells[start]):
            continue
        names = 0
        while (
            start + 1 + names < len(cells)
            and COLUMN_CELL.match(cells[start + 1 + names])
            and not BARE_NUMBER.match(cells[start + 1 + names])
        ):
            names += 1
        # without headers: as many numbers as names, then no more numbers (占道经营 商业噪音 … 2 7 …)
        listed = names + 1  # the names from `start` on, when none of them is a header
        bare = cells[start + listed : start + 2 * listed]
        after = cells[start + 2 * listed] if start + 2 * listed < len(cells) else ""
        headerless = (
            listed >= HEADERLESS_MIN_NAMES
            and len(bare) == listed
            and all(BARE_NUMBER.match(value) for value in bare)
            and not BARE_NUMBER.match(after)
        )
        names -= 1  # the last one is the second column's header
        values = cells[start + 2 + names : start + 2 + 2 * names]
        if headerless:  # every name has its number: the first and the last name are no headers
            marked.update(range(start, start + 2 * listed))
        elif names >= 2 and len(values) == names and all(BARE_NUMBER.match(value) for value in values):
            marked.update(range(start, start + 2 + 2 * names))
    if not marked:
        return lines
    out: list[str] = []
    index = 0
    for line in lines:
        if not line:
            out.append(line)
            continue
        out.append(line + " |" if index in marked else line)
        index += 1
    return out


# A piece of a line of `|` cells that is prose, not a cell: a sentence (a page stored as one line, its table's cells
# and its paragraphs joined by `|`).
PROSE_PIECE = re.compile(r"[。；;！？!?]|[，,：:].{8,}|.{8,}[，,：:]")
ALIGNED_GAP = re.compile(r"\s{2,}|\t")
ALIGNED_NAME = re.compile(r"^[^\d\s，。,：:；;|%％]{2,12}$")
TRIPLE = re.compile(
    rf"(?P<name>[^\d\s，。,：:；;|%％]{{2,12}})\s+(?P<count>{BARE_NUMBER.pattern[1:-1]})\s+"
    rf"(?P<share>[-－]?\d+(?:\.\d+)?\s*[%％])"
)


def unfold_pipes(line: str) -> list[str]:
    """A line of `|` cells holding prose too (a page stored as one line): its prose pieces as lines of their own, its
    cells one a line, each ending in `|`. A line of cells alone stays as it is."""
    if "|" not in line:
        return [line]
    pieces = [piece.strip() for piece in line.split("|")]
    if line.endswith("|") and not any(PROSE_PIECE.search(piece) for piece in pieces):
        return [line]
    return [piece if PROSE_PIECE.search(piece) else piece + " |" for piece in pieces if piece]


def aligned_rows(lines: list[str], start: int) -> int:
    """How many lines from `start` make a table aligned with spaces: a row of names over rows of as many numbers
    (咨询类  求助类 / 420  180 / 58.33%  25.00%); 0 when it is not one."""
    names = ALIGNED_GAP.split(lines[start])
    if len(names) < 2 or not all(ALIGNED_NAME.match(name) for name in names):
        return 0
    rows = 1
    while start + rows < len(lines):
        cells = ALIGNED_GAP.split(lines[start + rows])
        if len(cells) != len(names) or not all(BARE_NUMBER.match(cell) for cell in cells):
            break
        rows += 1
    return rows if rows > 1 else 0


def is_triples_line(line: str) -> bool:
    """Name, count and share, twice or more on one line (咨询类  200  40.00%    求助类  150  30.00%)."""
    found = list(TRIPLE.finditer(line))
    return len(found) >= 2 and not TRIPLE.sub("", line).strip()


# A table of bare numbers, its cells apart by single spaces (a report's table stored as text): a header of names,
# then rows whose numbers print no unit. Either a row label naming what its numbers are, under a header of subjects
# (分类 咨询 求助 / 件数 47327 88698 / 占比 31.7 59.3), or a header of measures, printed once or repeated in groups
# side by side, over rows of a name and its numbers (事项类别 件数 占比 事项类别 件数 占比 / 城市综合 63435 42.4 民生保障
# 6238 4.2); a name may be spaced out (三   农). What the numbers count and in which unit is the table's head's.
BARE_HEADER_CELL = re.compile(r"^[^\d\s，。,：:；;|]{1,12}$")
BARE_TABLE_NAME = r"[^\d\s，。,：:；;|%％](?:[^\d，。,：:；;|%％]{0,10}[^\d\s，。,：:；;|%％])?"
BARE_TABLE_NUMBER = r"[-－]?\d+(?:\.\d+)?[%％]?"
BARE_TABLE_MIN_COLUMNS = 3
BARE_TABLE_MIN_GROUP_ROWS = 2  # a header of measures printed once holds over two rows at least


def bare_table_group(columns: int) -> re.Pattern[str]:
    """A name and its `columns - 1` numbers, in a row of a table of bare numbers."""
    numbers = r"\s+".join(rf"(?:{BARE_TABLE_NUMBER})" for _ in range(columns - 1))
    return re.compile(rf"(?P<name>{BARE_TABLE_NAME})\s+(?P<values>{numbers})(?=\s|$)")


def bare_table_period(header: list[str]) -> int:
    """The width of a header's group of columns: 3 for 事项类别 件数 占比 事项类别 件数 占比; the whole header when
    it is printed once."""
    for width in range(2, len(header)):
        if len(header) % width == 0 and all(cell == header[index % width] for index, cell in enumerate(header)):
            return width
    return len(header)


def bare_table_rows(lines: list[str], start: int) -> int:
    """How many lines from `start` make a table of bare numbers (its header and rows); 0 when they are none."""
    header = lines[start].split()
    if len(header) < BARE_TABLE_MIN_COLUMNS or not all(BARE_HEADER_CELL.match(cell) for cell in header):
        return 0
    labelled = 0  # a row label, then a number under each subject of the header
    while start + 1 + labelled < len(lines):
        row = lines[start + 1 + labelled].split()
        if not (
            len(row) == len(header)
            and BARE_HEADER_CELL.match(row[0])
            and all(re.fullmatch(BARE_TABLE_NUMBER, cell) for cell in row[1:])
        ):
            break
        labelled += 1
    if labelled:
        return 1 + labelled
    width = bare_table_period(header)
    group = bare_table_group(width)
    grouped = 0
    while start + 1 + grouped < len(lines):
        text = lines[start + 1 + grouped].strip()
        found = list(group.finditer(text))
        if not text or not found or len(found) > len(header) // width or group.sub("", text).strip():
            break
        grouped += 1
    minimum = 1 if width < len(header) else BARE_TABLE_MIN_GROUP_ROWS
    return 1 + grouped if grouped >= minimum else 0


TABLE_GAP_CELL = re.compile(r"^[-－/—]$")
MIN_ROW_TABLE_COLUMNS = 3


def row_tables(lines: list[str]) -> list[str]:
    """A table printed one cell a line, row by row: a header of names (printed twice when the table stands in two
    halves side by side: 单位 总工单数 得分 排名 单位 总工单数 得分 排名), then rows of a name and a number under each
    other header (灌南县 2843 147.72 1). Its cells are marked with `|`, as a table whose cells end with one, and a
    header printed twice is read once."""
    cells = [(index, line) for index, line in enumerate(lines) if line]
    out = list(lines)

    def is_name(text: str) -> bool:
        return COLUMN_CELL.match(text) is not None and not BARE_NUMBER.match(text)

    def is_value(text: str) -> bool:
        return BARE_NUMBER.match(text) is not None or TABLE_GAP_CELL.match(text) is not None

    def rows_under(start: int, columns: int) -> int:
        rows = 0
        while start + (rows + 1) * columns <= len(cells):
            row = [text for _, text in cells[start + rows * columns : start + (rows + 1) * columns]]
            if not (is_name(row[0]) and all(is_value(value) for value in row[1:])):
                break
            rows += 1
        end = start + rows * columns
        if end < len(cells) and BARE_NUMBER.match(cells[end][1]):
            return 0  # a number after the last row: not rows under a header, but names over their numbers
        return rows

    position = 0
    while position < len(cells):
        names = 0
        while position + names < len(cells) and is_name(cells[position + names][1]):
            names += 1
        # the header is the names just before the first row (a name and then numbers); names before it are
        # prose or headings: the header read is the one under which most rows stand
        start = position + names - 1
        best = (0, 0, 0)  # rows, header, columns
        for header in range(MIN_ROW_TABLE_COLUMNS, names):
            texts = [text for _, text in cells[start - header : start]]
            half = header // 2
            columns = half if header % 2 == 0 and texts[:half] == texts[half:] else header
            if columns >= MIN_ROW_TABLE_COLUMNS:
                best = max(best, (rows_under(start, columns), header, columns))
        rows, header, columns = best
        if rows:
            for offset, (index, text) in enumerate(cells[start - header : start + rows * columns]):
                out[index] = "" if columns <= offset < header else text + " |"
            position = start + rows * columns
        else:
            position += max(names, 1)
    return out


def split_document(text: str) -> list[Part]:
    lines = [piece for line in text.splitlines() for piece in unfold_pipes(line.strip())]
    wrapped = sum(1 for line in lines if not line) >= WRAPPED_BLANK_SHARE * len(lines) and all(
        len(line) <= WRAPPED_MAX_LINE_CHARS for line in lines
    )
    lines = column_tables(row_tables(lines))
    has_headings = any(heading_of(line) for line in lines)
    stack: list[Heading] = []
    parts: list[Part] = []
    current: Part | None = None

    def section() -> str:
        return section_name(stack) or (LEAD_SECTION if has_headings else EXCERPT_SECTION)

    def start(kind: str) -> Part:
        part = Part(kind, section(), stack[-1] if stack else None, headings=tuple(stack))
        parts.append(part)
        return part

    aligned_until = -1
    for index, line in enumerate(lines):
        if not line:
            continue
        if index <= aligned_until:
            continue
        rows = aligned_rows(lines, index)
        if rows or is_triples_line(line):
            current = start("aligned_table")
            current.section = section() + TABLE_SUFFIX
            current.lines = lines[index : index + rows] if rows else [line]
            aligned_until = index + rows - 1
            current = None
            continue
        rows = bare_table_rows(lines, index)
        if rows:
            caption = next((line for line in reversed(lines[:index]) if line), "")
            current = start("bare_table")
            current.section = section() + TABLE_SUFFIX
            current.lines = lines[index : index + rows]
            current.caption = caption
            aligned_until = index + rows - 1
            current = None
            continue
        heading = heading_of(line) if not (current and current.kind == "pipe_table" and is_pipe_line(line)) else None
        if heading:
            stack = [entry for entry in stack if entry.level < heading.level] + [heading]
            current = None
            continue
        # a ranked table of space-separated cells (序号 单位 …); one whose cells end in `|` is a pipe table
        if (
            RANK_TABLE_START.match(line)
            and not is_pipe_line(line)
            and (current is None or current.kind != "rank_table")
        ):
            current = start("rank_table")
            current.section = section() + TABLE_SUFFIX
        if current and current.kind == "rank_table":
            current.lines.append(line)
            continue
        kind = "pipe_table" if is_pipe_line(line) else "prose"
        if kind == "prose" and (FOOTNOTE_MARKER.match(line) or NAVIGATION_TRAIL.match(line)):
            continue
        if current is None or current.kind != kind:
            current = start(kind)
        current.lines.append(line)
    for part in parts:
        if part.kind == "prose":
            part.text = join_lines(part.lines, wrapped)
    return parts


def sentences(text: str) -> list[tuple[int, str]]:
    """(offset, sentence) for each sentence of `text`, its closing punctuation included."""
    found: list[tuple[int, str]] = []
    start = 0
    for match in SENTENCE_END.finditer(text):
        found.append((start, text[start : match.end()]))
        start = match.end()
    if start < len(text):
        found.append((start, text[start:]))
    return found


def pipe_cells(lines: list[str]) -> list[str]:
    """The cells of a table whose cells each end with `|`, one a line (an empty line `|` is an empty cell)."""
    cells: list[str] = []
    for line in lines:
        for cell in line.split("|")[:-1]:
            cells.append(cell.strip())
    return cells
