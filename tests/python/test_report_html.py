"""The report page's HTML: valid, escaped, and each printed figure and heading as the warehouse holds it.

No browser: html5lib (an HTML5 parser, in strict mode it raises at the first parse error) and Python's own
html.parser read the page `hotline12345 report` writes. The figures and the source's sections are read from
marts.fct_published_figure here, never from the page generator.
"""

from __future__ import annotations

import dataclasses
import re
from collections import Counter
from collections.abc import Iterator
from html import unescape
from html.parser import HTMLParser
from pathlib import Path

import duckdb
import html5lib
import pytest
from conftest import ROOT
from page_figures import differences, page_figures

from hotline12345.report import render_report, warehouse_built_at
from hotline12345.report.page import render
from hotline12345.report.queries import load_report_data
from hotline12345.report.view import Figures, Num, Page, heading

# Elements that have no end tag in HTML; SVG's empty elements close themselves (`<path … />`).
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
REPORT = ROOT / "src" / "hotline12345" / "report"


@pytest.fixture(scope="module")
def page(warehouse: Path) -> str:
    html, _ = render_report(warehouse)
    return html


@pytest.fixture(scope="module")
def db(warehouse: Path) -> Iterator[duckdb.DuckDBPyConnection]:
    connection = duckdb.connect(str(warehouse), read_only=True)
    yield connection
    connection.close()


class TagBalance(HTMLParser):
    """Every element closed by its own end tag, in order; where one is not, what and on which line."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=False)
        self.open: list[tuple[str, int]] = []
        self.problems: list[str] = []
        self.ids: Counter[str] = Counter()
        self.links: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = dict(attrs)
        if attributes.get("id"):
            self.ids[str(attributes["id"])] += 1
        if str(attributes.get("href") or "").startswith("#"):
            self.links.add(str(attributes["href"])[1:])
        if tag not in VOID:
            self.open.append((tag, self.getpos()[0]))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = dict(attrs)
        if attributes.get("id"):
            self.ids[str(attributes["id"])] += 1

    def handle_endtag(self, tag: str) -> None:
        line = self.getpos()[0]
        if not self.open or self.open[-1][0] != tag:
            expected = f"</{self.open[-1][0]}> for line {self.open[-1][1]}" if self.open else "nothing open"
            self.problems.append(f"line {line}: </{tag}>, expected {expected}")
            return
        self.open.pop()

    def handle_data(self, data: str) -> None:
        # With character references left as they are, a bare `&` in text or a stray `>` is unescaped text.
        for match in re.finditer(r"&(?!(?:[a-zA-Z]+|#\d+|#x[0-9a-fA-F]+);)|>", data):
            line = self.getpos()[0]
            self.problems.append(f"line {line}: unescaped {match.group()!r} in {data.strip()[:60]!r}")


def test_the_page_parses_as_html5_without_an_error(page: str) -> None:
    parser = html5lib.HTMLParser(strict=True)
    parser.parse(page)  # raises html5lib.html5parser.ParseError at the first error, with its line
    assert parser.errors == []


def test_every_tag_is_closed_in_order_and_every_id_is_unique(page: str) -> None:
    balance = TagBalance()
    balance.feed(page)
    balance.close()
    assert balance.problems == []
    assert balance.open == [], f"left open: {balance.open}"
    assert [identifier for identifier, count in balance.ids.items() if count > 1] == []
    # every in-page link goes somewhere
    assert sorted(balance.links - set(balance.ids)) == []


def test_values_from_the_warehouse_are_escaped(warehouse: Path) -> None:
    """A source title, a name and a phrase holding markup come out as text, not as elements."""
    hostile = '<script>alert("x")</script> & <b>bold</b>'
    with duckdb.connect(str(warehouse), read_only=True) as connection:
        data = load_report_data(connection)
    sources = [{**source, "title": hostile} for source in data["sources"]]
    districts = [{**row, "district_name_en": hostile} for row in data["districts"]]
    figures_rows = [{**row, "source_phrase": hostile} for row in data["figures"]]
    data = dataclasses.replace(data, sections={**data.sections, "sources": sources, "districts": districts})
    html = render(Page(data, Figures(figures_rows, data["audit_percentages"]), "built", "warehouse.duckdb"))
    assert "<script" not in html and "<b>bold</b>" not in html
    assert "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt; &amp; &lt;b&gt;bold&lt;/b&gt;" in html
    html5lib.HTMLParser(strict=True).parse(html)


def report_source(page: str) -> str:
    found = re.search(r'id="build-info">来源 source: ([^ ]+) ·', page)
    assert found, "the page names no source"
    return found.group(1)


def test_each_printed_figure_reads_as_the_report_prints_it(page: str, db: duckdb.DuckDBPyConnection) -> None:
    """A cell that names a printed figure shows its value as the report prints it (约 where approximate), ✗ where
    the audit finds it inconsistent, and on hover the section and phrase of one of the report's printings of it."""
    shown = page_figures(page)
    cells = [cell for rows in shown.tables.values() for _, row in rows for cell in row if cell.figure]
    assert len(cells) >= 200
    printings: dict[str, list[tuple[bool, str, str, str]]] = {}
    for figure_id, *printing in db.execute(
        "select figure_id, coalesce(is_approximate, false), value_printed, section_zh, source_phrase"
        " from marts.fct_published_figure where source_id = ?",
        [report_source(page)],
    ).fetchall():
        printings.setdefault(figure_id, []).append((printing[0], printing[1], printing[2], printing[3]))
    inconsistent = {
        check_id.split(":", 1)[1]
        for (check_id,) in db.execute(
            "select check_id from audit.published_figure_checks where status = 'inconsistent' and check_kind = 'share'"
        ).fetchall()
    }
    for cell in cells:
        assert cell.kinds[0] == "printed", cell.figure
        assert (
            " ".join(cell.texts),
            cell.title.split("\n\n")[0],
        ) in {
            (
                ("约" if approximate else "") + value + (" ✗" if cell.figure in inconsistent else ""),
                f"{section}：{phrase}",
            )
            for approximate, value, section, phrase in printings[cell.figure]
        }, cell.figure
    assert {cell.figure for cell in cells if "inconsistent" in cell.kinds} == inconsistent & {c.figure for c in cells}


def test_sections_are_headed_by_the_sources_own_sections(page: str) -> None:
    """Each part of the page that shows printed figures is headed by the report's sections they come from (the
    section each cell names on hover, checked against the mart above); the page's own parts (the audit, the
    series) by the page."""
    for part in re.findall(r'<section id="([^"]+)">', page):
        body = page[page.index(f'<section id="{part}">') :]
        body = body[: body.index("</section>")]
        heading = re.search(r'<h2(?: title="([^"]*)")?>(.*?)<span', body)
        assert heading, part
        listed, title = unescape(heading.group(1) or ""), unescape(heading.group(2))
        expected = {
            unescape(hover).split("：", 1)[0]
            for hover in re.findall(r'<td class="num printed[^"]*" title="([^"]*)"', body)
        }
        if not expected:
            assert part in ("audit", "series") and not listed, part
            continue
        named = set(listed.split(": ", 1)[1].split("；")) if listed else {title}
        assert named == expected, part
        assert any(title.startswith(section) for section in expected), part


def test_the_page_is_written_from_templates_with_nothing_of_one_report(warehouse: Path) -> None:
    """Markup lives in templates/; no year, platform or report's heading is written into the code or templates."""
    python = {path: path.read_text(encoding="utf-8") for path in REPORT.glob("*.py")}
    templates = {path: path.read_text(encoding="utf-8") for path in (REPORT / "templates").iterdir()}
    for path, text in python.items():
        assert not re.search(r"<(?:td|tr|th|table|section|div|span|p|h[1-6])\b", text), path
    for path, text in {**python, **templates}.items():
        assert not re.search(r"\b(?:19|20)\d\d\b|十六|beijing|北京|二、|三、", text), path
    assert warehouse_built_at(warehouse) in render_report(warehouse)[0]


def test_the_stylesheet_is_inlined_from_its_own_file(page: str) -> None:
    css = (REPORT / "templates" / "page.css").read_text(encoding="utf-8").strip()
    assert f"<style>\n{css}\n</style>" in page


def test_the_figures_comparison_finds_a_changed_figure_and_passes_a_relabelled_row(page: str) -> None:
    """page_figures.py, which showed the templated page's figures the same as the f-string page's, can fail."""
    same = page_figures(page)
    assert differences(same, page_figures(page)) == []
    chaoyang = re.search(r'(<tr data-district="chaoyang">.*?</tr>)', page, re.DOTALL)
    assert chaoyang
    row = chaoyang.group(1)
    changed = page.replace(row, row.replace(">140.0<", ">140.1<", 1))
    assert changed != page
    found = differences(same, page_figures(changed))
    assert len(found) == 1 and "data-district=chaoyang" in found[0] and "140.1" in found[0]
    relabelled = page.replace(row, row.replace("朝阳区", "某区", 1))
    assert differences(same, page_figures(relabelled)) == []
    assert len(differences(same, page_figures(relabelled), labels=True)) == 1


def test_a_heading_lists_the_sections_in_the_sources_numbering() -> None:
    """（二） before （十）, 2. before 16., a section's unnumbered heading before its numbered items."""
    numbered = ["二、（十）十", "二、（二）二", "二、（一）一"]
    assert heading([Num(section_zh=section) for section in numbered]).title == "二、（一）一 · （二）二 · （十）十"
    items = ["三、（一）16.乙", "三、（一）总", "三、（一）2.甲", "三、（一）3.丙"]
    shown = heading([Num(section_zh=section) for section in [*items, items[0]]])
    assert shown.sections == ["三、（一）总", "三、（一）2.甲", "三、（一）3.丙", "三、（一）16.乙"]
    assert shown.title == "三、（一）总 … 16.乙"
    assert heading([Num(), Num(section_zh="导语")]).title == "导语"
