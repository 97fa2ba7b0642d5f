"""Public data sets by name: lookup order, offline downloads from a loopback server, checksums, conversions.

Every download here comes from an HTTP server on 127.0.0.1 that this file starts, serving archives and files
the tests build themselves; the cache is a temporary folder (``$NEWSDESK_CACHE``), never the user's.
"""

from __future__ import annotations

import dataclasses
import functools
import hashlib
import io
import json
import os
import re
import tarfile
import threading
from collections.abc import Iterator
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

import newsdesk.datasets as ds
from newsdesk.cli import main
from newsdesk.datasets import convert
from newsdesk.datasets.downloads import ChecksumError, DownloadError, RemoteArchive, RemoteFile

# -- a loopback server and a small data set built here ------------------------------------------------

DATA_ROOT = os.environ.get("NEWSDESK_DATA")  # as the run was started (the fixture below hides it from most tests)
NOTES = b"id\tnote\n1\twritten for this test\n"
PAGES = {"pages/a.txt": b"First page of a test archive.\n", "pages/b.txt": "Second page, caf\u00e9.\n".encode()}


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # keep test output clean
        pass


@pytest.fixture
def server(tmp_path: Path) -> Iterator[tuple[str, Path]]:
    """(base URL, folder it serves) of a loopback HTTP server."""
    root = tmp_path / "www"
    root.mkdir()
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_QuietHandler, directory=str(root)))
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_port}/", root
    httpd.shutdown()
    thread.join()


@pytest.fixture(autouse=True)
def isolated(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A temporary cache, no $NEWSDESK_DATA and no proxy for the loopback server."""
    cache = tmp_path / "cache"
    monkeypatch.setenv("NEWSDESK_CACHE", str(cache))
    monkeypatch.delenv("NEWSDESK_DATA", raising=False)
    monkeypatch.setenv("NO_PROXY", "127.0.0.1,localhost")
    monkeypatch.setenv("no_proxy", "127.0.0.1,localhost")
    return cache


def _tarball(members: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode="w:gz") as tar:
        for name, data in members.items():
            info = tarfile.TarInfo(name)
            info.size = len(data)
            tar.addfile(info, io.BytesIO(data))
    return buffer.getvalue()


def _digest(files: dict[str, bytes]) -> str:
    """The content digest written out by hand: sha256 of "<sha256>  <path>" lines in path order."""
    lines = "".join(f"{hashlib.sha256(data).hexdigest()}  {path}\n" for path, data in sorted(files.items()))
    return hashlib.sha256(lines.encode()).hexdigest()


def _toy(base: str, root: Path, *, notes_sha256: str | None = None) -> ds.Dataset:
    """A two-part data set: a tarball (top folder, a kept folder, a file left out) and a plain file."""
    archive = {f"toy-0123abc/{path}": data for path, data in PAGES.items()}
    archive["toy-0123abc/held_back/test.txt"] = b"not to be kept\n"
    (root / "toy.tar.gz").write_bytes(_tarball(archive))
    (root / "notes.tsv").write_bytes(NOTES)
    expected = {**PAGES, "notes.tsv": NOTES}
    return ds.Dataset(
        name="toy",
        title="Toy set",
        path="eval/toy",
        files=("pages/*.txt", "notes.tsv"),
        digest=_digest(expected),
        source="built by the test",
        licence="-",
        citation="-",
        size="tiny",
        used_by="tests/test_datasets.py",
        notes="-",
        remotes=(
            RemoteArchive(base + "toy.tar.gz", keep=("pages/",)),
            RemoteFile(base + "notes.tsv", notes_sha256 or hashlib.sha256(NOTES).hexdigest(), "notes.tsv"),
        ),
    )


def _files_under(folder: Path) -> list[str]:
    return sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file()) if folder.exists() else []


# -- downloads ------------------------------------------------------------------------------------------


def test_fetch_downloads_verifies_and_lands_in_the_cache(server: tuple[str, Path], isolated: Path) -> None:
    toy = _toy(*server)
    folder = ds.fetch(toy)
    assert folder == isolated / "eval" / "toy"
    assert _files_under(isolated) == ["eval/toy/notes.tsv", "eval/toy/pages/a.txt", "eval/toy/pages/b.txt"]
    assert (folder / "pages" / "b.txt").read_bytes() == PAGES["pages/b.txt"]
    assert ds.locate(toy) == folder and ds.verify(toy)
    assert ds.fetch(toy) == folder  # already there: no second download


def test_a_wrong_checksum_is_refused_and_nothing_is_left_in_the_cache(
    server: tuple[str, Path], isolated: Path
) -> None:
    toy = _toy(*server, notes_sha256="0" * 64)
    with pytest.raises(ChecksumError, match=r"Toy set \(toy\): http://127\.0\.0\.1:\d+/notes\.tsv does not match"):
        ds.fetch(toy, progressbar=False)
    assert _files_under(isolated) == []
    with pytest.raises(ds.DatasetNotFoundError, match="Toy set"):
        ds.locate(toy)


def test_a_changed_archive_fails_the_content_digest_and_leaves_nothing(
    server: tuple[str, Path], isolated: Path
) -> None:
    base, root = server
    toy = _toy(base, root)
    tampered = {f"toy-0123abc/{path}": data.upper() for path, data in PAGES.items()}
    (root / "toy.tar.gz").write_bytes(_tarball(tampered))
    with pytest.raises(ChecksumError, match="do not match the pinned content digest"):
        ds.fetch(toy, progressbar=False)
    assert _files_under(isolated) == []


def test_an_archive_member_outside_its_folder_is_refused(server: tuple[str, Path], isolated: Path) -> None:
    base, root = server
    toy = _toy(base, root)
    (root / "toy.tar.gz").write_bytes(_tarball({"toy-0123abc/pages/../../escape.txt": b"x"}))
    with pytest.raises(ChecksumError, match="unsafe member"):
        ds.fetch(toy, progressbar=False)
    assert _files_under(isolated) == []
    assert not (isolated.parent / "escape.txt").exists()


def test_a_missing_url_is_a_download_error_naming_it(server: tuple[str, Path], isolated: Path) -> None:
    base, root = server
    toy = dataclasses.replace(_toy(base, root), remotes=(RemoteFile(base + "gone.tsv", "0" * 64, "notes.tsv"),))
    with pytest.raises(DownloadError, match=r"could not download http://127\.0\.0\.1:\d+/gone\.tsv"):
        ds.fetch(toy, progressbar=False)
    assert _files_under(isolated) == []


def test_locate_may_download_when_asked(server: tuple[str, Path], isolated: Path) -> None:
    toy = _toy(*server)
    with pytest.raises(ds.DatasetNotFoundError):
        ds.locate(toy)
    assert ds.locate(toy, download=True) == isolated / "eval" / "toy"


# -- lookup order and messages --------------------------------------------------------------------------


def _lay_out(root: Path, toy: ds.Dataset, files: dict[str, bytes]) -> Path:
    folder = root / toy.path
    for path, data in files.items():
        (folder / path).parent.mkdir(parents=True, exist_ok=True)
        (folder / path).write_bytes(data)
    return folder


def test_newsdesk_data_comes_before_the_cache(
    server: tuple[str, Path], isolated: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    toy = _toy(*server)
    in_cache = _lay_out(isolated, toy, {**PAGES, "notes.tsv": NOTES})
    assert ds.locate(toy) == in_cache
    shared = _lay_out(tmp_path / "shared", toy, {**PAGES, "notes.tsv": NOTES})
    monkeypatch.setenv("NEWSDESK_DATA", str(tmp_path / "shared"))
    assert ds.locate(toy) == shared


def test_a_folder_missing_some_files_does_not_count(
    server: tuple[str, Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    toy = _toy(*server)
    _lay_out(tmp_path / "shared", toy, PAGES)  # no notes.tsv
    monkeypatch.setenv("NEWSDESK_DATA", str(tmp_path / "shared"))
    with pytest.raises(ds.DatasetNotFoundError):
        ds.locate(toy)


def test_not_found_says_which_data_set_and_which_command_in_one_line() -> None:
    with pytest.raises(ds.DatasetNotFoundError) as caught:
        ds.locate("polnear")
    assert str(caught.value) == (
        "PolNeAR v1.0 (political news attribution relations) (polnear) not found: "
        "set NEWSDESK_DATA or run `newsdesk data fetch polnear`"
    )
    with pytest.raises(ds.DatasetNotFoundError, match=r"^Gender Gap Tracker .*no public URL serves it") as ggt:
        ds.load_ggt()
    assert "\n" not in str(ggt.value) and "newsdesk data info ggt" in str(ggt.value)
    with pytest.raises(ds.DatasetNotFoundError, match="no public URL"):
        ds.fetch("duckling")
    with pytest.raises(ds.DatasetNotFoundError, match=r"unknown data set 'bcc'; known: aeb, bbc"):
        ds.locate("bcc")


def test_bad_split_names_are_refused_with_the_choices() -> None:
    with pytest.raises(ValueError, match="'test' is not available: choose 'dev' or 'train'"):
        ds.load_polnear("test")
    with pytest.raises(ValueError, match="GGT split 'train'"):
        ds.load_ggt("train")


def test_available_lists_every_data_set_sorted(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    entry = ds.REGISTRY["semeval2016"]
    folder = tmp_path / "data" / entry.path
    folder.mkdir(parents=True)
    (folder / "semeval2016-task6-trainingdata.txt").write_text("ID\tTarget\tTweet\tStance\r\n", encoding="utf-8")
    monkeypatch.setenv("NEWSDESK_DATA", str(tmp_path / "data"))
    inventory = ds.available()
    assert [a.dataset.name for a in inventory.entries] == sorted(ds.REGISTRY)
    found = {a.dataset.name: a.where for a in inventory.entries}
    assert found["semeval2016"] == "NEWSDESK_DATA" and found["bbc"] is None
    lines = str(inventory).splitlines()
    assert lines[0].split() == ["name", "found", "in", "folder", "fetch", "size", "title"]
    assert len(lines) == len(ds.REGISTRY) + 1
    assert re.match(r"semeval2016\s+NEWSDESK_DATA\s+\S+semeval2016\s+yes", next(x for x in lines if "semeval" in x))
    assert not ds.verify("semeval2016")  # a file of the right name but not the pinned bytes
    assert list(inventory.to_frame().columns)[:3] == ["name", "title", "found_in"]


# -- the registry itself --------------------------------------------------------------------------------


@pytest.mark.parametrize("name", sorted(ds.REGISTRY))
def test_each_entry_is_pinned_and_documented(name: str) -> None:
    entry = ds.REGISTRY[name]
    assert re.fullmatch(r"[0-9a-f]{64}", entry.digest)
    assert re.search(r"[0-9a-f]{40}", entry.source), "the source names a commit"
    assert entry.files and all([entry.title, entry.licence, entry.citation, entry.size, entry.used_by, entry.notes])
    for remote in entry.remotes:
        assert remote.url.startswith("https://") and re.search(r"/[0-9a-f]{40}(/|$)", remote.url)
        if isinstance(remote, RemoteFile):
            assert re.fullmatch(r"[0-9a-f]{64}", remote.sha256)
    if not entry.downloadable:
        assert "not public" in entry.notes and f"newsdesk data verify {name}" in entry.notes


def test_the_shared_copies_are_the_pinned_bytes(monkeypatch: pytest.MonkeyPatch) -> None:
    """Where $NEWSDESK_DATA (as CI sets it) holds a data set, its files match the registry's digest."""
    if DATA_ROOT:
        monkeypatch.setenv("NEWSDESK_DATA", DATA_ROOT)
    found = [a.dataset.name for a in ds.available().entries if a.where == "NEWSDESK_DATA"]
    if not found:
        pytest.skip("no data set in NEWSDESK_DATA: set NEWSDESK_DATA=../shared (CI's layout) to check the digests")
    assert [name for name in found if not ds.verify(name)] == []


# -- conversions after download -------------------------------------------------------------------------


def test_bbc_text_files_become_one_json_line_an_article(tmp_path: Path) -> None:
    (tmp_path / "bbc" / "tech").mkdir(parents=True)
    (tmp_path / "bbc" / "sport").mkdir(parents=True)
    robots = b"Robots tidy up\n\nA robot tidied a room.  \n\nIt took an hour.\n"
    (tmp_path / "bbc" / "tech" / "002.txt").write_bytes(robots)
    (tmp_path / "bbc" / "sport" / "001.txt").write_bytes(b"Club pays \xa35m\n\nThe fee was \xa35m.\n")  # Windows-1252
    convert.bbc_folder_to_jsonl(tmp_path)
    assert not (tmp_path / "bbc").exists()
    lines = (tmp_path / "bbc_news.jsonl").read_text(encoding="utf-8").splitlines()
    assert [json.loads(line) for line in lines] == [
        {"id": "sport/001", "category": "sport", "title": "Club pays £5m", "text": "The fee was £5m."},
        {"id": "tech/002", "category": "tech", "title": "Robots tidy up",
         "text": "A robot tidied a room.\nIt took an hour."},
    ]
    assert lines[0] == '{"id": "sport/001", "category": "sport", "title": "Club pays £5m", "text": "The fee was £5m."}'


def test_newsquant_keeps_every_other_sentence_and_drops_the_rest(tmp_path: Path) -> None:
    sentences = [{"text": f"Sentence {i} has {i} apples.", "quantities": []} for i in range(5)]
    (tmp_path / "NewsQuant.json").write_text(json.dumps(sentences), encoding="utf-8")
    convert.newsquant_dev_half(tmp_path)
    assert [p.name for p in tmp_path.iterdir()] == ["NewsQuant_dev.json"]
    kept = json.loads((tmp_path / "NewsQuant_dev.json").read_text(encoding="utf-8"))
    assert [s["text"] for s in kept] == [f"Sentence {i} has {i} apples." for i in (0, 2, 4)]


def test_quantulum3_spellout_cases_are_read_as_a_literal_never_run(tmp_path: Path) -> None:
    module = (
        'import os\nos.remove("x")\n'  # would fail if the module were run
        'TEST_CASES = [\n    ("two and a half", ["2.5"]),  # note\n    ("none", []),\n]\n'
    )
    (tmp_path / "extract_spellout_values.py").write_text(module, encoding="utf-8")
    convert.quantulum3_spellout_json(tmp_path)
    text = (tmp_path / "spellout_values.json").read_text(encoding="utf-8")
    assert json.loads(text) == [{"input": "two and a half", "expected": [2.5]}, {"input": "none", "expected": []}]
    assert not (tmp_path / "extract_spellout_values.py").exists()


# -- the command line -----------------------------------------------------------------------------------


def test_cli_lists_and_explains(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["data", "list"]) == 0
    out = capsys.readouterr().out
    assert out.splitlines()[0].startswith("name") and "polnear" in out and "not found" in out
    assert main(["data", "info", "ggt"]) == 0
    assert "sfu-discourse-lab/GenderGapTracker@69d2932b" in capsys.readouterr().out
    assert main(["data", "fetch", "duckling"]) == 2
    assert "Duckling English corpora" in capsys.readouterr().err
    assert main(["data", "fetch"]) == 2
    assert "name a data set" in capsys.readouterr().err
