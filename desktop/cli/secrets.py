"""``keyring-self-test`` and ``forget-secrets``: the OS keyring, where the catalog token and
PostgreSQL passwords are kept.

``keyring-self-test`` stores, reads back and deletes one secret through the app's own code.

Why a command: the keyring backend is chosen at run time (Windows Credential Manager,
Secret Service, macOS Keychain) and a frozen bundle may lack one; the Windows CI job and
an office's IT staff can prove, from the installed program itself, that secrets survive
a restart and how long one may be (Credential Manager: 1,280 characters, see
``desktop.core.secrets.check_secret_size``).

Exit codes: 0 round trip done; 1 no keyring, or it lost or changed the secret;
3 refused before storing because the platform's keyring cannot hold that length.
"""

from __future__ import annotations

import argparse
import string
import sys
from typing import Any

from desktop.cli.common import EXIT_ERROR, EXIT_OK, say_error

EXIT_TOO_LONG = 3
TEST_ENTRY = "self-test:keyring"


def add_parsers(sub: Any) -> dict[str, Any]:
    """``keyring-self-test``; returns {name: handler} for the CLI's command table."""
    from desktop.core.i18n import t

    parser = sub.add_parser("keyring-self-test", help=t(
        "uji brankas kunci sistem operasi: simpan, baca kembali dan hapus satu rahasia uji"))
    parser.add_argument("--length", type=int, default=2048, metavar="N",
                        help=t("panjang rahasia uji dalam karakter (bawaan 2048)"))
    return {"keyring-self-test": cmd_keyring_self_test}


def add_forget_parser(sub: Any) -> dict[str, Any]:
    """``forget-secrets`` (listed before the import command in ``--help``)."""
    from desktop.core.i18n import t

    sub.add_parser("forget-secrets", help=t("hapus semua token dan kata sandi yang disimpan "
                                            "program ini di brankas kunci sistem operasi"))
    return {"forget-secrets": cmd_forget_secrets}


def cmd_forget_secrets(args: argparse.Namespace) -> int:
    """Every keyring entry of this program deleted (the uninstaller's "delete my data").

    Never opens the database: it must work when the server is gone or the file damaged.
    """
    from desktop.core.i18n import t
    from desktop.core.secrets import forget_all_secrets, keyring_available

    if not keyring_available():
        print(t("Brankas kunci sistem operasi tidak tersedia; tidak ada yang dihapus."))
        return EXIT_OK
    count = forget_all_secrets()
    print(t("Entri brankas kunci yang dihapus: {count}.", count=count))
    return EXIT_OK


def sample_secret(length: int) -> str:
    """Letters, digits and a few non-ASCII characters, so an encoding slip shows."""
    alphabet = string.ascii_letters + string.digits + "éñ—"
    return "".join(alphabet[i % len(alphabet)] for i in range(length))


def cmd_keyring_self_test(args: argparse.Namespace) -> int:
    from desktop.core.errors import QueryError, SecretTooLongError
    from desktop.core.i18n import t
    from desktop.core.secrets import delete_secret, keyring_available, read_secret, store_secret

    if not 1 <= args.length <= 1_000_000:
        raise QueryError(t("N harus antara 1 dan 1.000.000."))
    if not keyring_available():
        print(t("Brankas kunci sistem operasi tidak tersedia: rahasia hanya disimpan selama "
                "program berjalan."), file=sys.stderr)
        return EXIT_ERROR
    value = sample_secret(args.length)
    try:
        if not store_secret(TEST_ENTRY, value):
            print(t("Brankas kunci menolak rahasia uji; rahasia hanya disimpan selama program "
                    "berjalan."), file=sys.stderr)
            delete_secret(TEST_ENTRY)
            return EXIT_ERROR
    except SecretTooLongError as exc:
        say_error(exc.message)
        return EXIT_TOO_LONG
    try:
        back = read_secret(TEST_ENTRY)
    finally:
        delete_secret(TEST_ENTRY)
    if back != value:
        print(t("Brankas kunci mengembalikan rahasia yang berbeda ({got} dari {length} "
                "karakter).", got=len(back or ""), length=args.length), file=sys.stderr)
        return EXIT_ERROR
    print(t("Brankas kunci bekerja: rahasia {length} karakter disimpan, dibaca kembali dan "
            "dihapus.", length=args.length))
    return EXIT_OK
