"""Conversions after download: each turns an upstream layout into exactly the bytes the registry's digest pins.

>>> sorted(CONVERTERS)
['bbc', 'newsquant', 'quantulum3']
"""

from __future__ import annotations

import ast
import json
import shutil
from collections.abc import Sequence
from pathlib import Path

from newsdesk.datasets.downloads import Converter

__all__ = ["CONVERTERS", "bbc_folder_to_jsonl", "newsquant_dev_half", "quantulum3_spellout_json"]


def bbc_folder_to_jsonl(folder: Path) -> None:
    """Turn the original ``bbc/<category>/<nnn>.txt`` files into ``bbc_news.jsonl`` and drop them.

    Each file's first non-blank line is the title and its other non-blank lines (stripped) the paragraphs;
    a file that is not UTF-8 (one is not) is read as Windows-1252. Lines are sorted by id.
    """
    source = folder / "bbc"
    lines = []
    for path in sorted(source.glob("*/*.txt")):
        raw = path.read_bytes()
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError:
            text = raw.decode("cp1252")
        paragraphs = [line.strip() for line in text.splitlines() if line.strip()]
        record = {"id": f"{path.parent.name}/{path.stem}", "category": path.parent.name,
                  "title": paragraphs[0], "text": "\n".join(paragraphs[1:])}
        lines.append(json.dumps(record, ensure_ascii=False))
    (folder / "bbc_news.jsonl").write_text("".join(line + "\n" for line in lines), encoding="utf-8")
    shutil.rmtree(source)


def newsquant_dev_half(folder: Path) -> None:
    """Keep NewsQuant's development half (every other sentence, from the first) as ``NewsQuant_dev.json``.

    The other half is held back for independent checks, so the full file is not kept.
    """
    full = folder / "NewsQuant.json"
    sentences = json.loads(full.read_text(encoding="utf-8"))
    (folder / "NewsQuant_dev.json").write_text(json.dumps(sentences[0::2], indent=1, ensure_ascii=False),
                                               encoding="utf-8")
    full.unlink()


def quantulum3_spellout_json(folder: Path) -> None:
    """Read ``TEST_CASES`` from quantulum3's spell-out test module (as a literal, never run) into JSON."""
    module = folder / "extract_spellout_values.py"
    tree = ast.parse(module.read_text(encoding="utf-8"))
    cases: Sequence[tuple[str, list[str]]] = next(
        ast.literal_eval(node.value)
        for node in tree.body
        if isinstance(node, ast.Assign) and any(getattr(t, "id", None) == "TEST_CASES" for t in node.targets)
    )
    rows = [{"input": text, "expected": [float(value) for value in expected]} for text, expected in cases]
    (folder / "spellout_values.json").write_text(json.dumps(rows, indent=1), encoding="utf-8")
    module.unlink()


CONVERTERS: dict[str, Converter] = {
    "bbc": bbc_folder_to_jsonl,
    "newsquant": newsquant_dev_half,
    "quantulum3": quantulum3_spellout_json,
}
