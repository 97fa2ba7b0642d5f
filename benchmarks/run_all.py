"""Every evaluation in one go (``make eval``): run each script, stamp its run time, then write RESULTS.md.

    .venv/bin/python benchmarks/run_all.py [--only NAME ...] [--page-only]

Each script runs in its own process (``PYTHONHASHSEED=0``, so quantulum3's set order is fixed) and writes
its JSON into ``benchmarks/results/``. A script that is not in the checkout (stance and throughput land
from other branches) is listed as missing, not an error. Its wall time goes under the file's ``timing``
key, with every other machine-dependent number, so two runs give identical files apart from ``timing``.
``runs.json`` records what ran, how it ended and, under ``timing``, when. Then ``results_page.py`` makes
``benchmarks/RESULTS.md`` and the README's results section from the JSON files.
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import subprocess
import sys
import time
from typing import Any

import results_page
from _shared import RESULTS, ROOT, write_json

SCRIPTS = results_page.SCRIPTS


def run_one(script: str, output: str) -> tuple[str, float]:
    """Run one script; its status ("ok", "missing", "failed ...", "wrote nothing") and wall seconds."""
    path = ROOT / "benchmarks" / script
    if not path.is_file():
        return "missing: not in this checkout", 0.0
    result = RESULTS / output
    before = result.stat().st_mtime_ns if result.is_file() else None
    started = time.perf_counter()
    env = {**os.environ, "PYTHONHASHSEED": "0"}
    code = subprocess.run([sys.executable, str(path)], cwd=ROOT, env=env, check=False).returncode
    seconds = round(time.perf_counter() - started, 1)
    if code != 0:
        return f"failed (exit {code}; see its output above)", seconds
    if not result.is_file() or result.stat().st_mtime_ns == before:
        return "wrote nothing (its data set is probably missing; see its output above)", seconds
    return "ok", seconds


def stamp(output: str, seconds: float) -> None:
    """Put the script's wall time under ``timing.run_seconds`` in its results file."""
    path = RESULTS / output
    data: dict[str, Any] = json.loads(path.read_text("utf-8"))
    timing = data.get("timing")
    data["timing"] = {**(timing if isinstance(timing, dict) else {}), "run_seconds": seconds}
    write_json(output, data)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    names = [name for name, _, _ in SCRIPTS]
    parser.add_argument("--only", nargs="+", choices=names, metavar="NAME", help=f"run only these: {names}")
    parser.add_argument("--page-only", action="store_true", help="only remake RESULTS.md from the JSON files")
    args = parser.parse_args(argv)
    previous = results_page.load("runs.json") or {}
    scripts: dict[str, Any] = previous.get("scripts", {})
    seconds: dict[str, float] = previous.get("timing", {}).get("seconds", {})
    if not args.page_only:
        for name, script, output in SCRIPTS:
            if args.only and name not in args.only:
                continue
            print(f"== {name}: benchmarks/{script}", flush=True)
            status, took = run_one(script, output)
            scripts[name] = {"script": script, "results": output, "status": status}
            seconds[name] = took
            if status == "ok":
                stamp(output, took)
            print(f"== {name}: {status} ({took} s)", flush=True)
        date = datetime.datetime.now(datetime.UTC).strftime("%Y-%m-%d %H:%M UTC")
        command = "make eval" if not args.only else f"benchmarks/run_all.py --only {' '.join(args.only)}"
        write_json("runs.json", {"command": "make eval (benchmarks/run_all.py)", "scripts": scripts,
                                 "timing": {"date": date, "last_command": command, "seconds": seconds}})
    results_page.main([])
    failed = [name for name, info in scripts.items() if info["status"].startswith("failed")]
    missing = [f"{name} ({info['script']})" for name, info in scripts.items() if info["status"] != "ok"]
    print("not measured: " + (", ".join(missing) if missing else "none"))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
