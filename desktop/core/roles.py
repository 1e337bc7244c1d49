"""Who may do what in a shared office: the five roles and what each may read and change.

This table is the single statement of the office's rules. The PostgreSQL grants and
row-level policies (migration 0008) are written to match it, so a person who opens psql
with their own login can do no more than the window lets them; the window reads it to
disable actions and hide pages. SQLite is a single-user database: whoever opens it is the
administrator.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import text
from sqlalchemy.engine import Connection

from desktop.core.i18n import Label, t
from desktop.core.kinds import KINDS

KIND_NAMES = ("opd", "apps", "datasets", "visits", "agreements", "deployments")

# the abilities that are not "read/change a record kind"
PEOPLE = "people"            # the Pengguna page: add people, change roles, disable logins
SYNC = "sync"                # run the catalog sync, change its settings
BACKUP = "backup"            # make and restore backups
OFFICE = "office"            # the office profile (name, head, letterhead)
REPORTS = "reports"          # activity reports and list exports


@dataclass(frozen=True)
class Access:
    """What one role may do. ``read``/``write`` hold record kinds (``KIND_NAMES``)."""

    role: str
    read: frozenset[str]
    write: frozenset[str]
    abilities: frozenset[str]

    def can_read(self, kind: str) -> bool:
        return kind in self.read

    def can_write(self, kind: str) -> bool:
        return kind in self.write

    def can(self, ability: str) -> bool:
        return ability in self.abilities

    @property
    def pg_role(self) -> str:
        return pg_role(self.role)

    @property
    def label(self) -> str:
        return role_label(self.role)


def _access(role: str, read: tuple[str, ...], write: tuple[str, ...],
            abilities: tuple[str, ...]) -> Access:
    return Access(role, frozenset(read), frozenset(write), frozenset(abilities))


# Every record names its OPD, so every role reads the OPD list; each reads what its own
# records point to (deployments name an application, agreements a visit).
ACCESS: dict[str, Access] = {
    "admin": _access("admin", KIND_NAMES, KIND_NAMES, (PEOPLE, SYNC, BACKUP, OFFICE, REPORTS)),
    "sekretariat": _access("sekretariat", ("opd", "apps", "datasets"),
                           ("opd", "apps", "datasets"), (SYNC, REPORTS)),
    "kerjasama": _access("kerjasama", ("opd", "visits", "agreements"),
                         ("visits", "agreements"), (REPORTS,)),
    "infrastruktur": _access("infrastruktur", ("opd", "apps", "deployments"),
                             ("deployments",), (REPORTS,)),
    "pimpinan": _access("pimpinan", KIND_NAMES, (), (REPORTS,)),
}
ROLES = tuple(ACCESS)
# when one login holds several roles, the widest wins
_PRECEDENCE = ("admin", "sekretariat", "kerjasama", "infrastruktur", "pimpinan")

SINGLE_USER = ACCESS["admin"]


def pg_role(role: str) -> str:
    """The PostgreSQL group role of a Desk role (``desk_admin`` …)."""
    if role not in ACCESS:
        raise ValueError(role)
    return f"desk_{role}"


def role_label(role: str) -> str:
    # the context "peran": as a role, "Kerja Sama" is the partnerships section, not the
    # record kind ("Agreement")
    labels = {
        "admin": Label("Administrator", context="peran"),
        "sekretariat": Label("Sekretariat", context="peran"),
        "kerjasama": Label("Kerja Sama", context="peran"),
        "infrastruktur": Label("Infrastruktur", context="peran"),
        "pimpinan": Label("Pimpinan", context="peran"),
    }
    return str(labels[role])


def merged(roles: list[str]) -> Access:
    """One login may hold several group roles: it may do what any of them allows."""
    known = [r for r in _PRECEDENCE if r in roles]
    if not known:
        raise ValueError("no role")
    return Access(
        known[0],
        frozenset().union(*(ACCESS[r].read for r in known)),
        frozenset().union(*(ACCESS[r].write for r in known)),
        frozenset().union(*(ACCESS[r].abilities for r in known)),
    )


def access_of(connection: Connection) -> Access | None:
    """What the person on this connection may do.

    SQLite: the administrator (single user). PostgreSQL: the ``desk_*`` group roles the
    session's login is a member of; a superuser or the owner of the database's tables
    (the login an office used before people had roles) is the administrator. ``None``
    when the login holds no Desk role at all: the window says so instead of opening.
    """
    if connection.dialect.name != "postgresql":
        return SINGLE_USER
    superuser = connection.execute(text(
        "SELECT rolsuper FROM pg_roles WHERE rolname = session_user")).scalar()
    owner = connection.execute(text(
        "SELECT tableowner = session_user FROM pg_tables "
        "WHERE schemaname = current_schema() AND tablename = 'alembic_version'")).scalar()
    if superuser or owner:
        return SINGLE_USER
    held = connection.execute(text(
        "SELECT rolname FROM pg_roles WHERE rolname LIKE 'desk\\_%' "
        "AND pg_has_role(session_user, oid, 'MEMBER')")).scalars().all()
    roles = [name.removeprefix("desk_") for name in held if name.removeprefix("desk_") in ACCESS]
    return merged(roles) if roles else None


def refusal(access: Access, kind: str | None = None, ability: str | None = None) -> str:
    """Why an action is disabled, for its tooltip and for a refused write."""
    if kind is not None:
        return t("Peran Anda ({role}) tidak boleh mengubah {what}.",
                 role=access.label, what=str(KINDS[kind].label))
    return t("Peran Anda ({role}) tidak mengizinkan tindakan ini.", role=access.label)
