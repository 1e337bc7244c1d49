"""Kerja Sama: KB (MoU), PKS and addenda, with their structured text."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.core.choices import JENIS_KERJA_SAMA, POSISI_TTD, STATUS_KERJA_SAMA
from desktop.core.fields import Collection, Field, FieldType
from desktop.core.i18n import Label, t
from desktop.core.kinds.base import ListColumn, RecordKind, words
from desktop.core.models import AyatPasal, ButirAyat, LampiranBaris, PasalKerjaSama, PihakKerjaSama
from desktop.core.models import KerjaSama as M
from desktop.core.models.reference import is_autonomous_code
from desktop.core.validation import Errors, add_error, check_date_order

FIELDS = (
    Field("jenis", Label("Jenis"), FieldType.CHOICE, required=True,
          choices=JENIS_KERJA_SAMA, default="kb"),
    Field("induk_id", Label("Kesepakatan Bersama induk"), FieldType.REF,
          ref="agreements"),
    Field("judul", Label("Judul (tentang)"), required=True,
          max_length=500),
    Field("tempat_ttd", Label("Tempat penandatanganan")),
    Field("tanggal_ttd", Label("Tanggal penandatanganan"), FieldType.DATE),
    Field("berlaku_mulai", Label("Berlaku mulai"), FieldType.DATE),
    Field("berlaku_sampai", Label("Berlaku sampai"), FieldType.DATE),
    Field("jangka_waktu_tahun", Label("Jangka waktu (tahun)"),
          FieldType.INT, minimum=1, maximum=50),
    Field("sumber_biaya", Label("Sumber biaya"), FieldType.LONGTEXT,
          max_length=2000),
    Field("tahun_anggaran_mulai", Label("Tahun anggaran mulai"),
          FieldType.YEAR),
    Field("perlu_persetujuan_dprd", Label("Perlu persetujuan DPRD"),
          FieldType.BOOL, default=False),
    Field("meterai", Label("Bermeterai"), FieldType.BOOL,
          default=False),
    Field("rangkap", Label("Rangkap (jumlah asli)"), FieldType.INT,
          required=True, minimum=1, maximum=20, default=2),
    Field("status", Label("Status"), FieldType.CHOICE, required=True,
          choices=STATUS_KERJA_SAMA, default="persiapan"),
    Field("premis", Label("Premis (bahwa ...)"), FieldType.TEXTLIST),
    Field("catatan", Label("Catatan"), FieldType.LONGTEXT),
)

PIHAK = Collection(
    name="pihak",
    label=Label("Para pihak"),
    model=PihakKerjaSama,
    parent_key="kerjasama_id",
    fields=(
        Field("region_kode", Label("Daerah"), FieldType.REGION),
        Field("nama_instansi", Label("Nama pihak"), required=True),
        Field("kedudukan", Label("Berkedudukan di"), max_length=300),
        Field("nomor_naskah", Label("Nomor naskah"), max_length=120),
        Field("penandatangan_nama", Label("Nama penandatangan"), max_length=120),
        Field("penandatangan_jabatan", Label("Jabatan penandatangan")),
        Field("penandatangan_pangkat", Label("Pangkat/golongan"),
              max_length=120),
        Field("penandatangan_nip", Label("NIP penandatangan"), FieldType.NIP),
        Field("surat_kuasa_nomor", Label("Nomor surat kuasa"),
              max_length=120),
        Field("surat_kuasa_tanggal", Label("Tanggal surat kuasa"),
              FieldType.DATE),
        Field("posisi_ttd", Label("Posisi tanda tangan"), FieldType.CHOICE,
              choices=POSISI_TTD),
    ),
)

BUTIR = Collection(
    name="butir",
    label=Label("Butir"),
    model=ButirAyat,
    parent_key="ayat_id",
    fields=(Field("teks", Label("Teks"), FieldType.LONGTEXT, required=True),),
)

AYAT = Collection(
    name="ayat",
    label=Label("Ayat"),
    model=AyatPasal,
    parent_key="pasal_id",
    fields=(Field("teks", Label("Teks"), FieldType.LONGTEXT, required=True),),
    children=(BUTIR,),
)

PASAL = Collection(
    name="pasal",
    label=Label("Pasal"),
    model=PasalKerjaSama,
    parent_key="kerjasama_id",
    fields=(Field("judul", Label("Judul pasal"), required=True),),
    children=(AYAT,),
)

LAMPIRAN = Collection(
    name="lampiran",
    label=Label("Lampiran rencana kerja"),
    model=LampiranBaris,
    parent_key="kerjasama_id",
    fields=(
        Field("kegiatan", Label("Kegiatan"), FieldType.LONGTEXT, required=True,
              max_length=2000),
        Field("penanggung_jawab", Label("Penanggung jawab")),
        Field("waktu", Label("Waktu"), max_length=120),
        Field("keterangan", Label("Keterangan", context="kerja sama"), FieldType.LONGTEXT,
              max_length=2000),
    ),
)


def validity_in_order(_s: Session, values: dict[str, Any], errors: Errors, _r: Any) -> None:
    check_date_order(errors, values, "berlaku_mulai", "berlaku_sampai")


def parties_are_autonomous(_s: Session, values: dict[str, Any], errors: Errors, _r: Any) -> None:
    """PP 28/2018: a party to a cooperation between regions is a provinsi, kabupaten or kota."""
    for index, pihak in enumerate(values.get("pihak") or []):
        kode = pihak.get("region_kode")
        if kode and not is_autonomous_code(kode):
            add_error(
                errors, f"pihak[{index}].region_kode",
                t("{kode} bukan daerah otonom; kabupaten/kota administrasi DKI Jakarta "
                  "tidak dapat menjadi pihak kerja sama daerah.", kode=kode),
            )


def parent_is_kb(session: Session, values: dict[str, Any], errors: Errors, record: Any) -> None:
    induk_id = values.get("induk_id")
    if not induk_id:
        return
    if record is not None and induk_id == record.id:
        add_error(errors, "induk_id", t("Kerja sama tidak dapat menjadi induk dirinya sendiri."))
        return
    jenis = session.scalar(select(M.jenis).where(M.id == induk_id))
    if values.get("jenis") == "pks" and jenis is not None and jenis != "kb":
        add_error(errors, "induk_id", t("Induk sebuah PKS harus Kesepakatan Bersama (KB)."))


def _party_names():  # type: ignore[no-untyped-def]
    from sqlalchemy import func

    return (
        select(func.min(PihakKerjaSama.nama_instansi))
        .where(PihakKerjaSama.kerjasama_id == M.id, PihakKerjaSama.urutan > 0)
        .scalar_subquery()
    )


KIND = RecordKind(
    name="agreements",
    aliases=("kerjasama", "agreement"),
    label=Label("Kerja Sama"),
    plural=Label("Kerja Sama", context="plural"),
    model=M,
    fields=FIELDS,
    collections=(PIHAK, PASAL, LAMPIRAN),
    columns=(
        ListColumn("jenis", Label("Jenis"), lambda: M.jenis, JENIS_KERJA_SAMA),
        ListColumn("judul", Label("Tentang"), lambda: M.judul),
        ListColumn("mitra", Label("Mitra"), _party_names),
        ListColumn("tanggal_ttd", Label("Ditandatangani"), lambda: M.tanggal_ttd),
        ListColumn("berlaku_sampai", Label("Berlaku sampai"),
                   lambda: M.berlaku_sampai),
        ListColumn("status", Label("Status"), lambda: M.status, STATUS_KERJA_SAMA),
    ),
    title=lambda r: words(JENIS_KERJA_SAMA.label(r.jenis).split(" (")[0], r.judul),
    subtitle=lambda r: " – ".join(p.nama_instansi for p in r.pihak),
    search_text=lambda r: words(
        r.judul, JENIS_KERJA_SAMA.label(r.jenis), r.tempat_ttd,
        " ".join(words(p.nama_instansi, p.region.nama if p.region else None, p.nomor_naskah,
                       p.penandatangan_nama) for p in r.pihak),
        " ".join(r.premis or []),
    ),
    rules=(validity_in_order, parties_are_autonomous, parent_is_kb),
    default_sort=("-tanggal_ttd",),
    filters={
        # "berakhir_dalam=90": still valid today and ending within 90 days
        "berakhir_dalam": lambda v: M.berlaku_sampai.between(
            date.today(), date.today() + timedelta(days=int(v))
        ),
    },
)
