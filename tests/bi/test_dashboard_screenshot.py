"""The dashboard as a person uses it: logged in through Superset's login page, in Debian's Chromium, the platform
switched in the filter bar.

Skipped where /usr/bin/chromium (`make browser`) or playwright is missing.
Every request that does not go to the local Superset is aborted and recorded;
the screenshot, of 南通's week reached by switching the filters, is written to
target/superset-dashboard.png (docs/bi.md shows a copy of it, bi/superset/dashboard.png).
"""

from __future__ import annotations

import contextlib
import os
import re
from pathlib import Path
from typing import Any

import pytest
from conftest import ROOT, Superset, query_warehouse

from hotline12345.superset import ADMIN_USER

CHROMIUM = Path("/usr/bin/chromium")
SCREENSHOT = ROOT / "target" / "superset-dashboard.png"
# 南通's week 2021-12-03..2021-12-10, chosen by the label the period filter offers (marts.dim_period)
PLATFORM, WEEK = "nantong_12345", "2021-12-03 至 12-10"
# a number shown as the warehouse returns it, unformatted (31.406, 65.96428571428571, 1400000), standing alone: not a
# hotline's number in a name or code (12345热线, nantong_12345, 12319平台)
RAW_NUMBER = re.compile(r"(?<![\w.,:-])(\d+\.\d{5,}|\d{5,})(?![\w.,])")
FILTER_VALUE = "[data-test='filter-bar'] [data-test='form-item-value']"
# Figures of the report in the tables (the bars are drawn on canvas), formatted: 朝阳区's 1,400,000 items, its
# printed 66.06% in the audit's findings, the 92.72% resolution rate as printed, the comparison's rates.
OPENED_ON = ("朝阳区", "1,400,000", "66.06%", "92.72", "93.20%")
# 南通's week, formatted: 25,560 items, 满意率 93.20% and 99.45% as printed
SWITCHED_TO = ("25,560", "93.20", "99.45")


def _log_in(page: Any, base: str, password: str) -> None:
    """Through the login page; once more if the page was still being drawn when the fields were filled in."""
    for attempt in range(3):
        page.goto(f"{base}/login/", wait_until="networkidle")
        page.fill("input[name='username'], #username", ADMIN_USER)
        page.fill("input[name='password'], #password", password)
        page.keyboard.press("Enter")
        try:
            page.wait_for_url(lambda url: "/login" not in url, timeout=30_000)
            return
        except Exception:
            if attempt == 2:
                raise


def _choose(page: Any, position: int, value: str) -> None:
    """Open the filter bar's `position`th filter, type `value` and pick it among the choices, as a person would."""
    page.locator(FILTER_VALUE).nth(position).locator(".ant-select").click()
    page.keyboard.type(value)
    option = page.locator(
        ".ant-select-dropdown:visible .ant-select-item-option", has_text=re.compile(f"^{re.escape(value)}$")
    )
    option.first.click()
    page.keyboard.press("Escape")


def _offered(page: Any, position: int) -> list[str]:
    """The choices the `position`th filter offers when opened."""
    page.locator(FILTER_VALUE).nth(position).locator(".ant-select").click()
    page.wait_for_timeout(1_000)
    choices = [
        text.strip() for text in page.locator(".ant-select-dropdown:visible .ant-select-item-option").all_inner_texts()
    ]
    page.keyboard.press("Escape")
    return choices


def _charts_drawn(page: Any) -> None:
    page.locator(".dashboard-component-chart-holder").first.wait_for(timeout=60_000)
    page.locator(".dashboard-component-chart-holder .loading").first.wait_for(state="detached", timeout=180_000)
    page.wait_for_timeout(3_000)  # the last animations of the ECharts


def _body_once_it_shows(page: Any, texts: tuple[str, ...], timeout_ms: int = 180_000) -> str:
    """The page's text once every one of `texts` is in it; the text as it then stands if they never all appear."""
    from playwright.sync_api import TimeoutError as PlaywrightTimeoutError  # imported once the test found playwright

    # on a timeout, the assertions on the text returned say which figure is missing
    with contextlib.suppress(PlaywrightTimeoutError):
        page.wait_for_function(
            "texts => texts.every(text => document.body.innerText.includes(text))", arg=list(texts), timeout=timeout_ms
        )
    return str(page.inner_text("body"))


def test_switching_the_platform_shows_its_data_and_drops_a_period_it_lacks(superset: Superset) -> None:
    if not CHROMIUM.is_file():
        pytest.skip(f"{CHROMIUM} is missing: run `make browser`")
    sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is missing")
    base = superset.server.url
    outside: list[str] = []
    refused: list[str] = []

    def route(route: Any) -> None:
        if route.request.url.startswith("http://127.0.0.1:"):
            route.continue_()
        else:
            outside.append(route.request.url)
            route.abort()

    args = ["--disable-gpu", "--disable-dev-shm-usage"] + (["--no-sandbox"] if os.geteuid() == 0 else [])
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=args)
        try:
            context = browser.new_context(viewport={"width": 1600, "height": 2800}, locale="zh-CN")
            context.route("**/*", route)
            page = context.new_page()
            page.on(
                "console", lambda message: refused.append(message.text) if "Content Security" in message.text else None
            )
            _log_in(page, base, superset.server.home.admin_password())
            page.goto(f"{base}/superset/dashboard/hotline12345/?standalone=1", wait_until="networkidle")
            page.locator(FILTER_VALUE).nth(2).locator(".ant-select").wait_for(timeout=120_000)
            _charts_drawn(page)
            charts = page.locator(".dashboard-component-chart-holder")
            errors = page.locator(".dashboard-component-chart-holder .alert-danger, [data-test='error-message']")
            assert errors.count() == 0, errors.all_inner_texts()
            assert charts.count() == len(superset.client.listing("chart"))
            defaults = page.locator(FILTER_VALUE).all_inner_texts()
            opened_on = _body_once_it_shows(page, OPENED_ON)
            opened_charts = "\n".join(charts.all_inner_texts())

            # 南通 instead of Beijing, as a person would: the period filter, which cascades from the platform, must not
            # keep Beijing's 2022 (南通 prints none) and offers 南通's periods only
            _choose(page, 1, PLATFORM)
            page.wait_for_timeout(3_000)
            period_after_switch = page.locator(FILTER_VALUE).nth(2).inner_text().strip()
            offered = _offered(page, 2)
            _choose(page, 2, WEEK)
            page.locator("[data-test='filter-bar__apply-button']").click()
            _charts_drawn(page)
            # The charts may be drawn more than once after the filters apply (the period cascades from the platform),
            # so the figures are awaited on the page as a whole; a full-page screenshot redraws charts too, so the
            # texts are read before it is taken.
            switched_to = _body_once_it_shows(page, SWITCHED_TO)
            switched_charts = "\n".join(charts.all_inner_texts())
            assert errors.count() == 0, errors.all_inner_texts()
            SCREENSHOT.parent.mkdir(parents=True, exist_ok=True)
            page.screenshot(path=str(SCREENSHOT), full_page=True)
        finally:
            browser.close()
    assert [text.strip() for text in defaults[1:]] == ["beijing_12345", "2022年"]
    for expected in OPENED_ON:
        assert expected in opened_on, expected
    periods = {
        str(row["period_label_zh"])
        for row in query_warehouse(
            superset.warehouse,
            f"select distinct period_label_zh from marts.fct_published_figure where platform_code = '{PLATFORM}'",
        )
    }
    assert "2022年" not in periods
    assert period_after_switch != "2022年" and period_after_switch in periods, period_after_switch
    assert set(offered) == periods
    for expected in SWITCHED_TO:
        assert expected in switched_to, expected
    # A hotline's number in its name (哈尔滨市长公开电话 (“12345”热线)) is a name, not a figure: names are taken out
    # before the figures are read
    names = sorted(
        (
            str(row["platform_name_zh"])
            for row in query_warehouse(superset.warehouse, "select platform_name_zh from marts.dim_platform")
        ),
        key=len,
        reverse=True,
    )
    for text in (opened_charts, switched_charts):
        for name in names:
            text = text.replace(name, " ")
        raw = sorted(set(RAW_NUMBER.findall(text)))
        assert not raw, f"numbers shown unformatted: {raw[:10]}"
    # The browser sent nothing elsewhere: what Superset's frontend would fetch from outside (its tracking
    # pixel) the server's content security policy refuses before a request is made.
    assert not outside, f"the dashboard asked for something outside Superset: {outside[:5]}"
    print("refused by the content security policy:", refused)
