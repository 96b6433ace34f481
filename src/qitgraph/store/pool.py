"""A pool of query worker processes with a time limit that really stops work.

Each worker (``worker.py``) opens the on-disk store read-only (and by default copies it into its
memory). A job goes to a free worker over a pipe; the caller waits at most ``timeout`` seconds
for the answer, and when time is up the worker is killed (SIGKILL: the native evaluation cannot
be asked nicely) and replaced by a fresh one started in the background. While one
worker grinds on a slow query the others keep answering, and callers wait in a thread, never on
the event loop. When every worker is busy a caller waits ``queue_timeout`` seconds for one, then
gets a 503 rather than an unbounded queue.
"""

from __future__ import annotations

import os
import queue
import subprocess
import sys
import threading
from dataclasses import dataclass
from multiprocessing.connection import Connection
from typing import Any

from qitgraph.errors import QueryFailed, QueryTimeout
from qitgraph.store.worker import Job

_START_TIMEOUT = 60.0


@dataclass
class _Worker:
    process: subprocess.Popen[bytes]
    reader: Connection
    writer: Connection


class WorkerPool:
    """``size`` worker processes over the store at ``store_path``."""

    def __init__(self, store_path: str, size: int, *, memory_mb: int = 0, in_memory: bool = True) -> None:
        self.store_path = store_path
        self.in_memory = in_memory
        self.size = size
        self.memory_mb = memory_mb
        self._free: queue.Queue[_Worker] = queue.Queue()
        self._all: list[_Worker] = []
        self._lock = threading.Lock()
        self.killed = 0
        for w in [self._spawn_unready() for _ in range(size)]:
            self._await_ready(w)
            self._free.put(w)

    def _spawn_unready(self) -> _Worker:
        process = subprocess.Popen(
            [sys.executable, "-m", "qitgraph.store.worker", self.store_path, str(self.memory_mb),
             "memory" if self.in_memory else "disk"],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE)
        assert process.stdin is not None and process.stdout is not None
        worker = _Worker(process, Connection(os.dup(process.stdout.fileno()), writable=False),
                         Connection(os.dup(process.stdin.fileno()), readable=False))
        process.stdin.close()
        process.stdout.close()
        with self._lock:
            self._all.append(worker)
        return worker

    def _await_ready(self, worker: _Worker) -> None:
        try:
            ready = worker.reader.poll(_START_TIMEOUT)
            status, payload = worker.reader.recv() if ready else ("timeout", "no answer")
        except (EOFError, OSError) as e:
            status, payload = "died", str(e) or "it exited"
        if status != "ready":
            self._kill(worker)
            raise QueryFailed(f"a query worker failed to start: {payload}",
                              hint="check that the store folder exists and is readable")

    def _kill(self, worker: _Worker) -> None:
        worker.process.kill()
        worker.process.wait(5)
        worker.reader.close()
        worker.writer.close()
        with self._lock:
            if worker in self._all:
                self._all.remove(worker)

    def _replace(self, worker: _Worker) -> None:
        """Kill ``worker`` now; start its successor on a thread, so the caller's 503 is not
        delayed by the new worker's start-up (it joins the free queue when ready)."""
        self._kill(worker)
        self.killed += 1
        threading.Thread(target=self._respawn, name="qitgraph-respawn", daemon=True).start()

    def _respawn(self) -> None:
        try:
            fresh = self._spawn_unready()
            self._await_ready(fresh)
        except QueryFailed as e:  # the pool runs one worker short; /-/health shows it
            print(f"qitgraph: {e}", file=sys.stderr)
            return
        self._free.put(fresh)

    def run(self, job: Job, *, timeout: float, queue_timeout: float) -> Any:
        """Run ``job`` on a free worker; its answer, or QueryTimeout / QueryFailed / SyntaxError."""
        try:
            worker = self._free.get(timeout=queue_timeout)
        except queue.Empty:
            raise QueryTimeout(f"all {self.size} query workers are busy",
                               hint="try again in a moment; slow queries hold workers until their "
                                    "time limit") from None
        try:
            worker.writer.send(job)
            ready = worker.reader.poll(timeout)
            reply = worker.reader.recv() if ready else None
        except (EOFError, OSError):
            self._replace(worker)
            raise QueryFailed("the query worker stopped (the query may have exhausted its memory)",
                              hint="make the query more selective") from None
        if reply is None:
            self._replace(worker)
            raise QueryTimeout(f"the query ran longer than the time limit of {timeout:g} s and was stopped",
                               hint="make the query more selective, or add a LIMIT")
        self._free.put(worker)
        status, payload = reply
        if status == "ok":
            return payload
        if status == "syntax":
            raise SyntaxError(payload)
        raise QueryFailed(str(payload), hint="the query parsed but the engine could not evaluate it")

    def alive(self) -> int:
        with self._lock:
            return sum(1 for w in self._all if w.process.poll() is None)

    def close(self) -> None:
        with self._lock:
            workers = list(self._all)
        for w in workers:
            self._kill(w)
