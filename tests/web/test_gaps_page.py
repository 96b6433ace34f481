"""``/gaps`` serves the gap report made from the server's own store, with its known findings."""

from __future__ import annotations

from fastapi.testclient import TestClient


def test_gaps_page_has_findings_figures_and_provenance(client: TestClient) -> None:
    response = client.get("/gaps")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/html")
    html = response.text
    # D1.3 was in the draft assignment (Oct 2021) but not in the final transfer (Jan 2022).
    assert "D1.3" in html and "D0.1" in html
    assert "CEN-CENELEC FG QT" in html  # a liaison relationship with no officer
    assert html.count("<img src=\"data:image/svg+xml;base64,") >= 3  # heatmap, timeline, network
    assert "the embedded store of this server" in html
    assert "http://" not in html.split("<body", 1)[1].replace("http://www.w3.org", "")  # nothing fetched


def test_gaps_page_is_made_once(client: TestClient) -> None:
    first = client.get("/gaps").text
    assert client.get("/gaps").text == first
