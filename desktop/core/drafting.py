"""New agreements drafted from what led to them: a KB from a visit, a PKS from a KB.

A draft is the data of an unsaved agreement (the caller shows it in the editor, then
saves it through the services), so nothing is written until a person agrees with it.
The articles come from the office's templates (``desktop.core.agreement_templates``) with
their ``{placeholders}`` kept: they are filled from the agreement's fields each time it is
printed or checked, so a field filled or a party renamed after drafting shows in the
text. The text is the document's, so it is Indonesian whatever the interface language.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from desktop.core.agreement_templates import DRAFTED_TEXTS, template_text
from desktop.core.desk import Desk
from desktop.core.formatting import long_date_id


def _office_party(desk: Desk) -> dict[str, Any]:
    office = desk.office.get() or {}
    region = office.get("region_kode")
    name = _region_name(desk, region)
    return {
        "region_kode": region,
        "nama_instansi": f"Pemerintah {name}" if name else office.get("nama") or "",
        "kedudukan": office.get("alamat"),
        "penandatangan_jabatan": _head_title(name),
        "posisi_ttd": "kiri",
    }


def _region_name(desk: Desk, kode: str | None) -> str:
    if not kode:
        return ""
    match = [r for r in desk.regions(kode) if r["kode"] == kode]
    return match[0]["nama"] if match else ""


def _head_title(region_name: str) -> str:
    """"Kabupaten Karanganyar" -> "Bupati Karanganyar"; kota -> Wali Kota; provinsi -> Gubernur."""
    for prefix, title in (("Kabupaten ", "Bupati "), ("Kota ", "Wali Kota ")):
        if region_name.startswith(prefix):
            return title + region_name[len(prefix):]
    return f"Gubernur {region_name}" if region_name else ""


def _with_template(jenis: str, draft: dict[str, Any]) -> dict[str, Any]:
    text = template_text(jenis)
    draft["pasal"] = text["pasal"]
    draft["premis"] = [*draft.get("premis", []), *text["premis"]]
    return draft


# words an Indonesian title keeps in lower case
_MINOR_WORDS = frozenset({"dan", "atau", "di", "ke", "dari", "dengan", "untuk", "yang", "pada",
                          "dalam", "tentang", "bagi", "serta", "oleh", "antara", "melalui"})


def _topics(topic: str | None) -> list[str]:
    """"Koordinasi aplikasi; data OPD terbuka." -> ["Koordinasi aplikasi", "data OPD terbuka"]."""
    return [part.strip().rstrip(".").strip() for part in re.split(r"[;\n]+", topic or "")
            if part.strip().rstrip(".").strip()]


def _title_case(text: str) -> str:
    """"koordinasi pembuatan aplikasi OPD dengan Diskominfo" ->
    "Koordinasi Pembuatan Aplikasi OPD dengan Diskominfo" (acronyms and names kept)."""
    words = text.split()
    out = []
    for index, word in enumerate(words):
        if word != word.lower() or (index and word in _MINOR_WORDS):
            out.append(word)
        else:
            out.append(word[:1].upper() + word[1:])
    return " ".join(out)


def _in_sentence(text: str) -> str:
    """The first word lower-cased when it only starts a sentence: "Koordinasi pembuatan"
    but not "Surat Pernyataan Miskin", "SPM" or "Bappeda" (names and acronyms)."""
    first, _space, rest = text.partition(" ")
    following = rest.split(" ", 1)[0]
    if (first[:1].isupper() and first[1:] == first[1:].lower()
            and (not following or following[:1].islower())
            and first.lower() not in ("bappeda", "diskominfo")):
        first = first.lower()
    return f"{first} {rest}".strip()


def _join_and(items: list[str]) -> str:
    if len(items) <= 2:
        return " dan ".join(items)
    return ", ".join(items[:-1]) + ", dan " + items[-1]


def kb_from_visit(desk: Desk, visit_id: str) -> dict[str, Any]:
    """A KB between this office's region and the visit's partner region."""
    visit = desk.visits.get(visit_id)
    partner = visit.get("region_kode")
    partner_name = _region_name(desk, partner)
    when = visit["tanggal_mulai"]
    verb = "melakukan kunjungan kerja ke" if visit["arah"] == "masuk" else \
        "menerima kunjungan kerja dari"
    office = (desk.office.get() or {}).get("nama") or "Pemerintah Daerah"
    topics = _topics(visit.get("topik"))
    topic = _join_and([_in_sentence(x) for x in topics]) or "studi tiru"
    premise = (f"bahwa pada tanggal {long_date_id(when)} {visit['instansi']} telah {verb} "
               f"{office} dalam rangka {topic}")
    draft = {
        "jenis": "kb",
        "judul": "Kerja Sama " + (_title_case(topics[0]) if topics
                                  else "Bidang Komunikasi dan Informatika"),
        "status": "persiapan",
        "rangkap": 2,
        "jangka_waktu_tahun": 5,
        "tahun_anggaran_mulai": date.today().year + 1,
        "premis": [premise],
        "pihak": [
            _office_party(desk),
            {"region_kode": partner,
             "nama_instansi": f"Pemerintah {partner_name}" if partner_name
             else visit["instansi"],
             "penandatangan_jabatan": _head_title(partner_name), "posisi_ttd": "kanan"},
        ],
        "lampiran": [{"kegiatan": item["uraian"], "penanggung_jawab":
                      item.get("penanggung_jawab"), "waktu": long_date_id(item.get("tenggat"))}
                     for item in visit.get("tindak_lanjut") or []],
    }
    return _with_template("kb", draft)


def pks_from_kb(desk: Desk, kb_id: str) -> dict[str, Any]:
    """A PKS carrying out the KB: same parties, referring to the KB's numbers and date."""
    kb = desk.agreements.get(kb_id)
    # the KB's numbers, date and title are filled when the PKS is printed, from the KB
    premise = DRAFTED_TEXTS[0]
    parties = [
        {key: p.get(key) for key in ("region_kode", "nama_instansi", "kedudukan", "posisi_ttd")}
        for p in kb["pihak"]
    ]
    draft = {
        "jenis": "pks",
        "induk_id": kb_id,
        "judul": kb["judul"],
        "status": "penyusunan",
        "rangkap": kb.get("rangkap") or 2,
        "meterai": True,
        "sumber_biaya": kb.get("sumber_biaya"),
        "tahun_anggaran_mulai": kb.get("tahun_anggaran_mulai"),
        "premis": [premise],
        "pihak": parties,
    }
    return _with_template("pks", draft)


def new_agreement(desk: Desk, jenis: str = "kb") -> dict[str, Any]:
    """A blank KB or PKS: this office as PIHAK PERTAMA, premises and articles from the
    office's template, so a partnership officer edits a draft instead of a blank page."""
    draft: dict[str, Any] = {
        "jenis": jenis,
        "status": "persiapan" if jenis == "kb" else "penyusunan",
        "rangkap": 2,
        "meterai": jenis == "pks",
        "jangka_waktu_tahun": 5 if jenis == "kb" else 2,
        "tahun_anggaran_mulai": date.today().year + 1,
        "premis": [],
        "pihak": [_office_party(desk), {"posisi_ttd": "kanan"}],
    }
    if jenis == "pks":
        # a PKS carries out a KB: the template's "Kesepakatan Bersama tersebut" needs it
        draft["premis"] = [DRAFTED_TEXTS[0]]
    return _with_template(jenis, draft)
