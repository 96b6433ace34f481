"""The home and query pages in a real headless browser (Debian's chromium through Playwright):
they render, an example loads into the editor, a query runs and shows linked results, a syntax
error puts the cursor at its place, and no request leaves this server (the page works offline)."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from typing import Any

import pytest

from .conftest import LiveServer

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run"]

pytestmark = pytest.mark.skipif(shutil.which("chromium") is None,
                                reason="Debian's chromium is not installed (apt-get install -y chromium)")


@pytest.fixture(scope="module")
def page(live: LiveServer) -> Iterator[Any]:
    sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed")
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        context = browser.new_context()
        outside: list[str] = []
        context.on("request", lambda r: None if r.url.startswith(live.url) else outside.append(r.url))
        tab = context.new_page()
        tab.outside = outside  # type: ignore[attr-defined]
        yield tab
        browser.close()
    assert outside == [], f"the pages asked other hosts: {outside}"


def test_home_page(page: Any, live: LiveServer) -> None:
    page.goto(live.url + "/")
    assert page.title().startswith("qitgraph")
    assert int(page.text_content("#triple-count")) > 1000
    assert page.locator("#by-class tbody tr").count() > 5
    assert page.locator("#by-graph tbody tr").count() >= 5


def test_query_page_runs_an_example(page: Any, live: LiveServer) -> None:
    page.goto(live.url + "/sparql")
    page.select_option("#example", "group-meetings")
    assert "qit:Meeting" in page.input_value("#query")
    page.click("#run")
    page.wait_for_selector("#results table")
    assert page.locator("#results tbody tr").count() >= 9  # FG QIT4N's held and planned meetings
    assert "query=" in page.url  # the query stays in the URL
    assert page.locator(".downloads a").count() == 4


def test_query_page_points_at_a_syntax_error(page: Any, live: LiveServer) -> None:
    page.goto(live.url + "/sparql")
    page.fill("#query", "SELECT * WHERE {\n  ?s ?p \n}")
    page.press("#query", "Control+Enter")
    page.wait_for_selector("#error")
    assert "line 2, column 3" in page.text_content("#error-message")
    start = page.evaluate("document.getElementById('query').selectionStart")
    assert start == len("SELECT * WHERE {\n") + 2
    assert "has-error" in page.get_attribute("#query", "class")


def test_results_link_to_resource_pages(page: Any, live: LiveServer) -> None:
    query = ("PREFIX qit: <https://w3id.org/qitgraph/ontology#> SELECT ?g WHERE "
             "{ ?g a qit:FocusGroup } ORDER BY ?g LIMIT 1")
    page.goto(live.url + "/sparql?query=" + query.replace(" ", "%20").replace("#", "%23"))
    page.click("#results tbody a")
    page.wait_for_selector("#properties")
    assert "/id/group/" in page.url and page.text_content("#label")
