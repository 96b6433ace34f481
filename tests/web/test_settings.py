"""Settings: defaults, environment variables (read by ``Settings()``, never edited by the app),
and the checks that keep limits meaningful."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from qitgraph.settings import Settings


def test_defaults_serve_on_localhost_8000() -> None:
    s = Settings(_env_file=None)  # type: ignore[call-arg]
    assert (s.host, s.port) == ("127.0.0.1", 8000)
    assert s.query_timeout > 0 and s.max_rows > 0 and s.allow_service is False


def test_environment_variables(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("QITGRAPH_QUERY_TIMEOUT", "2.5")
    monkeypatch.setenv("QITGRAPH_CORS_ORIGINS", '["https://example.org"]')
    s = Settings()
    assert s.query_timeout == 2.5 and s.cors_origins == ("https://example.org",)


@pytest.mark.parametrize("bad", [{"query_timeout": 0}, {"max_rows": 0}, {"workers": 0}, {"max_body_bytes": -1}],
                         ids=["timeout", "rows", "workers", "body"])
def test_limits_must_be_positive(bad: dict[str, float]) -> None:
    with pytest.raises(ValidationError):
        Settings(**bad)  # type: ignore[arg-type]
