"""Which local datasets may go to the catalog, and how visible they are there.

Sifat data decides: *terbuka* is published publicly; *terbatas* and *dikecualikan* are
never published, unless the office allows private publishing, and then only as private
datasets (visible to the organization's members). A dataset holding personal data
(UU PDP) is treated as restricted whatever its sifat says: being wrong there is costly.

That policy decides how a dataset is *created*. A dataset already on the catalog keeps
the visibility the catalog gives it: a push never makes it more public, and never
deletes it because of a classification this register inferred or holds. Only a change
of sifat data (or of the personal-data flag) made here moves it, and then the dataset
form says beforehand what the next sync will do (:func:`visibility_notice`):

- made *terbuka* without personal data: it becomes public;
- made restricted while public: it becomes private (*unpublished*, not deleted, so
  nothing of the catalog's is lost and an admin can still see and restore it); the push
  writes that to the record's audit log.
"""

from __future__ import annotations

from collections.abc import Mapping
from enum import Enum
from typing import Any

from desktop.core.i18n import t

CLASSIFICATION_FIELDS = frozenset({"sifat_data", "data_pribadi"})


class Publication(Enum):
    PUBLIC = "public"
    PRIVATE = "private"
    NOT_PUBLISHED = "not_published"


def publication_for(sifat_data: str | None, *, contains_personal_data: bool = False,
                    allow_private: bool = False) -> Publication:
    open_data = (sifat_data or "terbuka") == "terbuka" and not contains_personal_data
    if open_data:
        return Publication.PUBLIC
    return Publication.PRIVATE if allow_private else Publication.NOT_PUBLISHED


def wants_private(values: Mapping[str, Any]) -> bool:
    """Whether these values (sifat data, personal data) keep a dataset from the public."""
    return publication_for(values.get("sifat_data"),
                           contains_personal_data=bool(values.get("data_pribadi"))
                           ) is not Publication.PUBLIC


def private_to_send(catalog_private: bool | None, values: Mapping[str, Any], *,
                    changed: bool) -> bool | None:
    """The ``private`` flag a push of a linked dataset sends, or None: leave it alone.

    ``values``: the classification the catalog will hold after the push; ``changed``:
    whether the user changed it here since the last sync (a remote change, or one
    inferred on pull, is no reason to touch the catalog's visibility).
    """
    if not changed:
        return None
    wanted = wants_private(values)
    return None if wanted == catalog_private else wanted


def visibility_notice(*, linked: bool, catalog_private: bool | None, changed: bool,
                      values: Mapping[str, Any], allow_private: bool) -> str | None:
    """What the next sync will do to this dataset's visibility, for its form; None: nothing
    worth saying."""
    if linked:
        private = private_to_send(catalog_private, values, changed=changed)
        if private is None:
            return None
        if private:
            return t("Pada sinkronisasi berikutnya dataset ini dijadikan privat di katalog "
                     "(hanya anggota organisasinya yang dapat melihatnya); dataset di katalog "
                     "tidak dihapus.")
        return t("Pada sinkronisasi berikutnya dataset ini dibuka untuk umum di katalog, "
                 "karena sifat datanya diubah di sini menjadi terbuka.")
    policy = publication_for(values.get("sifat_data"),
                             contains_personal_data=bool(values.get("data_pribadi")),
                             allow_private=allow_private)
    if policy is Publication.NOT_PUBLISHED:
        return t("Dataset ini tidak dikirim ke katalog: sifat datanya terbatas atau "
                 "dikecualikan, atau memuat data pribadi.")
    if policy is Publication.PRIVATE:
        return t("Dataset ini dikirim ke katalog sebagai dataset privat (hanya anggota "
                 "organisasinya yang dapat melihatnya).")
    return None
