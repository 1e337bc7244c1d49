"""Which local datasets may go to the catalog, and how visible they are there.

Sifat data decides: *terbuka* is published publicly; *terbatas* and *dikecualikan* are
never published, unless the office allows private publishing, and then only as private
datasets (visible to the organization's members). A dataset holding personal data
(UU PDP) is treated as restricted whatever its sifat says: being wrong there is costly.
"""

from __future__ import annotations

from enum import Enum


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
