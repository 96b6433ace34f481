"""``HEAD`` on every GET route (RFC 9110, 9.3.2): the request is routed as a GET and the body is
dropped, so headers (type, length, Link, Vary) are exactly what the GET would send. FastAPI's
routes answer only the methods they declare; clients that probe with HEAD (comunica#1538) should
not get a 405."""

from __future__ import annotations

from starlette.types import ASGIApp, Message, Receive, Scope, Send


class HeadAsGet:
    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] != "HEAD":
            await self.app(scope, receive, send)
            return

        async def send_headers_only(message: Message) -> None:
            if message["type"] == "http.response.body":
                message = {**message, "body": b""}
            await send(message)

        await self.app({**scope, "method": "GET"}, receive, send_headers_only)
