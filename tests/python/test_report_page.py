"""The report page: self-contained, deterministic, and right in a real browser.

The browser is Debian's Chromium driven by Playwright (`make browser` installs it with
the CJK fonts; `playwright install` is never needed). Expected numbers are the report's
printed figures, typed in from source_documents/, or read from the marts here; never
copied from the page generator's output.
"""

from __future__ import annotations

import csv
import html
import io
import itertools
import os
import re
import shutil
import subprocess
import sys
import tarfile
from collections.abc import Iterator
from datetime import UTC, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

import duckdb
import pytest
from conftest import ROOT
from support.expected import (
    CHAOYANG_2022,
    CHAOYANG_2022_DISTRICT_DEPARTMENT_SHARE_PCT,
    CHAOYANG_2022_DISTRICT_DEPARTMENTS,
    CHAOYANG_2022_SHARE_OF_DISTRICTS_PCT,
    MARKET_2022_YOY_PCT,
    ONLINE_2021_SHARE_PCT,
    ONLINE_2022,
    ONLINE_2022_SHARE_PCT,
    ONLINE_2022_YOY_PCT,
    TOTAL_2022,
    TOTAL_2022_YOY_PCT,
)
from support.page_figures import Cell, PageFigures, differences, page_figures

from hotline12345.cli import main
from hotline12345.report import charts as report_charts
from hotline12345.report import render_report
from hotline12345.report.comparison import compared_measures
from hotline12345.report.formatting import pct, wan, whole
from hotline12345.report.view import NO_VALUE_FITS, interval

pytestmark = pytest.mark.slow

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
SECTIONS = ["intake", "categories", "monthly", "districts", "units", "topics", "service-quality", "audit", "series"]
SCREENSHOT = ROOT / "target" / "report-page.png"
# The 2022 annual report's rows in a mart (the marts hold every source and period on record).
OF_THE_2022_REPORT = (
    "year = 2022 and period_kind = 'year'"
    " and source_id in (select source_id from marts.dim_source where source_kind = 'annual_report')"
)


def test_numbers_are_formatted_as_the_report_prints_them() -> None:
    assert wan(TOTAL_2022.items) == TOTAL_2022.value
    assert wan(CHAOYANG_2022.items) == CHAOYANG_2022.value == "140.0"  # the trailing zero stays
    assert wan(65_000) == "6.5"  # 延庆区 约 6.5 万件
    assert pct(Decimal("72.5")) == "72.50"  # 石景山区 区级部门 … 占比 72.50%
    assert pct(100 * 11.6 / 16) == "72.50"
    assert pct(Decimal("55.345")) == "55.35"  # half up, as printed: 55.35% stands for 55.345–55.355
    assert pct(MARKET_2022_YOY_PCT.decimal) == MARKET_2022_YOY_PCT.value == "-26.34"
    assert whole(150_290) == "150290"  # 每月一题 table: 物业服务不规范 150290
    assert wan(None) == pct(None) == whole(None) == ""


@pytest.fixture(scope="module")
def db(warehouse: Path) -> Iterator[duckdb.DuckDBPyConnection]:
    connection = duckdb.connect(str(warehouse), read_only=True)
    yield connection
    connection.close()


@pytest.fixture(scope="module")
def report_page(warehouse: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("report") / "index.html"
    assert main(["--project-dir", str(ROOT), "report", "--database", str(warehouse), "--out", str(out)]) == 0
    return out


def test_the_page_is_the_same_bytes_every_time_but_for_the_warehouse_build_time(
    warehouse: Path, report_page: Path, tmp_path: Path
) -> None:
    """Two independent renders: one of the warehouse (its charts as target/charts/ keeps them, drawn by an earlier
    run), one of a copy of it in another folder, built at another time, with every chart drawn again by vl-convert
    (--no-chart-cache). They differ in the build time alone, byte for byte, and it is the file's."""
    timestamp = re.compile(r"\d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC")
    first = report_page.read_bytes()
    built_at = datetime.fromtimestamp(warehouse.stat().st_mtime, tz=UTC).strftime("%Y-%m-%d %H:%M:%S UTC")
    assert timestamp.findall(first.decode("utf-8")) == [built_at]

    older = tmp_path / "elsewhere" / warehouse.name
    older.parent.mkdir()
    shutil.copyfile(warehouse, older)
    built = datetime(2023, 1, 2, 3, 4, 5, tzinfo=UTC).timestamp()
    os.utime(older, (built, built))
    again = tmp_path / "again.html"
    again_command = ["--project-dir", str(ROOT), "report", "--database", str(older), "--out", str(again)]
    assert main([*again_command, "--no-chart-cache"]) == 0
    page = again.read_text(encoding="utf-8")
    assert timestamp.findall(page) == ["2023-01-02 03:04:05 UTC"]
    assert again.read_bytes() == first.replace(built_at.encode(), b"2023-01-02 03:04:05 UTC")


def test_the_page_asks_for_nothing_from_elsewhere(report_page: Path) -> None:
    page = report_page.read_text(encoding="utf-8")
    assert "<script" not in page.lower()
    assert "<link" not in page.lower()
    assert "@import" not in page
    assert re.findall(r"""\b(?:src|href|xlink:href)\s*=\s*["'](?!#)""", page) == []
    assert re.findall(r"url\((?!#)", page) == []
    style = page[page.index("<style>") : page.index("</style>")]
    assert '"Noto Sans CJK SC"' in style and '"Microsoft YaHei"' in style and '"PingFang SC"' in style
    assert "@media print" in style


def test_a_missing_warehouse_is_refused_with_a_message(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "index.html"
    assert main(["--project-dir", str(ROOT), "report", "--database", str(tmp_path / "none.duckdb"), "--out", str(out)])
    assert "make build" in capsys.readouterr().err
    assert not out.exists()


@pytest.fixture(scope="module")
def browser_page(report_page: Path) -> Iterator[tuple[Any, list[str]]]:
    """The page open in Chromium with every request that is not for a local file aborted and recorded."""
    if not CHROMIUM.is_file():
        pytest.skip(f"{CHROMIUM} is missing: run `make browser` (apt-get install chromium fonts-noto-cjk)")
    sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is missing: pip install -e .[dev]")
    outside: list[str] = []

    def record(url: str) -> None:
        if not url.startswith("file://") and url not in outside:
            outside.append(url)

    def route(route: Any) -> None:
        if route.request.url.startswith("file://"):
            route.continue_()
        else:
            record(route.request.url)
            route.abort()

    args = CHROMIUM_ARGS + (["--no-sandbox"] if os.geteuid() == 0 else [])
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=args)
        try:
            context = browser.new_context(viewport={"width": 1280, "height": 900}, offline=True)
            context.route("**/*", route)
            page = context.new_page()
            page.on("request", lambda request: record(request.url))
            page.goto(report_page.as_uri(), wait_until="load")
            yield page, outside
        finally:
            browser.close()


def page_platform(page: Any) -> str:
    """The platform a page shows, as its header names it."""
    found = re.search(r"\((\w+)\) ·", page.locator("#platform-info").inner_text())
    assert found
    return found.group(1)


def cell_texts(row: Any) -> list[str]:
    return [str(text).strip() for text in row.locator("td").all_inner_texts()]


def test_the_browser_is_asked_for_nothing_but_the_page(browser_page: tuple[Any, list[str]]) -> None:
    page, outside = browser_page
    page.wait_for_load_state("networkidle")
    assert outside == []


def test_every_section_has_its_chart_and_its_table(browser_page: tuple[Any, list[str]]) -> None:
    page, _ = browser_page
    for section in SECTIONS:
        located = page.locator(f"section#{section}")
        assert located.count() == 1, section
        assert located.locator("figure svg").count() >= 1, section
        assert located.locator("table tbody tr").count() >= 1, section
        assert located.locator("figure svg").first.bounding_box()["height"] > 30, section
    assert page.locator("#subcategories-table tbody tr").count() == 50  # 10 categories × 5 named sub-categories
    assert page.locator("#topics-table tbody tr").count() == 17 + 1  # 17 个高频难点民生问题, and the total
    assert page.locator("#districts-table tbody tr[data-district]").count() == 16  # 十六区
    assert "12345" in page.title()


def test_every_source_is_listed_with_its_address_as_text(
    browser_page: tuple[Any, list[str]], db: duckdb.DuckDBPyConnection
) -> None:
    page, _ = browser_page
    of_the_platform = (
        "where (platform_code = ? or source_id in"
        " (select source_id from marts.fct_published_figure where platform_code = ?))"
    )
    platform = [page_platform(page)] * 2
    sources = db.execute(
        f"select source_id, address from marts.dim_source {of_the_platform} and address is not null", platform
    ).fetchall()
    listed = page.locator("footer table tbody tr")
    assert (
        listed.count()
        == (db.execute(f"select count(*) from marts.dim_source {of_the_platform}", platform).fetchone() or (0,))[0]
    )
    for source_id, address in sources:
        assert address in page.locator(f'footer tr[id="source-{source_id}"]').inner_text()
    assert page.locator("a[href^='http'], [src^='http']").count() == 0


def test_chaoyang_reads_as_the_report_prints_it(
    browser_page: tuple[Any, list[str]], db: duckdb.DuckDBPyConnection
) -> None:
    page, _ = browser_page
    row = page.locator('#districts-table tr[data-district="chaoyang"]')
    cells = cell_texts(row)
    assert cells[1].startswith("朝阳区")
    # 承办量最多的是朝阳区，共办理诉求 140.0 万件 … 占十六区承办总量的 19.83% … 区级部门承办 92.4 万件，占比 66.06%
    assert cells[3:5] == [CHAOYANG_2022.value, CHAOYANG_2022_SHARE_OF_DISTRICTS_PCT.value]
    assert cells[6] == CHAOYANG_2022_DISTRICT_DEPARTMENTS.value
    # the audit cannot reproduce it: 92.4 / 140.0 is 65.96–66.04%
    assert cells[7] == f"{CHAOYANG_2022_DISTRICT_DEPARTMENT_SHARE_PCT.value} ✗"
    assert cells[8] == f"{CHAOYANG_2022_DISTRICT_DEPARTMENTS.percent_of(CHAOYANG_2022):.2f}" == "66.00"  # derived
    items, department = db.execute(
        f"select items, district_department_items from marts.fct_district_workload"
        f" where district_name_zh = '朝阳区' and {OF_THE_2022_REPORT}"
    ).fetchall()[0]
    assert cells[3] == f"{Decimal(items) / 10000:.1f}" and cells[6] == f"{Decimal(department) / 10000:.1f}"
    title = row.locator("td").nth(3).get_attribute("title") or ""
    assert "140.0 万件" in title  # the phrase it was read from, on hover
    assert "inconsistent" in (row.locator("td").nth(7).get_attribute("class") or "")


def test_the_online_share_is_printed_and_derived(
    browser_page: tuple[Any, list[str]], db: duckdb.DuckDBPyConnection
) -> None:
    page, _ = browser_page
    row = page.locator("#intake-table tbody tr", has_text="网络渠道")
    cells = cell_texts(row)
    # 网络渠道受理 4202.2 万件，同比上升 2503.79% … 由 2021 年的 10.86%提升至 2022 年的 55.35%
    derived = f"{ONLINE_2022.percent_of(TOTAL_2022):.2f}"  # from the printed counts
    assert cells[1:5] == [ONLINE_2022.value, ONLINE_2022_YOY_PCT.value, derived, ONLINE_2022_SHARE_PCT.value]
    assert derived == "55.35"
    assert cells[7] == ONLINE_2021_SHARE_PCT.value
    published = db.execute(
        f"select published_share_of_total_pct from marts.fct_intake_volume where member = 'online' and {OF_THE_2022_REPORT}"
    ).fetchall()
    assert published == [(ONLINE_2022_SHARE_PCT.decimal,)]


def test_the_audit_shows_its_findings(browser_page: tuple[Any, list[str]], db: duckdb.DuckDBPyConnection) -> None:
    page, _ = browser_page
    platform = page_platform(page)
    checks, truncated, inconsistent, listed = db.execute(
        "select count(*), count(*) filter (where status = 'truncated'), count(*) filter (where status = 'inconsistent'),"
        " count(*) filter (where is_known_discrepancy) from audit.published_figure_checks where platform_code = ?",
        [platform],
    ).fetchone() or (0, 0, 0, 0)
    with (ROOT / "seeds" / "audit" / "known_discrepancies.csv").open(encoding="utf-8") as handle:
        known = [row["check_id"] for row in csv.DictReader(handle)]
    assert (
        inconsistent == listed == len([check for check in known if check.split(":", 1)[1].startswith(f"{platform}.")])
    )
    summary = {
        key: page.locator(f"header #summary-{key} b").inner_text()
        for key in ("checks", "consistent", "truncated", "inconsistent", "listed")
    }
    assert summary == {
        "checks": str(checks),
        "consistent": str(checks - truncated - inconsistent),
        "truncated": str(truncated),
        "inconsistent": str(inconsistent),
        "listed": str(listed),
    }
    expected = {
        check_id
        for (check_id,) in db.execute(
            "select check_id from audit.published_figure_checks where status <> 'consistent' and platform_code = ?",
            [platform],
        ).fetchall()
    }
    findings = page.locator("#findings-table tbody tr")
    assert {findings.nth(i).get_attribute("data-check") for i in range(findings.count())} == expected
    # Of the 2022 report: the five districts whose department and street shares are printed out of reach.
    districts = {"西城区", "朝阳区", "丰台区", "顺义区", "怀柔区"}
    of_the_report = page.locator("#findings-table tbody tr", has_text="bj12345_annual_report_2022")
    assert {text.split("\n")[0] for text in of_the_report.locator("td:first-child").all_inner_texts()} == districts
    assert of_the_report.count() == 2 * len(districts)
    chaoyang = page.locator('#findings-table tr[data-check$=".chaoyang.district_department_share_pct"]')
    assert "66.06%" in chaoyang.inner_text()
    assert "65.96" in chaoyang.inner_text() and "66.04" in chaoyang.inner_text()
    percentages, inconsistent_percentages = db.execute(
        "select count(*), count(*) filter (where status = 'inconsistent') from audit.published_figure_checks"
        " where published_unit = 'percent' and platform_code = ?",
        [platform],
    ).fetchall()[0]
    assert page.locator("#percentage-checks-table tbody tr").count() == percentages > 53  # 2022's 53 and more
    # In the chart, each inconsistent percentage's mark is drawn in the highlight colour.
    assert page.locator('#audit figure svg path[fill="#c0392b"]').count() == inconsistent_percentages >= 10


def test_the_series_shows_how_each_figure_was_obtained(browser_page: tuple[Any, list[str]]) -> None:
    page, _ = browser_page
    series = page.locator("#series-table")

    def row(period: str, member: str) -> tuple[list[str], str]:
        located = series.locator(f'tr[data-period="{period}"][data-member="{member}"]')
        assert located.count() == 1, (period, member)
        return cell_texts(located), located.get_attribute("class") or ""

    cells, how = row("2022", "total.all")  # 共受理群众反映 7592.4 万件，同比上升 411.01%
    assert (cells[2], cells[6], how) == (TOTAL_2022.value, f"+{TOTAL_2022_YOY_PCT.value}", "how-printed")
    assert "bj12345_annual_report_2022" in cells[9] and "annual report" in cells[9]
    cells, how = row("2021", "total.all")  # no 2021 total is printed: 电话 1324.4 万件 + 网络 161.4 万件
    assert (cells[2], how) == (str(Decimal("1324.4") + Decimal("161.4")), "how-sum_of_parts")
    assert "分项加总" in cells[8]
    cells, how = row("2020", "total.all")  # 共受理群众来电1103.94万件，环比2019年上升55.24%; 2019: 受理诉求696万件
    assert (cells[2], cells[6], how) == ("1103.9", "+55.24", "how-printed")
    assert cells[7] == f"+{(Decimal('1103.94') / Decimal(696) - 1) * 100:.2f}"  # 58.61: the audit's finding
    cells, _ = row("2019", "total.all")
    assert cells[2] == "696.0"
    chart = page.locator("#series figure svg").inner_html()
    assert "分项加总" in chart and "公布" in chart  # the legend of the point shapes


def test_the_page_prints_and_leaves_a_screenshot(browser_page: tuple[Any, list[str]], tmp_path: Path) -> None:
    page, _ = browser_page
    SCREENSHOT.parent.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOT), full_page=True)
    assert SCREENSHOT.stat().st_size > 100_000
    page.emulate_media(media="print")
    assert not page.locator("nav").is_visible()
    pdf = tmp_path / "report.pdf"
    page.pdf(path=str(pdf), format="A4", print_background=True)
    printed = pdf.read_bytes()
    assert printed.startswith(b"%PDF")
    assert len(re.findall(rb"/Type\s*/Page\b(?!s)", printed)) >= len(SECTIONS)  # a page at least per section
    page.emulate_media(media="screen")


# issue-16 before the page took a platform and a period: its page of the default report is the one to compare.
BASE_COMMIT = "e422413dbebc7b94e712def87055c190138b798f"
BASE_PAGE = Path(__file__).parent / "support" / "base_page.py"
BASE_CHARTS = ROOT / "target" / "charts-of-the-base-page"


@pytest.fixture(scope="module")
def base_page(warehouse: Path, tmp_path_factory: pytest.TempPathFactory) -> str:
    """The default page as the base commit's report package writes it, from the same warehouse."""
    git = shutil.which("git")
    if git is None:
        pytest.skip("git is missing")
    archive = subprocess.run(
        [git, "-C", str(ROOT), "archive", BASE_COMMIT, "src/hotline12345"], capture_output=True, check=False
    )
    if archive.returncode:
        pytest.skip(f"the base commit {BASE_COMMIT} is not in this clone: {archive.stderr.decode()[:200]}")
    folder = tmp_path_factory.mktemp("base")
    with tarfile.open(fileobj=io.BytesIO(archive.stdout)) as tar:
        tar.extractall(folder, filter="data")
    out = folder / "base.html"
    # the base commit reads the audit's columns by their names then: `subject` and `published_value`, since
    # split into subject_code / subject_name_zh and published_value_as_printed / published_number / published_unit
    # (issue 23); a copy of the warehouse gives them back under the old names, the page's own reading of them
    base_warehouse = folder / "base.duckdb"
    shutil.copyfile(warehouse, base_warehouse)
    with duckdb.connect(str(base_warehouse)) as copy:
        copy.execute(
            "create or replace table audit.published_figure_checks as select *,"
            " coalesce(subject_name_zh, subject_code) as subject, published_value_as_printed as published_value"
            " from audit.published_figure_checks"
        )
    # the base package writes the page (support/base_page.py), its charts kept until vl-convert or a font changes
    environment = {**os.environ, "PYTHONPATH": str(folder / "src")}
    arguments = [str(base_warehouse), str(out), str(BASE_CHARTS), report_charts._drawn_with()]
    subprocess.run([sys.executable, str(BASE_PAGE), *arguments], env=environment, check=True)
    return out.read_text(encoding="utf-8")


def test_the_default_page_shows_the_figures_the_base_page_showed(
    base_page: str, report_page: Path, warehouse: Path
) -> None:
    """The report's parts show the same figures, cell by cell; the audit shows the platform's own checks, as the
    base page showed them; the series the platform's own rows; the printed figures no part shows are new. The base
    page showed a district twice where another platform names one like it (districts and handling units joined on
    the code alone), a functional zone with no name, and a topic's top unit once per platform with a unit of its
    code: those repeats are left out of the comparison."""
    before, after = page_figures(base_page), page_figures(report_page.read_text(encoding="utf-8"))
    platform = re.search(r'id="platform-info">[^(]*\((\w+)\)', report_page.read_text(encoding="utf-8"))
    assert platform
    page_own = ("audit", "series", "footer", "others")

    def report_parts(figures: PageFigures, drop_repeats: bool) -> PageFigures:
        tables = {}
        for key, rows in figures.tables.items():
            if key[0] in page_own:
                continue
            seen, kept = set(), []
            for keys, cells in rows:
                if drop_repeats and ((keys and keys in seen) or (key[1] == "zones-table" and not cells[0].texts)):
                    continue
                seen.add(keys)
                kept.append((keys, top_units(cells) if key[1] == "topics-table" else cells))
            tables[key] = kept
        return PageFigures(tables=tables)

    def top_units(cells: list[Cell]) -> list[Cell]:
        """A topic's top units by name, count and phrase, once each (the base page also showed a unit of the same
        code of every other platform, with that platform's English name)."""
        kept: list[Cell] = []
        for cell in cells:
            shown = Cell(texts=cell.texts[:2], kinds=cell.kinds, figure=cell.figure, title=cell.title, numeric=True)
            if len(cell.texts) < 2 or shown.key() not in {other.key() for other in kept}:
                kept.append(shown if len(cell.texts) >= 2 else cell)
        return kept

    assert differences(report_parts(before, True), report_parts(after, False)) == []
    assert len(report_parts(after, False).tables) == 9  # intake … service quality: the report's nine tables
    for table in ("findings-table", "percentage-checks-table"):
        own = [row for row in before.tables[("audit", table)] if f":{platform.group(1)}." in row[0][0]]
        assert len(own) == len(after.tables[("audit", table)]) > 0, table
        assert (
            differences(
                PageFigures(tables={("audit", table): own}),
                PageFigures(tables={("audit", table): after.tables[("audit", table)]}),
            )
            == []
        ), table
    # The period's cell is its label now ("2019年上半年", not its key "2019-H1"): the row's key (data-period) still
    # names the period, and every other cell is compared.
    shown_before = {
        (keys, tuple(cell.key() for cell in cells[1:])) for keys, cells in before.tables[("series", "series-table")]
    }
    series_after = after.tables[("series", "series-table")]
    assert series_after and all(
        (keys, tuple(c.key() for c in cells[1:])) in shown_before for keys, cells in series_after
    )
    with duckdb.connect(str(warehouse), read_only=True) as connection:
        labels = dict(connection.execute("select period_code, period_label_zh from marts.dim_period").fetchall())
    for keys, cells in series_after:
        period = next(key.removeprefix("data-period=") for key in keys if key.startswith("data-period="))
        assert cells[0].texts == [labels[period]], keys


@pytest.fixture(scope="module")
def index_folder(warehouse: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("pages")
    assert (
        main(["--project-dir", str(ROOT), "report", "--database", str(warehouse), "--index", "--out-dir", str(out)])
        == 0
    )
    return out


def test_the_index_lists_every_platform_each_linking_to_its_page(
    index_folder: Path, db: duckdb.DuckDBPyConnection
) -> None:
    """Each platform that prints figures links its own page first, then a page of each period and source that
    prints them (counted in the mart, not by the report's query); every linked page exists, parses, names its
    platform and period, links back, and nothing else is written."""
    html5lib = pytest.importorskip("html5lib")
    index = (index_folder / "index.html").read_text(encoding="utf-8")
    html5lib.HTMLParser(strict=True).parse(index)
    ids = re.findall(r'\sid="([^"]+)"', index)
    assert len(ids) == len(set(ids))
    platforms = db.execute(
        "select platform_code, platform_name_zh, figure_count from marts.dim_platform order by platform_code"
    ).fetchall()
    printings = dict(
        db.execute(
            "select platform_code, count(distinct (period_code, source_id)) from marts.fct_published_figure"
            " group by platform_code"
        ).fetchall()
    )
    rows = dict(re.findall(r'<tr id="platform-([^"]+)"[^>]*>(.*?)</tr>', index, re.DOTALL))
    assert sorted(rows) == [code for code, _, _ in platforms]
    assert re.findall(r"""(?:src|href)\s*=\s*["'](?:https?:|//)""", index) == []
    linked = []
    for code, name_zh, figure_count in platforms:
        row = rows[code]
        assert name_zh in row, code
        links = re.findall(r'href="([^"]+)"', row)
        if not figure_count:
            assert links == [], code  # nothing printed: no page
            continue
        # the platform's own page, then its timeline (which holds that page again, in its kind of period)
        assert links[0] == f"{code}.html" and links[1:].count(links[0]) == 1, code
        assert len(links) - 1 == len(set(links[1:])) == printings[code], code
        periods = re.findall(r'<a href="[^"]+" data-period="([^"]+)"', row)
        # each period is named once; a further source of it is a number after its name (2, 3, ...)
        named = re.findall(r'data-period="([^"]+)" title="[^"]*">([^<]+)</a>', row)
        further = re.findall(
            r'<sup><a href="[^"]+" data-period="([^"]+)" class="further-source"[^>]*>(\d+)</a></sup>', row
        )
        assert [period for period, _ in named] == list(dict.fromkeys(periods)), code
        assert len({label for _, label in named}) == len(named), code
        assert len(named) + len(further) == len(periods), code
        assert all(int(number) >= 2 for _, number in further), code
        for link, period in zip(links[1:], periods, strict=True):
            page = (index_folder / link).read_text(encoding="utf-8")
            html5lib.HTMLParser(strict=True).parse(page)
            page_ids = re.findall(r'\sid="([^"]+)"', page)
            assert len(page_ids) == len(set(page_ids)), link
            assert f"({code}) ·" in page and 'href="index.html"' in page, link
            assert f'data-period="{html.escape(period)}" id="platform-info"' in page, link
            if printings[code] > 1:
                assert 'id="timeline"' in page and page.count('aria-current="page"') == 1, link
        linked += links[1:]
    assert len(linked) >= 100
    written = sorted(path.name for path in index_folder.iterdir())
    assert written == sorted(["index.html", "comparison.html", "map.html", *linked])


def test_every_period_is_listed_by_its_kind_then_latest_first(
    index_folder: Path, db: duckdb.DuckDBPyConnection
) -> None:
    """In the index's "every period" and on each page's list of periods, a platform's periods stand in one group per
    kind of period, the groups in the order ref_period_kinds gives them, and in each group the periods latest first
    (by last day, then first day; dim_period's dates, not the page's words), each period's kind its group's."""
    kind_order = dict(db.execute("select period_kind, kind_order from raw.ref_period_kinds").fetchall())
    periods = {
        code: (kind, start, end)
        for code, kind, start, end in db.execute(
            "select period_code, period_kind, period_start, period_end from marts.dim_period"
        ).fetchall()
    }
    index = (index_folder / "index.html").read_text(encoding="utf-8")
    # a platform with no printed figures has no periods to list
    lists = [("index.html", row) for row in re.findall(r'<td class="timeline">(<div.*?)</td>', index, re.DOTALL)]
    for path in sorted(index_folder.glob("*.html")):
        found = re.search(r'<nav id="timeline"[^>]*>(.*?)</nav>', path.read_text(encoding="utf-8"), re.DOTALL)
        if found:
            lists.append((path.name, found.group(1)))
    ordered_pairs = 0
    for name, listed in lists:
        groups = re.findall(r'<div class="period-kind" data-kind="([^"]+)">(.*?)</div>', listed, re.DOTALL)
        assert groups, name
        kinds = [kind for kind, _ in groups]
        assert kinds == sorted(kinds, key=kind_order.__getitem__) and len(set(kinds)) == len(kinds), (name, kinds)
        for kind, group in groups:
            # the current page's own entry is a span, not a link: its key is in the page's platform-info
            codes = list(dict.fromkeys(html.unescape(code) for code in re.findall(r'data-period="([^"]+)"', group)))
            assert all(periods[code][0] == kind for code in codes), (name, kind, codes)
            dated = [periods[code] for code in codes if periods[code][2] is not None]
            for (_, start, end), (_, next_start, next_end) in itertools.pairwise(dated):
                assert (end, start or end) >= (next_end, next_start or next_end), (name, kind, codes)
                ordered_pairs += 1
    assert len(lists) > 100 and ordered_pairs > 100


def test_every_period_is_shown_by_its_label_never_its_key(index_folder: Path) -> None:
    """No page shows a period's key where a reader reads (a text, a chart's label): a period with no printed year
    reads "11月1日–11月30日（年份未印出）", never `undated (source): --11-01..--11-30`; and no feasible range is
    printed backwards (an empty one reads "no value fits")."""
    pages = sorted(index_folder.glob("*.html"))
    undated = 0
    for path in pages:
        page = path.read_text(encoding="utf-8")
        text = re.sub(r"<[^>]*>", "\n", page)  # the text a reader reads, in the tables and the SVGs alike
        assert "undated (" not in html.unescape(text), path.name
        undated += "（年份未印出）" in text
        for low, high in re.findall(r">(-?\d+\.\d+) – (-?\d+\.\d+)<", page):
            assert float(low) <= float(high), (path.name, low, high)
    assert undated >= 5  # the undated periods are there, labelled


def test_an_empty_range_reads_as_no_value_fits() -> None:
    assert interval(75.06, 43.81, 2) == NO_VALUE_FITS
    assert interval(43.81, 75.06, 2) == "43.81 – 75.06"


def test_the_default_report_is_one_click_from_the_index(index_folder: Path, warehouse: Path) -> None:
    """The report the page defaults to (the latest annual report with districts) is linked from its platform's row
    of the index, and that page is the same report."""
    _, platform, period = render_report(warehouse)
    index = (index_folder / "index.html").read_text(encoding="utf-8")
    row = re.search(rf'<tr id="platform-{platform}"[^>]*>(.*?)</tr>', index, re.DOTALL)
    assert row
    found = re.search(rf'<a href="([^"]+)" data-period="{re.escape(period)}"', row.group(1))
    assert found, period
    page = (index_folder / found.group(1)).read_text(encoding="utf-8")
    assert f'data-period="{period}" id="platform-info"' in page


def test_the_index_shows_each_platforms_audit_and_headline_as_printed(
    index_folder: Path, db: duckdb.DuckDBPyConnection
) -> None:
    index = (index_folder / "index.html").read_text(encoding="utf-8")
    rows = dict(re.findall(r'<tr id="platform-([^"]+)"[^>]*>(.*?)</tr>', index, re.DOTALL))
    audit = db.execute(
        "select platform_code, count(*), count(*) filter (where status = 'consistent'),"
        " count(*) filter (where status = 'truncated'), count(*) filter (where status = 'inconsistent')"
        " from audit.published_figure_checks group by platform_code"
    ).fetchall()
    assert len(audit) >= 20
    for code, *counts in audit:
        numbers = re.findall(r'<td class="num[^"]*">(\d+)</td>', rows[code])
        assert numbers[-4:] == [str(count) for count in counts], code
    # The headline total: the intake total as the page of the platform's latest period prints it.
    for code, row in rows.items():
        period = re.search(
            r"<td>([^<]+)<span class=\"en\">(week|month|year|half_year|quarter|year_to_date|window|cumulative|unknown)",
            row,
        )
        if period is None:
            continue
        printed = db.execute(
            "select figure_id, value_printed, unit_printed from marts.fct_published_figure where platform_code = ?"
            " and period_code = ? and subject_type = 'intake' and subject_code = 'total.all' and measure = 'items'"
            " and is_canonical",
            [code, period.group(1)],
        ).fetchall()
        headline = re.search(r'<td class="num printed"[^>]*>([^<]*)</td>', row)
        if printed:
            ((figure_id, value, unit),) = printed
            assert headline and headline.group(1).removeprefix("约") == f"{value} {unit}", code
            # the platform's page shows the same figure, of its own period (not a running total printed beside it)
            page = (index_folder / f"{code}.html").read_text(encoding="utf-8")
            assert f'data-figure="{figure_id}"' in page, code


def test_the_comparison_sets_hotlines_side_by_side_within_one_kind_of_period(
    index_folder: Path, db: duckdb.DuckDBPyConnection
) -> None:
    """The index links the comparison; each compared measure (comparison.csv) has its section; a table holds one
    kind of period; each rate shows as fct_published_figure prints it; every link leads to a page written."""
    html5lib = pytest.importorskip("html5lib")
    index = (index_folder / "index.html").read_text(encoding="utf-8")
    assert 'href="comparison.html"' in index
    page = (index_folder / "comparison.html").read_text(encoding="utf-8")
    html5lib.HTMLParser(strict=True).parse(page)
    ids = re.findall(r'\sid="([^"]+)"', page)
    assert len(ids) == len(set(ids))
    assert re.findall(r"""(?:src|href)\s*=\s*["'](?:https?:|//)""", page) == []
    for measure in compared_measures():
        assert f'<section id="{measure["code"]}">' in page, measure["code"]
    tables = re.findall(r'<table id="([^"]+)">(.*?)</table>', page, re.DOTALL)
    compared_tables = [(name, body) for name, body in tables if name != "audit-records-table"]
    assert len(compared_tables) >= 10
    for name, body in compared_tables:
        kinds = set(re.findall(r'data-kind="([^"]+)"', body))
        assert len(kinds) == 1 and name.endswith(f"-{kinds.pop()}-table"), name
    # each table's heading names its kind of period in words (ref_period_kinds, through dim_period), never its code
    kind_names = {
        kind: (name_zh, name_en)
        for kind, name_zh, name_en in db.execute(
            "select distinct period_kind, period_kind_name_zh, period_kind_name_en from marts.dim_period"
        ).fetchall()
    }
    headings = re.findall(r'<h3 id="[^"]+-([a-z_]+)">([^<]+)<span class="en">([^<]+?) · ', page)
    assert len(headings) == len(compared_tables)
    for kind, heading_zh, heading_en in headings:
        assert (heading_zh, heading_en) == kind_names[kind], kind
    # a figure is printed once or more (its reprints by other sources share its id): the page shows one printing
    printed = set(
        db.execute("select figure_id, value_printed || unit_printed from marts.fct_published_figure").fetchall()
    )
    shown = re.findall(r'data-figure="([^"]+)">([^<]*)</td>', page)
    assert len(shown) >= 20
    for figure, text in shown:
        assert (html.unescape(figure), html.unescape(text)) in printed, figure
    assert page.count("<svg") >= 10
    for link in set(re.findall(r'href="([^"#]+)', page)):
        assert (index_folder / link).is_file(), link
    assert "同类期间" in page and "same kind of period" in page


def test_the_map_places_every_platform_by_its_division(index_folder: Path, db: duckdb.DuckDBPyConnection) -> None:
    """The index links the map; every platform of dim_platform is on it once, at its division's coordinates (as
    division_coordinates.csv holds them), or listed as not placed because it has no division code; each placed
    platform is a mark named by it in the SVG, marked by its audit's worst finding (counted here from the audit),
    with its headline total as fct_published_figure prints it; a platform inside another placed one is joined to
    it by a line; nothing is fetched."""
    html5lib = pytest.importorskip("html5lib")
    index = (index_folder / "index.html").read_text(encoding="utf-8")
    assert 'href="map.html"' in index
    page = (index_folder / "map.html").read_text(encoding="utf-8")
    html5lib.HTMLParser(strict=True).parse(page)
    ids = re.findall(r'\sid="([^"]+)"', page)
    assert len(ids) == len(set(ids))
    assert re.findall(r"""(?:src|href|url)\s*[=(]\s*["']?(?:https?:|//)""", page) == []
    coordinates = {
        row["administrative_division_code"]: (row["longitude"], row["latitude"])
        for row in csv.DictReader(
            (ROOT / "src/hotline12345/report/division_coordinates.csv").read_text(encoding="utf-8").splitlines()
        )
    }
    seed = list(csv.DictReader((ROOT / "seeds/reference/ref_platforms.csv").read_text(encoding="utf-8").splitlines()))
    for line, row in enumerate(seed, start=2):
        code = row["administrative_division_code"]
        assert not code or code in coordinates, (
            f"seeds/reference/ref_platforms.csv:{line}: division {code} of {row['platform_code']} has no coordinates"
            " in src/hotline12345/report/division_coordinates.csv"
        )
    placed = dict(re.findall(r'<tr data-platform="([^"]+)" data-finding="[^"]+">(.*?)</tr>', page, re.DOTALL))
    finding = dict(re.findall(r'<tr data-platform="([^"]+)" data-finding="([^"]+)">', page))
    section = page.split('id="not-placed"', 1)[1]
    not_placed = re.findall(r'<tr data-platform="([^"]+)">', section)
    platforms = db.execute(
        "select p.platform_code, p.platform_name_zh, p.administrative_division_code, p.parent_platform_code,"
        " count(c.check_id), count(c.check_id) filter (where c.status = 'truncated'),"
        " count(c.check_id) filter (where c.status = 'inconsistent')"
        " from marts.dim_platform as p left join audit.published_figure_checks as c using (platform_code)"
        " group by all order by p.platform_code"
    ).fetchall()
    assert sorted([*placed, *not_placed]) == [row[0] for row in platforms]
    symbols = re.findall(r'<path aria-label="([^"]*)" role="graphics-symbol" aria-roledescription="point"', page)
    assert len(symbols) == len(placed) >= 60
    nested = 0
    for code, name_zh, division, parent, checks, truncated, inconsistent in platforms:
        if code in not_placed:
            assert not division, code
            continue
        row = placed[code]
        longitude, latitude = coordinates[division]
        assert f'<td class="num">{longitude}</td><td class="num">{latitude}</td>' in row, code
        worst = (
            "inconsistent" if inconsistent else "truncated" if truncated else "consistent" if checks else "unchecked"
        )
        assert finding[code] == worst, code
        assert sum(html.unescape(symbol).startswith(name_zh) for symbol in symbols) >= 1, code
        nested += parent in placed
    rule = re.search(r'<g class="mark-rule.*?</g>', page, re.DOTALL)
    assert rule and rule.group(0).count("<line") == nested >= 20
    printed = set(
        db.execute("select figure_id, value_printed || ' ' || unit_printed from marts.fct_published_figure").fetchall()
    )
    shown = re.findall(r'data-figure="([^"]+)">([^<]*)</td>', page)
    assert len(shown) >= 40
    for figure, text in shown:
        assert (html.unescape(figure), html.unescape(text).removeprefix("约")) in printed, figure


@pytest.fixture(scope="module")
def site_browser(index_folder: Path) -> Iterator[tuple[Any, list[str]]]:
    """A Chromium tab on the written site, every request that is not for a file of the site aborted and recorded."""
    if not CHROMIUM.is_file():
        pytest.skip(f"{CHROMIUM} is missing: run `make browser` (apt-get install chromium fonts-noto-cjk)")
    sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is missing: pip install -e .[dev]")
    outside: list[str] = []
    site = index_folder.as_uri() + "/"

    def route(route: Any) -> None:
        if route.request.url.startswith(site):
            route.continue_()
        else:
            outside.append(route.request.url)
            route.abort()

    args = CHROMIUM_ARGS + (["--no-sandbox"] if os.geteuid() == 0 else [])
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=args)
        try:
            context = browser.new_context(viewport={"width": 1280, "height": 900}, offline=True)
            context.route("**/*", route)
            yield context.new_page(), outside
        finally:
            browser.close()


# What the browser reads on a page: its links (as the browser resolves them), the ids it holds, each chart's drawn
# size and marks, and each printed figure's id and text.
READ_PAGE = """() => ({
    links: [...document.querySelectorAll('a[href]')].map(a => a.href),
    ids: [...document.querySelectorAll('[id]')].map(e => e.id),
    charts: [...document.querySelectorAll('figure svg')].map(svg => {
        const box = svg.getBoundingClientRect();
        return [box.width, box.height, svg.querySelectorAll('[role="graphics-symbol"]').length];
    }),
    figures: [...document.querySelectorAll('[data-figure]')].map(e => [e.dataset.figure, e.innerText.trim()]),
})"""


def test_a_reader_reaches_every_page_within_two_clicks_and_no_link_is_broken(
    site_browser: tuple[Any, list[str]], index_folder: Path, db: duckdb.DuckDBPyConnection
) -> None:
    """From the index, following links as a reader would (in Chromium, nothing from elsewhere): every page written
    (any period of any hotline, the comparison, the map) is reached within two clicks; every page is visited; every
    link to the site leads to a page written, and to an element of it where it names one; each chart is drawn
    (a size, and marks in it); and each printed figure reads as fct_published_figure holds one of its printings
    (every figure of every page, not a sample: about 600)."""
    tab, outside = site_browser
    site = index_folder.as_uri() + "/"
    printings: dict[str, set[str]] = {}
    for figure_id, value, unit in db.execute(
        "select figure_id, value_printed, unit_printed from marts.fct_published_figure"
    ).fetchall():
        printings.setdefault(figure_id, set()).update({value, f"{value}{unit}", f"{value} {unit}"})
    clicks = {"index.html": 0}
    queue = ["index.html"]
    ids: dict[str, set[str]] = {}
    links: dict[str, list[str]] = {}
    charts = figures = 0
    while queue:
        name = queue.pop(0)
        tab.goto(site + name, wait_until="load")
        seen = tab.evaluate(READ_PAGE)
        ids[name] = set(seen["ids"])
        links[name] = [str(link) for link in seen["links"]]
        for width, height, marks in seen["charts"]:
            assert width > 100 and height > 30 and marks > 0, (name, width, height, marks)
            charts += 1
        for figure_id, text in seen["figures"]:
            shown = text.removeprefix("约").removesuffix(" ✗")
            assert shown in printings.get(figure_id, set()), (name, figure_id, text)
            figures += 1
        for link in links[name]:
            if not link.startswith(site):
                continue
            target = link.removeprefix(site).split("#", 1)[0]
            if target not in clicks:
                clicks[target] = clicks[name] + 1
                if (index_folder / target).is_file():
                    queue.append(target)
    written = sorted(path.name for path in index_folder.glob("*.html"))
    assert sorted(clicks) == written, set(clicks) ^ set(written)
    assert max(clicks.values()) <= 2
    assert clicks["comparison.html"] == clicks["map.html"] == 1
    for name, targets in links.items():
        for link in targets:
            if not link.startswith(site):
                continue
            target, _, element = link.removeprefix(site).partition("#")
            assert (index_folder / target).is_file(), (name, link)
            assert not element or element in ids[target], (name, link)
    assert outside == []
    assert charts >= 300 and figures >= 500


def test_a_reader_opens_the_comparison_and_the_map_from_the_index(
    site_browser: tuple[Any, list[str]], index_folder: Path
) -> None:
    """Clicked from the index, the comparison shows its charts and the map its platforms, one mark each, every
    mark inside the map."""
    tab, outside = site_browser
    tab.goto((index_folder / "index.html").as_uri(), wait_until="load")
    tab.click("#comparison-link")
    tab.wait_for_url("**/comparison.html")
    assert tab.locator("section figure svg").count() >= 10
    assert tab.locator("#audit-records-table tbody tr").count() >= 20
    tab.go_back()
    tab.click("#map-link")
    tab.wait_for_url("**/map.html")
    svg = tab.locator("#map figure svg")
    assert svg.count() == 1 and svg.bounding_box()["width"] > 400
    placed = tab.locator("#placed-table tbody tr").count()
    assert placed >= 60
    assert svg.locator('[aria-roledescription="point"]').count() == placed
    # every mark is drawn inside the map, not beyond its edge where no reader sees it
    outside_the_map = tab.evaluate(
        """() => {
            const map = document.querySelector('#map figure svg').getBoundingClientRect();
            return [...document.querySelectorAll('#map figure svg [aria-roledescription="point"]')]
                .map(mark => [mark.getAttribute('aria-label'), mark.getBoundingClientRect()])
                .filter(([, box]) => box.left < map.left || box.right > map.right
                                     || box.top < map.top || box.bottom > map.bottom)
                .map(([label]) => label);
        }"""
    )
    assert outside_the_map == [], outside_the_map
    beijing = tab.locator('#placed-table tr[data-platform="beijing_12345"]')
    assert "北京市" in beijing.inner_text() and beijing.get_attribute("data-finding") == "inconsistent"
    assert outside == []
