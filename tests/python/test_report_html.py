"""The report page's HTML: valid, escaped, and each printed figure and heading as the warehouse holds it.

No browser: html5lib (an HTML5 parser, in strict mode it raises at the first parse error) and Python's own
html.parser read the page `hotline12345 report` writes. The figures and the source's sections are read from
marts.fct_published_figure here, never from the page generator.
"""

from __future__ import annotations

import dataclasses
import os
import re
import time
from collections import Counter
from collections.abc import Iterator
from html import unescape
from html.parser import HTMLParser
from pathlib import Path

import duckdb
import html5lib
import pytest
from conftest import ROOT
from support.page_figures import differences, page_figures

from hotline12345.cli import main
from hotline12345.report import charts, render_report, warehouse_built_at
from hotline12345.report.page import render
from hotline12345.report.queries import SITE_QUERIES, SiteData, load_report_data, platform_printings, platforms
from hotline12345.report.view import Figures, Num, Page, heading

# Elements that have no end tag in HTML; SVG's empty elements close themselves (`<path … />`).
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
REPORT = ROOT / "src" / "hotline12345" / "report"


@pytest.fixture(scope="module")
def page(warehouse: Path) -> str:
    html, _, _ = render_report(warehouse)
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
    parts = re.findall(r'<section id="([^"]+)">', page)
    assert parts, "the page has no <section>"
    for part in parts:
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


# A weekly bulletin of another platform than the default page's: the week with the most printed figures.
WEEKLY = """
    select platform_code, period_code, count(*) as figures
    from marts.fct_published_figure
    where period_kind = 'week' and platform_code <> 'X'
    group by all
    order by figures desc, platform_code, period_code
    limit 1
"""


@pytest.fixture(scope="module")
def weekly(warehouse: Path, db: duckdb.DuckDBPyConnection) -> tuple[str, str, str]:
    """(platform, period, the page's HTML) of the weekly bulletin with the most printed figures."""
    default_platform = render_report(warehouse)[1]
    found = db.execute(WEEKLY.replace("'X'", "?"), [default_platform]).fetchone()
    assert found, "the warehouse holds no weekly bulletin"
    html, platform, period = render_report(warehouse, found[0], found[1])
    assert (platform, period) == (found[0], found[1])
    return platform, period, html


def test_a_weekly_page_is_valid_html_with_unique_ids(weekly: tuple[str, str, str]) -> None:
    _, _, html = weekly
    parser = html5lib.HTMLParser(strict=True)
    parser.parse(html)
    balance = TagBalance()
    balance.feed(html)
    balance.close()
    assert balance.problems == [] and balance.open == []
    assert [identifier for identifier, count in balance.ids.items() if count > 1] == []
    assert sorted(balance.links - set(balance.ids)) == []


def test_a_weekly_page_has_the_sections_it_has_data_for(
    weekly: tuple[str, str, str], db: duckdb.DuckDBPyConnection
) -> None:
    platform, period, html = weekly
    label = db.execute("select period_label_zh, period_label_en from marts.dim_period where period_code = ?", [period])
    zh, en = label.fetchone() or ("", "")
    sections = re.findall(r'<section id="([^"]+)">', html)
    assert "intake" in sections and "audit" in sections
    assert "monthly" not in sections and "topics" not in sections  # no 每月一题 or named months in a week
    assert zh and f"({platform})" in html and f"期间 period: {zh} · {en} (week)" in html


def test_a_weekly_page_shows_every_printed_figure_in_bold_blue_as_printed(
    weekly: tuple[str, str, str], db: duckdb.DuckDBPyConnection
) -> None:
    """Every figure the bulletin prints for the platform and week is on the page, once at least, in a printed
    (bold blue) cell whose text is the value as printed (约 where approximate, the unit where the column counts in
    another, ✗ where the audit finds it inconsistent)."""
    platform, period, html = weekly
    source = report_source(html)
    printed = {
        figure_id: (("约" if approximate else "") + value, unit)
        for figure_id, approximate, value, unit in db.execute(
            "select figure_id, coalesce(is_approximate, false), value_printed, unit_printed"
            " from marts.fct_published_figure where platform_code = ? and period_code = ? and source_id = ?"
            " and is_canonical",
            [platform, period, source],
        ).fetchall()
    }
    assert len(printed) >= 10
    shown = page_figures(html)
    cells = [cell for rows in shown.tables.values() for _, row in rows for cell in row if cell.figure]
    assert {cell.figure for cell in cells} == set(printed)
    css = (REPORT / "templates" / "page.css").read_text(encoding="utf-8")
    assert re.search(r"td\.printed \{[^}]*color: var\(--printed\); font-weight: 600", css)
    for cell in cells:
        assert cell.kinds[0] == "printed", cell.figure
        value, unit = printed[cell.figure]
        text = " ".join(cell.texts).removesuffix(" ✗")
        assert text in (value, f"{value} {unit}"), (cell.figure, text, value, unit)


TRUNCATED = """
    select platform_code, period_code
    from audit.published_figure_checks
    where status = 'truncated' and check_kind = 'share_list'
    order by platform_code, period_code
    limit 1
"""


def test_a_truncated_share_is_shown_as_truncated_not_as_an_error(
    warehouse: Path, db: duckdb.DuckDBPyConnection
) -> None:
    found = db.execute(TRUNCATED).fetchone()
    assert found, "no truncated share list in the audit"
    platform, period = found
    html, _, _ = render_report(warehouse, platform, period)
    truncated, share_lists = (
        {check_id for (check_id,) in db.execute(sql, [platform]).fetchall()}
        for sql in (
            "select check_id from audit.published_figure_checks where platform_code = ? and status = 'truncated'",
            "select check_id from audit.published_figure_checks where platform_code = ? and check_kind = 'share_list'",
        )
    )
    findings = re.findall(r'<tr class="(\w+) finding" data-check="([^"]+)">(.*?)</tr>', html, re.DOTALL)
    assert {check for status, check, _ in findings if status == "truncated"} == truncated
    for status, check, row in findings:
        if status == "truncated":
            assert "截断 truncated" in row and "NOT EXPLAINED" not in row, check
    body = html[html.index('id="share-lists-table"') :]
    body = body[: body.index("</table>")]
    assert set(re.findall(r'data-check="([^"]+)"', body)) == share_lists
    for check_id, explanation in db.execute(
        "select check_id, explanation from audit.published_figure_checks where platform_code = ?"
        " and check_kind = 'share_list'",
        [platform],
    ).fetchall():
        assert explanation and explanation.replace('"', "&#34;").replace("'", "&#39;") in body, check_id
    summary = re.search(r'id="summary-truncated"><b>(\d+)</b>', html)
    assert summary and int(summary.group(1)) == len(truncated)


def test_an_unknown_platform_or_period_is_refused_saying_what_there_is(warehouse: Path) -> None:
    with pytest.raises(ValueError, match="no platform 'atlantis_12345' in marts.dim_platform; known: .*beijing_12345"):
        render_report(warehouse, "atlantis_12345")
    platform = render_report(warehouse)[1]
    with pytest.raises(ValueError, match=f"{platform} has no figures for the period '1999'; its periods: "):
        render_report(warehouse, platform, "1999")


def test_the_command_refuses_an_unknown_platform_and_writes_nothing(
    warehouse: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "page.html"
    arguments = ["--project-dir", str(ROOT), "report", "--database", str(warehouse), "--out", str(out)]
    assert main([*arguments, "--platform", "atlantis_12345"]) == 1
    assert "hotline12345 report: no platform 'atlantis_12345' in marts.dim_platform" in capsys.readouterr().err
    assert main([*arguments, "--index"]) == 1
    assert "--index writes every platform's page" in capsys.readouterr().err
    assert not out.exists()


def test_a_kept_chart_is_read_back_as_drawn_and_a_changed_one_is_drawn_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A chart drawn with a folder to keep it in is read back from there, the same bytes, without vl-convert; a
    chart of other data is drawn and kept beside it; without the folder every chart is drawn again, the same."""
    first = charts.horizontal_bars([{"district": "朝阳区", "wan": 1.5}], "district", "wan", "万件 (10,000 items)")
    other = charts.horizontal_bars([{"district": "朝阳区", "wan": 2.5}], "district", "wan", "万件 (10,000 items)")
    before = charts.charts_kept_in()
    try:
        charts.keep_charts_in(tmp_path)
        drawn = charts.render_svg(first, "a chart")
        assert drawn.startswith('<svg role="img" aria-label="a chart" ') and "朝阳区" in drawn
        assert len(list(tmp_path.rglob("*.svg"))) == 1

        charts.keep_charts_in(tmp_path)  # this process's drawings forgotten: only the folder remembers

        def not_drawn(spec: object) -> str:
            raise AssertionError("a kept chart was drawn again")

        with monkeypatch.context() as patched:
            patched.setattr(charts.vl_convert, "vegalite_to_svg", not_drawn)
            assert charts.render_svg(first, "a chart") == drawn
            with pytest.raises(AssertionError, match="drawn again"):
                charts.render_svg(other, "a chart")
        assert charts.render_svg(other, "a chart") != drawn
        assert len(list(tmp_path.rglob("*.svg"))) == 2

        charts.keep_charts_in(None)
        with monkeypatch.context() as patched:
            patched.setattr(charts.vl_convert, "vegalite_to_svg", not_drawn)
            with pytest.raises(AssertionError, match="drawn again"):
                charts.render_svg(first, "a chart")
        assert charts.render_svg(first, "a chart") == drawn
    finally:
        charts.keep_charts_in(before)


def test_a_site_run_removes_the_kept_charts_it_did_not_use_unless_one_was_used_within_a_day(tmp_path: Path) -> None:
    """`report --index` draws every chart of the site; after it, a kept chart that neither it nor any run read or
    wrote for a day is removed (target/charts/ no longer grows with every changed spec). A chart read back is
    marked used, however old its file; one unused for less than a day stays (another branch's, say)."""
    chart = charts.horizontal_bars([{"district": "朝阳区", "wan": 1.5}], "district", "wan", "万件 (10,000 items)")
    day = charts.KEPT_UNUSED_FOR
    before = charts.charts_kept_in()
    try:
        charts.keep_charts_in(tmp_path)
        charts.render_svg(chart, "a chart")
        (used,) = tmp_path.rglob("*.svg")
        os.utime(used, (time.time() - 3 * day, time.time() - 3 * day))  # drawn long ago ...
        stale, recent = tmp_path / "00" / f"{'0' * 64}.svg", tmp_path / "ff" / f"{'f' * 64}.svg"
        for path, age in ((stale, 2 * day), (recent, day / 2)):
            path.parent.mkdir(exist_ok=True)
            path.write_text("<svg/>", encoding="utf-8")
            os.utime(path, (time.time() - age, time.time() - age))
        started = time.time()
        charts.keep_charts_in(tmp_path)  # a new run: only the folder remembers
        charts.render_svg(chart, "a chart")  # ... and read back by this run
        assert charts.prune_kept_charts(started) == 1
        assert not stale.exists() and recent.is_file() and used.is_file()
        charts.keep_charts_in(None)
        assert charts.prune_kept_charts(time.time()) == 0  # no folder: nothing to prune
    finally:
        charts.keep_charts_in(before)


def test_a_page_read_beside_every_other_page_of_the_site_is_the_page_read_alone(warehouse: Path) -> None:
    """The index's processes read each relation once and hand every page its rows from memory (SiteData): a page
    read after the site's other pages, from the rows they were handed too, is the page the single-page command
    reads through a connection of its own, section by section (a page that changed another's rows, or rows kept
    under the wrong page's key, would differ). Every platform's pages are read, in the index's order; those of each
    thirtieth platform that prints figures (its own page, and one period's with that period's audit) are compared."""
    with duckdb.connect(str(warehouse), read_only=True) as connection:
        site = SiteData(connection)
        compared = []
        printing_platforms = [
            str(row["platform_code"]) for row in platforms(site) if platform_printings(site, row["platform_code"])
        ]
        for number, code in enumerate(printing_platforms):
            for rank, printing in enumerate(platform_printings(site, code)):
                audit = rank > 0  # the platform's own page lists its whole audit, a period's page the period's
                page = load_report_data(site, printing={**printing, "platform_code": code}, audit_of_the_period=audit)
                if number % 30 == 0 and rank < 2:
                    compared.append(((code, str(printing["period_code"]), str(printing["source_id"]), audit), page))
    assert len(compared) > 2 and any(audit for (_, _, _, audit), _ in compared)
    for (code, period, source, audit), in_the_site in compared:
        with duckdb.connect(str(warehouse), read_only=True) as alone:
            by_itself = load_report_data(alone, code, period, source, audit_of_the_period=audit)
        for name, rows in by_itself.sections.items():
            assert in_the_site[name] == rows, (code, period, source, name)
        assert in_the_site == by_itself


def test_every_query_of_the_site_keeps_its_rows_under_a_page_but_the_site_wide_ones(
    db: duckdb.DuckDBPyConnection,
) -> None:
    """A query whose rows carry no key would hand every page all of the site's rows: only the list of platforms and
    which measure each column of a section shows are the same on every page. Each key names what a page is read by."""
    page_parameters = {"key_platform", "key_period", "key_source", "key_audit_period"}
    unkeyed = set()
    for name, sql in SITE_QUERIES.items():
        columns = [description[0] for description in db.execute(f"select * from ({sql}) limit 0").description]
        keys = {column for column in columns if column.startswith("key_")}
        assert keys <= page_parameters, name
        if not keys:
            unkeyed.add(name)
    assert unkeyed == {"platforms", "measure_page_sections"}
