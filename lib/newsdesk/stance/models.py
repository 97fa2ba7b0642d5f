"""The learned parts' files: scikit-learn objects in skops format (never pickle), with a version stamp.

A model file is a skops zip archive plus one member, ``newsdesk.json``: the newsdesk model format
(`FORMAT`), the scikit-learn version that fitted it and a short description of how it was trained.
`load_models` reads the stamp first and refuses (`newsdesk.errors.ModelFileError`, naming the file) a file
that is missing, has no stamp, or was made by another format or another scikit-learn; then it loads with
skops, trusting only the scikit-learn and numpy types listed in `TRUSTED`. `save_models` writes the
archive with fixed timestamps and sorted members, so the same objects give the same bytes.

>>> MODEL_DIR.name
'models'
>>> try:
...     load_models(MODEL_DIR / "no-such-model.skops")
... except ModelFileError as error:
...     print(error.reason)
no such model file
"""

from __future__ import annotations

import io
import json
import zipfile
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import sklearn
import skops.io

from newsdesk.errors import ModelFileError

__all__ = ["FORMAT", "MODEL_DIR", "STAMP", "TRUSTED", "load_models", "model_path", "read_stamp", "save_models"]

#: The newsdesk model format: bump it when the features a model reads change.
FORMAT = 1
#: Where the shipped models live (package data).
MODEL_DIR = Path(__file__).resolve().parents[1] / "data" / "models"
#: The archive member holding the version stamp.
STAMP = "newsdesk.json"
#: The only types a model file may hold beyond skops' defaults.
TRUSTED = (
    "numpy.float64",
    "numpy.int64",
    "numpy.dtype",
    "numpy.ndarray",
    "sklearn._loss.link.Interval",
    "sklearn._loss.link.LogitLink",
    "sklearn._loss.link.MultinomialLogit",
    "sklearn._loss.loss.HalfBinomialLoss",
    "sklearn._loss.loss.HalfMultinomialLoss",
    "sklearn.ensemble._hist_gradient_boosting.binning._BinMapper",
    "sklearn.ensemble._hist_gradient_boosting.gradient_boosting.HistGradientBoostingClassifier",
    "sklearn.ensemble._hist_gradient_boosting.predictor.TreePredictor",
    "sklearn.linear_model._logistic.LogisticRegression",
    "sklearn.preprocessing._data.StandardScaler",
)


def model_path(name: str) -> Path:
    """The shipped model file called ``name`` (``claims``, ``relevance``)."""
    return MODEL_DIR / f"{name}.skops"


def _stamp(about: Mapping[str, Any]) -> dict[str, Any]:
    return {"format": FORMAT, "sklearn": sklearn.__version__, **about}


def _renumber(node: Any, ids: dict[int, int]) -> Any:
    """The skops schema with its object ids (memory addresses) replaced by their order of appearance."""
    if isinstance(node, list):
        return [_renumber(item, ids) for item in node]
    if not isinstance(node, dict):
        return node
    out = {}
    for key, value in node.items():
        if key == "__id__" and isinstance(value, int):
            value = ids.setdefault(value, len(ids) + 1)
        elif key == "file" and isinstance(value, str) and value.endswith(".npy") and value[:-4].isdigit():
            value = f"{ids.setdefault(int(value[:-4]), len(ids) + 1)}.npy"
        out[key] = _renumber(value, ids)
    return out


def _canonical(members: dict[str, bytes]) -> dict[str, bytes]:
    """The archive's members with object ids renumbered, so the same objects give the same bytes."""
    ids: dict[int, int] = {}
    schema = _renumber(json.loads(members["schema.json"]), ids)
    out = {"schema.json": json.dumps(schema, indent=1).encode("utf-8")}
    for name, payload in members.items():
        if name != "schema.json":
            stem = name.removesuffix(".npy")
            out[f"{ids[int(stem)]}.npy" if stem.isdigit() and int(stem) in ids else name] = payload
    return out


def save_models(path: Path, objects: Mapping[str, Any], about: Mapping[str, Any]) -> None:
    """Write ``objects`` (a mapping of names to fitted estimators and arrays) to ``path`` with the stamp."""
    packed = skops.io.dumps(dict(objects))
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(packed)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        members = _canonical({name: src.read(name) for name in src.namelist()})
        members[STAMP] = json.dumps(_stamp(about), indent=1, sort_keys=True).encode("utf-8")
        for name in sorted(members):
            info = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            dst.writestr(info, members[name], compresslevel=9)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(out.getvalue())


def read_stamp(path: Path) -> dict[str, Any]:
    """The version stamp of a model file (`ModelFileError` when missing or unreadable)."""
    if not path.is_file():
        raise ModelFileError(str(path), "no such model file")
    try:
        with zipfile.ZipFile(path) as archive:
            if STAMP not in archive.namelist():
                raise ModelFileError(str(path), f"no {STAMP} version stamp: not a newsdesk model file")
            stamp: dict[str, Any] = json.loads(archive.read(STAMP))
    except (zipfile.BadZipFile, json.JSONDecodeError) as error:
        raise ModelFileError(str(path), f"not a readable model file ({error})") from error
    return stamp


def load_models(path: Path) -> dict[str, Any]:
    """The objects saved in ``path``, after checking its stamp against this newsdesk and scikit-learn."""
    stamp = read_stamp(path)
    if stamp.get("format") != FORMAT:
        raise ModelFileError(str(path), f"model format {stamp.get('format')!r}, this newsdesk reads format {FORMAT}")
    if stamp.get("sklearn") != sklearn.__version__:
        raise ModelFileError(
            str(path), f"made with scikit-learn {stamp.get('sklearn')}, this is scikit-learn {sklearn.__version__}"
        )
    packed = path.read_bytes()
    unknown = sorted(set(skops.io.get_untrusted_types(data=packed)) - set(TRUSTED))
    if unknown:
        raise ModelFileError(str(path), f"holds types newsdesk does not trust: {', '.join(unknown)}")
    objects: dict[str, Any] = skops.io.loads(packed, trusted=list(TRUSTED))
    return objects
