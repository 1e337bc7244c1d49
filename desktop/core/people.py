"""The people of a shared office: PostgreSQL logins, their Desk role, their names.

Why logins and not an application user table: the rules are enforced by PostgreSQL
(grants and row policies of migration 0008), so a person who opens psql with their own
login can do no more than the window lets them. Adding a person therefore creates a
login and makes it a member of one ``desk_*`` group role; the ``pengguna`` table keeps
the name shown for the login (history, "Diubah oleh …"). Every function here is for
someone with the ``people`` ability (the administrator) and writes an audit row (jenis
``pengguna``). SQLite is a single-user database: there is nobody to manage.

A password travels to the server already hashed (SCRAM, computed by libpq on this
computer), so it never stands in a statement the server could log; it is never stored
here, nor in the keyring (a person's own password is saved by their own workstation).
"""

from __future__ import annotations

import logging
import re
import uuid
from dataclasses import dataclass
from types import ModuleType
from typing import TYPE_CHECKING

from sqlalchemy import text
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session

from desktop.core.errors import DeskError, PermissionRefusedError, ValidationError
from desktop.core.i18n import t
from desktop.core.roles import PEOPLE, ROLES, access_of, merged, pg_role
from desktop.core.services.audit import write_audit

if TYPE_CHECKING:
    from psycopg import sql

    from desktop.core.desk import Desk

log = logging.getLogger(__name__)

AUDIT_KIND = "pengguna"
MIN_PASSWORD = 8
MAX_NAME = 120
_LOGIN = re.compile(r"[a-z][a-z0-9_]{0,62}")
_RESERVED = ("pg_", "desk_")
# audit rows name a person by this id (a login may be longer than a record id's 36 chars)
_AUDIT_NAMESPACE = uuid.UUID("6f1c1f3e-3b7a-4d0e-9a51-6b1d5e0c2a17")


@dataclass(frozen=True)
class Person:
    """One login of the office as the Pengguna page and ``user list`` show it."""

    login: str
    nama: str
    role: str | None  # the widest Desk role it holds; None: none (not a Desk user)
    aktif: bool       # may log in

    @property
    def role_label(self) -> str:
        from desktop.core.roles import role_label

        return role_label(self.role) if self.role else "—"


def audit_id(login: str) -> str:
    """The audit log's ``record_id`` of a person (the same for the same login)."""
    return str(uuid.uuid5(_AUDIT_NAMESPACE, login))


# ----------------------------------------------------------------------- checks
def check_login(login: str) -> str:
    """The login name, or a ValidationError saying what a login may be."""
    login = (login or "").strip()
    if not _LOGIN.fullmatch(login):
        raise ValidationError({"login": [t(
            "Login hanya boleh berisi huruf kecil, angka dan garis bawah, diawali huruf, "
            "paling banyak 63 karakter.")]})
    if login.startswith(_RESERVED):
        raise ValidationError({"login": [t(
            "Login tidak boleh diawali pg_ atau desk_ (nama itu milik PostgreSQL dan "
            "peran Diskominfo Desk).")]})
    return login


def check_name(nama: str) -> str:
    nama = " ".join((nama or "").split())
    if not nama:
        raise ValidationError({"nama": [t("Nama wajib diisi.")]})
    if len(nama) > MAX_NAME:
        raise ValidationError({"nama": [t("Nama paling banyak {n} karakter.", n=MAX_NAME)]})
    return nama


def check_role(role: str) -> str:
    if role not in ROLES:
        raise ValidationError({"role": [t("Peran tidak dikenal: {role}. Pilih salah satu: "
                                          "{roles}.", role=role, roles=", ".join(ROLES))]})
    return role


def check_password(password: str) -> str:
    if len(password or "") < MIN_PASSWORD:
        raise ValidationError({"password": [t(
            "Sandi paling sedikit {n} karakter.", n=MIN_PASSWORD)]})
    if "\x00" in password:
        raise ValidationError({"password": [t("Sandi memuat karakter yang tidak sah.")]})
    return password


def _require_manager(desk: Desk, s: Session) -> None:
    """PostgreSQL, and someone who may manage people; else a clear refusal."""
    if desk.db.dialect != "postgresql":
        raise DeskError(t("Basis data SQLite dipakai satu orang saja: pengguna dan peran "
                          "hanya ada pada basis data PostgreSQL bersama."))
    access = access_of(s.connection())
    if access is None or not access.can(PEOPLE):
        raise PermissionRefusedError(t("Hanya administrator yang boleh mengelola pengguna."))


def require_role(desk: Desk) -> None:
    """A PostgreSQL login that holds no Desk role may read and change nothing: the window
    says so at start (and who can help) instead of opening on refusals."""
    if desk.access is not None:
        return
    login = make_url(desk.db.url).username or "?"
    raise PermissionRefusedError(t(
        "Login {login} belum mempunyai peran di Diskominfo Desk, jadi belum boleh membaca "
        "atau mengubah apa pun. Minta administrator kantor menambahkan Anda di halaman "
        "Pengguna (atau: diskominfo-desk user add).", login=login))


# ----------------------------------------------------------------------- reading
_PEOPLE_SQL = """
SELECT p.login, p.nama, p.aktif AND r.rolcanlogin AS aktif,
       ARRAY(SELECT g.rolname FROM pg_auth_members m JOIN pg_roles g ON g.oid = m.roleid
             WHERE m.member = r.oid AND g.rolname LIKE 'desk\\_%') AS groups
FROM pengguna p JOIN pg_roles r ON r.rolname = p.login
"""


def _person(row: object) -> Person:
    login, nama, aktif, groups = row  # type: ignore[misc]
    held = [g.removeprefix("desk_") for g in groups or ()]
    held = [r for r in held if r in ROLES]
    return Person(login, nama, merged(held).role if held else None, bool(aktif))


def list_people(desk: Desk) -> list[Person]:
    """The office's people (the logins in ``pengguna`` that still exist), by login.

    Only the logins named in this database's ``pengguna`` table: group roles belong to the
    whole cluster, and another database on the same server has its own people.
    """
    with desk.db.session() as s:
        _require_manager(desk, s)
        rows = s.execute(text(_PEOPLE_SQL + " ORDER BY p.login")).all()
        return [_person(row) for row in rows]


def get_person(desk: Desk, login: str) -> Person:
    with desk.db.read_session() as s:
        return _get(s, login)


def _get(s: Session, login: str) -> Person:
    row = s.execute(text(_PEOPLE_SQL + " WHERE p.login = :login"), {"login": login}).first()
    if row is None:
        raise DeskError(t("Pengguna {login} tidak ada di basis data ini.", login=login))
    return _person(row)


def names(desk: Desk) -> dict[str, str]:
    """{login: name} of everyone in ``pengguna`` (empty on SQLite): for history dialogs."""
    with desk.db.read_session() as s:
        return dict(s.execute(text("SELECT login, nama FROM pengguna")).all())  # type: ignore[arg-type]


# ----------------------------------------------------------------------- changing
def _sql() -> ModuleType:
    """psycopg's statement composition, loaded when a login is changed (PostgreSQL only):
    at module level it made every start on SQLite load psycopg with the Desk (~50 ms)."""
    from psycopg import sql

    return sql


def _execute(s: Session, statement: sql.Composable) -> None:
    """A composed statement (identifiers and literals quoted by psycopg), through the
    session's connection so a refusal becomes PermissionRefusedError like any other."""
    raw = s.connection().connection.driver_connection
    s.connection().exec_driver_sql(statement.as_string(raw))


def _hashed(s: Session, login: str, password: str) -> str:
    """The SCRAM verifier the server stores, computed here by libpq."""
    raw = s.connection().connection.driver_connection
    return raw.pgconn.encrypt_password(password.encode(), login.encode(), b"scram-sha-256"
                                       ).decode()


def _server_version(s: Session) -> int:
    return int(s.execute(text("SHOW server_version_num")).scalar() or 0)


def _login_exists(s: Session, login: str) -> bool:
    return bool(s.execute(text("SELECT 1 FROM pg_roles WHERE rolname = :n"),
                          {"n": login}).scalar())


def _grant_role(s: Session, login: str, role: str) -> None:
    """Membership of one group role; an administrator also gets CREATEROLE and every
    group role WITH ADMIN OPTION, which PostgreSQL 16+ requires to grant them on."""
    sql = _sql()
    ident = sql.Identifier(login)
    _execute(s, sql.SQL("GRANT {} TO {}").format(sql.Identifier(pg_role(role)), ident))
    if role == "admin":
        _execute(s, sql.SQL("ALTER ROLE {} CREATEROLE").format(ident))
        groups = sql.SQL(", ").join(sql.Identifier(pg_role(r)) for r in ROLES)
        _execute(s, sql.SQL("GRANT {} TO {} WITH ADMIN OPTION").format(groups, ident))


def _revoke_roles(s: Session, login: str) -> None:
    sql = _sql()
    ident = sql.Identifier(login)
    held = s.execute(text(
        "SELECT g.rolname FROM pg_auth_members m JOIN pg_roles g ON g.oid = m.roleid "
        "JOIN pg_roles r ON r.oid = m.member WHERE r.rolname = :n AND g.rolname LIKE "
        "'desk\\_%'"), {"n": login}).scalars().all()
    for group in held:
        _execute(s, sql.SQL("REVOKE {} FROM {}").format(sql.Identifier(group), ident))
    if held:
        _execute(s, sql.SQL("ALTER ROLE {} NOCREATEROLE").format(ident))


def _admins_may_manage(s: Session, login: str) -> None:
    """PostgreSQL 16+: a CREATEROLE login may change only roles it holds ADMIN OPTION on.
    Giving that option to ``desk_admin`` (without its privileges) lets every administrator
    reset this person's password or disable them, not only the one who added them."""
    sql = _sql()
    if _server_version(s) < 160000:
        return  # 15 and older: CREATEROLE alone manages every non-superuser role
    _execute(s, sql.SQL("GRANT {} TO {} WITH ADMIN TRUE, INHERIT FALSE, SET FALSE").format(
        sql.Identifier(login), sql.Identifier(pg_role("admin"))))


def _audit(desk: Desk, s: Session, login: str, action: str, changes: dict[str, object]
           ) -> None:
    write_audit(s, actor=desk.actor(), kind=AUDIT_KIND, record_id=audit_id(login),
                action=action, changes=changes)


def add_person(desk: Desk, login: str, nama: str, role: str, password: str) -> Person:
    """Create the login (LOGIN, the password hashed here), its group role and its name."""
    sql = _sql()
    login, nama = check_login(login), check_name(nama)
    role, password = check_role(role), check_password(password)
    with desk.db.session() as s:
        _require_manager(desk, s)
        if _login_exists(s, login):
            raise ValidationError({"login": [t(
                "Login {login} sudah ada di server basis data.", login=login)]})
        _execute(s, sql.SQL("CREATE ROLE {} LOGIN PASSWORD {}").format(
            sql.Identifier(login), sql.Literal(_hashed(s, login, password))))
        _grant_role(s, login, role)
        _admins_may_manage(s, login)
        s.execute(text("INSERT INTO pengguna (login, nama, aktif, dibuat, dibuat_oleh) "
                       "VALUES (:login, :nama, true, :now, session_user)"),
                  {"login": login, "nama": nama, "now": _now()})
        _audit(desk, s, login, "create",
               {"login": [None, login], "nama": [None, nama], "peran": [None, role]})
        return _get(s, login)


def set_role(desk: Desk, login: str, role: str) -> Person:
    """Move the person to another role (their old group roles are revoked)."""
    role = check_role(role)
    with desk.db.session() as s:
        _require_manager(desk, s)
        before = _get(s, login)
        if before.role == role:
            return before
        _revoke_roles(s, login)
        _grant_role(s, login, role)
        _audit(desk, s, login, "update", {"peran": [before.role, role]})
        return _get(s, login)


def rename(desk: Desk, login: str, nama: str) -> Person:
    nama = check_name(nama)
    with desk.db.session() as s:
        _require_manager(desk, s)
        before = _get(s, login)
        if before.nama == nama:
            return before
        s.execute(text("UPDATE pengguna SET nama = :nama WHERE login = :login"),
                  {"nama": nama, "login": login})
        _audit(desk, s, login, "update", {"nama": [before.nama, nama]})
        return _get(s, login)


def reset_password(desk: Desk, login: str, password: str) -> None:
    """A new password for someone who forgot theirs (the old one stops working)."""
    sql = _sql()
    password = check_password(password)
    with desk.db.session() as s:
        _require_manager(desk, s)
        _get(s, login)
        _execute(s, sql.SQL("ALTER ROLE {} PASSWORD {}").format(
            sql.Identifier(login), sql.Literal(_hashed(s, login, password))))
        _audit(desk, s, login, "update", {"sandi": ["***", "***"]})


def disable(desk: Desk, login: str) -> Person:
    """The login may no longer connect (NOLOGIN); its open sessions are ended where this
    login is allowed to. Nothing of what the person did is removed."""
    person = _set_active(desk, login, False)
    ended = end_sessions(desk, login)
    log.info("login %s disabled, %d session(s) ended", login, ended)
    return person


def enable(desk: Desk, login: str) -> Person:
    return _set_active(desk, login, True)


def _set_active(desk: Desk, login: str, aktif: bool) -> Person:
    sql = _sql()
    with desk.db.session() as s:
        _require_manager(desk, s)
        before = _get(s, login)
        if login == s.execute(text("SELECT session_user")).scalar() and not aktif:
            raise DeskError(t("Anda tidak dapat menonaktifkan login Anda sendiri."))
        if before.aktif == aktif:
            return before
        flag = sql.SQL("LOGIN" if aktif else "NOLOGIN")
        _execute(s, sql.SQL("ALTER ROLE {} {}").format(sql.Identifier(login), flag))
        s.execute(text("UPDATE pengguna SET aktif = :aktif WHERE login = :login"),
                  {"aktif": aktif, "login": login})
        _audit(desk, s, login, "update", {"aktif": [before.aktif, aktif]})
        return _get(s, login)


def end_sessions(desk: Desk, login: str) -> int:
    """End the login's open sessions; how many ended (0 where not allowed: PostgreSQL lets
    a superuser or a member of ``pg_signal_backend`` do it)."""
    ended = 0
    with desk.db.session() as s:
        pids = s.execute(text("SELECT pid FROM pg_stat_activity WHERE usename = :n"),
                         {"n": login}).scalars().all()
        for pid in pids:
            try:
                with s.begin_nested():
                    ended += bool(s.execute(text("SELECT pg_terminate_backend(:p)"),
                                            {"p": pid}).scalar())
            except PermissionRefusedError:
                log.info("not allowed to end session %s of %s", pid, login)
    return ended


def _now():  # type: ignore[no-untyped-def]
    from desktop.core.models import utcnow

    return utcnow()
