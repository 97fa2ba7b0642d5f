"""nbval on notebooks that need a public data set: without the data, the notebook is skipped with one line naming
the data set and how to get it (`newsdesk.datasets.locate`'s message); with it (CI sets ``NEWSDESK_DATA``), every
cell is checked strictly."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsdesk.datasets import DatasetNotFoundError, locate

#: Notebook file name -> the data set it reads.
NEEDS = {"05_corpus.ipynb": "bbc"}


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Keep one skipped item (the first cell) for each notebook whose data set is missing; drop its other cells."""
    dropped: list[pytest.Item] = []
    skipped: set[str] = set()
    for item in items:
        name = Path(str(item.path)).name
        if name not in NEEDS:
            continue
        try:
            locate(NEEDS[name])
        except DatasetNotFoundError as missing:
            if name in skipped:
                dropped.append(item)
            else:
                skipped.add(name)
                item.add_marker(pytest.mark.skip(reason=str(missing)))
    if dropped:
        config.hook.pytest_deselected(items=dropped)
        items[:] = [item for item in items if item not in dropped]
