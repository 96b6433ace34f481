"""Throughput and latency of the named queries over HTTP, against a running ``qitgraph serve``.

Not a test: timings depend on the machine. Start a server, then run this script::

    qitgraph serve --port 8000 &
    python bench/bench_endpoint.py --url http://127.0.0.1:8000 --requests 200 --concurrency 4

For each named query (``/queries/{name}.json`` with its default parameters) it sends ``--requests``
requests from ``--concurrency`` client threads and reports the p50 and p99 latency and the
throughput; then the same for all queries mixed, and for ``/sparql`` with a cheap query in
SPARQL JSON as a baseline of the protocol path. Last, the time limit under load: a pathological
query (a triple cross product) is sent again and again from one thread while the mixed named
queries run, and the report gives how long each pathological query took to be stopped (its
status should be 503 after about the server's ``query_timeout``) and the latency of the cheap
queries meanwhile.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass

import httpx


@dataclass
class Result:
    name: str
    latencies: list[float]
    errors: int
    wall: float

    def row(self) -> str:
        lat = sorted(self.latencies)
        p50 = statistics.median(lat) * 1000 if lat else float("nan")
        p99 = lat[min(len(lat) - 1, round(0.99 * (len(lat) - 1)))] * 1000 if lat else float("nan")
        rate = len(lat) / self.wall if self.wall else 0.0
        return f"{self.name:34s} {len(lat):6d} {self.errors:4d} {p50:9.1f} {p99:9.1f} {rate:9.1f}"


def run(client: httpx.Client, name: str, urls: list[str], concurrency: int) -> Result:
    def one(url: str) -> tuple[float, bool]:
        start = time.perf_counter()
        try:
            ok = client.get(url).status_code == 200
        except httpx.HTTPError:
            ok = False
        return time.perf_counter() - start, ok

    start = time.perf_counter()
    with ThreadPoolExecutor(concurrency) as pool:
        outcomes = list(pool.map(one, urls))
    wall = time.perf_counter() - start
    return Result(name, [t for t, ok in outcomes if ok], sum(1 for _, ok in outcomes if not ok), wall)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--url", default="http://127.0.0.1:8000", help="base URL of a running qitgraph serve")
    parser.add_argument("--requests", type=int, default=200, help="requests per query (default 200)")
    parser.add_argument("--concurrency", type=int, default=4, help="client threads (default 4)")
    parser.add_argument("--no-pathological", dest="pathological", action="store_false",
                        help="skip the time-limit-under-load phase")
    args = parser.parse_args(argv)

    with httpx.Client(base_url=args.url, timeout=60) as client:
        try:
            names = [q["name"] for q in client.get("/queries.json").json()]
        except httpx.HTTPError as e:
            print(f"cannot reach {args.url}: {e}; start `qitgraph serve` first", file=sys.stderr)
            return 2
        for name in names:  # warm up: first runs parse and cache each query
            client.get(f"/queries/{name}.json")
        print(f"{len(names)} named queries, {args.requests} requests each, concurrency {args.concurrency}")
        print(f"{'query':34s} {'ok':>6s} {'err':>4s} {'p50 ms':>9s} {'p99 ms':>9s} {'req/s':>9s}")
        results = [run(client, name, [f"/queries/{name}.json"] * args.requests, args.concurrency)
                   for name in names]
        for r in results:
            print(r.row())
        mixed = [f"/queries/{names[i % len(names)]}.json" for i in range(args.requests * 4)]
        print("-" * 76)
        print(run(client, "ALL NAMED QUERIES, MIXED", mixed, args.concurrency).row())
        ask = "/sparql?query=ASK%20%7B%20%3Fs%20%3Fp%20%3Fo%20%7D"
        print(run(client, "/sparql ASK (protocol baseline)", [ask] * args.requests * 2, args.concurrency).row())
        if args.pathological:
            under_load(client, mixed, args.concurrency)
    return 0


PATHOLOGICAL = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"


def under_load(client: httpx.Client, urls: list[str], concurrency: int) -> None:
    """Cheap queries while pathological ones keep one worker busy until their time limit."""
    stop = threading.Event()
    stopped: list[tuple[float, int]] = []

    def grind() -> None:
        with httpx.Client(base_url=str(client.base_url), timeout=120) as own:
            while not stop.is_set():
                start = time.perf_counter()
                status = own.get("/sparql", params={"query": PATHOLOGICAL}).status_code
                stopped.append((time.perf_counter() - start, status))

    thread = threading.Thread(target=grind)
    thread.start()
    time.sleep(0.5)
    try:
        result = run(client, "MIXED, WHILE A CROSS PRODUCT RUNS", urls, max(1, concurrency - 1))
    finally:
        stop.set()
        thread.join()
    print(result.row())
    for seconds, status in stopped:
        print(f"  pathological query stopped after {seconds:.2f} s with HTTP {status}")


if __name__ == "__main__":
    sys.exit(main())
