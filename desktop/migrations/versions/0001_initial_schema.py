"""Initial schema: every record kind, the audit log and full-text search.

Revision ID: 0001
Revises:
Create Date: 2026-11-28 15:20:18.706040
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0001"
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "audit_log",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("waktu", sa.DateTime(), nullable=False),
        sa.Column("pengguna", sa.String(length=120), nullable=False),
        sa.Column("jenis", sa.String(length=30), nullable=False),
        sa.Column("record_id", sa.String(length=36), nullable=False),
        sa.Column("aksi", sa.String(length=10), nullable=False),
        sa.Column("perubahan", sa.JSON(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_audit_log")),
    )
    with op.batch_alter_table("audit_log", schema=None) as batch_op:
        batch_op.create_index("ix_audit_log_record", ["jenis", "record_id"], unique=False)

    op.create_table(
        "kerjasama",
        sa.Column("jenis", sa.String(length=20), nullable=False),
        sa.Column("induk_id", sa.String(length=36), nullable=True),
        sa.Column("judul", sa.String(length=500), nullable=False),
        sa.Column("tempat_ttd", sa.String(length=200), nullable=True),
        sa.Column("tanggal_ttd", sa.Date(), nullable=True),
        sa.Column("berlaku_mulai", sa.Date(), nullable=True),
        sa.Column("berlaku_sampai", sa.Date(), nullable=True),
        sa.Column("jangka_waktu_tahun", sa.Integer(), nullable=True),
        sa.Column("sumber_biaya", sa.Text(), nullable=True),
        sa.Column("tahun_anggaran_mulai", sa.Integer(), nullable=True),
        sa.Column("perlu_persetujuan_dprd", sa.Boolean(), nullable=False),
        sa.Column("meterai", sa.Boolean(), nullable=False),
        sa.Column("rangkap", sa.Integer(), nullable=False),
        sa.Column("status", sa.String(length=30), nullable=False),
        sa.Column("premis", sa.JSON(), nullable=False),
        sa.Column("catatan", sa.Text(), nullable=True),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("deleted_at", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(
            ["induk_id"], ["kerjasama.id"], name=op.f("fk_kerjasama_induk_id_kerjasama")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_kerjasama")),
    )
    with op.batch_alter_table("kerjasama", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_kerjasama_berlaku_sampai"), ["berlaku_sampai"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_kerjasama_deleted_at"), ["deleted_at"], unique=False)
        batch_op.create_index(batch_op.f("ix_kerjasama_induk_id"), ["induk_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_kerjasama_tanggal_ttd"), ["tanggal_ttd"], unique=False)

    op.create_table(
        "perangkat_daerah",
        sa.Column("kode", sa.String(length=30), nullable=False),
        sa.Column("nama", sa.String(length=200), nullable=False),
        sa.Column("singkatan", sa.String(length=40), nullable=True),
        sa.Column("jenis", sa.String(length=20), nullable=False),
        sa.Column("kepala_nama", sa.String(length=120), nullable=True),
        sa.Column("kepala_nip", sa.String(length=18), nullable=True),
        sa.Column("alamat", sa.Text(), nullable=True),
        sa.Column("telepon", sa.String(length=50), nullable=True),
        sa.Column("email", sa.String(length=120), nullable=True),
        sa.Column("website", sa.String(length=300), nullable=True),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("deleted_at", sa.DateTime(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_perangkat_daerah")),
    )
    with op.batch_alter_table("perangkat_daerah", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_perangkat_daerah_deleted_at"), ["deleted_at"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_perangkat_daerah_kode"), ["kode"], unique=False)

    op.create_table(
        "region",
        sa.Column("kode", sa.String(length=13), nullable=False),
        sa.Column("nama", sa.String(length=120), nullable=False),
        sa.Column("jenis", sa.String(length=20), nullable=False),
        sa.Column("kode_induk", sa.String(length=13), nullable=True),
        sa.PrimaryKeyConstraint("kode", name=op.f("pk_region")),
    )
    with op.batch_alter_table("region", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_region_nama"), ["nama"], unique=False)

    op.create_table(
        "search_entry",
        sa.Column("rid", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("jenis", sa.String(length=30), nullable=False),
        sa.Column("record_id", sa.String(length=36), nullable=False),
        sa.Column("judul", sa.String(length=500), nullable=False),
        sa.Column("keterangan", sa.String(length=500), nullable=True),
        sa.Column("teks", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("rid", name=op.f("pk_search_entry")),
        sa.UniqueConstraint("record_id", name=op.f("uq_search_entry_record_id")),
    )
    op.create_table(
        "aplikasi",
        sa.Column("nama", sa.String(length=200), nullable=False),
        sa.Column("singkatan", sa.String(length=60), nullable=True),
        sa.Column("deskripsi", sa.Text(), nullable=True),
        sa.Column("opd_pemilik_id", sa.String(length=36), nullable=True),
        sa.Column("opd_pengelola_id", sa.String(length=36), nullable=True),
        sa.Column("pic_nama", sa.String(length=120), nullable=True),
        sa.Column("pic_nip", sa.String(length=18), nullable=True),
        sa.Column("pic_kontak", sa.String(length=120), nullable=True),
        sa.Column("jenis", sa.String(length=20), nullable=False),
        sa.Column("layanan", sa.String(length=20), nullable=True),
        sa.Column("sasaran", sa.JSON(), nullable=False),
        sa.Column("platform", sa.JSON(), nullable=False),
        sa.Column("url", sa.String(length=300), nullable=True),
        sa.Column("bahasa_pemrograman", sa.String(length=80), nullable=True),
        sa.Column("framework", sa.String(length=80), nullable=True),
        sa.Column("dbms", sa.String(length=80), nullable=True),
        sa.Column("lisensi", sa.String(length=80), nullable=True),
        sa.Column("repositori", sa.String(length=300), nullable=True),
        sa.Column("pengembang", sa.String(length=20), nullable=True),
        sa.Column("sumber_dana", sa.String(length=120), nullable=True),
        sa.Column("tahun", sa.Integer(), nullable=True),
        sa.Column("rekomendasi_nomor", sa.String(length=120), nullable=True),
        sa.Column("rekomendasi_tanggal", sa.Date(), nullable=True),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("boleh_direplikasi", sa.Boolean(), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("deleted_at", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(
            ["opd_pemilik_id"],
            ["perangkat_daerah.id"],
            name=op.f("fk_aplikasi_opd_pemilik_id_perangkat_daerah"),
        ),
        sa.ForeignKeyConstraint(
            ["opd_pengelola_id"],
            ["perangkat_daerah.id"],
            name=op.f("fk_aplikasi_opd_pengelola_id_perangkat_daerah"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_aplikasi")),
    )
    with op.batch_alter_table("aplikasi", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_aplikasi_deleted_at"), ["deleted_at"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_aplikasi_opd_pemilik_id"), ["opd_pemilik_id"], unique=False
        )

    op.create_table(
        "dataset",
        sa.Column("judul", sa.String(length=300), nullable=False),
        sa.Column("deskripsi", sa.Text(), nullable=True),
        sa.Column("opd_id", sa.String(length=36), nullable=True),
        sa.Column("walidata", sa.String(length=200), nullable=True),
        sa.Column("kontak_nama", sa.String(length=120), nullable=True),
        sa.Column("kontak_email", sa.String(length=120), nullable=True),
        sa.Column("konsep", sa.Text(), nullable=True),
        sa.Column("definisi", sa.Text(), nullable=True),
        sa.Column("klasifikasi", sa.String(length=200), nullable=True),
        sa.Column("ukuran", sa.String(length=200), nullable=True),
        sa.Column("satuan", sa.String(length=80), nullable=True),
        sa.Column("frekuensi", sa.String(length=20), nullable=False),
        sa.Column("tahun", sa.Integer(), nullable=True),
        sa.Column("periode", sa.String(length=80), nullable=True),
        sa.Column("tingkat_penyajian", sa.String(length=20), nullable=True),
        sa.Column("cakupan_kode", sa.String(length=13), nullable=True),
        sa.Column("format", sa.JSON(), nullable=False),
        sa.Column("sifat_data", sa.String(length=20), nullable=False),
        sa.Column("dasar_pengecualian", sa.Text(), nullable=True),
        sa.Column("lisensi", sa.String(length=60), nullable=True),
        sa.Column("tanggal_rilis", sa.Date(), nullable=True),
        sa.Column("terakhir_diperbarui", sa.Date(), nullable=True),
        sa.Column("status_verifikasi", sa.String(length=20), nullable=False),
        sa.Column("portal_url", sa.String(length=500), nullable=True),
        sa.Column("data_pribadi", sa.Boolean(), nullable=False),
        sa.Column("tags", sa.JSON(), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("deleted_at", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(
            ["cakupan_kode"], ["region.kode"], name=op.f("fk_dataset_cakupan_kode_region")
        ),
        sa.ForeignKeyConstraint(
            ["opd_id"], ["perangkat_daerah.id"], name=op.f("fk_dataset_opd_id_perangkat_daerah")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_dataset")),
    )
    with op.batch_alter_table("dataset", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_dataset_deleted_at"), ["deleted_at"], unique=False)
        batch_op.create_index(batch_op.f("ix_dataset_opd_id"), ["opd_id"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_dataset_terakhir_diperbarui"), ["terakhir_diperbarui"], unique=False
        )

    op.create_table(
        "kerjasama_lampiran",
        sa.Column("kerjasama_id", sa.String(length=36), nullable=False),
        sa.Column("kegiatan", sa.Text(), nullable=False),
        sa.Column("penanggung_jawab", sa.String(length=200), nullable=True),
        sa.Column("waktu", sa.String(length=120), nullable=True),
        sa.Column("keterangan", sa.Text(), nullable=True),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("urutan", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["kerjasama_id"],
            ["kerjasama.id"],
            name=op.f("fk_kerjasama_lampiran_kerjasama_id_kerjasama"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_kerjasama_lampiran")),
    )
    with op.batch_alter_table("kerjasama_lampiran", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_kerjasama_lampiran_kerjasama_id"), ["kerjasama_id"], unique=False
        )

    op.create_table(
        "kerjasama_pasal",
        sa.Column("kerjasama_id", sa.String(length=36), nullable=False),
        sa.Column("judul", sa.String(length=200), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("urutan", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["kerjasama_id"],
            ["kerjasama.id"],
            name=op.f("fk_kerjasama_pasal_kerjasama_id_kerjasama"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_kerjasama_pasal")),
    )
    with op.batch_alter_table("kerjasama_pasal", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_kerjasama_pasal_kerjasama_id"), ["kerjasama_id"], unique=False
        )

    op.create_table(
        "kerjasama_pihak",
        sa.Column("kerjasama_id", sa.String(length=36), nullable=False),
        sa.Column("region_kode", sa.String(length=13), nullable=True),
        sa.Column("nama_instansi", sa.String(length=200), nullable=False),
        sa.Column("kedudukan", sa.String(length=300), nullable=True),
        sa.Column("nomor_naskah", sa.String(length=120), nullable=True),
        sa.Column("penandatangan_nama", sa.String(length=120), nullable=True),
        sa.Column("penandatangan_jabatan", sa.String(length=200), nullable=True),
        sa.Column("penandatangan_pangkat", sa.String(length=120), nullable=True),
        sa.Column("penandatangan_nip", sa.String(length=18), nullable=True),
        sa.Column("surat_kuasa_nomor", sa.String(length=120), nullable=True),
        sa.Column("surat_kuasa_tanggal", sa.Date(), nullable=True),
        sa.Column("posisi_ttd", sa.String(length=10), nullable=True),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("urutan", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["kerjasama_id"],
            ["kerjasama.id"],
            name=op.f("fk_kerjasama_pihak_kerjasama_id_kerjasama"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["region_kode"], ["region.kode"], name=op.f("fk_kerjasama_pihak_region_kode_region")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_kerjasama_pihak")),
    )
    with op.batch_alter_table("kerjasama_pihak", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_kerjasama_pihak_kerjasama_id"), ["kerjasama_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_kerjasama_pihak_region_kode"), ["region_kode"], unique=False
        )

    op.create_table(
        "kunjungan",
        sa.Column("arah", sa.String(length=10), nullable=False),
        sa.Column("tanggal_mulai", sa.Date(), nullable=False),
        sa.Column("tanggal_selesai", sa.Date(), nullable=True),
        sa.Column("region_kode", sa.String(length=13), nullable=True),
        sa.Column("instansi", sa.String(length=200), nullable=False),
        sa.Column("ketua_nama", sa.String(length=120), nullable=True),
        sa.Column("ketua_jabatan", sa.String(length=200), nullable=True),
        sa.Column("jumlah_peserta", sa.Integer(), nullable=True),
        sa.Column("penerima", sa.Text(), nullable=True),
        sa.Column("lokasi", sa.String(length=200), nullable=True),
        sa.Column("topik", sa.Text(), nullable=True),
        sa.Column("ringkasan", sa.Text(), nullable=True),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("deleted_at", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(
            ["region_kode"], ["region.kode"], name=op.f("fk_kunjungan_region_kode_region")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_kunjungan")),
    )
    with op.batch_alter_table("kunjungan", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_kunjungan_deleted_at"), ["deleted_at"], unique=False)
        batch_op.create_index(batch_op.f("ix_kunjungan_region_kode"), ["region_kode"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_kunjungan_tanggal_mulai"), ["tanggal_mulai"], unique=False
        )

    op.create_table(
        "office_profile",
        sa.Column("region_kode", sa.String(length=13), nullable=True),
        sa.Column("nama", sa.String(length=200), nullable=False),
        sa.Column("alamat", sa.Text(), nullable=True),
        sa.Column("telepon", sa.String(length=50), nullable=True),
        sa.Column("email", sa.String(length=120), nullable=True),
        sa.Column("website", sa.String(length=300), nullable=True),
        sa.Column("kepala_nama", sa.String(length=120), nullable=True),
        sa.Column("kepala_jabatan", sa.String(length=200), nullable=True),
        sa.Column("kepala_pangkat", sa.String(length=120), nullable=True),
        sa.Column("kepala_nip", sa.String(length=18), nullable=True),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("deleted_at", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(
            ["region_kode"], ["region.kode"], name=op.f("fk_office_profile_region_kode_region")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_office_profile")),
    )
    with op.batch_alter_table("office_profile", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_office_profile_deleted_at"), ["deleted_at"], unique=False
        )

    op.create_table(
        "aplikasi_dataset",
        sa.Column("aplikasi_id", sa.String(length=36), nullable=False),
        sa.Column("dataset_id", sa.String(length=36), nullable=False),
        sa.Column("peran", sa.String(length=20), nullable=False),
        sa.Column("urutan", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["aplikasi_id"],
            ["aplikasi.id"],
            name=op.f("fk_aplikasi_dataset_aplikasi_id_aplikasi"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["dataset_id"],
            ["dataset.id"],
            name=op.f("fk_aplikasi_dataset_dataset_id_dataset"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("aplikasi_id", "dataset_id", name=op.f("pk_aplikasi_dataset")),
    )
    with op.batch_alter_table("aplikasi_dataset", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_aplikasi_dataset_dataset_id"), ["dataset_id"], unique=False
        )

    op.create_table(
        "dataset_resource",
        sa.Column("dataset_id", sa.String(length=36), nullable=False),
        sa.Column("nama", sa.String(length=200), nullable=False),
        sa.Column("url", sa.String(length=500), nullable=True),
        sa.Column("format", sa.String(length=20), nullable=True),
        sa.Column("deskripsi", sa.Text(), nullable=True),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("urutan", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["dataset_id"],
            ["dataset.id"],
            name=op.f("fk_dataset_resource_dataset_id_dataset"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_dataset_resource")),
    )
    with op.batch_alter_table("dataset_resource", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_dataset_resource_dataset_id"), ["dataset_id"], unique=False
        )

    op.create_table(
        "deployment",
        sa.Column("aplikasi_id", sa.String(length=36), nullable=False),
        sa.Column("versi", sa.String(length=60), nullable=True),
        sa.Column("lingkungan", sa.String(length=20), nullable=False),
        sa.Column("host", sa.String(length=200), nullable=True),
        sa.Column("lokasi", sa.String(length=20), nullable=True),
        sa.Column("domain", sa.String(length=255), nullable=True),
        sa.Column("ssl_berakhir", sa.Date(), nullable=True),
        sa.Column("jadwal_backup", sa.String(length=120), nullable=True),
        sa.Column("uji_restore_terakhir", sa.Date(), nullable=True),
        sa.Column("tanggal", sa.Date(), nullable=False),
        sa.Column("pelaksana", sa.String(length=120), nullable=True),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("catatan", sa.Text(), nullable=True),
        sa.Column("tte_bsre", sa.Boolean(), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("deleted_at", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(
            ["aplikasi_id"], ["aplikasi.id"], name=op.f("fk_deployment_aplikasi_id_aplikasi")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_deployment")),
    )
    with op.batch_alter_table("deployment", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_deployment_aplikasi_id"), ["aplikasi_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_deployment_deleted_at"), ["deleted_at"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_deployment_ssl_berakhir"), ["ssl_berakhir"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_deployment_tanggal"), ["tanggal"], unique=False)

    op.create_table(
        "kerjasama_ayat",
        sa.Column("pasal_id", sa.String(length=36), nullable=False),
        sa.Column("teks", sa.Text(), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("urutan", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["pasal_id"],
            ["kerjasama_pasal.id"],
            name=op.f("fk_kerjasama_ayat_pasal_id_kerjasama_pasal"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_kerjasama_ayat")),
    )
    with op.batch_alter_table("kerjasama_ayat", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_kerjasama_ayat_pasal_id"), ["pasal_id"], unique=False)

    op.create_table(
        "kunjungan_aplikasi",
        sa.Column("kunjungan_id", sa.String(length=36), nullable=False),
        sa.Column("aplikasi_id", sa.String(length=36), nullable=False),
        sa.ForeignKeyConstraint(
            ["aplikasi_id"],
            ["aplikasi.id"],
            name=op.f("fk_kunjungan_aplikasi_aplikasi_id_aplikasi"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["kunjungan_id"],
            ["kunjungan.id"],
            name=op.f("fk_kunjungan_aplikasi_kunjungan_id_kunjungan"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("kunjungan_id", "aplikasi_id", name=op.f("pk_kunjungan_aplikasi")),
    )
    with op.batch_alter_table("kunjungan_aplikasi", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_kunjungan_aplikasi_aplikasi_id"), ["aplikasi_id"], unique=False
        )

    op.create_table(
        "kunjungan_kerjasama",
        sa.Column("kunjungan_id", sa.String(length=36), nullable=False),
        sa.Column("kerjasama_id", sa.String(length=36), nullable=False),
        sa.ForeignKeyConstraint(
            ["kerjasama_id"],
            ["kerjasama.id"],
            name=op.f("fk_kunjungan_kerjasama_kerjasama_id_kerjasama"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["kunjungan_id"],
            ["kunjungan.id"],
            name=op.f("fk_kunjungan_kerjasama_kunjungan_id_kunjungan"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint(
            "kunjungan_id", "kerjasama_id", name=op.f("pk_kunjungan_kerjasama")
        ),
    )
    with op.batch_alter_table("kunjungan_kerjasama", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_kunjungan_kerjasama_kerjasama_id"), ["kerjasama_id"], unique=False
        )

    op.create_table(
        "kunjungan_peserta",
        sa.Column("kunjungan_id", sa.String(length=36), nullable=False),
        sa.Column("nama", sa.String(length=120), nullable=False),
        sa.Column("jabatan", sa.String(length=200), nullable=True),
        sa.Column("instansi", sa.String(length=200), nullable=True),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("urutan", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["kunjungan_id"],
            ["kunjungan.id"],
            name=op.f("fk_kunjungan_peserta_kunjungan_id_kunjungan"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_kunjungan_peserta")),
    )
    with op.batch_alter_table("kunjungan_peserta", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_kunjungan_peserta_kunjungan_id"), ["kunjungan_id"], unique=False
        )

    op.create_table(
        "kunjungan_tindak_lanjut",
        sa.Column("kunjungan_id", sa.String(length=36), nullable=False),
        sa.Column("uraian", sa.Text(), nullable=False),
        sa.Column("penanggung_jawab", sa.String(length=200), nullable=True),
        sa.Column("tenggat", sa.Date(), nullable=True),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("catatan", sa.Text(), nullable=True),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("urutan", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["kunjungan_id"],
            ["kunjungan.id"],
            name=op.f("fk_kunjungan_tindak_lanjut_kunjungan_id_kunjungan"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_kunjungan_tindak_lanjut")),
    )
    with op.batch_alter_table("kunjungan_tindak_lanjut", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_kunjungan_tindak_lanjut_kunjungan_id"), ["kunjungan_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_kunjungan_tindak_lanjut_tenggat"), ["tenggat"], unique=False
        )

    op.create_table(
        "kerjasama_butir",
        sa.Column("ayat_id", sa.String(length=36), nullable=False),
        sa.Column("teks", sa.Text(), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("urutan", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["ayat_id"],
            ["kerjasama_ayat.id"],
            name=op.f("fk_kerjasama_butir_ayat_id_kerjasama_ayat"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_kerjasama_butir")),
    )
    with op.batch_alter_table("kerjasama_butir", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_kerjasama_butir_ayat_id"), ["ayat_id"], unique=False)

    create_search_machinery()


def downgrade() -> None:
    drop_search_machinery()
    with op.batch_alter_table("kerjasama_butir", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_kerjasama_butir_ayat_id"))

    op.drop_table("kerjasama_butir")
    with op.batch_alter_table("kunjungan_tindak_lanjut", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_kunjungan_tindak_lanjut_tenggat"))
        batch_op.drop_index(batch_op.f("ix_kunjungan_tindak_lanjut_kunjungan_id"))

    op.drop_table("kunjungan_tindak_lanjut")
    with op.batch_alter_table("kunjungan_peserta", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_kunjungan_peserta_kunjungan_id"))

    op.drop_table("kunjungan_peserta")
    with op.batch_alter_table("kunjungan_kerjasama", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_kunjungan_kerjasama_kerjasama_id"))

    op.drop_table("kunjungan_kerjasama")
    with op.batch_alter_table("kunjungan_aplikasi", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_kunjungan_aplikasi_aplikasi_id"))

    op.drop_table("kunjungan_aplikasi")
    with op.batch_alter_table("kerjasama_ayat", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_kerjasama_ayat_pasal_id"))

    op.drop_table("kerjasama_ayat")
    with op.batch_alter_table("deployment", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_deployment_tanggal"))
        batch_op.drop_index(batch_op.f("ix_deployment_ssl_berakhir"))
        batch_op.drop_index(batch_op.f("ix_deployment_deleted_at"))
        batch_op.drop_index(batch_op.f("ix_deployment_aplikasi_id"))

    op.drop_table("deployment")
    with op.batch_alter_table("dataset_resource", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_dataset_resource_dataset_id"))

    op.drop_table("dataset_resource")
    with op.batch_alter_table("aplikasi_dataset", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_aplikasi_dataset_dataset_id"))

    op.drop_table("aplikasi_dataset")
    with op.batch_alter_table("office_profile", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_office_profile_deleted_at"))

    op.drop_table("office_profile")
    with op.batch_alter_table("kunjungan", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_kunjungan_tanggal_mulai"))
        batch_op.drop_index(batch_op.f("ix_kunjungan_region_kode"))
        batch_op.drop_index(batch_op.f("ix_kunjungan_deleted_at"))

    op.drop_table("kunjungan")
    with op.batch_alter_table("kerjasama_pihak", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_kerjasama_pihak_region_kode"))
        batch_op.drop_index(batch_op.f("ix_kerjasama_pihak_kerjasama_id"))

    op.drop_table("kerjasama_pihak")
    with op.batch_alter_table("kerjasama_pasal", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_kerjasama_pasal_kerjasama_id"))

    op.drop_table("kerjasama_pasal")
    with op.batch_alter_table("kerjasama_lampiran", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_kerjasama_lampiran_kerjasama_id"))

    op.drop_table("kerjasama_lampiran")
    with op.batch_alter_table("dataset", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_dataset_terakhir_diperbarui"))
        batch_op.drop_index(batch_op.f("ix_dataset_opd_id"))
        batch_op.drop_index(batch_op.f("ix_dataset_deleted_at"))

    op.drop_table("dataset")
    with op.batch_alter_table("aplikasi", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_aplikasi_opd_pemilik_id"))
        batch_op.drop_index(batch_op.f("ix_aplikasi_deleted_at"))

    op.drop_table("aplikasi")
    op.drop_table("search_entry")
    with op.batch_alter_table("region", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_region_nama"))

    op.drop_table("region")
    with op.batch_alter_table("perangkat_daerah", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_perangkat_daerah_kode"))
        batch_op.drop_index(batch_op.f("ix_perangkat_daerah_deleted_at"))

    op.drop_table("perangkat_daerah")
    with op.batch_alter_table("kerjasama", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_kerjasama_tanggal_ttd"))
        batch_op.drop_index(batch_op.f("ix_kerjasama_induk_id"))
        batch_op.drop_index(batch_op.f("ix_kerjasama_deleted_at"))
        batch_op.drop_index(batch_op.f("ix_kerjasama_berlaku_sampai"))

    op.drop_table("kerjasama")
    with op.batch_alter_table("audit_log", schema=None) as batch_op:
        batch_op.drop_index("ix_audit_log_record")

    op.drop_table("audit_log")


def create_search_machinery() -> None:
    """Full-text search over ``search_entry.teks``, per engine.

    SQLite: an FTS5 external-content table kept in step by triggers. PostgreSQL: a GIN
    index on the 'simple' tsvector (the text is already folded by the application).
    """
    if op.get_bind().dialect.name == "sqlite":
        op.execute(
            "CREATE VIRTUAL TABLE search_fts USING fts5(teks, content='search_entry', "
            "content_rowid='rid', tokenize='unicode61 remove_diacritics 2')"
        )
        op.execute(
            "CREATE TRIGGER search_entry_ai AFTER INSERT ON search_entry BEGIN "
            "INSERT INTO search_fts(rowid, teks) VALUES (new.rid, new.teks); END"
        )
        op.execute(
            "CREATE TRIGGER search_entry_ad AFTER DELETE ON search_entry BEGIN "
            "INSERT INTO search_fts(search_fts, rowid, teks) VALUES ('delete', old.rid, old.teks);"
            " END"
        )
        op.execute(
            "CREATE TRIGGER search_entry_au AFTER UPDATE ON search_entry BEGIN "
            "INSERT INTO search_fts(search_fts, rowid, teks) VALUES ('delete', old.rid, old.teks);"
            " INSERT INTO search_fts(rowid, teks) VALUES (new.rid, new.teks); END"
        )
    else:
        op.execute(
            "CREATE INDEX ix_search_entry_tsv ON search_entry "
            "USING gin (to_tsvector('simple', teks))"
        )


def drop_search_machinery() -> None:
    if op.get_bind().dialect.name == "sqlite":
        for trigger in ("search_entry_ai", "search_entry_ad", "search_entry_au"):
            op.execute(f"DROP TRIGGER IF EXISTS {trigger}")
        op.execute("DROP TABLE IF EXISTS search_fts")
    else:
        op.execute("DROP INDEX IF EXISTS ix_search_entry_tsv")
