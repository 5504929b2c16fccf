"""The figures a report page shows, read back from its HTML, and a comparison of two pages.

    .venv/bin/python tests/python/support/page_figures.py before.html after.html

prints every figure that differs between the two pages and exits 1 if any does; it lists the table cells that
are labels (a name, not a number) that differ too, without failing. Headings and captions may differ. A figure is
a table body cell holding a number (its text, its kind: printed, derived, inconsistent; the printed figure it shows
and its hover), in its table and row, or an audit summary count.
"""

from __future__ import annotations

import sys
from collections import Counter
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

KINDS = ("printed", "derived", "inconsistent")
ROW_KEYS = ("data-district", "data-check", "data-period", "data-member", "id")


@dataclass
class Cell:
    texts: list[str] = field(default_factory=list)
    kinds: tuple[str, ...] = ()
    figure: str = ""
    title: str = ""
    # a number: a `num` cell, or a cell with a bold count (the topic table's top units); else a label
    numeric: bool = False

    def key(self) -> tuple[object, ...]:
        return (tuple(self.texts), self.kinds, self.figure, self.title)


@dataclass
class PageFigures:
    # (section id, table id or ordinal) -> rows, each (row keys, cells)
    tables: dict[tuple[str, str], list[tuple[tuple[str, ...], list[Cell]]]] = field(default_factory=dict)
    # the audit summary in the header: card id -> count
    summary: dict[str, str] = field(default_factory=dict)
    ids: Counter[str] = field(default_factory=Counter)

    def printed(self) -> dict[str, list[str]]:
        """Each printed figure's id and the texts of the cells that show it."""
        shown: dict[str, list[str]] = {}
        for rows in self.tables.values():
            for _, cells in rows:
                for cell in cells:
                    if cell.figure:
                        shown.setdefault(cell.figure, []).append(" ".join(cell.texts))
        return shown


class _Reader(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.figures = PageFigures()
        self.section = ""
        self.table_key: tuple[str, str] | None = None
        self.tables_in_section: Counter[str] = Counter()
        self.in_tbody = False
        self.row: tuple[tuple[str, ...], list[Cell]] | None = None
        self.cell: Cell | None = None
        self.card = ""
        self.in_header = False
        self.in_card_value = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = {name: value or "" for name, value in attrs}
        if "id" in attributes:
            self.figures.ids[attributes["id"]] += 1
        if tag == "header":
            self.in_header = True
        elif tag == "section":
            self.section = attributes.get("id", "")
        elif tag == "footer":
            self.section = "footer"
        elif tag == "table":
            self.tables_in_section[self.section] += 1
            self.table_key = (self.section, attributes.get("id") or f"#{self.tables_in_section[self.section]}")
            self.figures.tables[self.table_key] = []
        elif tag == "tbody":
            self.in_tbody = True
        elif tag == "tr" and self.in_tbody and self.table_key:
            self.row = (tuple(f"{key}={attributes[key]}" for key in ROW_KEYS if key in attributes), [])
            self.figures.tables[self.table_key].append(self.row)
        elif tag == "td" and self.row is not None:
            classes = set(attributes.get("class", "").split())
            self.cell = Cell(
                kinds=tuple(kind for kind in KINDS if kind in classes),
                figure=attributes.get("data-figure", ""),
                title=attributes.get("title", ""),
                numeric="num" in classes,
            )
            self.row[1].append(self.cell)
        elif tag == "div" and self.in_header and attributes.get("id", "").startswith("summary-"):
            self.card = attributes["id"]
        elif tag == "b" and self.card:
            self.in_card_value = True
        elif tag == "b" and self.cell is not None:
            self.cell.numeric = True

    def handle_endtag(self, tag: str) -> None:
        if tag == "header":
            self.in_header = False
        elif tag == "table":
            self.table_key = None
        elif tag == "tbody":
            self.in_tbody = False
        elif tag == "tr":
            self.row = None
        elif tag == "td":
            self.cell = None
        elif tag == "b":
            self.in_card_value = False
        elif tag == "div":
            self.card = ""

    def handle_data(self, data: str) -> None:
        if self.cell is not None and data.strip():
            self.cell.texts.append(data.strip())
        if self.in_card_value and data.strip():
            self.figures.summary[self.card] = data.strip()


def page_figures(html: str) -> PageFigures:
    reader = _Reader()
    reader.feed(html)
    reader.close()
    return reader.figures


def differences(before: PageFigures, after: PageFigures, labels: bool = False) -> list[str]:
    """Every figure (or with `labels`, every label cell) that is not the same on both pages, in words."""
    found = []
    if before.summary != after.summary:
        found.append(f"audit summary: {before.summary} != {after.summary}")
    for key in sorted(before.tables.keys() | after.tables.keys()):
        old, new = before.tables.get(key), after.tables.get(key)
        if old is None or new is None:
            found.append(f"table {key}: only on the {'after' if old is None else 'before'} page")
            continue
        if len(old) != len(new):
            found.append(f"table {key}: {len(old)} rows before, {len(new)} after")
        for number, ((old_keys, old_cells), (new_keys, new_cells)) in enumerate(zip(old, new), start=1):
            if old_keys != new_keys:
                found.append(f"table {key} row {number}: {old_keys} != {new_keys}")
            old_row = [cell.key() if cell.numeric != labels else None for cell in old_cells]
            new_row = [cell.key() if cell.numeric != labels else None for cell in new_cells]
            if old_row != new_row:
                found.append(
                    f"table {key} row {number} ({' '.join(old_keys)}):\n  before {old_row}\n  after  {new_row}"
                )
    return found


def main(arguments: list[str]) -> int:
    before, after = (page_figures(Path(path).read_text(encoding="utf-8")) for path in arguments)
    for line in differences(before, after, labels=True):
        print(f"label (not a figure): {line}")
    found = differences(before, after)
    for line in found:
        print(line)
    cells = sum(len(cells) for rows in after.tables.values() for _, cells in rows)
    print(
        f"{len(after.tables)} tables, {cells} cells, {len(after.printed())} printed figures, "
        f"{len(after.summary)} summary counts compared: {len(found)} differences"
    )
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
