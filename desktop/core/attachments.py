"""Berkas: files attached to records (a signed PKS scan, a visit's letter and photos).

Kept in the database (``berkas`` + ``berkas_potongan``, see ``models.berkas``) so that
every workstation sees them and every backup and restore carries them with the records.
Nothing here ever holds a whole file: a file is checked by its size on disk before a
byte is read, by its content (not its name) before it is stored, then streamed in
1 MiB chunks while its SHA-256 is computed; reading streams the chunks out the same way
and checks the SHA-256 at the end, so a damaged copy is never handed out as good.

    info = add(desk, "agreements", pks_id, "scan.pdf")
    list_for(desk, "agreements", pks_id)          # newest first
    read_to(desk, info.id, "~/salinan.pdf")
"""

from __future__ import annotations

import hashlib
import itertools
import os
import zipfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, BinaryIO

from sqlalchemy import Select, func, insert, select, text, update
from sqlalchemy import delete as sql_delete
from sqlalchemy.orm import Session

from desktop.core.attachment_types import BY_MIME, SUFFIXES, BerkasError, sniff
from desktop.core.errors import DeskError, NotFoundError, PermissionRefusedError
from desktop.core.i18n import t
from desktop.core.jobs import CancelToken, Progress, report
from desktop.core.kinds import RecordKind, kind_named
from desktop.core.models.base import new_id, utcnow
from desktop.core.models.berkas import CHUNK_SIZE, Berkas, BerkasPotongan
from desktop.core.models.people import Pengguna
from desktop.core.roles import refusal
from desktop.core.safe_write import write_atomic
from desktop.core.services.audit import write_audit
from desktop.core.settings import BERKAS_BATAS_MB

if TYPE_CHECKING:
    from desktop.core.desk import Desk

__all__ = ["BerkasError", "BerkasInfo", "add", "counts", "delete", "export_zip", "info",
           "list_for", "open_copy", "read_to"]
MB = 1024 * 1024
DEFAULT_LIMIT_MB = 25
ADDED = "berkas+"  # audit actions, on the record the file belongs to
DELETED = "berkas-"


@dataclass(frozen=True)
class BerkasInfo:
    """One attached file as the window and the CLI show it (never its bytes)."""

    id: str
    kind: str
    record_id: str
    nama: str
    tipe: str
    ukuran: int
    sha256: str
    pengguna: str  # as stored: on PostgreSQL a person's login where the database says so
    waktu: datetime
    nama_pengguna: str | None = None  # that person's name (table pengguna), when known

    @property
    def oleh(self) -> str:
        """Who added it, as the window shows it: the person's name, else the stored value."""
        return self.nama_pengguna or self.pengguna


# ----------------------------------------------------------------- checks
def limit_bytes() -> int:
    """The largest file that may be attached (setting ``berkas_batas_mb``, 25 MB)."""
    from desktop.core.settings import current

    try:
        value = int(current().get(BERKAS_BATAS_MB))
    except (TypeError, ValueError):
        value = DEFAULT_LIMIT_MB
    return (value if value > 0 else DEFAULT_LIMIT_MB) * MB


def megabytes(size: int) -> str:
    """A size as the messages show it: ``25`` or ``200,5`` (Indonesian decimal comma)."""
    value = size / MB
    text = f"{value:.0f}" if value >= 10 or value == int(value) else f"{value:.1f}"
    return text.replace(".", ",")


def _too_big(name: str, size: int, limit: int) -> BerkasError:
    return BerkasError(t("{name} terlalu besar untuk dilampirkan: {size} MB, paling besar "
                         "{limit} MB (pengaturan “{setting}”).", name=name,
                         size=megabytes(size), limit=megabytes(limit), setting=BERKAS_BATAS_MB.key))


def _kind(kind: str | RecordKind) -> RecordKind:
    if isinstance(kind, RecordKind):
        return kind
    try:
        return kind_named(kind)
    except KeyError as exc:
        raise DeskError(str(exc.args[0])) from exc


def _check_record(s: Session, kind: RecordKind, record_id: str) -> None:
    """Files go only on a record that exists and is not deleted."""
    deleted = s.execute(select(kind.model.deleted_at).where(kind.model.id == record_id)
                        ).one_or_none()
    if deleted is None or deleted[0] is not None:
        raise NotFoundError(t("{kind} tidak ditemukan atau sudah dihapus.",
                              kind=str(kind.label)))


def _require_write(desk: Desk, kind: str) -> None:
    """Refuse in the role's words before any byte moves: PostgreSQL's row policy would
    refuse the insert too, but only naming its table ("berkas"), not the record kind."""
    access = desk.access
    if access is not None and not access.can_write(kind):
        raise PermissionRefusedError(refusal(access, kind), kind)


# ----------------------------------------------------------------- adding
def add(desk: Desk, kind: str | RecordKind, record_id: str, path: str | os.PathLike[str], *,
        progress: Progress | None = None, cancel: CancelToken | None = None) -> BerkasInfo:
    """Attach the file at ``path`` to a record; all of it or, on any error or cancel, nothing.

    The size on disk is checked before the file is opened (a 200 MB video is refused
    without being read), the type by its first bytes, then the bytes go in chunk by
    chunk in one transaction, with an audit row ("berkas+") on the record.
    """
    record_kind = _kind(kind)
    _require_write(desk, record_kind.name)
    source = Path(path)
    name = source.name
    try:
        size = source.stat().st_size
    except OSError as exc:
        raise BerkasError(t("{name} tidak dapat dibaca: {error}", name=name,
                            error=exc.strerror or exc)) from exc
    if not source.is_file():
        raise BerkasError(t("{name} bukan berkas.", name=name))
    limit = limit_bytes()
    if size > limit:
        raise _too_big(name, size, limit)
    if size == 0:
        raise BerkasError(t("{name} kosong (0 bita): tidak ada yang dilampirkan.", name=name))
    try:
        with source.open("rb") as handle:
            file_type = sniff(handle, name)
            return _store(desk, record_kind, record_id, handle, name, file_type.mime, size,
                          limit, progress, cancel)
    except OSError as exc:
        raise BerkasError(t("{name} tidak dapat dibaca: {error}", name=name,
                            error=exc.strerror or exc)) from exc


def _store(desk: Desk, kind: RecordKind, record_id: str, handle: BinaryIO, name: str,
           mime: str, size: int, limit: int, progress: Progress | None,
           cancel: CancelToken | None) -> BerkasInfo:
    actor = desk.actor()
    berkas_id = new_id()
    digest = hashlib.sha256()
    written = 0
    message = t("Melampirkan {name}…", name=name)
    with desk.db.session() as s:
        _check_record(s, kind, record_id)
        actor = _adder(s, actor)
        # the row first (the chunks point at it), its size and hash once all are in
        s.execute(insert(Berkas).values(id=berkas_id, jenis=kind.name, record_id=record_id,
                                        nama=name[:255], tipe=mime, ukuran=size, sha256="",
                                        pengguna=actor, waktu=utcnow()))
        report(progress, 0, size, message)
        for urutan in itertools.count():
            if cancel is not None:
                cancel.raise_if_cancelled()
            chunk = handle.read(CHUNK_SIZE)
            if not chunk:
                break
            written += len(chunk)
            if written > limit:  # grew since it was measured
                raise _too_big(name, written, limit)
            digest.update(chunk)
            s.execute(insert(BerkasPotongan).values(berkas_id=berkas_id, urutan=urutan,
                                                    data=chunk))
            report(progress, written, max(size, written), message)
        if cancel is not None:
            cancel.raise_if_cancelled()
        sha = digest.hexdigest()
        s.execute(update(Berkas).where(Berkas.id == berkas_id)
                  .values(ukuran=written, sha256=sha))
        # as stored: the database may stamp the real login over what this client claims
        stored = _info_in(s, berkas_id)
        write_audit(s, actor=actor, kind=kind.name, record_id=record_id, action=ADDED,
                    changes=audit_changes(stored, added=True))
        return stored


def audit_changes(found: BerkasInfo, *, added: bool) -> dict[str, list[Any]]:
    """The audit row's ``perubahan`` for a file added or deleted: ``[before, after]`` pairs
    like every other change, so the record's history shows it as it shows a field; the
    keys are no record field's name (``ukuran`` is one)."""
    values = {"berkas": found.nama, "jenis_berkas": found.tipe,
              "ukuran_berkas": found.ukuran, "sha256": found.sha256, "berkas_id": found.id}
    return {key: [None, value] if added else [value, None] for key, value in values.items()}


def _adder(s: Session, claimed: str) -> str:
    """Who adds the file: on PostgreSQL a person's own login (as the audit row is stamped,
    migration 0008), the claimed name only for the shared owner login; SQLite: the claim."""
    if s.get_bind().dialect.name != "postgresql":
        return claimed
    return str(s.scalar(text("SELECT CASE WHEN desk_is_person() THEN left(session_user, 120) "
                             "ELSE :claimed END"), {"claimed": claimed}))


# ----------------------------------------------------------------- reading
_COLUMNS = (Berkas.id, Berkas.jenis, Berkas.record_id, Berkas.nama, Berkas.tipe,
            Berkas.ukuran, Berkas.sha256, Berkas.pengguna, Berkas.waktu, Pengguna.nama)


def _select() -> Select[Any]:
    """The small rows with the name of the person who added each (never the chunks)."""
    return select(*_COLUMNS).outerjoin(Pengguna, Pengguna.login == Berkas.pengguna)


def _info(row: Any) -> BerkasInfo:
    return BerkasInfo(*row)


def list_for(desk: Desk, kind: str | RecordKind, record_id: str) -> list[BerkasInfo]:
    """A record's files, newest first (also of a deleted record: its files are kept)."""
    name = _kind(kind).name
    with desk.db.read_session() as s:
        rows = s.execute(_select()
                         .where(Berkas.jenis == name, Berkas.record_id == record_id)
                         .order_by(Berkas.waktu.desc(), Berkas.nama))
        return [_info(row) for row in rows]


def counts(desk: Desk, kind: str | RecordKind, ids: Iterable[str]) -> dict[str, int]:
    """How many files each of ``ids`` has (one query; records without files are left out)."""
    wanted = list(dict.fromkeys(ids))
    if not wanted:
        return {}
    name = _kind(kind).name
    found: dict[str, int] = {}
    with desk.db.read_session() as s:
        # in slices: SQLite allows 32766 parameters, a list page has far fewer
        for start in range(0, len(wanted), 5000):
            part = wanted[start:start + 5000]
            rows = s.execute(select(Berkas.record_id, func.count())
                             .where(Berkas.jenis == name, Berkas.record_id.in_(part))
                             .group_by(Berkas.record_id))
            found.update({record_id: int(n) for record_id, n in rows})
    return found


def info(desk: Desk, berkas_id: str) -> BerkasInfo:
    with desk.db.read_session() as s:
        return _info_in(s, berkas_id)


def _info_in(s: Session, berkas_id: str) -> BerkasInfo:
    row = s.execute(_select().where(Berkas.id == berkas_id)).one_or_none()
    if row is None:
        raise NotFoundError(t("Berkas {id} tidak ditemukan atau sudah dihapus.", id=berkas_id))
    return _info(row)


def _stream(desk: Desk, berkas_id: str, sink: Callable[[bytes], object], *,
            progress: Progress | None = None, cancel: CancelToken | None = None
            ) -> BerkasInfo:
    """Hand the file's chunks to ``sink`` in order, one query (one chunk) at a time, and
    check size and SHA-256 at the end: a mismatch is a BerkasError, never a quiet copy."""
    digest = hashlib.sha256()
    done = 0
    with desk.db.read_session() as s:
        found = _info_in(s, berkas_id)
        numbers = list(s.scalars(select(BerkasPotongan.urutan)
                                 .where(BerkasPotongan.berkas_id == berkas_id)
                                 .order_by(BerkasPotongan.urutan)))
        message = t("Membaca {name}…", name=found.nama)
        for urutan in numbers:
            if cancel is not None:
                cancel.raise_if_cancelled()
            data = s.scalar(select(BerkasPotongan.data).where(
                BerkasPotongan.berkas_id == berkas_id, BerkasPotongan.urutan == urutan))
            if data is None:  # deleted by someone else while we read
                raise NotFoundError(t("Berkas {name} dihapus ketika sedang dibaca.",
                                      name=found.nama))
            chunk = bytes(data)
            digest.update(chunk)
            done += len(chunk)
            sink(chunk)
            report(progress, done, found.ukuran, message)
    if done != found.ukuran or digest.hexdigest() != found.sha256:
        raise BerkasError(t("Isi berkas {name} di basis data tidak utuh (ukuran atau SHA-256 "
                            "tidak cocok): salinan tidak dibuat. Pulihkan dari cadangan.",
                            name=found.nama))
    return found


def read_to(desk: Desk, berkas_id: str, target: str | os.PathLike[str], *,
            progress: Progress | None = None, cancel: CancelToken | None = None) -> Path:
    """Save a stored file as ``target``; a failed check or a cancel leaves no file there."""

    def write(part: Path) -> None:
        with part.open("wb") as out:
            _stream(desk, berkas_id, out.write, progress=progress, cancel=cancel)

    return write_atomic(Path(target).expanduser(), write)


def read_bytes(desk: Desk, berkas_id: str) -> bytes:
    """The whole file in memory: for small files and tests only (checked like read_to)."""
    parts: list[bytes] = []
    _stream(desk, berkas_id, parts.append)
    return b"".join(parts)


def viewer_name(found: BerkasInfo) -> str:
    """The name a copy for the system viewer gets: the stored name, with the extension
    its real type opens with when the name says otherwise (a PNG saved as ``.pdf``)."""
    file_type = BY_MIME.get(found.tipe)
    name = Path(found.nama).name or "berkas"
    if file_type is not None and SUFFIXES.get(Path(name).suffix.lower()) != file_type:
        name += file_type.suffix
    return name


def open_copy(desk: Desk, berkas_id: str) -> Path:
    """A private temporary copy of the file for the system viewer (the window opens it).

    It lives in this process's folder under ``open_copies_root()``, removed when the
    process ends (or at the next start, if it could not be then)."""
    from desktop.core.open_copies import process_folder

    found = info(desk, berkas_id)
    folder = process_folder() / found.id
    folder.mkdir(parents=True, exist_ok=True)
    return read_to(desk, berkas_id, folder / viewer_name(found))


# ----------------------------------------------------------------- deleting
def delete(desk: Desk, berkas_id: str) -> BerkasInfo:
    """Remove a file and its chunks, with an audit row ("berkas-") on its record."""
    actor = desk.actor()
    with desk.db.session() as s:
        found = _info_in(s, berkas_id)
        _require_write(desk, found.kind)
        s.execute(sql_delete(BerkasPotongan).where(BerkasPotongan.berkas_id == berkas_id))
        s.execute(sql_delete(Berkas).where(Berkas.id == berkas_id))
        write_audit(s, actor=actor, kind=found.kind, record_id=found.record_id,
                    action=DELETED, changes=audit_changes(found, added=False))
    return found


def delete_all_for(s: Session, kind: str | RecordKind, record_id: str) -> int:
    """Inside a caller's transaction: the files of a record being removed for good (a hard
    delete). A soft delete keeps them, so an undone delete finds its files again."""
    name = _kind(kind).name
    ids = select(Berkas.id).where(Berkas.jenis == name, Berkas.record_id == record_id)
    s.execute(sql_delete(BerkasPotongan).where(BerkasPotongan.berkas_id.in_(ids)))
    result = s.execute(sql_delete(Berkas).where(Berkas.jenis == name,
                                                Berkas.record_id == record_id))
    return int(getattr(result, "rowcount", 0) or 0)


# ----------------------------------------------------------------- ZIP of a record's files
def unique_names(names: Iterable[str]) -> list[str]:
    """The names, each one once: a second ``scan.pdf`` becomes ``scan (2).pdf``."""
    seen: set[str] = set()
    result: list[str] = []
    for raw in names:
        name = Path(raw.replace("\\", "/")).name or "berkas"
        stem, suffix = Path(name).stem, Path(name).suffix
        candidate, n = name, 1
        while candidate.lower() in seen:
            n += 1
            candidate = f"{stem} ({n}){suffix}"
        seen.add(candidate.lower())
        result.append(candidate)
    return result


def export_zip(desk: Desk, kind: str | RecordKind, record_id: str,
               target: str | os.PathLike[str], *, progress: Progress | None = None,
               cancel: CancelToken | None = None) -> Path:
    """All files of a record in one ZIP, streamed in and checked; oldest first."""
    files = list(reversed(list_for(desk, kind, record_id)))
    if not files:
        raise BerkasError(t("Data ini tidak mempunyai berkas lampiran."))
    total = sum(f.ukuran for f in files)
    message = t("Menyusun ZIP berkas…")

    def write(part: Path) -> None:
        done = 0
        with zipfile.ZipFile(part, "w", compression=zipfile.ZIP_DEFLATED,
                             allowZip64=True) as archive:
            for found, name in zip(files, unique_names(f.nama for f in files), strict=True):
                entry = zipfile.ZipInfo(name, date_time=_zip_time(found.waktu))
                entry.compress_type = zipfile.ZIP_DEFLATED
                with archive.open(entry, "w", force_zip64=found.ukuran > 2**31) as out:
                    _stream(desk, found.id, out.write, cancel=cancel)
                done += found.ukuran
                report(progress, done, total, message)

    return write_atomic(Path(target).expanduser(), write)


def _zip_time(when: datetime) -> tuple[int, int, int, int, int, int]:
    return (max(when.year, 1980), when.month, when.day, when.hour, when.minute, when.second)
