"""Start-up and shut-down benchmark: ``forumbot run`` as an administrator
starts it (a subprocess; web on, no platform tokens), on an empty store and
on one with 100,000 answered and published questions.

    python bench/startup.py                     # empty and 100,000, 5 runs each
    python bench/startup.py --sizes 0 1000000 --runs 3

Per run:

* to serving: from starting the process to the first ``200`` from
  ``/healthz`` (the interpreter, imports, the checks, the schema, the web
  port, the platforms);
* SIGTERM to exit: from sending SIGTERM to the process having exited (with
  status 0, which is checked).

Baseline in the same run: the interpreter importing forumbot's modules and
exiting at once (``python -c "import forumbot.app; os._exit(0)"``), the
part of start-up no store size changes. Printed: medians and worst of each, and the ratios store /
empty and start-up / import baseline.

The 100,000-question store is built once by bench/archive.py's builder
(forumbot's migrations, then bulk SQL inserts), before any timing; each run
starts on a fresh copy of it, so a run's WAL never helps the next.
"""

from __future__ import annotations

import argparse
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench.archive import build_store  # noqa: E402

EXAMPLE = ROOT / "bot.example.yaml"
SERVING_WITHIN_S = 120.0


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def quiet_env() -> dict[str, str]:
    import os

    return {k: v for k, v in os.environ.items() if not k.endswith(("_TOKEN", "_SECRET"))}


def config_for(folder: Path, database: Path) -> Path:
    text = EXAMPLE.read_text(encoding="utf-8").replace(
        "database: forumbot.sqlite3", f'database: "{database}"', 1
    )
    path = folder / "bot.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def import_baseline() -> float:
    started = time.perf_counter()
    subprocess.run(
        # os._exit: the interpreter's own teardown is no part of starting up.
        [sys.executable, "-c", "import os, forumbot.app, forumbot.cli; os._exit(0)"],
        cwd=ROOT,
        env=quiet_env(),
        check=True,
    )
    return time.perf_counter() - started


def one_run(folder: Path, seed: Path | None) -> tuple[float, float]:
    """(seconds to the first 200 from /healthz, seconds from SIGTERM to exit)."""
    database = folder / "forumbot.sqlite3"
    for suffix in ("", "-wal", "-shm", ".lock"):
        Path(f"{database}{suffix}").unlink(missing_ok=True)
    if seed is not None:
        shutil.copy(seed, database)
    port = free_port()
    config = config_for(folder, database)
    started = time.perf_counter()
    process = subprocess.Popen(
        [sys.executable, "-m", "forumbot", "run", "--config", str(config), "--web-port", str(port)],
        cwd=folder,
        env=quiet_env(),
        stdout=subprocess.DEVNULL,
        stderr=(folder / "forumbot.log").open("w"),
    )
    try:
        while True:
            if process.poll() is not None:
                log = (folder / "forumbot.log").read_text()[-3000:]
                raise RuntimeError(
                    f"forumbot exited with {process.returncode} before serving:\n{log}"
                )
            if time.perf_counter() - started > SERVING_WITHIN_S:
                raise RuntimeError("forumbot not serving after 120 s")
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=5) as r:
                    if r.status == 200:
                        break
            except (urllib.error.URLError, ConnectionError, TimeoutError):
                time.sleep(0.005)
        serving = time.perf_counter() - started
        asked = time.perf_counter()
        process.send_signal(signal.SIGTERM)
        code = process.wait(timeout=30)
        stopping = time.perf_counter() - asked
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
    if code != 0:
        log = (folder / "forumbot.log").read_text()[-3000:]
        raise RuntimeError(f"forumbot exited with {code} after SIGTERM:\n{log}")
    return serving, stopping


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[0, 100_000])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args(argv)
    results: dict[int, tuple[list[float], list[float]]] = {}
    with tempfile.TemporaryDirectory(prefix="forumbot-startup-") as temp:
        folder = Path(temp)
        seeds: dict[int, Path | None] = {}
        for size in args.sizes:
            if size == 0:
                seeds[size] = None
                continue
            seed = folder / f"seed-{size}.sqlite3"
            store = build_store(str(seed), size)
            print(
                f"built a store of {store.questions:,} questions ({store.size_mib:.0f} MiB) "
                f"in {store.build_s:.0f} s",
                flush=True,
            )
            seeds[size] = seed
        baseline = [import_baseline() for _ in range(args.runs)]
        for size in args.sizes:
            results[size] = ([], [])
        for _ in range(args.runs):  # interleaved, so drift on this shared machine hits all
            for size in args.sizes:
                serving, stopping = one_run(folder, seeds[size])
                results[size][0].append(serving)
                results[size][1].append(stopping)
    base = statistics.median(baseline)
    print(f"\nimport baseline (python -c 'import forumbot.app; os._exit(0)'): median {base:.3f} s")
    header = ("store", "to serving: median / worst", "SIGTERM to exit: median / worst")
    print(f"{header[0]:>12} | {header[1]:>27} | {header[2]:>32}")
    for size in args.sizes:
        serve, stop = results[size]
        print(
            f"{size:>12,} | {statistics.median(serve):>10.3f} s / {max(serve):.3f} s"
            f"{'':>4} | {statistics.median(stop):>13.3f} s / {max(stop):.3f} s"
        )
    empty = args.sizes[0]
    for size in args.sizes[1:]:
        print(
            f"ratio {size:,} / {empty:,}: to serving "
            f"{statistics.median(results[size][0]) / statistics.median(results[empty][0]):.2f}, "
            f"SIGTERM to exit "
            f"{statistics.median(results[size][1]) / statistics.median(results[empty][1]):.2f}"
        )
    for size in args.sizes:
        print(
            f"ratio to serving / import baseline ({size:,}): "
            f"{statistics.median(results[size][0]) / base:.2f}"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
