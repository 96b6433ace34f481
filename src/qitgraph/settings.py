"""Every knob of ``qitgraph serve`` in one place: each a typed setting with a default and help text,
read from ``QITGRAPH_*`` environment variables or given as a ``Settings`` object (tests pass objects,
they never edit the environment). The limits are visible on purpose: a public endpoint needs a time
budget, a row cap and a body cap, and users need to know them (``docs/server.md`` lists them all,
and a test fails when one is undocumented)."""

from __future__ import annotations

from pathlib import Path

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict


class Settings(BaseSettings):
    """Settings of the web app and its store."""

    model_config = SettingsConfigDict(env_prefix="QITGRAPH_", frozen=True)

    host: str = Field(default="127.0.0.1", description="interface uvicorn listens on")
    port: int = Field(default=8000, description="TCP port uvicorn listens on")
    store_path: Path | None = Field(
        default=None, description="folder of the on-disk Oxigraph store; kept between runs and reloaded only "
                          "when the loaded files changed (default: a temporary folder, removed at exit)")
    data_files: tuple[Path, ...] = Field(
        default=(), description="extra RDF files to load besides ontology/ and data/ (Turtle, N-Triples, "
                        "N-Quads, TriG, JSON-LD, RDF/XML)")
    include_defaults: bool = Field(default=True, description="load the project's ontology/ and data/ folders")
    backend_url: str | None = Field(
        default=None, description="query a remote SPARQL 1.1 endpoint instead of the embedded store")
    update_url: str | None = Field(
        default=None, description="SPARQL 1.1 Update endpoint of the remote store; with it, serve loads the files "
                          "into the remote store (one DROP + INSERT DATA per named graph) at start")
    public_base: str = Field(
        default="https://w3id.org/qitgraph/", description="the base of the IRIs the data mints; this server "
                                                "answers /id/... and /ontology for IRIs under it")
    query_timeout: float = Field(
        default=10.0, gt=0, description="seconds a query may run before its worker process is killed (HTTP 503)")
    max_rows: int = Field(
        default=10_000, gt=0, description="most result rows (or triples) returned; a cut answer says "
                                 "truncated in the X-Qitgraph-Truncated header and in the body")
    max_body_bytes: int = Field(
        default=1_000_000, gt=0, description="largest accepted request body in bytes (HTTP 413 above it)")
    workers: int = Field(
        default=2, ge=1, description="query worker processes; a slow query occupies one, others keep answering")
    queue_timeout: float = Field(
        default=5.0, gt=0, description="seconds a query waits for a free worker before HTTP 503")
    worker_memory_mb: int = Field(
        default=2048, ge=0, description="address-space limit of each worker process in MiB (0 disables)")
    worker_in_memory: bool = Field(
        default=True, description="each worker copies the on-disk store into its memory (queries 8-9x faster "
                                  "here; costs the store's size in memory per worker)")
    allow_service: bool = Field(
        default=False, description="let queries use SERVICE (federation makes this server send HTTP requests)")
    cors_origins: tuple[str, ...] = Field(
        default=("*",), description="origins allowed by CORS (never with credentials)")
    search_limit: int = Field(default=50, gt=0, description="default and largest page size of /api/search")
