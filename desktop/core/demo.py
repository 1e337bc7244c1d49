"""Demo data: a realistic register for a Banyuwangi-like office (region 35.10).

The records themselves are data files, ``resources/demo/{register,visits,agreements}.json``;
this module combines them (links between kinds, dates relative to today, seeded names).
Everything goes in through the record services, in one transaction, so the demo obeys
the same rules as a clerk's typing (validation, audit, search index). Names of officials
are fictional; the Karanganyar study visit of 20 April 2017 and the KB and PKS that
followed it are modelled on the public account of that visit.
"""

from __future__ import annotations

import json
import random
import re
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from desktop.core.desk import Desk
from desktop.core.errors import DeskError
from desktop.core.i18n import t, tn
from desktop.core.resources import resource_path


@dataclass
class DemoSummary:
    opd: int
    apps: int
    datasets: int
    visits: int
    agreements: int
    deployments: int


def _dates(value: Any) -> Any:
    """JSON has no dates: every ``YYYY-MM-DD`` string in the demo files is a date."""
    if isinstance(value, dict):
        return {key: _dates(item) for key, item in value.items() if key != "_comment"}
    if isinstance(value, list):
        return [_dates(item) for item in value]
    if isinstance(value, str) and _ISO_DATE.fullmatch(value):
        return date.fromisoformat(value)
    return value


_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def demo_data(name: str) -> dict[str, Any]:
    """One of the demo's data files (``resources/demo/<name>.json``), a fresh copy each call.

    The register, visits and agreements are data an office could read and correct without
    reading Python; only how they are combined (links, dates relative to today, the seeded
    names) is code."""
    with resource_path("demo", f"{name}.json").open(encoding="utf-8") as file:
        return _dates(json.load(file))


class _People:
    """Fictional names and NIPs, repeatable for the same seed."""

    def __init__(self, rnd: random.Random, first: list[str], last: list[str]) -> None:
        self.rnd = rnd
        self.serial = 0
        self.first = first
        self.last = last

    def name(self) -> str:
        return f"{self.rnd.choice(self.first)} {self.rnd.choice(self.last)}"

    def nip(self) -> str:
        self.serial += 1
        born = date(1968, 1, 1) + timedelta(days=self.rnd.randrange(9000))
        hired = date(1995, 1, 1) + timedelta(days=self.rnd.randrange(8000))
        sex = self.rnd.choice("12")
        return f"{born:%Y%m%d}{hired:%Y%m}{sex}{self.serial % 1000:03d}"


@dataclass(frozen=True)
class DemoTarget:
    """What the demo would overwrite or mix with: asked about before loading it."""

    office: str | None  # the office profile's name, replaced by the demo's Banyuwangi one
    records: int  # live records of every kind (the demo's OPD codes would clash with them)

    @property
    def empty(self) -> bool:
        return self.office is None and self.records == 0


class DemoRefused(DeskError):
    """The database is not empty and the caller did not say to go on anyway."""


def demo_target(desk: Desk) -> DemoTarget:
    office = desk.office.get()
    records = sum(service.count() for service in desk.services.values())
    return DemoTarget(office=str(office["nama"]) if office else None, records=records)


def describe_target(target: DemoTarget) -> str:
    """What is already in the database, in one sentence part ("profil kantor “X”")."""
    parts = []
    if target.office is not None:
        parts.append(t("profil kantor “{nama}”", nama=target.office))
    if target.records:
        parts.append(tn("{n} data", target.records, n=target.records))
    return t(" dan ").join(parts)


def load_demo(desk: Desk, *, today: date | None = None,
              replace_office: bool = False) -> DemoSummary:
    """Fill an empty database, writing nothing otherwise.

    Records of any kind refuse it always: demo OPDs, datasets and agreements mixed into a
    real register could not be told apart from real ones. An office profile alone is
    replaced only with ``replace_office`` (the window asked the user, or the CLI was given
    ``--force``): the profile heads every printed KB and report, so it is never lost
    silently."""
    today = today or date.today()
    target = demo_target(desk)
    if target.records:
        raise DeskError(t("Basis data sudah berisi data; data contoh hanya dapat dimuat ke "
                          "basis data kosong."))
    if target.office is not None and not replace_office:
        raise DemoRefused(t("Basis data sudah berisi {what}; data contoh akan menggantinya.",
                            what=describe_target(target)))
    register = demo_data("register")
    visits = demo_data("visits")
    domain = register["domain"]
    rnd = random.Random(2017)
    people = _People(rnd, register["first_names"], register["last_names"])
    office = register["office"]
    desk.office.save({
        "region_kode": office["region_kode"], "nama": office["nama"],
        "alamat": office["alamat"], "telepon": office["telepon"],
        "email": f"diskominfo@{domain}", "website": f"https://diskominfo.{domain}",
        "kepala_nama": office["kepala_nama"], "kepala_jabatan": office["kepala_jabatan"],
        "kepala_pangkat": office["kepala_pangkat"], "kepala_nip": people.nip(),
    })
    counts = DemoSummary(0, 0, 0, 0, 0, 0)
    with desk.db.session() as s:
        opd_ids: dict[str, str] = {}
        for opd in register["opd"]:
            singkatan = opd["singkatan"]
            row = desk.opd.create({
                "kode": opd["kode"], "nama": opd["nama"], "singkatan": singkatan,
                "jenis": opd["jenis"],
                "kepala_nama": people.name(), "kepala_nip": people.nip(),
                "telepon": f"(0333) {rnd.randrange(410000, 429999)}",
                "email": f"{singkatan.lower().replace(' ', '').replace('.', '')}@{domain}",
                "alamat": "Banyuwangi",
            }, session=s)
            opd_ids[singkatan] = row["id"]
        counts.opd = len(register["opd"])

        dataset_ids: dict[str, list[str]] = {}
        sifat_cycle = ["terbuka"] * 8 + ["terbatas"]
        for index in range(120):
            topics = register["dataset_topics"]
            entry = topics[index % len(topics)]
            topic, satuan, frekuensi, tingkat, opd = (
                entry["topik"], entry["satuan"], entry["frekuensi"], entry["tingkat"],
                entry["opd"])
            year = register["dataset_years"][index // len(topics)]
            sifat = sifat_cycle[index % len(sifat_cycle)]
            if index in (17, 88):
                sifat = "dikecualikan"
            age = rnd.randrange(5, 500)
            slug = topic.lower().replace(" ", "-")[:40]
            row = desk.datasets.create({
                "judul": f"{topic} Tahun {year}",
                "deskripsi": f"{topic} di Kabupaten Banyuwangi tahun {year}, "
                             f"disajikan per {tingkat}.",
                "opd_id": opd_ids[opd], "walidata": "Diskominfo Kabupaten Banyuwangi",
                "kontak_nama": people.name(), "kontak_email": f"data.{slug[:12]}@{domain}",
                "konsep": topic, "definisi": f"Banyaknya {topic.lower()} pada periode laporan.",
                "klasifikasi": tingkat.capitalize(), "ukuran": "Jumlah", "satuan": satuan,
                "frekuensi": frekuensi, "tahun": year, "periode": str(year),
                "tingkat_penyajian": tingkat, "cakupan_kode": "35.10",
                "format": ["CSV", "XLSX"] if index % 3 else ["CSV", "JSON"],
                "sifat_data": sifat,
                "dasar_pengecualian": "UU 14/2008 Pasal 17 huruf h (informasi pribadi)"
                if sifat == "dikecualikan" else None,
                "lisensi": "CC-BY-4.0",
                "tanggal_rilis": date(year, 1, 15) + timedelta(days=rnd.randrange(200)),
                "terakhir_diperbarui": today - timedelta(days=age),
                "status_verifikasi": ("diverifikasi", "belum", "ditolak")[index % 5 % 3],
                "portal_url": f"https://satudata.{domain}/dataset/{slug}-{year}",
                "data_pribadi": sifat == "dikecualikan" or index % 23 == 0,
                "tags": [opd.lower(), topic.split()[1].lower()],
                "resources": [
                    {"nama": f"{topic} {year} (CSV)", "format": "CSV",
                     "url": f"https://satudata.{domain}/unduh/{slug}-{year}.csv"},
                ] + ([{"nama": "Metadata", "format": "PDF",
                       "url": f"https://satudata.{domain}/unduh/{slug}-{year}.pdf"}]
                     if index % 4 == 0 else []),
            }, session=s)
            dataset_ids.setdefault(opd, []).append(row["id"])
        counts.datasets = 120

        app_ids: dict[str, str] = {}
        statuses = ["operasional"] * 5 + ["pengembangan", "uji_coba", "perencanaan",
                                          "dihentikan"]
        developers = ["diskominfo", "inhouse", "vendor", "pusat"]
        apps = register["apps"]
        for index, app in enumerate(apps):
            nama, singkatan, opd, jenis, layanan, sasaran, platform, sub = (
                app["nama"], app["singkatan"], app["opd"], app["jenis"], app["layanan"],
                app["sasaran"], app["platform"], app["subdomain"])
            year = 2014 + index % 11
            links = [{"dataset_id": d, "peran": "menghasilkan" if i == 0 else "menggunakan"}
                     for i, d in enumerate(dataset_ids.get(opd, [])[:2])]
            row = desk.apps.create({
                "nama": nama, "singkatan": singkatan,
                "deskripsi": f"{nama} dikelola {opd} untuk mendukung layanan "
                             f"{'publik' if layanan == 'publik' else 'administrasi pemerintahan'}.",
                "opd_pemilik_id": opd_ids[opd], "opd_pengelola_id": opd_ids["Diskominfo"],
                "pic_nama": people.name(), "pic_nip": people.nip(),
                "pic_kontak": f"0812{rnd.randrange(10_000_000, 99_999_999)}",
                "jenis": jenis, "layanan": layanan, "sasaran": sasaran, "platform": platform,
                "url": f"https://{sub}.{domain}",
                "bahasa_pemrograman": rnd.choice(["PHP", "Python", "Java", "JavaScript"]),
                "framework": rnd.choice(["Laravel", "CodeIgniter", "Django", "Spring Boot"]),
                "dbms": rnd.choice(["MySQL", "PostgreSQL", "MariaDB"]),
                "lisensi": "Open source (GPL-3.0)" if index % 2 else "Milik Pemerintah Daerah",
                "repositori": f"https://git.{domain}/aplikasi/{sub}",
                "pengembang": "pusat" if jenis == "umum" else developers[index % 3],
                "sumber_dana": "APBD" if jenis == "khusus" else "APBN", "tahun": year,
                "rekomendasi_nomor": f"555/{100 + index}/429.111/{year}"
                if index % 6 else None,
                "rekomendasi_tanggal": date(year, 1 + index % 12, 1 + index % 27)
                if index % 6 else None,
                "status": statuses[index % len(statuses)],
                "boleh_direplikasi": index % 3 == 0 or singkatan == "SPM Online",
                "datasets": links,
            }, session=s)
            app_ids[singkatan] = row["id"]
        counts.apps = len(apps)

        kb, pks, others = _agreements(desk, s, people, today, domain)
        counts.agreements = 2 + len(others)

        def visit_people(n: int, instansi: str, head: tuple[str, str]) -> list[dict[str, Any]]:
            rows = [{"nama": head[0], "jabatan": head[1], "instansi": instansi}]
            roles = visits["peserta_jabatan"]
            rows += [{"nama": people.name(), "jabatan": rnd.choice(roles), "instansi": instansi}
                     for _ in range(n - 1)]
            return rows

        # the study visit the KB and PKS came from (its apps named by singkatan)
        first = visits["karanganyar"]
        head = (first["ketua_nama"], first["ketua_jabatan"])
        desk.visits.create({
            **{key: value for key, value in first.items() if key != "aplikasi"},
            "peserta": visit_people(first["jumlah_peserta"], first["instansi"], head),
            "tindak_lanjut": [_follow_up(row, today) for row in first["tindak_lanjut"]],
            "kerjasama_ids": [kb, pks],
            "aplikasi_ids": [app_ids[singkatan] for singkatan in first["aplikasi"]],
        }, session=s)

        def visit(day: date, end: date, arah: str, region: str, instansi: str, jabatan: str,
                  topik: str, n: int, penerima: str, follow_up: dict[str, Any],
                  **links: Any) -> dict[str, Any]:
            head = (people.name(), jabatan)
            return {
                "arah": arah, "tanggal_mulai": day, "tanggal_selesai": end,
                "region_kode": region, "instansi": instansi, "ketua_nama": head[0],
                "ketua_jabatan": jabatan, "jumlah_peserta": n,
                "penerima": penerima if arah == "masuk" else None,
                "lokasi": "Ruang Rapat Diskominfo Banyuwangi" if arah == "masuk"
                else f"Kantor {instansi}",
                "topik": topik, "ringkasan": f"Diskusi tentang {topik.lower()}.",
                "peserta": visit_people(n, instansi if arah == "masuk"
                                        else "Diskominfo Kabupaten Banyuwangi", head),
                "tindak_lanjut": [follow_up], **links,
            }

        for index, row in enumerate(visits["visits"]):
            day, arah, region, instansi, jabatan, topik = (
                row["tanggal"], row["arah"], row["region_kode"], row["instansi"],
                row["ketua_jabatan"], row["topik"])
            due = day + timedelta(days=60) if index < 10 else today + timedelta(days=15 * index
                                                                                  - 150)
            desk.visits.create(visit(
                day, day + timedelta(days=index % 2), arah, region, instansi, jabatan, topik,
                3 + index % 9, "Sekretaris Dinas",
                {"uraian": f"Tindak lanjut: {topik}",
                 "penanggung_jawab": "Bidang Aplikasi Informatika", "tenggat": due,
                 "status": "selesai" if due < today - timedelta(days=90) else "belum"},
                kerjasama_ids=[others[index]] if index < len(others) else [],
                aplikasi_ids=[list(app_ids.values())[index * 2 % len(app_ids)]],
            ), session=s)
        for row in visits["recent_visits"]:
            days, arah, region, instansi, jabatan, topik = (
                row["hari_sebelum"], row["arah"], row["region_kode"], row["instansi"],
                row["ketua_jabatan"], row["topik"])
            day = today - timedelta(days=days)
            desk.visits.create(visit(
                day, day, arah, region, instansi, jabatan, topik, 4 + days % 5, "Kepala Dinas",
                {"uraian": f"Laporan hasil kunjungan: {topik}",
                 "penanggung_jawab": "Sekretariat", "tenggat": day + timedelta(days=30),
                 "status": "selesai" if days > 60 else "proses"},
            ), session=s)
        counts.visits = 1 + len(visits["visits"]) + len(visits["recent_visits"])

        environments = ["produksi"] * 3 + ["staging", "uji"]
        results = ["berhasil"] * 5 + ["gagal", "rollback", "direncanakan"]
        for index in range(30):
            singkatan = list(app_ids)[index % len(app_ids)]
            sub = apps[index % len(apps)]["subdomain"]
            status = results[index % len(results)]
            when = today - timedelta(days=index * 9 - 12) if status == "direncanakan" \
                else today - timedelta(days=index * 9 + 1)
            desk.deployments.create({
                "aplikasi_id": app_ids[singkatan], "versi": f"{1 + index % 4}.{index % 7}.0",
                "lingkungan": environments[index % len(environments)],
                "host": f"vm-{sub}-{index % 3 + 1:02d}.pdd.local",
                "lokasi": ("pdd", "pdd", "cloud", "pdn", "server_opd")[index % 5],
                "domain": f"{sub}.{domain}",
                "ssl_berakhir": today + timedelta(days=index * 13 - 20),
                "jadwal_backup": ("Harian 02.00", "Mingguan (Minggu 01.00)")[index % 2],
                "uji_restore_terakhir": today - timedelta(days=30 + index * 7),
                "tanggal": when, "pelaksana": people.name(), "status": status,
                "catatan": "Pemasangan rutin melalui pipeline CI." if status == "berhasil"
                else "Perlu ditinjau ulang oleh Seksi Infrastruktur TI.",
                "tte_bsre": singkatan in ("TTE", "e-Office", "SPM Online"),
            }, session=s)
        counts.deployments = 30
    return counts


def _follow_up(row: dict[str, Any], today: date) -> dict[str, Any]:
    """A tindak lanjut from the data file; one due ``tenggat_hari_sebelum`` days before
    today stays overdue whenever the demo is loaded."""
    row = dict(row)
    if "tenggat_hari_sebelum" in row:
        row["tenggat"] = today - timedelta(days=row.pop("tenggat_hari_sebelum"))
    return {key: row[key] for key in ("uraian", "penanggung_jawab", "tenggat", "status")}


def _party(nama: str, region: str | None, kedudukan: str, nomor: str, signer: str,
           jabatan: str, side: str) -> dict[str, Any]:
    return {"nama_instansi": nama, "region_kode": region, "kedudukan": kedudukan,
            "nomor_naskah": nomor, "penandatangan_nama": signer,
            "penandatangan_jabatan": jabatan, "posisi_ttd": side}


def _agreements(desk: Desk, s: Any, people: _People, today: date, domain: str
                ) -> tuple[str, str, list[str]]:
    """The Karanganyar KB, the PKS under it, and four other KBs at every stage."""
    data = demo_data("agreements")
    kb_articles, pks_articles = data["kb_pasal"], data["pks_pasal"]
    kb = desk.agreements.create({**data["kb"], "pasal": kb_articles}, session=s)["id"]
    pks_parties = [{**party, "penandatangan_nip": people.nip()}
                   for party in data["pks"]["pihak"]]
    pks = desk.agreements.create({
        **data["pks"], "induk_id": kb, "pihak": pks_parties, "pasal": pks_articles,
    }, session=s)["id"]
    others = []
    for index, partner in enumerate(data["partners"]):
        nama, judul, years = partner["nama"], partner["judul"], partner["jangka_waktu_tahun"]
        signed = partner.get("tanggal_ttd")
        if "ttd_dalam_hari" in partner:  # ready to sign: scheduled, so the draft prints whole
            signed = today + timedelta(days=partner["ttd_dalam_hari"])
        start = signed
        end = None
        if signed is not None:
            day = min(signed.day, 28) if signed.month == 2 else signed.day  # 29 February
            end = today + timedelta(days=45) if index == 0 else \
                date(signed.year + years, signed.month, day) - timedelta(days=1)
        others.append(desk.agreements.create({
            "jenis": "kb", "judul": judul, "tempat_ttd": "Banyuwangi" if index % 2 else
            nama.split()[-1], "tanggal_ttd": signed, "berlaku_mulai": start,
            "berlaku_sampai": end, "jangka_waktu_tahun": years,
            "sumber_biaya": "APBD masing-masing PIHAK",
            "tahun_anggaran_mulai": signed.year if signed else today.year + 1,
            "rangkap": 2, "status": partner["status"],
            "premis": [f"bahwa PARA PIHAK sepakat bekerja sama dalam {judul.lower()}"],
            "pihak": [
                _party("Pemerintah Kabupaten Banyuwangi", "35.10", "Banyuwangi",
                       f"119/{30 + index}/429.011/{signed.year if signed else today.year}",
                       "Arif Prasetyo", partner["jabatan_kita"], "kiri"),
                _party(nama, partner["region_kode"], nama.replace("Pemerintah ", ""),
                       f"415.4/{10 + index}/{signed.year if signed else today.year}",
                       people.name(), partner["jabatan_mitra"], "kanan"),
            ],
            "pasal": kb_articles[:6] + kb_articles[-2:],
        }, session=s)["id"])
    return kb, pks, others
