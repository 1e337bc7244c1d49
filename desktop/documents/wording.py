"""The words of a KB or PKS, apart from how a file lays them out.

The PDF (``desktop.documents.pdf``) and the Word file (``desktop.documents.docx_writer``)
print the same document; so every sentence, label and number they print comes from here,
and a layout only decides fonts, indents and tables. Text is plain (no markup, nothing
escaped); where a sentence has bold words it is a list of runs ``(text, bold)``. The
agreement given is the resolved one (``desktop.documents.naskah.resolve``), so the text
follows the record.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from desktop.core.names import name_in_capitals
from desktop.documents.naskah import lampiran_references
from desktop.documents.tanggal import kalimat_tanggal, tanggal_panjang
from desktop.documents.terbilang import jumlah

BLANK = "...."
NBSP = "\u00a0"
METERAI_TEXT = "Meterai Rp10.000"
ORDINALS = ("PERTAMA", "KEDUA", "KETIGA", "KEEMPAT", "KELIMA", "KEENAM", "KETUJUH",
            "KEDELAPAN", "KESEMBILAN", "KESEPULUH")
ROMAN = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X")
DOCUMENT_NAMES = {"kb": "Kesepakatan Bersama", "pks": "Perjanjian Kerja Sama",
                  "addendum": "Adendum"}
# paper the office may choose (settings PAGE_SIZE), width x height in millimetres
PAPER_MM = {"A4": (210.0, 297.0), "F4": (215.0, 330.0)}
LAMPIRAN_COLUMNS = ("No", "Kegiatan", "Penanggung Jawab", "Waktu", "Keterangan")
LAMPIRAN_KEYS = ("kegiatan", "penanggung_jawab", "waktu", "keterangan")

Run = tuple[str, bool]  # (text, bold)


# ------------------------------------------------------------------ small helpers
def value(text: Any) -> str:
    """The field as printed: stripped, or the visible blank a person fills by hand."""
    out = "" if text is None else str(text).strip()
    return out or BLANK


def upper(text: Any) -> str:
    return value(text).upper()


def person(text: Any) -> str:
    """A signatory in the house style: "Hj. RATNA KUSUMAWATI, S.E., M.Si."."""
    out = "" if text is None else str(text).strip()
    return name_in_capitals(out) if out else BLANK


def pihak_label(index: int, nbsp: bool = False) -> str:
    """0 -> "PIHAK PERTAMA" (with a no-break space where a line must not split it)."""
    word = ORDINALS[index] if index < len(ORDINALS) else f"KE-{index + 1}"
    return f"PIHAK{NBSP if nbsp else ' '}{word}"


def roman(index: int) -> str:
    return ROMAN[index] if index < len(ROMAN) else str(index + 1)


def letter(index: int) -> str:
    """a, b, ..., z, then aa, bb, ... as legislative drafting numbers points."""
    char = chr(ord("a") + index % 26)
    return char * (index // 26 + 1)


def join_and(items: Sequence[str]) -> str:
    if len(items) <= 1:
        return "".join(items)
    if len(items) == 2:
        return f"{items[0]} dan {items[1]}"
    return ", ".join(items[:-1]) + f", dan {items[-1]}"


def ends(text: str, mark: str) -> str:
    """The text with its final punctuation replaced by ``mark``."""
    return re.sub(r"[\s;,.:]+$", "", text) + mark


_HEAD_OF_REGION = (("Kabupaten", "Bupati"), ("Kota", "Wali Kota"), ("Provinsi", "Gubernur"))


def region_of(name: str) -> tuple[str, str] | None:
    """"Dinas ... Kabupaten Banyuwangi" -> ("Kabupaten Banyuwangi", "Bupati Banyuwangi")."""
    for prefix, head in _HEAD_OF_REGION:
        match = re.search(rf"\b{prefix}\s+(.+)$", name)
        if match:
            return f"{prefix} {match.group(1)}", f"{head} {match.group(1)}"
    return None


def page_label(page: int | str, total: int | str) -> str:
    """The footer: "Halaman 2 dari 7" (a layout may put field codes in place of numbers)."""
    return f"Halaman {page} dari {total}"


def copy_label(index: int) -> str:
    return f"Naskah asli untuk {pihak_label(index)}"


# ------------------------------------------------------------------ the document
@dataclass
class Ayat:
    label: str | None          # "(2)", or None in an article of one paragraph
    text: str
    butir: list[tuple[str, str]] = field(default_factory=list)  # ("a.", text)


@dataclass
class Article:
    heading: str               # "Pasal 3"
    title: str                 # "RUANG LINGKUP"
    ayat: list[Ayat]


@dataclass
class Signature:
    pihak: str                 # "PIHAK PERTAMA,"
    jabatan: str               # "BUPATI BANYUWANGI,"
    nama: str                  # as the house style prints it
    extra: list[str]           # pangkat, "NIP. ..."


class Wording:
    """Every text of one agreement, in the order and form the document prints it."""

    def __init__(self, agreement: Mapping[str, Any], title_case_opening: bool = False) -> None:
        self.a = agreement
        self.pihak: list[Mapping[str, Any]] = list(agreement.get("pihak") or [])
        self.jenis = str(agreement.get("jenis") or "kb")
        self.doc_name = DOCUMENT_NAMES.get(self.jenis, "Kesepakatan Bersama")
        self.title_case_opening = title_case_opening

    def meterai(self, override: bool | None) -> bool:
        return bool(self.a.get("meterai")) if override is None else override

    # -- title block
    def title_lines(self) -> list[str]:
        lines = [self.doc_name.upper(), "ANTARA"]
        names = [upper(p.get("nama_instansi")) for p in self.pihak] or [BLANK, BLANK]
        for index, name in enumerate(names):
            if index == len(names) - 1 and index > 0:
                lines.append("DAN")
            lines.append(name + ("," if len(names) > 2 and index < len(names) - 2 else ""))
        lines += ["TENTANG", upper(self.a.get("judul"))]
        return lines

    def nomor_lines(self) -> list[str]:
        return [f"NOMOR : {value(p.get('nomor_naskah'))}" for p in self.pihak or [{}]]

    # -- opening and komparisi
    def opening(self) -> str:
        signed = self.a.get("tanggal_ttd")
        title_case = self.title_case_opening
        if signed:
            words = kalimat_tanggal(signed, title_case=title_case)
            # "hari Kamis tanggal ..." -> "hari ini Kamis tanggal ..."
            day, rest = words.split(" ", 1)
            when = f"{day} {'Ini' if title_case else 'ini'} {rest}"
        else:
            when = f"hari ini {BLANK} tanggal {BLANK} bulan {BLANK} tahun {BLANK} ({BLANK})"
            if title_case:
                when = "Hari Ini .... Tanggal .... Bulan .... Tahun .... (....)"
        return (f"Pada {when}, bertempat di {value(self.a.get('tempat_ttd'))}, "
                f"kami yang bertanda tangan di bawah ini:")

    @staticmethod
    def acting_for(p: Mapping[str, Any]) -> str:
        name = value(p.get("nama_instansi"))
        kuasa = str(p.get("surat_kuasa_nomor") or "").strip()
        if not kuasa:
            return f"dalam hal ini bertindak dalam jabatannya untuk dan atas nama {name}"
        region = region_of(name)
        pemda, grantor = (f"Pemerintah {region[0]}", region[1]) if region else (name, "")
        when = tanggal_panjang(p.get("surat_kuasa_tanggal")) or BLANK
        kuasa_of = f"Surat Kuasa {grantor}" if grantor else "Surat Kuasa"
        return (f"dalam hal ini bertindak untuk dan atas nama {pemda} berdasarkan "
                f"{kuasa_of} Nomor {kuasa} tanggal {when}")

    def komparisi(self, index: int) -> list[Run]:
        """The description of party ``index`` after its name: "..., selanjutnya disebut
        PIHAK PERTAMA;" (a full stop after the last party)."""
        p = self.pihak[index]
        last = index == len(self.pihak) - 1
        return [(f"{value(p.get('penandatangan_jabatan'))}, berkedudukan di "
                 f"{value(p.get('kedudukan'))}, {self.acting_for(p)}, selanjutnya disebut ",
                 False),
                (pihak_label(index), True), ("." if last else ";", False)]

    def para_pihak(self) -> list[Run]:
        """"PIHAK PERTAMA dan PIHAK KEDUA secara bersama-sama disebut PARA PIHAK."."""
        labels = [pihak_label(i) for i in range(max(len(self.pihak), 2))]
        runs: list[Run] = []
        for index, label in enumerate(labels):
            if index:
                if len(labels) == 2:
                    runs.append((" dan ", False))
                else:
                    runs.append((", dan " if index == len(labels) - 1 else ", ", False))
            runs.append((label, True))
        return [*runs, (" secara bersama-sama disebut ", False), ("PARA PIHAK", True),
                (".", False)]

    # -- premises
    def premis(self) -> list[str]:
        """The considerations, each ending in ";" (lettered a., b., ... by the layout)."""
        items = [str(p).strip() for p in self.a.get("premis") or [] if str(p).strip()]
        return [ends(text, ";") for text in items]

    def premis_intro(self) -> list[Run]:
        return [(f"PARA{NBSP}PIHAK", True),
                (" terlebih dahulu menerangkan hal-hal sebagai berikut:", False)]

    def agreed(self) -> list[Run]:
        judul = value(self.a.get("judul"))
        tail = (f" sepakat untuk mengadakan {self.doc_name} tentang {judul}, dengan "
                f"ketentuan sebagai berikut:")
        if self.premis():
            return [("Berdasarkan pertimbangan sebagaimana tersebut di atas, ", False),
                    (f"PARA{NBSP}PIHAK", True), (tail, False)]
        return [(f"PARA{NBSP}PIHAK", True), (tail, False)]

    # -- articles
    def articles(self) -> list[Article]:
        return [self.article(n, p) for n, p in enumerate(self.a.get("pasal") or [], start=1)]

    @staticmethod
    def article(number: int, pasal: Mapping[str, Any]) -> Article:
        ayat = [a for a in pasal.get("ayat") or [] if str(a.get("teks") or "").strip()
                or a.get("butir")]
        numbered = len(ayat) > 1  # an article of one paragraph has no "(1)"
        out = []
        for index, a in enumerate(ayat):
            butir = [str(b.get("teks")).strip() for b in a.get("butir") or []
                     if str(b.get("teks") or "").strip()]
            out.append(Ayat(f"({index + 1})" if numbered else None,
                            str(a.get("teks") or "").strip(),
                            [(f"{letter(i)}.", text) for i, text in enumerate(butir)]))
        return Article(f"Pasal {number}", upper(pasal.get("judul")), out)

    # -- closing and signatures
    def closing(self, meterai: bool) -> str:
        copies = self.a.get("rangkap")
        try:
            copies_text = jumlah(int(copies)) if copies else BLANK
        except (TypeError, ValueError):
            copies_text = BLANK
        tail = ("masing-masing bermeterai cukup dan mempunyai kekuatan hukum yang sama"
                if meterai else "yang masing-masing mempunyai kekuatan hukum yang sama")
        return (f"Demikian {self.doc_name} ini dibuat dan ditandatangani pada hari, tanggal, "
                f"bulan, dan tahun sebagaimana tersebut di atas dalam rangkap {copies_text} "
                f"asli, {tail}.")

    def sides(self) -> list[tuple[int | None, int | None]]:
        """Party indexes in rows of (left, right), as each party's posisi_ttd says."""
        left, right, free = [], [], []
        for index, p in enumerate(self.pihak):
            side = p.get("posisi_ttd")
            (left if side == "kiri" else right if side == "kanan" else free).append(index)
        for index in free:
            (left if len(left) <= len(right) else right).append(index)
        return [(left[row] if row < len(left) else None,
                 right[row] if row < len(right) else None)
                for row in range(max(len(left), len(right)))]

    def meterai_for(self, meterai: bool, copy: int | None) -> set[int]:
        """Who signs over a meterai: everyone, or on one party's original the others."""
        if not meterai:
            return set()
        return {i for i in range(len(self.pihak)) if copy is None or i != copy}

    def signature(self, index: int) -> Signature:
        p = self.pihak[index]
        extra = []
        if str(p.get("penandatangan_pangkat") or "").strip():
            extra.append(str(p["penandatangan_pangkat"]).strip())
        if str(p.get("penandatangan_nip") or "").strip():
            extra.append("NIP. " + str(p["penandatangan_nip"]).strip())
        return Signature(f"{pihak_label(index)},", upper(p.get("penandatangan_jabatan")) + ",",
                         person(p.get("penandatangan_nama")), extra)

    # -- lampiran
    def lampiran_rows(self, enabled: bool = True) -> list[dict[str, Any]] | None:
        """The rencana kerja's rows, or None when no Lampiran is printed. It is printed
        when there is one or an article refers to it: a document never points at a
        Lampiran it does not contain (an empty one prints visible blanks)."""
        rows = [dict(r) for r in self.a.get("lampiran") or []
                if any(str(v or "").strip() for k, v in r.items() if k != "id")]
        if not enabled or not (rows or lampiran_references(self.a)):
            return None
        return rows or [{"kegiatan": BLANK, "penanggung_jawab": BLANK, "waktu": BLANK}]

    def lampiran_titles(self) -> tuple[list[str], list[str], str]:
        """(bold lines above the numbers, NOMOR lines, the "TENTANG ..." line)."""
        names = [upper(p.get("nama_instansi")) for p in self.pihak]
        head = ["LAMPIRAN",
                f"{self.doc_name.upper()} ANTARA {join_and(names).replace(' dan ', ' DAN ')}"]
        nomor = [f"NOMOR : {value(p.get('nomor_naskah'))}" for p in self.pihak]
        return head, nomor, f"TENTANG {upper(self.a.get('judul'))}"

    @staticmethod
    def lampiran_cells(rows: Sequence[Mapping[str, Any]]) -> list[list[str]]:
        return [[f"{index}."] + [str(row.get(key) or "").strip() for key in LAMPIRAN_KEYS]
                for index, row in enumerate(rows, start=1)]
