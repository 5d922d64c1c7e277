"""Real Celery workers for the pipeline tests (DESIGN.md §8: never eager mode).

Each worker is a separate process, started as `make worker` starts one, pointed at the test
database and the test Redis, so tasks cross serialisation, the broker and process boundaries.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from django.conf import settings
from django.db import connection

ROOT = Path(__file__).resolve().parents[1]


class WorkerProcess:
    def __init__(self, *, concurrency: int = 1, name: str = "w1", **extra_env: str) -> None:
        db = connection.settings_dict
        env = {k: v for k, v in os.environ.items() if k != "DJANGO_ALLOW_ASYNC_UNSAFE"}
        env.update(
            DJANGO_SETTINGS_MODULE="eeportal.test_settings",
            DATABASE_URL=(
                f"postgres://{db['USER'] or 'root'}@{db['HOST'] or '127.0.0.1'}:"
                f"{db['PORT'] or 5432}/{db['NAME']}"
            ),
            REDIS_URL=settings.REDIS_URL,
            **extra_env,
        )
        self.log = Path(tempfile.gettempdir()) / f"eeportal-test-worker-{os.getpid()}-{name}.log"
        self.process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "celery",
                "-A",
                "eeportal",
                "worker",
                "-Q",
                "celery,reevaluate",
                "--concurrency",
                str(concurrency),
                "--pool",
                "prefork",
                "-n",
                f"{name}@%h",
                "--without-gossip",
                "--without-mingle",
                "--without-heartbeat",
                "--loglevel",
                "INFO",
            ],
            cwd=ROOT,
            env=env,
            stdout=self.log.open("w"),
            stderr=subprocess.STDOUT,
            start_new_session=True,  # its own process group, so kill() reaches the children
        )

    def kill(self) -> None:
        """SIGKILL the worker and its pool children: nothing gets to clean up or acknowledge."""
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait(timeout=10)

    def stop(self) -> None:
        if self.process.poll() is None:
            # SIGTERM to the main process only: a warm shutdown lets its children finish.
            self.process.terminate()
            try:
                self.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.kill()

    def output(self) -> str:
        return self.log.read_text() if self.log.exists() else ""


def wait_for(condition: Callable[[], bool], *, timeout: float = 60, what: str = "") -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(0.1)
    raise AssertionError(f"timed out after {timeout}s waiting for {what or condition}")
