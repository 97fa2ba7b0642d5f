"""Open local HTML pages in headless Chromium (Debian's ``chromium``, driven by Playwright) and record what a
reader's browser would see: console messages, uncaught errors, dialogs, requests that leave the file system,
images that did not decode, error output shown on the page.

Used by the report-site test, and meant for any test that opens generated HTML (escaping checks included:
a payload that runs shows up as a dialog, a console message or a page error, and nothing can be fetched
from the network because every request other than ``file:`` and ``data:`` is recorded and aborted).

    with chromium() as browser, open_page(browser, path) as (page, visit):
        assert visit.problems() == []
        assert broken_images(page) == []

Playwright is only the driver: it never downloads a browser here (``playwright install`` is not needed and
cannot work offline). Each ``open_page`` gets a fresh browser context, so no state leaks between pages.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Page, Request, Route

INSTALL_HINT = "headless Chromium is not installed: apt-get install chromium"
#: Flags for a quiet headless run as root on a closed network (without the background-networking
#: ones Chromium keeps trying to reach Google's services).
FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
)
VIEWPORT = {"width": 1280, "height": 900}
LOCAL_SCHEMES = ("file:", "data:", "about:")


def chromium_path() -> str | None:
    """Where Debian's Chromium is, or None."""
    return shutil.which("chromium") or shutil.which("chromium-browser")


def require_chromium() -> str:
    """Chromium's path. When it is absent the calling test skips with the one line saying how to install it,
    or fails under CI (``CI`` set), where a skipped browser check would pass unseen."""
    path = chromium_path()
    if path is None:
        if os.environ.get("CI"):
            pytest.fail(INSTALL_HINT)
        pytest.skip(INSTALL_HINT)
    return path


@dataclass
class PageVisit:
    """What happened while a page was open."""

    url: str
    console: list[str] = field(default_factory=list)
    page_errors: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)
    external_requests: list[str] = field(default_factory=list)
    failed_requests: list[str] = field(default_factory=list)

    def problems(self) -> list[str]:
        """Everything a clean page must not produce, each prefixed with its kind."""
        return (
            [f"console {message}" for message in self.console]
            + [f"uncaught error: {error}" for error in self.page_errors]
            + [f"dialog: {dialog}" for dialog in self.dialogs]
            + [f"request leaving the file system: {url}" for url in self.external_requests]
            + [f"failed request: {url}" for url in self.failed_requests]
        )


@contextmanager
def chromium() -> Iterator[Browser]:
    """A headless Chromium for the duration of the block (skips the test when Chromium is absent)."""
    executable = require_chromium()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        # Playwright gives every launch a fresh temporary profile (--user-data-dir) and removes it afterwards.
        browser = playwright.chromium.launch(executable_path=executable, headless=True, args=list(FLAGS))
        try:
            yield browser
        finally:
            browser.close()


@contextmanager
def open_page(browser: Browser, path: Path) -> Iterator[tuple[Page, PageVisit]]:
    """Open the local file ``path`` in a fresh context and record what happens until the block ends."""
    visit = PageVisit(path.resolve().as_uri())
    context = browser.new_context(viewport=VIEWPORT)  # type: ignore[arg-type]

    def route(route: Route, request: Request) -> None:
        if request.url.startswith(LOCAL_SCHEMES):
            route.continue_()
        else:
            visit.external_requests.append(request.url)
            route.abort()

    context.route("**/*", route)
    page = context.new_page()
    page.on("console", lambda message: visit.console.append(f"{message.type}: {message.text}"))
    page.on("pageerror", lambda error: visit.page_errors.append(str(error)))
    page.on("dialog", lambda dialog: (visit.dialogs.append(f"{dialog.type}: {dialog.message}"), dialog.dismiss()))
    page.on("requestfailed", lambda request: visit.failed_requests.append(request.url))
    try:
        page.goto(visit.url, wait_until="load")
        yield page, visit
    finally:
        context.close()


def broken_images(page: Page) -> list[str]:
    """Images that are missing or did not decode (natural width 0), by the start of their ``src``."""
    result: list[str] = page.evaluate(
        """() => Array.from(document.images)
            .filter(image => !image.complete || image.naturalWidth === 0)
            .map(image => (image.getAttribute('src') || '(no src)').slice(0, 80))"""
    )
    return result


def image_count(page: Page) -> int:
    """How many ``<img>`` elements the page has."""
    count: int = page.evaluate("() => document.images.length")
    return count


def shown_errors(page: Page) -> list[str]:
    """Error output a reader can see: visible stderr or error outputs of a notebook, or a Python traceback."""
    result: list[str] = page.evaluate(
        """() => {
            const found = [];
            for (const element of document.querySelectorAll(
                    '[data-mime-type="application/vnd.jupyter.stderr"], .output_error, .jp-OutputArea-error')) {
                if (element.checkVisibility()) found.push('error output: ' + element.innerText.slice(0, 200));
            }
            const text = document.body.innerText;
            for (const marker of ['Traceback (most recent call last)', 'Error Traceback']) {
                const at = text.indexOf(marker);
                if (at >= 0) found.push('traceback: ' + text.slice(at, at + 200));
            }
            return found;
        }"""
    )
    return result


def visible_count(page: Page, selector: str) -> tuple[int, int]:
    """How many elements match ``selector``, and how many of them are visible."""
    counts: list[int] = page.evaluate(
        """selector => {
            const elements = Array.from(document.querySelectorAll(selector));
            return [elements.length, elements.filter(element => element.checkVisibility()).length];
        }""",
        selector,
    )
    return counts[0], counts[1]


def screenshot(page: Page, path: Path) -> Path:
    """A full-page PNG screenshot of ``page`` at ``path`` (folders created)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(path), full_page=True)
    return path
