"""The agreement's text as it is printed: template placeholders filled from the record now.

Articles and premises drafted from a template keep their ``{placeholders}``
(``{sumber_biaya}``, ``{berlaku_mulai}``, party names, the parent KB's number...), so the
document follows the record whenever it is previewed, printed or checked: a field filled
after drafting shows in the text, a party renamed after drafting is renamed in the text.
What a person typed stays as typed.

Agreements drafted before that were filled once, with "...." where a value was not
known yet. Such frozen text is recognised when a sentence is exactly a template's
sentence apart from its slots: a slot holding only dots is filled from the record (that
is unambiguous: nobody means "...."), any other slot is left as it stands. A slot that
differs from what the record says now is reported (``stale``) rather than replaced,
since a person may have typed it.

Every blank still left ("....") and every unknown ``{code}`` is recorded with its place
(pasal/ayat/butir or premis index, as stored), so the checks can name it and the window
can select it.
"""

from __future__ import annotations

import copy
import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from desktop.core.agreement_templates import (
    BLANK,
    DRAFTED_TEXTS,
    PLACEHOLDER,
    TEMPLATE_KINDS,
    load_template,
)
from desktop.core.i18n import Label, t
from desktop.documents.templates import placeholder_values

BLANK_RUN = re.compile(r"\.{4,}")
_SENTINEL = "\x00"  # marks a slot left blank while the text is being filled
LETTERS = "abcdefghijklmnopqrstuvwxyz"

# Whole sentences older versions wrote themselves (the demo's articles, the shipped
# templates' "addendum") with figures or spelling frozen in. A stored sentence that is
# exactly one of these was never edited by a person, so it is printed as its current
# version: the old demo's "mulai Tahun Anggaran 2017" follows each KB's own year.
LEGACY_TEXTS: dict[str, str] = {
    "Biaya pelaksanaan Kesepakatan Bersama ini dibebankan pada Anggaran Pendapatan dan "
    "Belanja Daerah masing-masing PIHAK mulai Tahun Anggaran 2017 sesuai ketentuan "
    "peraturan perundang-undangan.":
        "Biaya pelaksanaan Kesepakatan Bersama ini dibebankan pada {sumber_biaya} mulai "
        "Tahun Anggaran {tahun_anggaran_mulai} sesuai ketentuan peraturan "
        "perundang-undangan.",
    "Kesepakatan Bersama ini berlaku untuk jangka waktu 5 (lima) tahun sejak tanggal "
    "ditandatangani dan dapat diperpanjang atas kesepakatan PARA PIHAK.":
        "Kesepakatan Bersama ini berlaku untuk jangka waktu {jangka_waktu} sejak tanggal "
        "ditandatangani dan dapat diperpanjang atas kesepakatan PARA PIHAK.",
    "Perubahan Kesepakatan Bersama ini dilakukan atas persetujuan PARA PIHAK dan "
    "dituangkan dalam addendum yang merupakan bagian tidak terpisahkan.":
        "Perubahan Kesepakatan Bersama ini dilakukan atas persetujuan PARA PIHAK dan "
        "dituangkan dalam adendum yang merupakan bagian tidak terpisahkan.",
    "Biaya yang timbul dibebankan pada APBD masing-masing PIHAK.":
        "Biaya yang timbul dibebankan pada {sumber_biaya} mulai Tahun Anggaran "
        "{tahun_anggaran_mulai}.",
    "Perjanjian Kerja Sama ini berlaku selama 2 (dua) tahun sejak ditandatangani.":
        "Perjanjian Kerja Sama ini berlaku selama {jangka_waktu} sejak ditandatangani.",
    "Perjanjian Kerja Sama ini dibuat dalam rangkap 2 (dua) asli bermeterai cukup dan "
    "mempunyai kekuatan hukum yang sama.":
        "Hal-hal yang belum diatur dalam Perjanjian Kerja Sama ini akan diatur kemudian "
        "atas kesepakatan PARA PIHAK.",
    **{f"Perubahan atas {doc} ini hanya dapat dilakukan atas persetujuan PARA PIHAK dan "
       "dituangkan dalam addendum.":
       f"Perubahan atas {doc} ini hanya dapat dilakukan atas persetujuan PARA PIHAK dan "
       "dituangkan dalam adendum."
       for doc in ("Kesepakatan Bersama", "Perjanjian Kerja Sama")},
    **{f"Addendum sebagaimana dimaksud pada ayat (1) merupakan bagian yang tidak "
       f"terpisahkan dari {doc} ini.":
       f"Adendum sebagaimana dimaksud pada ayat (1) merupakan bagian yang tidak "
       f"terpisahkan dari {doc} ini."
       for doc in ("Kesepakatan Bersama", "Perjanjian Kerja Sama")},
}

# What a placeholder stands for, in the words of a finding, and the record field to fill.
SLOTS: dict[str, tuple[Label, str]] = {
    "judul": (Label("judul kerja sama"), "judul"),
    "pihak_pertama": (Label("nama PIHAK PERTAMA"),
                      "pihak[0].nama_instansi"),
    "pihak_kedua": (Label("nama PIHAK KEDUA"),
                    "pihak[1].nama_instansi"),
    "kedudukan_pertama": (Label("kedudukan PIHAK PERTAMA"),
                          "pihak[0].kedudukan"),
    "kedudukan_kedua": (Label("kedudukan PIHAK KEDUA"),
                        "pihak[1].kedudukan"),
    "jangka_waktu": (Label("jangka waktu"), "jangka_waktu_tahun"),
    "berlaku_mulai": (Label("tanggal berlaku mulai"), "berlaku_mulai"),
    "berlaku_sampai": (Label("tanggal berlaku sampai"), "berlaku_sampai"),
    "sumber_biaya": (Label("sumber biaya"), "sumber_biaya"),
    "tahun_anggaran_mulai": (Label("tahun anggaran mulai"),
                             "tahun_anggaran_mulai"),
    "tempat_ttd": (Label("tempat penandatanganan"), "tempat_ttd"),
    "tanggal_ttd": (Label("tanggal penandatanganan"), "tanggal_ttd"),
    "rangkap": (Label("jumlah rangkap"), "rangkap"),
    "nomor_kb": (Label("nomor Kesepakatan Bersama induk"),
                 "induk_id"),
    "tanggal_kb": (Label("tanggal Kesepakatan Bersama induk"),
                   "induk_id"),
    "judul_kb": (Label("judul Kesepakatan Bersama induk"),
                 "induk_id"),
}
# slots whose stale frozen value is worth a warning: names and titles, not dates
# (the title is not watched: "Objek ... adalah {judul}" is often reworded on purpose)
_STALE_WATCHED = ("pihak_pertama", "pihak_kedua", "kedudukan_pertama", "kedudukan_kedua",
                  "judul_kb")


@dataclass(frozen=True)
class Place:
    """Where a text is, as stored: indexes into ``pasal`` / ``ayat`` / ``butir`` or ``premis``."""

    pasal: int | None = None
    ayat: int | None = None
    butir: int | None = None
    premis: int | None = None
    heading: bool = False  # the article's heading, not an ayat


@dataclass(frozen=True)
class Blank:
    place: Place
    slot: str | None  # the placeholder left empty, or None for dots typed in the text


@dataclass(frozen=True)
class Stale:
    place: Place
    slot: str
    written: str  # what the frozen text says
    current: str  # what the record says now


@dataclass
class Naskah:
    """The agreement with its printed text filled in, and what is still missing."""

    agreement: dict[str, Any]
    blanks: list[Blank] = field(default_factory=list)
    unknown: list[tuple[Place, str]] = field(default_factory=list)
    stale: list[Stale] = field(default_factory=list)

    def place_name(self, place: Place) -> str:
        return place_name(self.agreement, place)


# ------------------------------------------------------------------ values
def _tidy(value: str) -> str:
    """A value set into the middle of a sentence: one line, no closing punctuation of its
    own ("... yang sah dan tidak mengikat." + " mulai Tahun Anggaran" read "mengikat. mulai")."""
    value = re.sub(r"\s+", " ", value).strip()
    value = re.sub(r"[\s;,:]+$", "", value)
    last = value.rsplit(" ", 1)[-1]
    if last.endswith(".") and "." not in last[:-1] and len(last) > 4:
        value = value[:-1]  # "mengikat." but not "Kab." or "S.E."
    return value


def document_values(agreement: Mapping[str, Any],
                    parent: Mapping[str, Any] | None = None) -> dict[str, str]:
    return {k: _tidy(v) for k, v in placeholder_values(agreement, parent).items()}


# ------------------------------------------------------------------ frozen text
@dataclass(frozen=True)
class _Pattern:
    regex: re.Pattern[str]
    slots: tuple[str, ...]
    pieces: tuple[str, ...]  # literal text around the slots: len(slots) + 1


def _normal(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


@lru_cache(maxsize=256)
def _pattern(sentence: str) -> _Pattern | None:
    sentence = _normal(sentence)
    slots = tuple(PLACEHOLDER.findall(sentence))
    if not slots:
        return None
    pieces = tuple(PLACEHOLDER.split(sentence)[0::2])
    regex = "".join(re.escape(p) + ("(.+?)" if i < len(slots) else "")
                    for i, p in enumerate(pieces))
    return _Pattern(re.compile(regex, re.DOTALL), slots, pieces)


def _template_sentences() -> list[str]:
    sentences: list[str] = list(DRAFTED_TEXTS)
    for jenis in TEMPLATE_KINDS:
        template = load_template(jenis)
        sentences += template.get("premis", [])
        for pasal in template["pasal"]:
            sentences.append(pasal["judul"])
            for ayat in pasal.get("ayat", []):
                sentences.append(ayat["teks"])
                sentences += [b["teks"] for b in ayat.get("butir", [])]
    return [s for s in dict.fromkeys(sentences) if PLACEHOLDER.search(s)]


def _reopen(text: str, patterns: Sequence[_Pattern]) -> tuple[str, list[tuple[str, str]]]:
    """Frozen template text with its dotted slots turned back into ``{placeholders}``.

    Returns the text to fill and, for the stale-value report, the slots still holding a
    value of their own as (slot, value) pairs. Text no template sentence matches is
    returned unchanged.
    """
    normal = _normal(text)
    for pattern in patterns:
        match = pattern.regex.fullmatch(normal)
        if match is None:
            continue
        out = [pattern.pieces[0]]
        kept: list[tuple[str, str]] = []
        for index, slot in enumerate(pattern.slots):
            written = match.group(index + 1)
            if re.fullmatch(r"\.{3,}", written.strip()):
                out.append("{" + slot + "}")
            else:
                out.append(written)
                kept.append((slot, written))
            out.append(pattern.pieces[index + 1])
        return "".join(out), kept
    return text, []


# ------------------------------------------------------------------ filling
class _Filler:
    def __init__(self, values: Mapping[str, str], patterns: Sequence[_Pattern]) -> None:
        self.values = values
        self.patterns = patterns
        self.blanks: list[Blank] = []
        self.unknown: list[tuple[Place, str]] = []
        self.stale: list[Stale] = []

    def __call__(self, text: Any, place: Place) -> str:
        text = "" if text is None else str(text)
        text = LEGACY_TEXTS.get(_normal(text), text)
        if PLACEHOLDER.search(text) is None:
            text, kept = _reopen(text, self.patterns)
            for slot, written in kept:
                current = self.values.get(slot, "")
                if slot in _STALE_WATCHED and current and current not in _normal(text):
                    self.stale.append(Stale(place, slot, _normal(written), current))

        def one(match: re.Match[str]) -> str:
            name = match.group(1)
            if name not in self.values:
                self.unknown.append((place, name))
                return match.group(0)
            value = self.values[name]
            if value:
                return value
            self.blanks.append(Blank(place, name))
            return _SENTINEL
        filled = PLACEHOLDER.sub(one, text)
        for _typed in BLANK_RUN.findall(filled):
            self.blanks.append(Blank(place, None))
        return filled.replace(_SENTINEL, BLANK)


def printed_text(text: str | None, values: Mapping[str, str]) -> str:
    """One article text as :func:`resolve` prints it, ``values`` from
    :func:`document_values`: the articles editor labels its tree with this, so what an
    officer reads there is what the PDF will say (a ``{placeholder}`` shows its value, an
    empty one the blank "....")."""
    return _Filler(values, ())(text, Place())


def blank_slots(text: str | None, values: Mapping[str, str]) -> list[str]:
    """What the placeholders of ``text`` left blank stand for ("sumber biaya"), in the
    user's language, each once, in the order they appear."""
    names = [m.group(1) for m in PLACEHOLDER.finditer(text or "")]
    return list(dict.fromkeys(str(SLOTS[n][0]) for n in names
                              if n in SLOTS and not values.get(n)))


def resolve(agreement: Mapping[str, Any], parent: Mapping[str, Any] | None = None) -> Naskah:
    """The agreement as printed (a copy): premises and articles filled from its fields."""
    values = document_values(agreement, parent)
    patterns = [p for p in (_pattern(s) for s in _template_sentences()) if p is not None]
    fill = _Filler(values, patterns)
    out = copy.deepcopy(dict(agreement))
    out["premis"] = [fill(text, Place(premis=i))
                     for i, text in enumerate(agreement.get("premis") or [])]
    pasal_out = []
    for pi, pasal in enumerate(agreement.get("pasal") or []):
        new = dict(pasal)
        new["judul"] = fill(pasal.get("judul"), Place(pasal=pi, heading=True))
        ayat_out = []
        for ai, ayat in enumerate(pasal.get("ayat") or []):
            a = dict(ayat)
            a["teks"] = fill(ayat.get("teks"), Place(pasal=pi, ayat=ai))
            a["butir"] = [{**b, "teks": fill(b.get("teks"), Place(pasal=pi, ayat=ai, butir=bi))}
                          for bi, b in enumerate(ayat.get("butir") or [])]
            ayat_out.append(a)
        new["ayat"] = ayat_out
        pasal_out.append(new)
    out["pasal"] = pasal_out
    return Naskah(out, fill.blanks, fill.unknown, fill.stale)


# ------------------------------------------------------------------ places, as printed
def printed_ayat(pasal: Mapping[str, Any]) -> list[int]:
    """Stored indexes of the ayat the document prints (an empty one is left out)."""
    return [i for i, a in enumerate(pasal.get("ayat") or [])
            if str(a.get("teks") or "").strip() or a.get("butir")]


def printed_butir(ayat: Mapping[str, Any]) -> list[int]:
    return [i for i, b in enumerate(ayat.get("butir") or [])
            if str(b.get("teks") or "").strip()]


def letter(index: int) -> str:
    """a, b, ..., z, then aa, bb, ... as legislative drafting numbers points."""
    return LETTERS[index % 26] * (index // 26 + 1)


def place_name(agreement: Mapping[str, Any], place: Place) -> str:
    """"Pasal 6 ayat (1)", "Pasal 1 ayat (1) huruf a", "Premis huruf b", as printed."""
    if place.premis is not None:
        return t("Premis huruf {huruf}", huruf=letter(place.premis))
    if place.pasal is None:
        return ""
    pasal_list = list(agreement.get("pasal") or [])
    name = t("Pasal {nomor}", nomor=place.pasal + 1)
    if place.heading or place.ayat is None or place.pasal >= len(pasal_list):
        return name + (t(" (judul)") if place.heading else "")
    pasal = pasal_list[place.pasal]
    shown = printed_ayat(pasal)
    if len(shown) > 1 and place.ayat in shown:
        name += t(" ayat ({nomor})", nomor=shown.index(place.ayat) + 1)
    if place.butir is not None:
        ayat = (pasal.get("ayat") or [])[place.ayat]
        points = printed_butir(ayat)
        if place.butir in points:
            name += t(" huruf {huruf}", huruf=letter(points.index(place.butir)))
    return name


def texts(agreement: Mapping[str, Any]) -> Iterator[tuple[Place, str]]:
    """Every premise and article text with its place, in document order."""
    for i, text in enumerate(agreement.get("premis") or []):
        yield Place(premis=i), str(text or "")
    for pi, pasal in enumerate(agreement.get("pasal") or []):
        yield Place(pasal=pi, heading=True), str(pasal.get("judul") or "")
        for ai, ayat in enumerate(pasal.get("ayat") or []):
            yield Place(pasal=pi, ayat=ai), str(ayat.get("teks") or "")
            for bi, b in enumerate(ayat.get("butir") or []):
                yield Place(pasal=pi, ayat=ai, butir=bi), str(b.get("teks") or "")


LAMPIRAN_WORD = re.compile(r"\bLampiran\b")


def lampiran_references(agreement: Mapping[str, Any]) -> list[Place]:
    """Where the text refers to its Lampiran ("... tercantum dalam Lampiran ...")."""
    return [place for place, text in texts(agreement) if LAMPIRAN_WORD.search(text)]
