"""``diskominfo-desk user list|add|role|reset-password|disable|enable``: the people of a
shared PostgreSQL office, from the command line.

The same core as the window's Pengguna page (``desktop.core.people``). The first
administrator is made with this command and a superuser URL: the database's schema is
created or upgraded on the way (``Desk.open`` migrates), then the login::

    diskominfo-desk user add budi --name "Budi Santoso" --role admin \\
        --database postgresql://postgres@server/desk

A password is never an argument (it would stay in the shell's history and be visible in
the process list): it is asked twice at the terminal, or read from the first line of
standard input with ``--password-stdin`` (scripts).
"""

from __future__ import annotations

import argparse
import getpass
import json
import sys
from typing import Any

from desktop.cli.common import (
    EXIT_ERROR,
    EXIT_OK,
    EXIT_USAGE,
    add_common_options,
    add_json_option,
    open_desk,
    say_error,
)

ROLES_HELP = "admin, sekretariat, kerjasama, infrastruktur, pimpinan"


def add_parsers(sub: Any) -> dict[str, Any]:
    """Register ``user``; returns {name: handler} for the CLI's command table."""
    from desktop.core.i18n import t

    p_user = sub.add_parser("user", help=t(
        "pengguna basis data PostgreSQL bersama: daftar, tambah, ubah peran, atur ulang "
        "sandi, nonaktifkan"))
    actions = p_user.add_subparsers(dest="user_action", metavar="TINDAKAN", required=True)

    p_list = actions.add_parser("list", help=t("daftar pengguna dan perannya"))
    add_json_option(p_list)

    p_add = actions.add_parser("add", help=t(
        "tambah pengguna (membuat login PostgreSQL dengan perannya); dengan URL superuser "
        "juga menyiapkan basis data untuk administrator pertama"))
    p_add.add_argument("login", metavar="LOGIN")
    p_add.add_argument("--name", required=True, metavar="NAMA", help=t("nama lengkap"))
    p_add.add_argument("--role", required=True, metavar="PERAN", help=ROLES_HELP)
    _password_option(p_add)

    p_role = actions.add_parser("role", help=t("ubah peran seorang pengguna"))
    p_role.add_argument("login", metavar="LOGIN")
    p_role.add_argument("role", metavar="PERAN", help=ROLES_HELP)

    p_reset = actions.add_parser("reset-password", help=t("atur ulang sandi seorang pengguna"))
    p_reset.add_argument("login", metavar="LOGIN")
    _password_option(p_reset)

    p_disable = actions.add_parser("disable", help=t(
        "nonaktifkan login (tidak bisa masuk lagi; sesi yang terbuka diakhiri)"))
    p_disable.add_argument("login", metavar="LOGIN")
    p_enable = actions.add_parser("enable", help=t("aktifkan kembali login"))
    p_enable.add_argument("login", metavar="LOGIN")
    for parser in actions.choices.values():
        add_common_options(parser, argparse.SUPPRESS)
    return {"user": cmd_user}


def _password_option(parser: argparse.ArgumentParser) -> None:
    from desktop.core.i18n import t

    parser.add_argument("--password-stdin", action="store_true", help=t(
        "baca sandi dari baris pertama masukan standar (bawaan: ditanyakan dua kali)"))


def cmd_user(args: argparse.Namespace) -> int:
    from desktop.core.errors import ValidationError

    handlers = {"list": _list, "add": _add, "role": _role, "reset-password": _reset,
                "disable": _disable, "enable": _enable}
    try:
        return handlers[args.user_action](args)
    except ValidationError as exc:  # asked wrongly (a bad login name, a short password)
        for messages in exc.errors.values():
            for message in messages:
                say_error(message)
        return EXIT_USAGE


def read_password(args: argparse.Namespace) -> str | None:
    """The new password: stdin's first line, or asked twice at the terminal. None (after
    saying why) when it cannot be asked or the two differ."""
    from desktop.core.i18n import t

    if args.password_stdin:
        return sys.stdin.readline().rstrip("\r\n")
    if not sys.stdin.isatty():
        say_error(t("Tidak ada terminal untuk menanyakan sandi: berikan sandi lewat masukan "
                    "standar dengan --password-stdin."))
        return None
    first = getpass.getpass(t("Sandi baru: "))
    second = getpass.getpass(t("Ulangi sandi: "))
    if first != second:
        say_error(t("Kedua sandi tidak sama; tidak ada yang diubah."))
        return None
    return first


def _list(args: argparse.Namespace) -> int:
    from desktop.core import people
    from desktop.core.i18n import t

    with open_desk(args) as desk:
        found = people.list_people(desk)
    if args.json:
        print(json.dumps([{"login": p.login, "nama": p.nama, "peran": p.role,
                           "aktif": p.aktif} for p in found], ensure_ascii=False, indent=2))
        return EXIT_OK
    if not found:
        print(t("Belum ada pengguna."))
        return EXIT_OK
    active, inactive = t("aktif"), t("nonaktif")
    width = max(len(p.login) for p in found)
    for p in found:
        state = active if p.aktif else inactive
        print(f"{p.login:<{width}}  {p.role_label:<14}  {state:<9}  {p.nama}")
    return EXIT_OK


def _add(args: argparse.Namespace) -> int:
    from desktop.core import people
    from desktop.core.i18n import t

    # the cheap checks first: nobody types a password for a request refused anyway
    login, name = people.check_login(args.login), people.check_name(args.name)
    role = people.check_role(args.role)
    password = read_password(args)
    if password is None:
        return EXIT_ERROR
    people.check_password(password)
    with open_desk(args) as desk:
        person = people.add_person(desk, login, name, role, password)
    print(t("Pengguna {login} ({name}) ditambahkan dengan peran {role}.", login=person.login,
            name=person.nama, role=person.role_label))
    return EXIT_OK


def _role(args: argparse.Namespace) -> int:
    from desktop.core import people
    from desktop.core.i18n import t

    role = people.check_role(args.role)
    with open_desk(args) as desk:
        person = people.set_role(desk, args.login, role)
    print(t("Peran {login} sekarang {role}.", login=person.login, role=person.role_label))
    return EXIT_OK


def _reset(args: argparse.Namespace) -> int:
    from desktop.core import people
    from desktop.core.i18n import t

    password = read_password(args)
    if password is None:
        return EXIT_ERROR
    people.check_password(password)
    with open_desk(args) as desk:
        people.reset_password(desk, args.login, password)
    print(t("Sandi {login} diatur ulang.", login=args.login))
    return EXIT_OK


def _disable(args: argparse.Namespace) -> int:
    from desktop.core import people
    from desktop.core.i18n import t

    with open_desk(args) as desk:
        person = people.disable(desk, args.login)
    print(t("Login {login} dinonaktifkan: tidak dapat masuk lagi.", login=person.login))
    return EXIT_OK


def _enable(args: argparse.Namespace) -> int:
    from desktop.core import people
    from desktop.core.i18n import t

    with open_desk(args) as desk:
        person = people.enable(desk, args.login)
    print(t("Login {login} diaktifkan kembali.", login=person.login))
    return EXIT_OK
