"""One search function over every record kind, on SQLite FTS5 and PostgreSQL alike.

Text is folded in Python (NFKD, accents dropped, lowercase, words of letters and digits)
both when it is indexed and when it is searched, so the two engines see the same words;
each query word matches as a prefix ("karang" finds Karanganyar).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Select, delete, func, literal_column, select, text
from sqlalchemy.orm import Session

from desktop.core.models import SearchEntry

_WORD = re.compile(r"[a-z0-9]+")
# The text search configuration written into the SQL, not bound: the GIN index is on
# to_tsvector('simple', teks), and a bound configuration only matches it while the
# server plans with the value. From the sixth run psycopg prepares the statement, the
# generic plan cannot use the index, and every keystroke re-parsed 100,000 texts (2 s).
SIMPLE = literal_column("'simple'::regconfig")
MAX_QUERY_WORDS = 12


def fold(value: str) -> str:
    """Lowercase words without accents, separated by single spaces.

    Plain ASCII text (the common case) skips the Unicode decomposition, most of the cost:
    it has nothing to decompose, so the words are the same (a bulk create folds every
    record's text; ``tests/test_search.py`` holds both ways equal).
    """
    if value.isascii():
        return " ".join(_WORD.findall(value.lower()))
    return _fold_unicode(value)


def _fold_unicode(value: str) -> str:
    decomposed = unicodedata.normalize("NFKD", value)
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch)).lower()
    return " ".join(_WORD.findall(plain))


def query_words(query: str) -> list[str]:
    return fold(query).split()[:MAX_QUERY_WORDS]


@dataclass(frozen=True)
class SearchHit:
    kind: str
    id: str
    title: str
    subtitle: str

    def as_json(self) -> dict[str, Any]:
        return {"kind": self.kind, "id": self.id, "title": self.title, "subtitle": self.subtitle}


def entry_values(kind: str, title: str, subtitle: str, body: str,
                 sort_key: str | None = None) -> dict[str, Any]:
    """A search entry's columns but its record id (``sort_key``: the list's opening sort
    value, see ``RecordKind.search_sort``)."""
    return {"jenis": kind, "judul": title[:500], "keterangan": subtitle[:500] or None,
            "teks": fold(" ".join((title, subtitle, body))), "urutan": sort_key}


def index_record(session: Session, kind: str, record_id: str, title: str, subtitle: str,
                 body: str, sort_key: str | None = None,
                 entries: Mapping[str, SearchEntry] | None = None) -> None:
    """Insert or replace the search entry of one record; ``entries``: the entries by
    record id when the caller read them already (a bulk update reads a batch's at once;
    a record missing there has none yet)."""
    values = entry_values(kind, title, subtitle, body, sort_key)
    if entries is not None:
        entry = entries.get(record_id)
    else:
        entry = session.scalar(select(SearchEntry).where(SearchEntry.record_id == record_id))
    if entry is None:
        session.add(SearchEntry(record_id=record_id, **values))
        return
    for name, value in values.items():
        setattr(entry, name, value)


def unindex_record(session: Session, record_id: str) -> None:
    session.execute(delete(SearchEntry).where(SearchEntry.record_id == record_id))


def matching_entries(dialect: str, query: str, kinds: list[str] | None = None) -> Select | None:
    """SELECT of matching search entries, or None when the query has no words."""
    words = query_words(query)
    if not words:
        return None
    if dialect == "sqlite":
        match = " ".join(f'"{w}"*' for w in words)
        matched = select(text("rowid")).select_from(text("search_fts")).where(
            text("search_fts MATCH :match")
        ).params(match=match)
        stmt = select(SearchEntry).where(SearchEntry.rowid_.in_(matched))
    else:
        tsquery = " & ".join(f"{w}:*" for w in words)
        stmt = select(SearchEntry).where(
            func.to_tsvector(SIMPLE, SearchEntry.teks).op("@@")(func.to_tsquery(SIMPLE, tsquery))
        )
    if kinds:
        stmt = stmt.where(SearchEntry.jenis.in_(kinds))
    return stmt


def matching_ids(dialect: str, query: str, kind: str) -> Select | None:
    """Record ids of one kind whose text matches; for filtering a list as the user types."""
    stmt = matching_entries(dialect, query, [kind])
    return None if stmt is None else stmt.with_only_columns(SearchEntry.record_id)


def search(session: Session, query: str, kinds: list[str] | None = None,
           limit: int = 200) -> list[SearchHit]:
    dialect = session.get_bind().dialect.name
    stmt = matching_entries(dialect, query, kinds)
    if stmt is None:
        return []
    stmt = stmt.order_by(
        SearchEntry.jenis, func.lower(SearchEntry.judul), SearchEntry.record_id
    ).limit(limit)
    return [
        SearchHit(e.jenis, e.record_id, e.judul, e.keterangan or "")
        for e in session.scalars(stmt)
    ]
