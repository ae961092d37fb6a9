"""Browser tests: Playwright drives the Debian chromium (headless, no downloads).

Open the page, see the events on the map, filter, open an event, see the highlight,
submit a correction; screenshots go to test-artifacts/.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.web.fixtures import TOKEN

CHROMIUM = os.environ.get("HADATH_CHROMIUM", "/usr/bin/chromium")
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]

pytestmark = [pytest.mark.browser, pytest.mark.timeout(180)]


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    if not Path(CHROMIUM).is_file():
        pytest.skip(f"{CHROMIUM} is absent (make test installs it)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        chromium = pw.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)
        yield chromium
        chromium.close()


@pytest.fixture()
def page(browser: Any) -> Iterator[Any]:
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="ar")
    tab = context.new_page()
    errors: list[str] = []
    tab.on("pageerror", lambda exc: errors.append(str(exc)))
    tab.on(
        "console",
        lambda msg: errors.append(msg.text) if msg.type == "error" else None,
    )
    # Nothing may leave localhost: no CDN, no tiles.
    outside: list[str] = []
    tab.route(
        "**/*",
        lambda route: (
            route.continue_()
            if route.request.url.startswith(("http://127.0.0.1", "data:"))
            else (outside.append(route.request.url), route.abort())
        ),
    )
    tab.errors = errors
    tab.outside = outside
    yield tab
    context.close()


def test_map_filter_event_highlight_correction(
    live_server: str, page: Any, artifacts_dir: Path
) -> None:
    page.goto(live_server + "/")
    page.wait_for_selector("#map[data-basemap=ok]")
    assert page.get_attribute("html", "dir") == "rtl"
    assert page.locator("path.event-marker").count() == 2
    assert page.locator("#timeline svg rect").count() >= 2
    page.screenshot(path=str(artifacts_dir / "web-index.png"), full_page=True)

    # Filter by governorate: one event left, on the map and in the list.
    page.select_option("select[name=admin1]", "Homs")
    page.click("#apply")
    page.wait_for_selector("#map[data-basemap=ok]")
    assert "admin1=Homs" in page.url
    assert page.locator("path.event-marker").count() == 1
    assert page.locator("tr.event-row").count() == 1
    assert page.locator("td.reports-count").inner_text().strip() == "2"

    # Open the event: two reports, evidence and field spans highlighted.
    page.click("a.event-link")
    page.wait_for_selector("#correction-form")
    assert page.locator("article.report").count() == 2
    assert page.locator("mark.ev").count() >= 2
    page.click("#field-fatalities")
    active = page.locator("mark.active")
    assert sorted(active.all_inner_texts()) == ["تسعة جنود", "سبعة عناصر"]
    background = active.first.evaluate("el => getComputedStyle(el).backgroundColor")
    assert background not in ("rgba(0, 0, 0, 0)", "transparent")

    # A wrong token is refused and says so.
    page.select_option("select[name=field]", "fatalities")
    assert page.input_value("input[name=value]") == "7"  # starts from the current value
    page.fill("input[name=value]", "٨")
    page.fill("input[name=reviewer]", "مراجع الاختبار")
    page.fill("input[name=reason]", "المرصد صحّح العدد لاحقًا")
    page.fill("input[name=token]", "wrong")
    page.click("#correction-form button[type=submit]")
    page.wait_for_selector("#correction-status.fail")

    # The right token: the page reloads with the reviewer's value beside the machine's.
    page.fill("input[name=token]", TOKEN)
    page.click("#correction-form button[type=submit]")
    page.wait_for_selector("#field-fatalities.corrected")
    row = page.locator("#field-fatalities").inner_text()
    assert "8" in row and "7" in row and "مراجع الاختبار" in row
    page.screenshot(path=str(artifacts_dir / "web-event.png"), full_page=True)

    # The only failed request is the refused correction (401).
    assert [e for e in page.errors if "401" not in e] == []
    assert page.outside == []


def test_script_in_an_article_shows_as_text(live_server: str, page: Any) -> None:
    page.goto(live_server + "/?admin1=Deir+ez-Zor")
    page.click("a.event-link")
    page.wait_for_selector(".doc-text")
    assert page.evaluate("window.__pwned === undefined")
    assert "<script>window.__pwned = 1</script>" in page.locator(".doc-text").inner_text()
    assert page.errors == []
