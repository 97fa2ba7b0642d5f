"""How benchmarks find the public data sets (through `newsdesk.datasets`) and write their results."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

from newsdesk.datasets import DatasetNotFoundError, locate

ROOT = Path(__file__).resolve().parents[1]
RESULTS = ROOT / "benchmarks" / "results"


def missing(*names: str) -> str | None:
    """The one-line reason the first absent data set among ``names`` gives, or None when all are there."""
    for name in names:
        try:
            locate(name)
        except DatasetNotFoundError as error:
            return str(error)
    return None


def skip_unless_found(*names: str) -> bool:
    """True when every named data set is found; otherwise print ``skipped: <reason>`` and return False."""
    reason = missing(*names)
    if reason is not None:
        print(f"skipped: {reason}", file=sys.stderr)
    return reason is None


def write_json(name: str, payload: dict[str, Any]) -> Path:
    """Write a results file deterministically (sorted keys, trailing newline)."""
    RESULTS.mkdir(parents=True, exist_ok=True)
    path = RESULTS / name
    path.write_text(json.dumps(payload, indent=2, sort_keys=True, ensure_ascii=False) + "\n", encoding="utf-8")
    return path
