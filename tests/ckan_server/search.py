"""``package_search`` as Solr answers it, for the subset of syntax a sync client uses.

Fidelity that matters: ``rows`` silently capped, the index keeping milliseconds only
(range filters compare at that precision), deleted datasets absent from the index,
private ones only for members who ask for them, and the relevance sort as default.
"""

from __future__ import annotations

import re
import shlex
from collections.abc import Callable
from typing import Any

from .context import int_param
from .errors import SearchQueryError
from .store import Store, User

RANGE_RE = re.compile(r"^([\w.]+):\[(\S+) TO (\S+)\]$")
FIELD_RE = re.compile(r"^([\w.]+):(.+)$")
TEXT_FIELDS = {"title", "notes"}  # tokenized in CKAN's schema: a term matches a phrase
SORT_FIELDS = {"metadata_modified", "metadata_created", "id", "name", "title_string", "score"}


def index_time(stamp: str) -> str:
    """A timestamp as the index holds it: milliseconds, comparable as a string."""
    return stamp[:23]


def bound(value: str) -> str | None:
    """A range end as an index-comparable string; None for an open end."""
    if value == "*":
        return None
    value = value.rstrip("Z")
    if not re.match(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?$", value):
        raise SearchQueryError(f"Search error: Invalid Date String:'{value}'")
    if "." not in value:
        value += ".000"
    return (value + "000")[:23]


def field_values(package: dict[str, Any], field: str) -> list[str]:
    if field == "organization":
        return [package["organization"]["name"]] if package.get("organization") else []
    if field == "tags":
        return [t["name"] for t in package["tags"]]
    if field == "res_format":
        return [r["format"] for r in package["resources"]]
    if field.startswith("extras_"):
        key = field.removeprefix("extras_")
        return [e["value"] for e in package["extras"] if e["key"] == key]
    value = package.get(field)
    return [] if value is None else [str(value).lower() if isinstance(value, bool) else value]


def words_of(text: str) -> list[str]:
    """A text field as Solr indexes it: lowercase word tokens."""
    return re.findall(r"\w+", text.lower())


def contains_phrase(words: list[str], phrase: list[str]) -> bool:
    """A phrase query on a text field: the tokens, in order, anywhere in the value."""
    n = len(phrase)
    return n > 0 and any(words[i:i + n] == phrase for i in range(len(words) - n + 1))


def clause(text: str) -> Callable[[dict[str, Any]], bool]:
    """One ``field:value`` or ``field:[a TO b]`` term as a predicate."""
    negate = text.startswith("-")
    text = text.lstrip("+-")
    if match := RANGE_RE.match(text):
        field, low, high = match.group(1), bound(match.group(2)), bound(match.group(3))

        def in_range(package: dict[str, Any]) -> bool:
            value = package.get(field)
            if not isinstance(value, str):
                return False
            stamp = value[:23]  # index_time, inlined: this runs once per dataset
            return (low is None or stamp >= low) and (high is None or stamp <= high)
        test = in_range
    elif (match := FIELD_RE.match(text)) and match.group(1) in TEXT_FIELDS:
        field, phrase = match.group(1), words_of(match.group(2).strip('"'))

        def has_phrase(package: dict[str, Any]) -> bool:
            return any(contains_phrase(words_of(v), phrase) for v in field_values(package, field))
        test = has_phrase
    elif match := FIELD_RE.match(text):
        field, wanted = match.group(1), match.group(2).strip('"')

        def equals(package: dict[str, Any]) -> bool:
            return wanted == "*" or wanted in field_values(package, field)
        test = equals
    else:
        words = text.lower()

        def contains(package: dict[str, Any]) -> bool:
            haystack = " ".join([package["name"], package.get("title") or "",
                                 package.get("notes") or ""]
                                + [t["name"] for t in package["tags"]]).lower()
            return words in haystack
        test = contains
    return (lambda p: not test(p)) if negate else test


def parse_query(text: str) -> list[Callable[[dict[str, Any]], bool]]:
    """Terms joined by AND (or nothing); ``a OR b`` joins its two neighbours (left to
    right, no parentheses): enough for ``field:x OR field:y`` lookups."""
    text = (text or "").strip()
    if text in {"", "*:*"}:
        return []
    try:
        parts = shlex.split(text.replace("[", '"[').replace("]", ']"'))
    except ValueError as exc:
        raise SearchQueryError(f"Search error: {exc}") from exc
    tests: list[Callable[[dict[str, Any]], bool]] = []
    either = False
    for part in parts:
        if part.upper() in {"AND", "+"}:
            continue
        if part.upper() == "OR":
            either = bool(tests)
            continue
        test = clause(part)
        if either:
            left = tests.pop()
            test = (lambda a, b: lambda p: a(p) or b(p))(left, test)
        tests.append(test)
        either = False
    return tests


def sort_key(spec: str) -> list[tuple[str, bool]]:
    order = []
    for part in spec.split(","):
        bits = part.split()
        if len(bits) != 2 or bits[1] not in {"asc", "desc"} or bits[0] not in SORT_FIELDS:
            raise SearchQueryError(f"Search error: Can't determine a sort order for '{spec}'")
        order.append((bits[0], bits[1] == "desc"))
    return order


def truthy(value: Any) -> bool:
    return value is True or (isinstance(value, str) and value.lower() in {"true", "1", "yes"})


def visible(store: Store, user: User | None, package: dict[str, Any], data: dict[str, Any],
            index_deleted: bool) -> bool:
    state = package["state"]
    if state == "deleted" and not (index_deleted and truthy(data.get("include_deleted"))):
        return False
    if state == "draft" and not truthy(data.get("include_drafts")):
        return False
    if package["private"]:
        return truthy(data.get("include_private")) and package["owner_org"] is not None \
            and store.capacity(user, package["owner_org"]) >= 1
    return True


def package_search(store: Store, user: User | None, data: dict[str, Any], *,
                   rows_max: int, index_deleted: bool) -> dict[str, Any]:
    rows = min(int_param(data, "rows", 10) or 0, rows_max)
    start = int_param(data, "start", 0) or 0
    spec = data.get("sort") or "score desc, metadata_modified desc"
    order = sort_key(spec)
    tests = parse_query(data.get("q") or "") + parse_query(data.get("fq") or "")
    # the query's own terms first: a range on a date rules out most of a big catalog
    # more cheaply than the visibility check (Solr answers from its index, not a scan)
    packages = store.packages.values()
    for test in tests:
        packages = [p for p in packages if test(p)]
    hits = [p for p in packages if visible(store, user, p, data, index_deleted)]
    count = len(hits)
    if rows <= 0 or start >= len(hits):
        hits = []  # a count only (``rows=0``), or past the end: nothing to sort
    for field, descending in reversed(order):
        if field == "score":
            continue
        name = "title" if field == "title_string" else field
        if name in {"metadata_modified", "metadata_created"}:
            hits.sort(key=lambda p, n=name: index_time(p[n]), reverse=descending)
        else:
            hits.sort(key=lambda p, n=name: str(p.get(n) or ""), reverse=descending)
    return {"count": count, "sort": spec, "results": hits[start:start + rows],
            "facets": {}, "search_facets": {}}
