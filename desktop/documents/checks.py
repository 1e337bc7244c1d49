"""What an agreement still lacks before it is signed: PP 28/2018, Permendagri 22/2020.

The checks read the agreement as data (the dict ``desk.agreements.get`` returns, or a
draft) and say what is missing or doubtful; they never block saving. Minimum contents
are found by the articles' headings, since offices word them a little differently
("Pembiayaan" or "Sumber Biaya", "Keadaan Memaksa" or "Force Majeure").

The text checked is the text printed: template placeholders filled from the record now
(``desktop.documents.naskah``). A finding about the text names its place as printed
("Pasal 6 ayat (1): sumber biaya belum diisi.") and carries it as stored indexes
(``pasal``/``ayat``/``butir`` or ``premis``), so the window can select that article.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from desktop.core.i18n import Label, t
from desktop.core.models.reference import is_autonomous_code
from desktop.documents.naskah import (
    SLOTS,
    Naskah,
    Place,
    lampiran_references,
    place_name,
    printed_ayat,
    resolve,
    texts,
)

ERROR = "error"
WARNING = "warning"
KB_MAX_YEARS = 5
ACTIVE_STATUSES = ("pelaksanaan", "monev")


@dataclass(frozen=True)
class Finding:
    code: str
    message: str
    field: str | None = None
    level: str = ERROR
    # where in the text, as stored indexes (0-based); None when not about one text
    pasal: int | None = None
    ayat: int | None = None
    butir: int | None = None
    premis: int | None = None

    @property
    def in_text(self) -> bool:
        return self.pasal is not None or self.premis is not None


def _at(place: Place) -> dict[str, int | None]:
    return {"pasal": place.pasal, "ayat": place.ayat, "butir": place.butir,
            "premis": place.premis}


Agreement = Mapping[str, Any]


def _norm(text: Any) -> str:
    return re.sub(r"\s+", " ", str(text or "")).strip().lower()


def _headings(agreement: Agreement) -> list[str]:
    return [_norm(p.get("judul")) for p in agreement.get("pasal") or []]


def _has_heading(*keywords: str) -> Callable[[Agreement], bool]:
    """Some article's heading holds one of the keywords."""
    def check(agreement: Agreement) -> bool:
        return any(k in h for h in _headings(agreement) for k in keywords)
    return check


def _all_text(agreement: Agreement) -> str:
    parts: list[str] = [*(agreement.get("premis") or [])]
    for pasal in agreement.get("pasal") or []:
        parts.append(pasal.get("judul") or "")
        for ayat in pasal.get("ayat") or []:
            parts.append(ayat.get("teks") or "")
            parts.extend(b.get("teks") or "" for b in ayat.get("butir") or [])
    return "\n".join(str(p) for p in parts)


def _parties_identified(agreement: Agreement) -> bool:
    pihak = agreement.get("pihak") or []
    return len(pihak) >= 2 and all(
        _norm(p.get("nama_instansi")) and _norm(p.get("kedudukan")) for p in pihak)


def _has_hak_kewajiban(agreement: Agreement) -> bool:
    return any("hak" in h.split() and "kewajiban" in h for h in _headings(agreement))


def _has_tahun_anggaran(agreement: Agreement) -> bool:
    """The text names the first budget year ("mulai Tahun Anggaran 2018")."""
    return re.search(r"tahun anggaran\s+\d{4}", _all_text(agreement), re.IGNORECASE) is not None


def _has_rencana_kerja(agreement: Agreement) -> bool:
    return bool(agreement.get("lampiran")) or _has_heading("rencana kerja")(agreement)


@dataclass(frozen=True)
class Content:
    key: str
    label: Label
    present: Callable[[Agreement], bool]
    field: str = "pasal"


_IDENTITAS = Content("identitas_para_pihak",
                     Label("identitas para pihak"),
                     _parties_identified, "pihak")
_JANGKA = Content("jangka_waktu", Label("jangka waktu"),
                  _has_heading("jangka waktu", "masa berlaku"))

KB_CONTENTS = (
    _IDENTITAS,
    Content("maksud_tujuan", Label("maksud dan tujuan"),
            _has_heading("maksud", "tujuan")),
    Content("objek", Label("objek"), _has_heading("objek", "obyek")),
    Content("ruang_lingkup", Label("ruang lingkup"), _has_heading("ruang lingkup")),
    Content("bentuk_kerja_sama", Label("bentuk kerja sama"),
            _has_heading("bentuk")),
    Content("sumber_biaya", Label("sumber biaya (pasal pembiayaan)"),
            _has_heading("biaya", "pendanaan", "anggaran")),
    Content("tahun_anggaran_mulai", Label("tahun anggaran mulai"),
            _has_tahun_anggaran),
    _JANGKA,
    Content("rencana_kerja", Label("rencana kerja (lampiran)"),
            _has_rencana_kerja, "lampiran"),
)

PKS_CONTENTS = (
    Content("subjek", Label("subjek (identitas para pihak)"),
            _parties_identified, "pihak"),
    Content("objek", Label("objek"), _has_heading("objek", "obyek")),
    Content("ruang_lingkup", Label("ruang lingkup"), _has_heading("ruang lingkup")),
    Content("hak_kewajiban", Label("hak dan kewajiban"),
            _has_hak_kewajiban),
    _JANGKA,
    Content("keadaan_memaksa", Label("keadaan memaksa"),
            _has_heading("keadaan memaksa", "force majeure", "kahar")),
    Content("penyelesaian_perselisihan",
            Label("penyelesaian perselisihan"),
            _has_heading("perselisihan", "sengketa")),
    Content("pengakhiran", Label("pengakhiran"),
            _has_heading("pengakhiran", "berakhirnya", "pemutusan")),
)


def _as_date(value: Any) -> date | None:
    if isinstance(value, date):
        return value
    if isinstance(value, str) and value:
        try:
            return date.fromisoformat(value[:10])
        except ValueError:
            return None
    return None


def _add_years(d: date, years: int) -> date:
    try:
        return d.replace(year=d.year + years)
    except ValueError:  # 29 February
        return d.replace(year=d.year + years, day=28)


def _jenis_name(jenis: str) -> str:
    return {"kb": t("Kesepakatan Bersama"), "pks": t("Perjanjian Kerja Sama")}.get(
        jenis, jenis)


def _minimum_contents(agreement: Agreement) -> list[Finding]:
    jenis = agreement.get("jenis")
    contents = KB_CONTENTS if jenis == "kb" else PKS_CONTENTS if jenis == "pks" else ()
    return [
        Finding(f"isi_minimum.{c.key}",
                t("Isi minimum {jenis} belum ada: {isi}.", jenis=_jenis_name(jenis),
                  isi=str(c.label)),
                c.field)
        for c in contents if not c.present(agreement)
    ]


def _parties(agreement: Agreement) -> list[Finding]:
    pihak = list(agreement.get("pihak") or [])
    found: list[Finding] = []
    if len(pihak) < 2:
        found.append(Finding("pihak_kurang", t("Kerja sama memerlukan paling sedikit dua pihak."),
                             "pihak"))
    for index, p in enumerate(pihak):
        name = str(p.get("nama_instansi") or t("Pihak {nomor}", nomor=index + 1))
        kode = p.get("region_kode")
        if kode and not is_autonomous_code(str(kode)):
            found.append(Finding(
                "pihak_bukan_daerah_otonom",
                t("{pihak}: {kode} bukan daerah otonom; kerja sama daerah hanya antara "
                  "provinsi, kabupaten, atau kota.", pihak=name, kode=kode),
                f"pihak[{index}].region_kode"))
        if not _norm(p.get("penandatangan_nama")) or not _norm(p.get("penandatangan_jabatan")):
            found.append(Finding(
                "penandatangan_kosong",
                t("{pihak}: nama dan jabatan penandatangan harus diisi.", pihak=name),
                f"pihak[{index}].penandatangan_nama"))
        if not _norm(p.get("nomor_naskah")):
            found.append(Finding(
                "nomor_kosong", t("{pihak}: nomor naskah belum diisi.", pihak=name),
                f"pihak[{index}].nomor_naskah", WARNING))
    return found


def _dates(agreement: Agreement, parent: Agreement | None, today: date) -> list[Finding]:
    found: list[Finding] = []
    start = _as_date(agreement.get("berlaku_mulai"))
    end = _as_date(agreement.get("berlaku_sampai"))
    if start and end and end < start:
        found.append(Finding("berakhir_sebelum_mulai",
                             t("Tanggal berakhir sebelum tanggal mulai berlaku."),
                             "berlaku_sampai"))
    years = agreement.get("jangka_waktu_tahun")
    if agreement.get("jenis") == "kb":
        longer = isinstance(years, int) and years > KB_MAX_YEARS
        if start and end and end >= _add_years(start, KB_MAX_YEARS):
            longer = True
        if longer:
            found.append(Finding(
                "kb_lebih_lima_tahun",
                t("Jangka waktu Kesepakatan Bersama lebih dari {tahun} tahun; periksa "
                  "ketentuan yang berlaku.", tahun=KB_MAX_YEARS),
                "jangka_waktu_tahun", WARNING))
    if not agreement.get("tanggal_ttd"):
        found.append(Finding("tanggal_ttd_kosong",
                             t("Tanggal penandatanganan belum diisi; hari dan tanggal pembukaan "
                               "naskah masih kosong."), "tanggal_ttd", WARNING))
    if (end and end < today and agreement.get("status") in ACTIVE_STATUSES):
        found.append(Finding("masa_berlaku_habis",
                             t("Masa berlaku sudah habis, tetapi status masih berjalan."),
                             "status", WARNING))
    if parent is not None:
        parent_end = _as_date(parent.get("berlaku_sampai"))
        if end and parent_end and end > parent_end:
            found.append(Finding("pks_melewati_kb",
                                 t("Perjanjian Kerja Sama berlaku melewati masa berlaku "
                                   "Kesepakatan Bersama induknya."), "berlaku_sampai", WARNING))
    return found


def _pks_parent(agreement: Agreement, parent: Agreement | None) -> list[Finding]:
    if agreement.get("jenis") != "pks":
        return []
    if not agreement.get("induk_id") and parent is None:
        return [Finding("pks_tanpa_kb",
                        t("Perjanjian Kerja Sama belum dikaitkan dengan Kesepakatan Bersama "
                          "induknya."), "induk_id")]
    if parent is not None and parent.get("jenis") != "kb":
        return [Finding("induk_bukan_kb", t("Induk sebuah PKS harus Kesepakatan Bersama (KB)."),
                        "induk_id")]
    return []


_PARENT_SLOTS = ("nomor_kb", "tanggal_kb", "judul_kb")


def _blanks(naskah: Naskah, parent_loaded: bool = True) -> list[Finding]:
    """Every "...." the document still prints in its text, and every unknown ``{code}``.

    ``parent_loaded`` False: the PKS names its KB but the caller did not pass it, so its
    number and date are not known here rather than missing."""
    text = naskah.agreement
    found: list[Finding] = []
    for blank in naskah.blanks:
        if not parent_loaded and blank.slot in _PARENT_SLOTS:
            continue
        where = place_name(text, blank.place)
        if blank.slot in SLOTS:
            label, field_name = SLOTS[blank.slot]
            message = t("{tempat}: {isian} belum diisi.", tempat=where, isian=str(label))
        else:
            field_name = "premis" if blank.place.premis is not None else "pasal"
            message = t("{tempat}: masih memuat isian kosong (\"....\").", tempat=where)
        found.append(Finding("isian_kosong", message, field_name, WARNING, **_at(blank.place)))
    for place, code in naskah.unknown:
        found.append(Finding(
            "kode_isian_tidak_dikenal",
            t("{tempat}: kode isian {kode} tidak dikenal; periksa ejaannya.",
              tempat=place_name(text, place), kode="{" + code + "}"),
            "premis" if place.premis is not None else "pasal", WARNING, **_at(place)))
    for stale in naskah.stale:
        found.append(Finding(
            "isian_usang",
            t("{tempat}: tertulis \"{tertulis}\", sedangkan {isian} kini \"{kini}\".",
              tempat=place_name(text, stale.place), tertulis=stale.written,
              isian=str(SLOTS[stale.slot][0]), kini=stale.current),
            SLOTS[stale.slot][1], WARNING, **_at(stale.place)))
    return found


_TAHUN_ANGGARAN = re.compile(r"\bTahun Anggaran\s+(\d{4})\b", re.IGNORECASE)
_JANGKA = re.compile(r"\b(?:jangka waktu|selama)\s+(\d{1,2})\s+\([a-z ]+\)\s+tahun\b",
                     re.IGNORECASE)


def _agrees_with_record(naskah: Naskah) -> list[Finding]:
    """Figures written into the text that the record now contradicts: "mulai Tahun
    Anggaran 2017" when the first budget year is 2021, "5 (lima) tahun" for a 3-year
    agreement (text typed, or frozen by an older version, before the field changed)."""
    text = naskah.agreement
    found: list[Finding] = []
    year = text.get("tahun_anggaran_mulai")
    years = text.get("jangka_waktu_tahun")
    for place, sentence in texts(text):
        checks = []
        if isinstance(year, int) and not isinstance(year, bool):
            checks += [("tahun_anggaran_mulai", f"Tahun Anggaran {m}", f"Tahun Anggaran {year}")
                       for m in _TAHUN_ANGGARAN.findall(sentence) if int(m) != year]
        if isinstance(years, int) and not isinstance(years, bool) and years > 0:
            checks += [("jangka_waktu", f"{m} tahun", f"{years} tahun")
                       for m in _JANGKA.findall(sentence) if int(m) != years]
        for slot, written, current in checks:
            label, field_name = SLOTS[slot]
            found.append(Finding(
                "isian_usang",
                t("{tempat}: tertulis \"{tertulis}\", sedangkan {isian} kini \"{kini}\".",
                  tempat=place_name(text, place), tertulis=written, isian=str(label),
                  kini=current),
                field_name, WARNING, **_at(place)))
    return found


# "sebagaimana dimaksud pada ayat (2)": an ayat of the same article; "dalam Pasal 7 ayat
# (1)": an article of this document, unless a law is named right after it
_AYAT_REF = re.compile(r"(?<!\d )\bayat\s+\((\d+)\)")
_PASAL_REF = re.compile(
    r"\b(?:dimaksud|tersebut|tercantum|diatur)\s+(?:dalam|pada|di)\s+Pasal\s+(\d+)"
    r"(?:\s+ayat\s+\((\d+)\))?(?!\s+(?:huruf\s+\w+\s+)?(?:Undang|Peraturan|UU|PP\b|Perpres"
    r"|Permen|Keputusan|Kitab))")


def _references(naskah: Naskah) -> list[Finding]:
    """The document never refers to something it does not contain: a Lampiran with no
    rencana kerja, an ayat its article does not have, an article beyond the last one."""
    text = naskah.agreement
    pasal_list = list(text.get("pasal") or [])
    found: list[Finding] = []
    has_rows = any(any(str(v or "").strip() for k, v in row.items() if k != "id")
                   for row in text.get("lampiran") or [])
    if not has_rows:
        for place in lampiran_references(text):
            found.append(Finding(
                "rujukan_lampiran",
                t("{tempat}: merujuk Lampiran, tetapi rencana kerja (lampiran) belum diisi.",
                  tempat=place_name(text, place)),
                "lampiran", ERROR, **_at(place)))
    for place, sentence in texts(text):
        if place.pasal is None or place.heading:
            continue
        own = len(printed_ayat(pasal_list[place.pasal]))
        outside = _PASAL_REF.findall(sentence)
        for match in _AYAT_REF.finditer(sentence):
            before = sentence[:match.start()]
            if re.search(r"Pasal\s+\d+\s*$", before):
                continue  # "Pasal 7 ayat (1)": checked with the article below
            number = int(match.group(1))
            if own < 2 or number > own:
                found.append(Finding(
                    "rujukan_ayat",
                    t("{tempat}: merujuk ayat ({nomor}), tetapi pasal ini tidak memiliki ayat "
                      "tersebut.", tempat=place_name(text, place), nomor=number),
                    "pasal", ERROR, **_at(place)))
        for pasal_no, ayat_no in outside:
            target = int(pasal_no)
            missing = target < 1 or target > len(pasal_list)
            if not missing and ayat_no:
                count = len(printed_ayat(pasal_list[target - 1]))
                missing = count < 2 or int(ayat_no) > count
            if missing:
                ref = f"Pasal {target}" + (f" ayat ({ayat_no})" if ayat_no else "")
                found.append(Finding(
                    "rujukan_pasal",
                    t("{tempat}: merujuk {rujukan}, yang tidak ada dalam naskah ini.",
                      tempat=place_name(text, place), rujukan=ref),
                    "pasal", ERROR, **_at(place)))
    return found


def check_agreement(agreement: Mapping[str, Any], parent: Mapping[str, Any] | None = None,
                    today: date | None = None) -> list[Finding]:
    """Every finding about ``agreement`` (``parent``: its KB, for a PKS); empty when sound.

    Read on the text as printed, so a placeholder filled from a field counts as written.
    """
    today = today or date.today()
    naskah = resolve(agreement, parent)
    printed = naskah.agreement
    return [
        *_parties(printed),
        *_pks_parent(printed, parent),
        *_minimum_contents(printed),
        *_dates(printed, parent, today),
        *_blanks(naskah, parent is not None or not agreement.get("induk_id")),
        *_agrees_with_record(naskah),
        *_references(naskah),
    ]
