"""The dashboard as a person sees it: logged in through Superset's login page, in Debian's Chromium.

Skipped where /usr/bin/chromium (`make browser`) or playwright is missing.
Every request that does not go to the local Superset is aborted and recorded;
the screenshot is written to target/superset-dashboard.png (the README shows a
copy of it, bi/superset/dashboard.png).
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest
from conftest import ROOT, Superset

from hotline12345.superset import ADMIN_USER

CHROMIUM = Path("/usr/bin/chromium")
SCREENSHOT = ROOT / "target" / "superset-dashboard.png"


def test_the_dashboard_renders_every_chart(superset: Superset) -> None:
    if not CHROMIUM.is_file():
        pytest.skip(f"{CHROMIUM} is missing: run `make browser`")
    sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is missing")
    base = superset.server.url
    outside: list[str] = []
    refused: list[str] = []

    def route(route: Any) -> None:
        if route.request.url.startswith(base):
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
            page.goto(f"{base}/login/", wait_until="networkidle")
            page.fill("input[name='username'], #username", ADMIN_USER)
            page.fill("input[name='password'], #password", superset.server.home.admin_password())
            page.keyboard.press("Enter")
            page.wait_for_url(lambda url: "/login" not in url, timeout=60_000)
            page.goto(f"{base}/superset/dashboard/hotline12345/?standalone=1", wait_until="networkidle")
            charts = page.locator(".dashboard-component-chart-holder")
            charts.first.wait_for(timeout=60_000)
            page.locator(".dashboard-component-chart-holder .loading").first.wait_for(state="detached", timeout=120_000)
            page.wait_for_timeout(3_000)  # the last animations of the ECharts
            SCREENSHOT.parent.mkdir(parents=True, exist_ok=True)
            page.screenshot(path=str(SCREENSHOT), full_page=True)
            text = page.inner_text("body")
            errors = page.locator(".dashboard-component-chart-holder .alert-danger, [data-test='error-message']")
            assert errors.count() == 0, errors.all_inner_texts()
            assert charts.count() == len(superset.client.listing("chart"))
        finally:
            browser.close()
    # Figures of the report in the tables (the bars are drawn on canvas): 朝阳区, its printed 66.06% in the
    # audit's findings, the 92.72% resolution rate.
    for expected in ("朝阳区", "66.06%", "92.72"):
        assert expected in text, expected
    # The browser sent nothing elsewhere: what Superset's frontend would fetch from outside (its tracking
    # pixel) the server's content security policy refuses before a request is made.
    assert not outside, f"the dashboard asked for something outside Superset: {outside[:5]}"
    print("refused by the content security policy:", refused)
