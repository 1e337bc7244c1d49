"""The first screen of a text search in the list's opening order, from the search index alone.

A search keystroke needs the head of the list (a screen, in the list's order) and how
many records match. A short prefix matches a large share of a big list ("pen": 42% of
100,000 datasets): turning every match into its record and sorting them all for one
screen took ~0.2 s. The search entries keep the opening sort value (``urutan``, see
``RecordKind.search_sort``), so both figures come from ``search_entry`` and its indexes:

- SQLite: the count inside FTS5 (whose ``jenis`` column narrows to the kind), then the
  head either by walking the (lower(urutan), record_id) index in order and keeping the
  entries in the match set (a cheap rowid probe; the walk stops after about limit x
  total / matches entries when matches are spread evenly), or by sorting the matches
  (cheap when they are few). The two costs meet where matches^2 = limit x total.
- PostgreSQL: the matches from the GIN index, counted and sorted in one query on the
  entries' own key (see ``_postgresql`` for why not the walk).

Search entries exist for live records only (a soft delete removes the entry), so this
is the same answer as the records' own query, which ``tests/test_list_head.py`` holds.
"""

from __future__ import annotations

from sqlalchemy import text
from sqlalchemy.orm import Session

from desktop.core.search import query_words


def search_head(session: Session, kind: str, query: str, limit: int
                ) -> tuple[list[str], int] | None:
    """(first ``limit`` record ids by lower(urutan), record_id; how many match), or None
    when the query has no words (the caller lists everything then)."""
    words = query_words(query)
    if not words:
        return None
    if session.get_bind().dialect.name == "sqlite":
        return _sqlite(session, kind, words, limit)
    return _postgresql(session, kind, words, limit)


def _dense(matches: int, total: int, limit: int) -> bool:
    """Walk the sort index (True) or sort the matches (False): whichever reads fewer rows."""
    return matches * matches >= limit * max(total, matches)


def _sqlite(s: Session, kind: str, words: list[str], limit: int) -> tuple[list[str], int]:
    phrase = " ".join(f'"{w}"*' for w in words)
    match = f'teks : ({phrase}) AND jenis : "{kind}"'
    count = int(s.scalar(text("SELECT count(*) FROM search_fts WHERE search_fts MATCH :m"),
                         {"m": match}) or 0)
    if count == 0:
        return [], 0
    total = int(s.scalar(text("SELECT count(*) FROM search_fts WHERE search_fts MATCH :m"),
                         {"m": f'jenis : "{kind}"'}) or 0)
    if _dense(count, total, limit):
        sql = ("SELECT record_id FROM search_entry INDEXED BY ix_search_entry_urutan "
               "WHERE rid IN (SELECT rowid FROM search_fts "
               "WHERE search_fts MATCH :m) ORDER BY lower(urutan), record_id LIMIT :n")
    else:  # CROSS JOIN: the matches drive, each looked up by its rowid
        sql = ("SELECT se.record_id FROM search_fts CROSS JOIN search_entry se "
               "WHERE search_fts MATCH :m AND se.rid = search_fts.rowid "
               "ORDER BY lower(se.urutan), se.record_id LIMIT :n")
    ids = list(s.scalars(text(sql), {"k": kind, "m": match, "n": limit}))
    return ids, count


# 'simple' written into the SQL, never bound: see desktop.core.search.SIMPLE
_PG_HEAD = (
    "WITH m AS MATERIALIZED (SELECT record_id, urutan FROM search_entry WHERE jenis = :k "
    "AND to_tsvector('simple'::regconfig, teks) @@ to_tsquery('simple'::regconfig, :q)) "
    "SELECT record_id, count(*) OVER () FROM m ORDER BY lower(urutan), record_id LIMIT :n"
)


def _postgresql(s: Session, kind: str, words: list[str], limit: int
                ) -> tuple[list[str], int]:
    """One query: the matches from the GIN index, counted and top-N sorted on their own
    sort key, never joined to the records.

    Walking the sort index does not pay here: each entry walked has its text parsed
    again (~10 us), and the matches of a prefix cluster (every "Jumlah ..." title sorts
    after all the "Data ..." ones), so "jum" walked 18,000 entries for a screen (84 ms).
    Materialized, the planner cannot choose that walk.
    """
    tsquery = " & ".join(f"{w}:*" for w in words)
    rows = s.execute(text(_PG_HEAD), {"k": kind, "q": tsquery, "n": limit}).all()
    return [r[0] for r in rows], int(rows[0][1]) if rows else 0
