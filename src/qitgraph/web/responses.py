"""Turning answers and errors into HTTP responses, with the headers every negotiated response
carries: ``Vary: Accept`` (so caches keep formats apart), the row count, and the truncation flag
(``X-Qitgraph-Truncated``: never a silent cut, ENDPOINT-NOTES.md)."""

from __future__ import annotations

import json
from collections.abc import Sequence

from fastapi import Request, Response
from fastapi.responses import JSONResponse

from qitgraph.errors import LoadError, QitgraphError, QuerySyntaxError
from qitgraph.store.formats import Format
from qitgraph.store.results import Answer
from qitgraph.web.conneg import parse_accept


def answer_response(answer: Answer, *, max_rows: int, filename: str | None = None) -> Response:
    headers = {"Vary": "Accept", "X-Qitgraph-Rows": str(answer.count),
               "X-Qitgraph-Truncated": "true" if answer.truncated else "false"}
    if answer.truncated:
        headers["X-Qitgraph-Max-Rows"] = str(max_rows)
    if filename:
        headers["Content-Disposition"] = f'inline; filename="{filename}.{answer.format.ext}"'
    return Response(answer.body, media_type=answer.format.content_type, headers=headers)


def alternates_header(path: str, formats: Sequence[Format]) -> str:
    """``Link`` header values naming the other representations of a resource."""
    return ", ".join(f'<{path}.{f.ext}>; rel="alternate"; type="{f.media_type}"' for f in formats)


def error_payload(error: QitgraphError) -> dict[str, object]:
    payload: dict[str, object] = {"error": type(error).__name__, "status": error.http_status,
                                  "message": error.message, "hint": error.hint}
    if isinstance(error, QuerySyntaxError | LoadError) and error.line is not None:
        payload["line"] = error.line
        payload["column"] = error.column
    return payload


def wants_html(request: Request) -> bool:
    """A browser navigating (HTML preferred over JSON) rather than a tool."""
    ranges = parse_accept(request.headers.get("accept", ""))
    html = max((r.q for r in ranges if r.type == "text" and r.subtype == "html"), default=0.0)
    return html > 0 and html >= max((r.q for r in ranges if "json" in r.subtype), default=0.0)


def error_response(request: Request, error: QitgraphError) -> Response:
    """An error as JSON for tools, plain text for SPARQL clients, or an HTML page for browsers."""
    payload = error_payload(error)
    if wants_html(request):
        templates = request.app.state.qitgraph.templates
        page: Response = templates.TemplateResponse(request, "error.html", {"error": payload},
                                          status_code=error.http_status, headers={"Vary": "Accept"})
        return page
    accept = request.headers.get("accept", "")
    path = request.url.path
    if "json" in accept or not accept.strip() or path.startswith("/api") or path.endswith(".json"):
        return JSONResponse(payload, status_code=error.http_status, headers={"Vary": "Accept"})
    text = str(error)
    if "line" in payload:
        text = f"{text}\nline: {payload['line']}\ncolumn: {payload['column']}"
    return Response(text + "\n", status_code=error.http_status, media_type="text/plain; charset=utf-8",
                    headers={"Vary": "Accept"})


def json_dumps(data: object) -> bytes:
    return json.dumps(data, ensure_ascii=False, indent=1).encode()
