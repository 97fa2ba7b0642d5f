"""Where benchmarks find the shared evaluation data and corpus, and how they write results."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from newsdesk.datasets import DataKind, data_dir

ROOT = Path(__file__).resolve().parents[1]
RESULTS = ROOT / "benchmarks" / "results"


def shared_dir(kind: DataKind) -> Path:
    """``$NEWSDESK_EVAL_DIR`` / ``$NEWSDESK_CORPUS_DIR``, else ../shared/KIND beside the checkout."""
    return data_dir(kind, required=False) or ROOT.parent / "shared" / kind


def write_json(name: str, payload: dict[str, Any]) -> Path:
    """Write a results file deterministically (sorted keys, trailing newline)."""
    RESULTS.mkdir(parents=True, exist_ok=True)
    path = RESULTS / name
    path.write_text(json.dumps(payload, indent=2, sort_keys=True, ensure_ascii=False) + "\n", encoding="utf-8")
    return path
