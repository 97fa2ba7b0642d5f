"""Downloading a data set into a folder, verified: nothing lands unless every checksum matches.

A data set is fetched from one or more `RemoteFile` (checked by its own sha256 as it arrives) and
`RemoteArchive` (a tarball; the files kept from it are checked instead), optionally converted, and then
the files the loaders read are checked against one *content digest*: the sha256 of the lines
``"<sha256 of the file>  <path>\\n"`` for those files, sorted by path. The shell gives the same value:
``cd FOLDER && sha256sum PATH... | sha256sum`` with the paths in C-locale order.

Everything happens in a hidden staging folder beside the target, which is renamed into place only
once verified and removed on any failure, so a failed or interrupted download leaves nothing behind.

>>> import tempfile
>>> folder = Path(tempfile.mkdtemp())
>>> _ = (folder / "a.txt").write_text("hello\\n", encoding="utf-8")
>>> content_digest(folder, ["*.txt"])[:12]
'c542ecfa5e23'
"""

from __future__ import annotations

import hashlib
import shutil
import tarfile
import tempfile
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from newsdesk.errors import NewsdeskError

__all__ = [
    "ChecksumError",
    "DownloadError",
    "RemoteArchive",
    "RemoteFile",
    "content_digest",
    "install",
    "matching_files",
    "sha256_of",
]

_STAGING = ".partial-"
_DOWNLOADS = ".downloads"


class DownloadError(NewsdeskError):
    """A pinned URL could not be downloaded (no network, or the server refused); nothing was kept."""


class ChecksumError(NewsdeskError):
    """A download (or what it unpacked to) is not byte for byte what the registry pins; it was not kept."""


@dataclass(frozen=True)
class RemoteFile:
    """One file at a pinned URL, saved as ``target`` (a path inside the data set's folder).

    >>> RemoteFile("https://example.org/x.json", "0" * 64, "x.json").name
    'x.json'
    """

    url: str
    sha256: str
    target: str

    @property
    def name(self) -> str:
        """The file name the download is saved under."""
        return PurePosixPath(self.target).name


@dataclass(frozen=True)
class RemoteArchive:
    """A ``.tar.gz`` at a pinned URL; its top folder is dropped and only members under ``keep`` are kept.

    ``sha256`` is None for archives a forge builds on request (not guaranteed byte-stable across
    time): the files kept from it are then checked by the data set's content digest instead.

    >>> RemoteArchive("https://example.org/a.tar.gz", keep=("data/",)).keep
    ('data/',)
    """

    url: str
    keep: tuple[str, ...]
    sha256: str | None = None


Remote = RemoteFile | RemoteArchive
Converter = Callable[[Path], None]


def sha256_of(path: Path) -> str:
    """The hex sha256 of a file's bytes."""
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def matching_files(folder: Path, patterns: Iterable[str]) -> list[str]:
    """The files under ``folder`` that match any glob pattern, as sorted POSIX paths relative to it."""
    found = {
        path.relative_to(folder).as_posix()
        for pattern in patterns
        for path in folder.glob(pattern)
        if path.is_file()
    }
    return sorted(found)


def content_digest(folder: Path, patterns: Iterable[str]) -> str:
    """sha256 over ``"<sha256>  <path>\\n"`` for every matching file, in sorted path order."""
    lines = "".join(f"{sha256_of(folder / name)}  {name}\n" for name in matching_files(folder, patterns))
    return hashlib.sha256(lines.encode("utf-8")).hexdigest()


def install(
    label: str,
    remotes: Sequence[Remote],
    target: Path,
    *,
    patterns: Sequence[str],
    digest: str,
    convert: Converter | None = None,
    progressbar: bool = True,
) -> Path:
    """Download ``remotes`` into ``target`` (a new folder), convert, verify against ``digest``, rename into place.

    ``label`` names the data set in errors. Raises `ChecksumError` when a file or the result differs
    from what is pinned; the target is then left absent and the staging folder is removed.
    """
    if target.exists():
        raise FileExistsError(f"{label}: {target} exists already; remove it to fetch again")
    target.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f"{_STAGING}{target.name}-", dir=target.parent))
    try:
        downloads = staging / _DOWNLOADS
        downloads.mkdir()
        for index, remote in enumerate(remotes):
            if isinstance(remote, RemoteFile):
                path = _retrieve(label, remote.url, remote.sha256, downloads, remote.name, progressbar)
                destination = staging / remote.target
                destination.parent.mkdir(parents=True, exist_ok=True)
                path.replace(destination)
            else:
                path = _retrieve(label, remote.url, remote.sha256, downloads, f"archive-{index}.tar.gz", progressbar)
                _unpack(label, path, staging, remote.keep)
        shutil.rmtree(downloads)
        if convert is not None:
            convert(staging)
        if not matching_files(staging, patterns):
            raise ChecksumError(f"{label}: the download holds none of the expected files {list(patterns)}")
        found = content_digest(staging, patterns)
        if found != digest:
            raise ChecksumError(
                f"{label}: the downloaded files do not match the pinned content digest "
                f"(expected {digest}, got {found}); nothing was kept"
            )
        staging.replace(target)
    finally:
        if staging.exists():
            shutil.rmtree(staging)
    return target


def _retrieve(label: str, url: str, sha256: str | None, folder: Path, name: str, progressbar: bool) -> Path:
    """One download through pooch (temporary name, checked, then renamed); a bad hash is a ChecksumError."""
    import pooch  # only when downloading: importing it pulls in tqdm.auto, which warns inside notebooks

    logger = pooch.get_logger()
    level = logger.level
    logger.setLevel("WARNING")  # pooch's info lines advise pinning a hash; the digest check below does that
    try:
        path = pooch.retrieve(
            url,
            known_hash=f"sha256:{sha256}" if sha256 else None,
            fname=name,
            path=folder,
            progressbar=progressbar,
        )
    except ValueError as error:
        if "does not match the known hash" not in str(error):
            raise
        raise ChecksumError(f"{label}: {url} does not match its pinned sha256 ({error}); nothing was kept") from error
    except OSError as error:  # requests' errors (no network, HTTP 404, ...) are OSErrors
        raise DownloadError(f"{label}: could not download {url}: {error}") from error
    finally:
        logger.setLevel(level)
    return Path(path)


def _unpack(label: str, archive: Path, into: Path, keep: tuple[str, ...]) -> None:
    """Extract the members under ``keep`` (after dropping the archive's top folder) into ``into``."""
    with tarfile.open(archive, "r:gz") as tar:
        for member in tar.getmembers():
            parts = PurePosixPath(member.name).parts[1:]
            inner = "/".join(parts)
            if not member.isfile() or not any(inner == k or inner.startswith(k) for k in keep):
                continue
            if any(part in ("", "..") for part in parts) or PurePosixPath(member.name).is_absolute():
                raise ChecksumError(f"{label}: unsafe member {member.name!r} in {archive.name}")
            source = tar.extractfile(member)
            if source is None:  # pragma: no cover - isfile() members always have contents
                continue
            destination = into.joinpath(*parts)
            destination.parent.mkdir(parents=True, exist_ok=True)
            with source, destination.open("wb") as out:
                shutil.copyfileobj(source, out)
