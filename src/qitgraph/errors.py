"""Every error a user can meet, with a human message; mapped once to a CLI exit code and once
to an HTTP status (see ``exit_code`` and ``http_status``)."""

from __future__ import annotations


class QitgraphError(Exception):
    """Base class: ``message`` says what went wrong, ``hint`` how to fix it."""

    exit_code = 2
    http_status = 500

    def __init__(self, message: str, *, hint: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint

    def __str__(self) -> str:
        return f"{self.message}\n  hint: {self.hint}" if self.hint else self.message


class LoadError(QitgraphError):
    """An RDF file cannot be read or parsed (exit 2; HTTP 400 for uploaded data)."""

    exit_code = 2
    http_status = 400

    def __init__(self, message: str, *, path: str = "", line: int | None = None,
                 column: int | None = None, hint: str = "") -> None:
        where = path
        if line is not None:
            where += f":{line}" + (f":{column}" if column is not None else "")
        super().__init__(f"{where}: {message}" if where else message, hint=hint)
        self.path = path
        self.line = line
        self.column = column


class QuerySyntaxError(QitgraphError):
    """A SPARQL query does not parse (exit 2; HTTP 400), with its line and column."""

    exit_code = 2
    http_status = 400

    def __init__(self, message: str, *, line: int | None = None, column: int | None = None) -> None:
        where = f"line {line}, column {column}: " if line is not None else ""
        super().__init__(f"SPARQL syntax error: {where}{message}",
                         hint="check the query near that position")
        self.line = line
        self.column = column


class QueryRefused(QitgraphError):
    """A query asks for something this endpoint does not do (SERVICE, LOAD, updates): HTTP 403."""

    exit_code = 2
    http_status = 403


class QueryTimeout(QitgraphError):
    """A query ran past its time limit and was stopped: HTTP 503."""

    exit_code = 3
    http_status = 503


class NotFound(QitgraphError):
    """A named query, resource or file that does not exist: HTTP 404."""

    exit_code = 2
    http_status = 404


class BadParameter(QitgraphError):
    """A parameter of a named query or request is missing or malformed: HTTP 400."""

    exit_code = 2
    http_status = 400


class EndpointError(QitgraphError):
    """A remote SPARQL endpoint is unreachable or answered badly: HTTP 502."""

    exit_code = 4
    http_status = 502


class NotAcceptable(QitgraphError):
    """No format the client accepts can carry this answer: HTTP 406."""

    exit_code = 2
    http_status = 406


class UnsupportedMediaType(QitgraphError):
    """A request body in a media type or charset this endpoint does not read: HTTP 415."""

    exit_code = 2
    http_status = 415


class RequestTooLarge(QitgraphError):
    """A request body over the configured size limit: HTTP 413."""

    exit_code = 2
    http_status = 413


class QueryFailed(QitgraphError):
    """A query stopped on a resource limit or an engine error after it parsed: HTTP 500."""

    exit_code = 2
    http_status = 500
