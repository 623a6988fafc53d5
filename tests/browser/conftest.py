"""Playwright driving Debian's Chromium (never a browser Playwright downloads itself)."""

import os
import shutil
from pathlib import Path

import pytest

CHROMIUM = os.environ.get("CASEREVIEW_CHROMIUM", "/usr/bin/chromium")
AXE = Path(__file__).parent / "vendor" / "axe.min.js"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-quic",
    "--no-first-run",
]


@pytest.fixture(scope="session")
def browser():
    if not (os.path.exists(CHROMIUM) or shutil.which(CHROMIUM)):
        if os.environ.get("CASEREVIEW_REQUIRE_BROWSER"):
            pytest.fail(f"Chromium not found at {CHROMIUM}: apt-get install chromium")
        pytest.skip(f"Chromium not found at {CHROMIUM} (apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    # Playwright's sync API keeps an event loop in this thread while the browser is open; the tests' own
    # ORM calls are still synchronous, so Django's guard against ORM use inside a loop is lifted for
    # the browser tests only.
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
            yield browser
            browser.close()
    finally:
        del os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"]


@pytest.fixture
def page(browser, live_server):
    # bypass_csp lets the test inject axe-core; the pages themselves still send their policy, and any
    # violation the browser reports fails the test through `console_errors`.
    context = browser.new_context(base_url=live_server.url, bypass_csp=True)
    page = context.new_page()
    page.console_errors = []
    page.on("console", lambda msg: msg.type == "error" and page.console_errors.append(msg.text))
    page.on("pageerror", lambda exc: page.console_errors.append(str(exc)))
    yield page
    context.close()


def assert_accessible(page):
    """axe-core finds no violations on the page as it is now."""
    page.add_script_tag(path=str(AXE))
    result = page.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
    violations = [
        f"{v['id']} ({v['impact']}): {v['help']} — {[n['target'] for n in v['nodes']][:3]}"
        for v in result["violations"]
    ]
    assert violations == [], f"{page.url}: " + "\n".join(violations)


PHONE = {"width": 390, "height": 844}


def assert_fits(page, width=PHONE["width"]):
    """Nothing makes the page wider than the screen (a wide table scrolls inside its own box)."""
    scroll_width = page.evaluate("() => document.documentElement.scrollWidth")
    assert scroll_width <= width, f"{page.url} is {scroll_width}px wide on a {width}px screen"


def open_area(page, group, name=None):
    """Through the navigation as a person would: the group in the menu, then its page beneath."""
    page.get_by_role("navigation", name="Menu").get_by_role("link", name=group, exact=True).click()
    if name:
        section = page.get_by_role("navigation", name="In this section")
        if section.count():
            section.get_by_role("link", name=name, exact=True).click()
