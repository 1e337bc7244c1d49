"""English catalogue of the core's messages (Indonesian is the source language).

``tests/test_i18n.py`` fails when a message written with ``t("...")`` has no entry here.
"""

from __future__ import annotations

MESSAGES_EN: dict[str, str] = {
    # Windows and shared folders (issue 22, points 5-7 and 9)
    "Basis data ada di folder jaringan ({path}): mode WAL dimatikan karena tidak aman lewat "
    "jaringan, dan jurnal biasa dipakai. Hanya satu komputer boleh memakai berkas ini pada "
    "satu waktu; untuk beberapa komputer sekaligus gunakan PostgreSQL.":
        "The database is in a network folder ({path}): WAL mode is off because it is not "
        "safe over a network, and the ordinary journal is used. Only one computer may use "
        "this file at a time; for several computers at once use PostgreSQL.",
    "Token atau kata sandi ini terlalu panjang untuk Pengelola Kredensial Windows "
    "({chars} karakter; paling banyak {limit} karakter) dan tidak disimpan. Gunakan "
    "token yang lebih pendek, atau berikan lewat variabel lingkungan "
    "DISKOMINFO_DESK_CATALOG_TOKEN (token katalog) atau berkas "
    "%APPDATA%\\postgresql\\pgpass.conf (kata sandi basis data).":
        "This token or password is too long for the Windows Credential Manager ({chars} "
        "characters; at most {limit}) and was not stored. Use a shorter token, or give it "
        "through the environment variable DISKOMINFO_DESK_CATALOG_TOKEN (catalog token) or "
        "the file %APPDATA%\\postgresql\\pgpass.conf (database password).",
    "hapus semua token dan kata sandi yang disimpan program ini di brankas kunci sistem "
    "operasi": "delete every token and password this program stored in the operating "
    "system's keyring",
    "Brankas kunci sistem operasi tidak tersedia; tidak ada yang dihapus.":
        "The operating system's keyring is not available; nothing was deleted.",
    "Entri brankas kunci yang dihapus: {count}.": "Keyring entries deleted: {count}.",
    "pemisah kolom CSV: \",\", \";\" atau auto (bawaan: pengaturan csv_delimiter, auto = "
    "menurut pengaturan wilayah; Excel berbahasa Indonesia memakai \";\")":
        "CSV column separator: \",\", \";\" or auto (default: the csv_delimiter setting; "
        "auto follows the regional settings; Excel in Indonesian uses \";\")",
    "--delimiter hanya berlaku untuk .csv, bukan {suffix}.":
        "--delimiter only applies to .csv, not {suffix}.",
    "Diskominfo Desk tidak dapat dimulai: {error}": "Diskominfo Desk could not start: {error}",
    "Rincian tercatat di {path}.": "The details are in {path}.",
    "Pemisah kolom CSV harus \",\", \";\" atau \"auto\", bukan {choice!r}.":
        "The CSV column separator must be \",\", \";\" or \"auto\", not {choice!r}.",
    # demo data
    "Basis data sudah berisi data; data contoh hanya dapat dimuat ke basis data kosong.":
        "The database already holds data; demo data can only be loaded into an empty one.",
    # the Qt binding check at start-up
    "PySide6 {version} yang terpasang rusak pada Python {python} (program akan "
    "berhenti mendadak saat dipakai). Pasang versi lain: pip install "
    "\"PySide6-Essentials<6.12\" \"PySide6-Addons<6.12\".":
        "The installed PySide6 {version} is broken on Python {python} (the program "
        "would crash while in use). Install another version: pip install "
        "\"PySide6-Essentials<6.12\" \"PySide6-Addons<6.12\".",
    # database passwords: the keyring, or refused
    "Brankas kunci sistem operasi tidak tersedia, jadi kata sandi basis data tidak "
    "dapat disimpan dengan aman. Hapus kata sandi dari alamat basis data dan "
    "simpan di berkas ~/.pgpass (Windows: %APPDATA%\\postgresql\\pgpass.conf) "
    "atau di variabel lingkungan PGPASSWORD.":
        "The operating system's keyring is not available, so the database password "
        "cannot be stored safely. Remove the password from the database address and "
        "put it in ~/.pgpass (Windows: %APPDATA%\\postgresql\\pgpass.conf) or in the "
        "PGPASSWORD environment variable.",
    "Alamat basis data memuat kata sandi; kata sandi tidak pernah disimpan di berkas "
    "pengaturan. Simpan lewat Pengaturan (ke brankas kunci) atau di berkas ~/.pgpass.":
        "The database address holds a password; passwords are never stored in the "
        "settings file. Save it through Settings (to the keyring) or in ~/.pgpass.",
    # a damaged SQLite file, found at open or later (desktop.core.sqlite_health)
    "Berkas basis data {path} rusak ({detail}). Tutup aplikasi, lalu pulihkan "
    "cadangan terbaru: {backup} (diskominfo-desk restore \"{backup}\").":
        "The database file {path} is damaged ({detail}). Close the application, then "
        "restore the newest backup: {backup} (diskominfo-desk restore \"{backup}\").",
    "Berkas basis data {path} rusak ({detail}), dan belum ada cadangannya. Jangan "
    "menulis ke berkas ini; salin berkasnya dan minta bantuan bagian TI.":
        "The database file {path} is damaged ({detail}) and has no backup yet. Do not "
        "write to it; copy the file and ask your IT section for help.",
    "Berkas basis data {path} kosong (0 byte): isinya hilang, misalnya karena listrik "
    "padam saat menyalin. Tidak dibuat ulang. Pulihkan cadangan, atau hapus berkas "
    "itu bila memang ingin memulai register baru.":
        "The database file {path} is empty (0 bytes): its contents were lost, for "
        "example by a power cut while copying. It was not re-created. Restore a backup, "
        "or delete the file if you really want to start a new register.",
    "{missing} byte terakhir hilang": "the last {missing} bytes are missing",
    "Cadangan tidak dapat dibuat: {detail}": "The backup could not be made: {detail}",
    # restore: the backup verified before it replaces anything
    "{name} memuat perintah yang bukan bagian dari cadangan Diskominfo Desk ({statement}); "
    "tidak dipulihkan.":
        "{name} holds a statement that is not part of a Diskominfo Desk backup "
        "({statement}); nothing was restored.",
    "Cadangan skema {revision} hanya dapat diperiksa oleh pengguna basis data yang boleh "
    "membuat basis data (CREATEDB); tidak dipulihkan.":
        "A backup of schema {revision} can only be checked by a database user who may "
        "create databases (CREATEDB); nothing was restored.",
    "{name} rusak ({detail}); tidak dipulihkan.":
        "{name} is damaged ({detail}); nothing was restored.",
    " dan {n} lainnya": " and {n} more",
    "tidak dikenal: {objects}": "unknown: {objects}",
    "tidak ada: {objects}": "missing: {objects}",
    "Skema {name} tidak sama dengan skema Diskominfo Desk versi {revision} ({detail}); "
    "tidak dipulihkan.":
        "The schema of {name} does not match the schema of Diskominfo Desk at revision "
        "{revision} ({detail}); nothing was restored.",
    # formatting
    "Ya": "Yes",
    "Tidak": "No",
    # command line
    "Basis data siap: {url}": "Database ready: {url}",
    "Data contoh dimuat: {opd} OPD, {apps} aplikasi, {datasets} dataset, {visits} kunjungan, "
    "{agreements} kerja sama, {deployments} deployment.":
        "Demo data loaded: {opd} OPDs, {apps} applications, {datasets} datasets, "
        "{visits} visits, {agreements} agreements, {deployments} deployments.",
    "{datasets} dataset, {apps} aplikasi, {visits} kunjungan dan {opd} OPD dibuat dalam "
    "{seconds:.1f} detik.":
        "{datasets} datasets, {apps} applications, {visits} visits and {opd} OPDs created in "
        "{seconds:.1f} seconds.",
    "{shown} dari {total} baris": "{shown} of {total} rows",
    "Diskominfo Desk: register aplikasi, dataset, kunjungan dan kerja sama.":
        "Diskominfo Desk: register of applications, datasets, visits and agreements.",
    "berkas SQLite atau URL PostgreSQL (bawaan: DISKOMINFO_DESK_DATABASE, lalu "
    "\"database\" di berkas pengaturan settings.ini, lalu folder data pengguna)":
        "SQLite file or PostgreSQL URL (default: DISKOMINFO_DESK_DATABASE, then \"database\" "
        "in the settings file settings.ini, then the user data folder)",
    "nama pengguna untuk log audit": "user name for the audit log",
    "bahasa pesan (id/en)": "language of messages (id/en)",
    "buka jendela aplikasi (bawaan)": "open the application window (default)",
    "tampilan jendela untuk kali ini: ikuti sistem, terang, atau gelap":
        "the window's look for this run: follow the system, light or dark",
    "buat atau perbarui basis data": "create or upgrade the database",
    "isi basis data kosong dengan data contoh": "fill an empty database with demo data",
    "tampilkan daftar data": "list records",
    "keluaran JSON": "JSON output",
    "saring dengan pencarian teks": "filter by full-text search",
    "saring menurut kolom (boleh berulang)": "filter by column (repeatable)",
    "urutkan menurut kolom; untuk menurun tulis --sort=-KOLOM":
        "sort by column; for descending write --sort=-COLUMN",
    "paling banyak N baris": "at most N rows",
    "cari di semua jenis data": "search every kind of record",
    "batasi pada jenis data ini": "only this kind of record",
    "buat N dataset sintetis untuk uji kinerja": "create N synthetic datasets for benchmarks",
    "Salinan sebelum pembaruan: {path}": "Copy made before the upgrade: {path}",
    "N harus antara 0 dan 10.000.000.": "N must be between 0 and 10,000,000.",
    "Filter harus berbentuk KOLOM=NILAI: {item}": "A filter must read COLUMN=VALUE: {item}",
    "kesalahan tak terduga": "unexpected error",
    "rincian": "details",
    "PDF ditulis: {path}": "PDF written: {path}",
    "DOCX ditulis: {path}": "DOCX written: {path}",
    "cetak naskah kerja sama ke PDF (DOCX bila BERKAS berakhiran .docx)":
        "print an agreement to PDF (DOCX when FILE ends in .docx)",
    "tulis naskah kerja sama sebagai dokumen Word (DOCX)":
        "write an agreement as a Word document (DOCX)",
    # database
    "Basis data sedang dipakai proses lain (misalnya sinkronisasi atau impor) dan "
    "tidak kunjung bebas; tidak ada yang tersimpan. Coba lagi sebentar lagi.":
        "The database is in use by another process (a sync or an import, for example) "
        "and did not become free; nothing was saved. Try again in a moment.",
    "Data belum valid: {detail}": "The data is not valid yet: {detail}",
    "Tidak dapat terhubung ke basis data {url}: {detail}":
        "Cannot connect to the database {url}: {detail}",
    "Berkas basis data tidak dapat dibuka: {path} ({detail})":
        "The database file cannot be opened: {path} ({detail})",
    "Berkas basis data tidak dapat dibuka: {path} adalah sebuah folder.":
        "The database file cannot be opened: {path} is a folder.",
    "Berkas basis data tidak dapat dibaca (izin akses): {path}":
        "The database file cannot be read (permissions): {path}",
    "Berkas basis data rusak atau bukan basis data SQLite: {path}":
        "The database file is damaged or not a SQLite database: {path}",
    "Alamat basis data tidak dikenali: {url}": "Unrecognised database address: {url}",
    "Jenis basis data tidak didukung: {name}": "Unsupported kind of database: {name}",
    "Folder basis data tidak dapat dibuat: {path} ({error})":
        "The database folder cannot be created: {path} ({error})",
    "Basis data ini dibuat oleh versi Diskominfo Desk yang lebih baru (skema {revision}). "
    "Perbarui aplikasi ini sebelum membukanya; basis data tidak diubah.":
        "This database was written by a newer version of Diskominfo Desk (schema "
        "{revision}). Update this application before opening it; the database was not "
        "changed.",
    "Basis data ini berisi tabel lain dan bukan milik Diskominfo Desk; tidak diubah.":
        "This database holds other tables and does not belong to Diskominfo Desk; it was "
        "not changed.",
    # validation
    "Tanggal tidak valid: {value} (gunakan HH/BB/TTTT).":
        "Invalid date: {value} (use DD/MM/YYYY).",
    "Harus ya atau tidak.": "Must be yes or no.",
    "Harus berupa daftar.": "Must be a list.",
    "Berisi karakter yang tidak diizinkan.": "Contains a character that is not allowed.",
    "Terlalu panjang: {length} karakter, paling banyak {limit}.":
        "Too long: {length} characters, at most {limit}.",
    "Harus satu baris.": "Must be a single line.",
    "Harus berupa bilangan bulat.": "Must be a whole number.",
    "Harus antara {low} dan {high}.": "Must be between {low} and {high}.",
    "Pilihan tidak dikenal: {value}.": "Unknown choice: {value}.",
    "Alamat URL tidak valid (contoh: https://contoh.go.id).":
        "Invalid URL (for example: https://contoh.go.id).",
    "Alamat email tidak valid (contoh: nama@contoh.go.id).":
        "Invalid email address (for example: nama@contoh.go.id).",
    "NIP harus 18 digit angka.": "The NIP must be 18 digits.",
    "Tanggal akhir tidak boleh sebelum tanggal mulai.":
        "The end date cannot be before the start date.",
    "Wajib diisi.": "Required.",
    "Data yang dikecualikan wajib menyebut dasar pengecualiannya.":
        "Exempt data must state the grounds for its exemption.",
    "Kerja sama tidak dapat menjadi induk dirinya sendiri.":
        "An agreement cannot be its own parent.",
    "Induk sebuah PKS harus Kesepakatan Bersama (KB).":
        "The parent of a PKS must be a Memorandum of Understanding (KB).",
    "{kode} bukan daerah otonom; kabupaten/kota administrasi DKI Jakarta tidak dapat menjadi "
    "pihak kerja sama daerah.":
        "{kode} is not an autonomous region; Jakarta's administrative regencies and cities "
        "cannot be a party to a regional cooperation agreement.",
    "Jenis data tidak dikenal: {name}. Pilihan: {choices}.":
        "Unknown kind of record: {name}. Choices: {choices}.",
    "Kode {kode} sudah dipakai OPD lain.": "Code {kode} is already used by another OPD.",
    "Nama domain tidak valid (contoh: layanan.banyuwangikab.go.id).":
        "Invalid domain name (for example: layanan.banyuwangikab.go.id).",
    "Harus berupa daftar baris.": "Must be a list of rows.",
    "Kolom tidak dikenal.": "Unknown field.",
    "Data harus berupa pasangan nama kolom dan nilai.":
        "The data must be pairs of field names and values.",
    "Tercantum lebih dari sekali.": "Listed more than once.",
    "{label} tidak ditemukan.": "{label} not found.",
    "{count} data terkait tidak ditemukan.": "{count} linked records not found.",
    "Kode wilayah {kode} tidak dikenal.": "Unknown region code {kode}.",
    # services
    "Data ini telah diubah oleh pengguna lain sejak Anda membukanya. Perubahan Anda belum "
    "disimpan dan tidak hilang: muat ulang data, lalu terapkan kembali perubahan Anda.":
        "Someone else changed this record since you opened it. Your changes were not saved "
        "and are not lost: reload the record, then apply your changes again.",
    "Filter tidak dikenal: {key}.": "Unknown filter: {key}.",
    "Sudah ada {kind} dengan id {id}.": "A {kind} with id {id} already exists.",
    "Nilai filter {key} tidak valid: {value}.": "Invalid value for filter {key}: {value}.",
    "{kind} tidak ditemukan atau sudah dihapus.": "{kind} not found or already deleted.",
    "{kind} ini tidak dapat dihapus karena masih dipakai oleh: {uses}.":
        "This {kind} cannot be deleted because it is still used by: {uses}.",
    "Tidak dapat mengurutkan menurut {key}.": "Cannot sort by {key}.",
    "Profil kantor telah diubah oleh pengguna lain. Muat ulang dulu.":
        "Someone else changed the office profile. Reload it first.",
    # documents: templates
    "Tidak ada templat naskah untuk jenis kerja sama {jenis}.":
        "There is no document template for agreements of kind {jenis}.",
    "Templat harus berupa objek JSON.": "A template must be a JSON object.",
    "Premis templat harus berupa daftar teks.": "The template's recitals must be a list of texts.",
    "Templat harus memuat daftar pasal.": "A template must hold a list of articles.",
    "Templat tidak dapat disimpan: {detail}": "The template cannot be saved: {detail}",
    "Pasal {nomor} templat tidak lengkap (judul, ayat, butir).":
        "Article {nomor} of the template is incomplete (heading, paragraphs, points).",
    # documents: checks
    "Isi minimum {jenis} belum ada: {isi}.": "The {jenis} still lacks a required content: {isi}.",
    "Kesepakatan Bersama": "Memorandum of Understanding (KB)",
    "Perjanjian Kerja Sama": "cooperation agreement (PKS)",
    "Kerja sama memerlukan paling sedikit dua pihak.": "An agreement needs at least two parties.",
    "Pihak {nomor}": "Party {nomor}",
    "{pihak}: {kode} bukan daerah otonom; kerja sama daerah hanya antara provinsi, kabupaten, "
    "atau kota.":
        "{pihak}: {kode} is not an autonomous region; cooperation between regions is only "
        "between provinces, regencies or cities.",
    "{pihak}: nama dan jabatan penandatangan harus diisi.":
        "{pihak}: the signatory's name and position are required.",
    "{pihak}: nomor naskah belum diisi.": "{pihak}: the document number is not filled in yet.",
    "Tanggal berakhir sebelum tanggal mulai berlaku.": "The end date is before the start date.",
    "Jangka waktu Kesepakatan Bersama lebih dari {tahun} tahun; periksa ketentuan yang berlaku.":
        "The Memorandum of Understanding (KB) runs for more than {tahun} years; check the "
        "applicable rules.",
    "Tanggal penandatanganan belum diisi; hari dan tanggal pembukaan naskah masih kosong.":
        "The signing date is not filled in; the day and date in the opening are still blank.",
    "Masa berlaku sudah habis, tetapi status masih berjalan.":
        "The agreement has expired, but its status still says it is running.",
    "Perjanjian Kerja Sama berlaku melewati masa berlaku Kesepakatan Bersama induknya.":
        "The cooperation agreement runs beyond the validity of its parent Memorandum of "
        "Understanding (KB).",
    "Perjanjian Kerja Sama belum dikaitkan dengan Kesepakatan Bersama induknya.":
        "The cooperation agreement is not linked to its parent Memorandum of Understanding "
        "(KB).",
    # the agreement's text as printed: places and blanks (desktop.documents.naskah, checks)
    "Premis huruf {huruf}": "Recital {huruf}",
    "Pasal {nomor}": "Pasal {nomor}",
    " (judul)": " (heading)",
    " ayat ({nomor})": " ayat ({nomor})",
    " huruf {huruf}": " point {huruf}",
    "{tempat}: {isian} belum diisi.": "{tempat}: {isian} is not filled in yet.",
    "{tempat}: masih memuat isian kosong (\"....\").": "{tempat}: still holds a blank (\"....\").",
    "{tempat}: kode isian {kode} tidak dikenal; periksa ejaannya.":
        "{tempat}: the placeholder {kode} is not known; check its spelling.",
    "{tempat}: tertulis \"{tertulis}\", sedangkan {isian} kini \"{kini}\".":
        "{tempat}: says \"{tertulis}\", but {isian} is now \"{kini}\".",
    "{tempat}: merujuk Lampiran, tetapi rencana kerja (lampiran) belum diisi.":
        "{tempat}: refers to the Lampiran, but the work plan (annex) is empty.",
    "{tempat}: merujuk ayat ({nomor}), tetapi pasal ini tidak memiliki ayat tersebut.":
        "{tempat}: refers to ayat ({nomor}), which this article does not have.",
    "{tempat}: merujuk {rujukan}, yang tidak ada dalam naskah ini.":
        "{tempat}: refers to {rujukan}, which this document does not contain.",
    # importing spreadsheets
    "Berkas tidak ditemukan: {path}": "File not found: {path}",
    "Jenis berkas tidak didukung: {name}. Gunakan XLSX atau CSV.":
        "Unsupported file type: {name}. Use XLSX or CSV.",
    "Berkas {name} tidak dapat dibaca sebagai teks.": "The file {name} cannot be read as text.",
    "Tidak ditemukan baris judul kolom di {name}: baris judul harus memuat paling sedikit "
    "dua kolom.":
        "No header row found in {name}: the header row must have at least two columns.",
    "Berkas {name} bukan lembar kerja XLSX yang dapat dibaca.":
        "The file {name} is not a readable XLSX workbook.",
    "Tidak ada yang diimpor. {ok} baris siap ({created} baru, {updated} diperbarui), "
    "{failed} bermasalah.":
        "Nothing was imported. {ok} rows ready ({created} new, {updated} updated), "
        "{failed} with problems.",
    "{created} baris ditambahkan, {updated} diperbarui, {failed} dilewati.":
        "{created} rows added, {updated} updated, {failed} skipped.",
    "ditambahkan": "added",
    "diperbarui": "updated",
    "dilewati": "skipped",
    "Impor tidak tersedia untuk {kind}.": "Import is not available for {kind}.",
    "Kolom wajib tidak ada di lembar kerja: {fields}.":
        "Required columns are missing from the sheet: {fields}.",
    "Sama dengan baris {row} (duplikat).": "Same as row {row} (duplicate).",
    "Baris": "Row",
    "Hasil": "Result",
    "Keterangan": "Details",
    "Daerah “{name}” tidak dikenal.": "Region “{name}” is not known.",
    "“{name}” cocok dengan lebih dari satu {kind}; tulis nama lengkap atau kodenya.":
        "“{name}” matches more than one {kind}; write the full name or its code.",
    "{kind} “{name}” tidak ditemukan.": "{kind} “{name}” not found.",
    "Daerah “{name}” ada lebih dari satu; tulis \"Kabupaten ...\" atau \"Kota ...\", atau "
    "kode Kemendagri.":
        "There is more than one region “{name}”; write \"Kabupaten ...\" or \"Kota ...\", "
        "or the Kemendagri code.",
    "impor lembar kerja XLSX/CSV": "import an XLSX/CSV spreadsheet",
    "periksa saja, jangan simpan apa pun": "check only, save nothing",
    "jangan impor apa pun bila ada baris yang bermasalah":
        "import nothing if any row has a problem",
    "simpan laporan per baris ke berkas CSV": "save the per-row report to a CSV file",
    "Baris {row}: {messages}": "Row {row}: {messages}",
    # export (lists to CSV, XLSX, PDF report)
    "Format ekspor tidak dikenal: {suffix}. Pilih .csv, .xlsx atau .pdf.":
        "Unknown export format: {suffix}. Choose .csv, .xlsx or .pdf.",
    "Terlambat diperbarui": "Overdue for update",
    "Tidak terlambat diperbarui": "Not overdue for update",
    "Berakhir dalam (hari)": "Ending within (days)",
    "Tahun": "Year",
    "Provinsi mitra": "Partner province",
    "pencarian: “{text}”": "search: “{text}”",
    "urut: {columns}": "sorted by: {columns}",
    "termasuk yang dihapus": "including deleted",
    "Semua data": "All records",
    "{column} (menurun)": "{column} (descending)",
    "{count} data terpilih": "{count} selected records",
    "{field} kosong": "{field} empty",
    "{field} terisi": "{field} filled in",
    "{field} memuat “{text}”": "{field} contains “{text}”",
    "Halaman {page} dari {total}": "Page {page} of {total}",
    "No.": "No.",
    "Filter: {description}": "Filter: {description}",
    "Dicetak {date} · {count} baris": "Printed {date} · {count} rows",
    "ekspor daftar ke XLSX, CSV atau laporan PDF": "export a list to XLSX, CSV or a PDF report",
    "berkas tujuan; formatnya menurut akhiran .xlsx, .csv atau .pdf":
        "target file; the format follows its suffix .xlsx, .csv or .pdf",
    "judul laporan PDF (bawaan: nama jenis data)": "PDF report title (default: the kind's name)",
    "Folder tujuan tidak ada: {path}": "The target folder does not exist: {path}",
    "{count} baris diekspor ke {path}": "{count} rows exported to {path}",
    # backups
    "Folder cadangan tidak dapat dibuat: {path} ({error})":
        "The backup folder cannot be created: {path} ({error})",
    "Salinan cadangan rusak ({detail}); cadangan tidak disimpan.":
        "The backup copy is damaged ({detail}); it was not kept.",
    "{tool} tidak ditemukan di komputer ini. Pasang klien PostgreSQL (paket postgresql-client) "
    "atau jalankan sendiri: {command}":
        "{tool} was not found on this computer. Install the PostgreSQL client (package "
        "postgresql-client) or run it yourself: {command}",
    "{tool} gagal: {detail}": "{tool} failed: {detail}",
    # Windows: client tools, files held open (issue 22, points 3 and 4)
    "{tool} tidak ditemukan di komputer ini. Pasang \"Command Line Tools\" PostgreSQL dari "
    "penginstal EDB (postgresql.org/download/windows), atau isi variabel lingkungan "
    "{variable} dengan folder bin-nya, atau jalankan sendiri: {command}":
        "{tool} was not found on this computer. Install PostgreSQL's \"Command Line Tools\" "
        "with the EDB installer (postgresql.org/download/windows), or set the environment "
        "variable {variable} to their bin folder, or run it yourself: {command}",
    "Berkas {name} sedang dibuka program lain (mis. Excel). Tutup berkas itu lalu coba lagi, "
    "atau simpan dengan nama lain.":
        "The file {name} is open in another program (e.g. Excel). Close it and try again, "
        "or save under another name.",
    "{name} tidak dapat disimpan: {error}": "{name} could not be saved: {error}",
    "{name} tidak dapat disimpan di {folder}: {error}":
        "{name} could not be saved in {folder}: {error}",
    "Berkas cadangan tidak ditemukan: {path}": "Backup file not found: {path}",
    "{name} bukan cadangan PostgreSQL (pg_dump format custom).":
        "{name} is not a PostgreSQL backup (pg_dump custom format).",
    "{name} bukan cadangan basis data Diskominfo Desk.":
        "{name} is not a Diskominfo Desk database backup.",
    "{name} dibuat oleh versi Diskominfo Desk yang lebih baru; perbarui aplikasi sebelum "
    "memulihkannya.":
        "{name} was made by a newer version of Diskominfo Desk; update the application "
        "before restoring it.",
    "cadangkan basis data sekarang": "back the database up now",
    "folder tujuan (bawaan: folder data pengguna/backups)":
        "target folder (default: user data folder/backups)",
    "pulihkan basis data dari berkas cadangan": "restore the database from a backup file",
    "Cadangan ditulis: {path}": "Backup written: {path}",
    "Dipulihkan dari {file}. Basis data sebelumnya dicadangkan ke {path}.":
        "Restored from {file}. The previous database was backed up to {path}.",
    # dashboard
    "angka ringkas Beranda": "the dashboard's figures",
    "hitung seolah-olah hari ini tanggal ini": "count as if today were this date",
    "Aplikasi: {n}": "Applications: {n}",
    "Dataset: {n} (terlambat diperbarui {late}, segera {due})":
        "Datasets: {n} (update overdue {late}, due soon {due})",
    "Kerja sama: {n} ({expiring} segera berakhir)": "Agreements: {n} ({expiring} expiring soon)",
    "Tindak lanjut kunjungan lewat tenggat: {n}": "Visit follow-ups past their deadline: {n}",
    "Aplikasi menurut status": "Applications by status",
    "Aplikasi menurut OPD": "Applications by OPD",
    "Dataset menurut sifat data": "Datasets by access level",
    "Kesegaran dataset": "Dataset freshness",
    "Kerja sama menurut status": "Agreements by status",
    "Kunjungan per tahun": "Visits per year",
    "Kunjungan menurut provinsi mitra": "Visits by partner province",
    "Deployment {n} hari terakhir": "Deployments in the last {n} days",
    "Lainnya ({n} OPD)": "Others ({n} OPDs)",
    "Lainnya ({n} provinsi)": "Others ({n} provinces)",
    "Semua {n} aplikasi: {what}": "All {n} applications: {what}",
    "Semua {n} dataset: {what}": "All {n} datasets: {what}",
    "Semua {n} kerja sama: {what}": "All {n} agreements: {what}",
    "Semua {n} kunjungan: {what}": "All {n} visits: {what}",
    "Semua {n} deployment: {what}": "All {n} deployments: {what}",
    "belum pernah diperbarui": "never updated",
    "hari ini": "today",
    "{n} hari lagi": "in {n} days",
    "lewat {n} hari": "{n} days ago",
    "Kerja sama segera berakhir": "Agreements expiring soon",
    "berakhir {when}": "ends {when}",
    "Tindak lanjut kunjungan jatuh tempo": "Visit follow-ups due",
    "{instansi} · tenggat {when}": "{instansi} · due {when}",
    "Sertifikat SSL segera berakhir": "SSL certificates expiring",
    "{app} · sertifikat berakhir {when}": "{app} · certificate expires {when}",
    "Dataset terlambat diperbarui": "Datasets overdue for an update",
    "pembaruan jatuh tempo {when}": "update was due {when}",
    (
        "Laporan kegiatan {period} ditulis ke {path}: {visits} kunjungan, {agreements} kerja sama, "
        "{apps} aplikasi, {deployments} deployment, {datasets} dataset."
    ):
        (
            "Activity report {period} written to {path}: {visits} visits, {agreements} agreements, "
            "{apps} applications, {deployments} deployments, {datasets} datasets."
        ),
    "laporan kegiatan satu periode (PDF)": "activity report for a period (PDF)",
    "awal periode": "start of the period",
    "akhir periode": "end of the period",
    "atau satu periode: 2026, 2026-Q1, 2026-03": "or one period: 2026, 2026-Q1, 2026-03",
    "berkas PDF tujuan": "PDF file to write",
    "Pilih --period atau --from/--to, tidak keduanya.": "Give --period or --from/--to, not both.",
    "tanggal tidak valid: {text} (tulis TTTT-BB-HH)": "invalid date: {text} (write YYYY-MM-DD)",
    "Sebutkan periodenya: --from TTTT-BB-HH --to TTTT-BB-HH, atau --period 2026-Q1.":
        "Name the period: --from YYYY-MM-DD --to YYYY-MM-DD, or --period 2026-Q1.",
    "Triwulan {q} {year}": "Quarter {q} {year}",
    "Tahun {year}": "Year {year}",
    "Periode tidak dikenal: {text}. Contoh: 2026, 2026-Q1, 2026-03.":
        "Unknown period: {text}. Examples: 2026, 2026-Q1, 2026-03.",
    "Akhir periode ({end}) sebelum awalnya ({start}).":
        "The period ends ({end}) before it starts ({start}).",
    "(tanpa OPD)": "(no OPD)",
    "Tanggal": "Date",
    "Instansi": "Institution",
    "Daerah": "Region",
    "Topik": "Topic",
    "Peserta": "Participants",
    "Kunjungan per bulan": "Visits per month",
    "Diterima": "Received",
    "Dilakukan": "Made",
    "Laporan Kegiatan": "Activity Report",
    "Kunjungan diterima": "Visits received",
    "Kunjungan dilakukan": "Visits made",
    "Kerja sama ditandatangani": "Agreements signed",
    "Aplikasi terdaftar": "Applications registered",
    "Deployment (berhasil / gagal)": "Deployments (succeeded / failed)",
    "Dataset dirilis": "Datasets released",
    "Dataset terlambat diperbarui pada akhir periode":
        "Datasets overdue for an update at the end of the period",
    "Uraian": "Item",
    "Jumlah": "Count",
    "Tidak ada.": "None.",
    "LAPORAN KEGIATAN": "ACTIVITY REPORT",
    "Periode {start} s.d. {end} · dicetak {today}": "Period {start} to {end} · printed {today}",
    "Ringkasan": "Summary",
    "1. Kunjungan kerja": "1. Study visits",
    "a. Kunjungan diterima (daerah lain berkunjung)": "a. Visits received (other regions visiting)",
    "b. Kunjungan dilakukan (kami berkunjung)": "b. Visits made (we visit)",
    "2. Kerja sama": "2. Cooperation agreements",
    "a. Naskah ditandatangani dalam periode ini": "a. Signed in this period",
    "Jenis": "Kind",
    "Judul": "Title",
    "Mitra": "Partner",
    "Berlaku s.d.": "Valid until",
    "Status": "Status",
    "b. Status seluruh kerja sama saat ini": "b. Status of all agreements today",
    "3. Aplikasi": "3. Applications",
    "a. Aplikasi terdaftar (tanggal surat rekomendasi, atau tanggal dicatat)":
        "a. Applications registered (date of the recommendation letter, or of entry)",
    "Nama aplikasi": "Application",
    "OPD pemilik": "Owning OPD",
    "b. Deployment": "b. Deployments",
    "Aplikasi": "Application",
    "Versi": "Version",
    "Lingkungan": "Environment",
    "4. Data (Satu Data Indonesia)": "4. Data (Satu Data Indonesia)",
    "a. Dataset dirilis": "a. Datasets released",
    "Tanggal rilis": "Release date",
    "Produsen data": "Data producer",
    "Sifat": "Access",
    "b. Dataset terlambat diperbarui per {date}, menurut OPD":
        "b. Datasets overdue for an update on {date}, by OPD",
    "OPD": "OPD",
    "Terlambat": "Overdue",
    "Dataset terjadwal": "Scheduled datasets",
    # catalog sync (CKAN client)
    "Token katalog belum diisi; simpan token di Pengaturan > Katalog.":
        "No catalog token yet; save the token in Settings > Catalog.",
    "Server katalog tidak memasang plugin showcase; aplikasi tetap dicatat di sini saja.":
        "The catalog server has no showcase plugin; applications stay in this register only.",
    "Sertifikat server katalog tidak dapat diverifikasi. Jika kantor memakai proksi atau CA "
    "sendiri, isi berkas sertifikat CA di Pengaturan.":
        "The catalog server's certificate could not be verified. If the office uses its own "
        "proxy or CA, set the CA certificate file in Settings.",
    "Server katalog tidak menjawab dalam {seconds} detik.":
        "The catalog server did not answer within {seconds} seconds.",
    "Tidak dapat terhubung ke server katalog {url}; periksa jaringan.":
        "Cannot connect to the catalog server {url}; check the network.",
    "Alamat katalog tidak valid: {url}. Contoh: https://data.contoh.go.id":
        "Invalid catalog address: {url}. Example: https://data.example.go.id",
    "Alamat katalog tidak boleh memuat nama pengguna atau kata sandi; isi token di kolom "
    "token.":
        "The catalog address must not contain a user name or password; put the token in the "
        "token field.",
    "Alamat katalog harus memakai https:// (http:// hanya untuk localhost), agar token tidak "
    "terkirim terbuka: {url}":
        "The catalog address must use https:// (http:// only for localhost) so the token is "
        "not sent in the clear: {url}",
    "Nama header token tidak valid: {name}": "Invalid token header name: {name}",
    "Berkas sertifikat CA tidak ditemukan: {path}": "CA certificate file not found: {path}",
    "Berkas sertifikat CA tidak dapat dibaca: {path} ({error})":
        "Cannot read the CA certificate file: {path} ({error})",
    "Jawaban server katalog tidak dikenali (HTTP {status}) untuk {action}.":
        "Unrecognised answer from the catalog server (HTTP {status}) to {action}.",
    "Server katalog meminta pengiriman diperlambat (HTTP 429).":
        "The catalog server asks us to slow down (HTTP 429).",
    "Server katalog meminta pengiriman diperlambat; coba lagi dalam {seconds} detik.":
        "The catalog server asks us to slow down; try again in {seconds} seconds.",
    "Server katalog sedang bermasalah (HTTP {status}); coba lagi nanti.":
        "The catalog server is having trouble (HTTP {status}); try again later.",
    "Jawaban server katalog tidak dapat dibaca (HTTP {status}).":
        "The catalog server's answer cannot be read (HTTP {status}).",
    "Server katalog menolak permintaan: {detail}":
        "The catalog server refused the request: {detail}",
    "Server katalog melaporkan kesalahan {kind}: {detail}":
        "The catalog server reported an error {kind}: {detail}",
    "Server katalog mengalihkan permintaan ke {location}; perbarui alamat katalog di "
    "Pengaturan.":
        "The catalog server redirects to {location}; update the catalog address in Settings.",
    "Yang menjawab bukan API katalog, melainkan halaman web (HTTP {status}: {summary}). "
    "Periksa alamat katalog, atau proksi jaringan sedang bermasalah.":
        "A web page answered instead of the catalog API (HTTP {status}: {summary}). Check the "
        "catalog address, or the network proxy is having trouble.",
    "Server katalog tidak mengenal perintah {action}; plugin yang diperlukan mungkin tidak "
    "terpasang.":
        "The catalog server does not know the action {action}; the plugin it needs may not be "
        "installed.",
    "Server katalog menolak data: {detail}": "The catalog server rejected the data: {detail}",
    "Server katalog menolak akses ({detail}). Periksa token dan hak pengguna di organisasi "
    "tersebut.":
        "The catalog server denied access ({detail}). Check the token and the user's rights in "
        "that organization.",
    "Tidak ditemukan di katalog: {detail}": "Not found in the catalog: {detail}",
    "Pencarian di katalog ditolak: {detail}": "The catalog refused the search: {detail}",
    "Dataset di katalog sudah diubah orang lain sejak terakhir dibaca ({fields}); ambil versi "
    "terbaru lalu ulangi.":
        "Someone changed the dataset in the catalog since it was last read ({fields}); fetch "
        "the latest version and try again.",
    "Server katalog mengabaikan filter pencarian (fq); kemungkinan proksi di depannya "
    "membuangnya. Sinkronisasi dihentikan agar tidak salah baca.":
        "The catalog server ignores the search filter (fq); a proxy in front of it probably "
        "drops it. Sync stopped rather than misread the catalog.",
    "Server katalog mengabaikan offset saat membaca {what}.":
        "The catalog server ignores the offset when reading {what}.",
    "Nama pengguna katalog belum diisi.": "No catalog user name yet.",
    "Pengguna {user} tidak dikenal oleh server katalog.":
        "The catalog server does not know the user {user}.",
    "Token tidak berlaku atau bukan milik pengguna {user}.":
        "The token is invalid or does not belong to the user {user}.",
    "Token katalog memuat karakter yang tidak sah; salin ulang token dari portal.":
        "The catalog token contains characters that are not allowed; copy it again from the "
        "portal.",
    "Indeks pencarian server katalog tampaknya rusak: pencarian kosong padahal ada dataset. "
    "Minta pengelola portal membangun ulang indeks (search-index rebuild).":
        "The catalog server's search index looks broken: search finds nothing although there "
        "are datasets. Ask the portal's administrator to rebuild the index (search-index "
        "rebuild).",
    "Sinkronisasi: {pushed} dikirim, {pulled} diambil, {deleted} dihapus, {conflicts} konflik, "
    "{errors} galat":
        "Sync: {pushed} pushed, {pulled} pulled, {deleted} deleted, {conflicts} conflicts, "
        "{errors} errors",
    "Impor katalog: {pulled} dataset ditambahkan, {errors} galat":
        "Catalog import: {pulled} datasets added, {errors} errors",
    "sinkronkan dataset dengan katalog CKAN daerah": "sync datasets with the region's CKAN catalog",
    "alamat katalog (diingat untuk berikutnya)": "catalog address (remembered for next time)",
    "nama pengguna di katalog (diingat untuk berikutnya)":
        "user name in the catalog (remembered for next time)",
    "jumlah percobaan per permintaan (bawaan 5)": "attempts per request (default 5)",
    "impor dataset dari portal CKAN mana pun (hanya membaca)":
        "import datasets from any CKAN portal (read only)",
    "hanya dataset organisasi ini": "only this organization's datasets",
    "Sinkronisasi lain sedang berjalan untuk basis data ini{owner}; coba lagi nanti.":
        "Another sync is running for this database{owner}; try again later.",
    "proses {pid} di komputer ini": "process {pid} on this computer",
    "Terhenti sebelum selesai (proses ditutup paksa atau komputer mati); "
    "yang sudah tersimpan tetap ada.":
        "Stopped before it finished (the process was killed or the computer went off); "
        "what was already saved stays.",
    "Konflik tidak ditemukan atau sudah diselesaikan.": "Conflict not found or already resolved.",
    "Konflik penghapusan hanya dapat diselesaikan dengan memilih salah satu sisi.":
        "A deletion conflict can only be resolved by choosing one side.",
    "Dataset tanpa organisasi di portal; dilewati.":
        "Dataset without an organization on the portal; skipped.",
    "Mengimpor dataset dari portal ({done}/{total})": "Importing datasets from the portal "
                                                      "({done}/{total})",
    "Sinkronisasi selesai.": "Sync finished.",
    "Menghubungi katalog...": "Contacting the catalog...",
    "Mengirim perubahan lokal ({done}/{total})": "Pushing local changes ({done}/{total})",
    "Memeriksa dataset yang dihapus di katalog...": "Checking for datasets deleted in the "
                                                    "catalog...",
    "Mengambil perubahan dari katalog ({done}/{total})":
        "Pulling changes from the catalog ({done}/{total})",
    "Sinkronisasi dibatalkan.": "Sync cancelled.",
    "Dibatalkan.": "Cancelled.",
    "OPD {opd} belum dipetakan ke organisasi di katalog; atur di Sinkronisasi > Pemetaan OPD.":
        "OPD {opd} is not mapped to an organization in the catalog yet; set it in Sync > OPD "
        "mapping.",
    "Alamat katalog belum diatur; berikan --catalog URL sekali, alamat itu lalu diingat.":
        "No catalog address yet; give --catalog URL once and it is remembered.",
    "Basis data ini mencatat lebih dari satu versi skema; tidak diubah.":
        "This database records more than one schema version; it was not changed.",
    # sync messages and the conflicts command (issue 21, items 6 and 9)
    "Konflik terbuka menunggu keputusan: lihat dengan 'diskominfo-desk conflicts', "
    "selesaikan dengan 'diskominfo-desk conflicts resolve ID mine|theirs|NILAI'.":
        "Open conflicts wait for a decision: list them with 'diskominfo-desk conflicts', "
        "resolve with 'diskominfo-desk conflicts resolve ID mine|theirs|VALUE'.",
    "{n} konflik terbuka. Selesaikan dengan 'diskominfo-desk conflicts resolve ID "
    "PILIHAN' (mine: nilai di sini, theirs: nilai katalog, atau nilai baru).":
        "{n} open conflicts. Resolve with 'diskominfo-desk conflicts resolve ID "
        "CHOICE' (mine: the value here, theirs: the catalog's value, or a new value).",
    "Pilihan: {words}": "Choices: {words}",
    "NILAI": "VALUE",
    'Konflik {id} ("{title}", {field}) diselesaikan. Sinkronisasi berikutnya membawa '
    'hasilnya ke katalog.':
        'Conflict {id} ("{title}", {field}) resolved. The next sync takes the outcome to the '
        'catalog.',
    "tampilkan konflik sinkronisasi yang masih terbuka": "list the open sync conflicts",
    "selesaikan satu konflik: mine (nilai di sini), theirs (nilai katalog) atau nilai baru":
        "resolve one conflict: mine (the value here), theirs (the catalog's value) or a new "
        "value",
    "  ... dan {n} galat lain (lihat log di halaman Sinkronisasi)":
        "  ... and {n} more errors (see the log on the Sync page)",
    '  ! konflik {id}: "{title}" - {field}': '  ! conflict {id}: "{title}" - {field}',
    "  ... dan {n} konflik lain": "  ... and {n} more conflicts",
    "Tidak ada konflik terbuka.": "No open conflicts.",
    'Konflik {id}: "{title}"': 'Conflict {id}: "{title}"',
    "Kolom:   {field}": "Field:   {field}",
    "Di sini: {value}": "Here:    {value}",
    "Katalog: {value}": "Catalog: {value}",
    "Konflik {id} tidak ditemukan atau sudah diselesaikan; lihat 'diskominfo-desk conflicts'.":
        "Conflict {id} not found or already resolved; see 'diskominfo-desk conflicts'.",
    "Pilihan {word} tidak berlaku untuk konflik {id}.":
        "The choice {word} does not apply to conflict {id}.",
    '"{title}": {message}': '"{title}": {message}',
    'Katalog menolak "{title}": pengguna {user} tidak berhak mengubah dataset ini atau '
    'organisasinya ({detail}).':
        'The catalog refused "{title}": the user {user} may not change this dataset or its '
        'organization ({detail}).',
    '"{title}" tidak ditemukan di katalog ({detail}).':
        '"{title}" was not found in the catalog ({detail}).',
    'Katalog menolak "{title}": {reason}': 'The catalog refused "{title}": {reason}',
    "alamat (nama) dataset": "dataset address (name)",
    "judul": "title",
    "organisasi": "organization",
    "deskripsi": "description",
    "lisensi": "licence",
    "pesan": "message",
    "alamat dataset ini sudah dipakai dataset lain di katalog":
        "this dataset address is already used by another dataset in the catalog",
    "wajib diisi": "required",
    "organisasi tidak ada di katalog": "the organization does not exist in the catalog",
    "hanya boleh huruf kecil, angka, - dan _": "only lowercase letters, digits, - and _",
    "tidak ditemukan": "not found",
    "tidak menjawab dalam {seconds} detik": "no answer within {seconds} seconds",
    "Katalog belum bisa melayani ({reason}) dan meminta menunggu; mencoba lagi dalam {wait} "
    "(percobaan {attempt} dari {tries}).":
        "The catalog cannot serve us yet ({reason}) and asks us to wait; trying again in "
        "{wait} (attempt {attempt} of {tries}).",
    "Katalog belum bisa melayani ({reason}); mencoba lagi dalam {wait} (percobaan {attempt} "
    "dari {tries}).":
        "The catalog cannot serve us yet ({reason}); trying again in {wait} (attempt "
        "{attempt} of {tries}).",
    "koneksi terputus": "connection lost",
    "Katalog menolak token: penulisan berjalan sebagai {who}, bukan sebagai pengguna katalog "
    "yang diatur. Periksa token (mungkin salah, kedaluwarsa atau dicabut) lalu simpan ulang di "
    "Pengaturan > Katalog. Sinkronisasi dihentikan. Jawaban server: {detail}":
        "The catalog refused the token: writes ran as {who}, not as the configured catalog "
        "user. Check the token (it may be wrong, expired or revoked) and save it again in "
        "Settings > Catalog. Sync stopped. The server said: {detail}",
    "{message} Sudah dicoba {attempts} kali selama {wait}.":
        "{message} Tried {attempts} times over {wait}.",
    "tamu tanpa hak": "a guest without rights",
    "Katalog tidak mengenali token: permintaan berjalan sebagai tamu tanpa hak. Periksa token "
    "(mungkin salah, kedaluwarsa atau dicabut) lalu simpan ulang di Pengaturan > Katalog. "
    "Jawaban server: {detail}":
        "The catalog does not recognise the token: the request ran as a guest without rights. "
        "Check the token (it may be wrong, expired or revoked) and save it again in Settings "
        "> Catalog. The server said: {detail}",
    "Server katalog sedang bermasalah (HTTP {status}) dan meminta menunggu {wait}; coba lagi "
    "nanti.":
        "The catalog server is having trouble (HTTP {status}) and asks us to wait {wait}; try "
        "again later.",
    "Pengguna katalog {user} tidak berhak melakukan ini; minta pengelola portal memberi hak "
    "di organisasi dataset itu. Jawaban server: {detail}":
        "The catalog user {user} may not do this; ask the portal's administrator for rights in "
        "that dataset's organization. The server said: {detail}",
    "ya": "yes",
    "tidak": "no",
    "(kosong)": "(empty)",
    "dihapus di katalog, diubah di sini": "deleted in the catalog, edited here",
    "diubah di sini": "edited here",
    "dihapus di katalog": "deleted in the catalog",
    "dihapus di sini, diubah di katalog": "deleted here, edited in the catalog",
    "dihapus di sini": "deleted here",
    "diubah di katalog": "edited in the catalog",
    "dihapus di katalog, masih dipakai aplikasi di sini":
        "deleted in the catalog, still used by applications here",
    "{n} detik": "{n} seconds",
    "{m} menit": "{m} minutes",
    "{m} menit {s} detik": "{m} minutes {s} seconds",
    # catalog identity, deletion guard, deletion conflicts (sync part 2)
    "(katalog sebelumnya)": "(the previous catalog)",
    "Katalog di {url} bukan katalog tempat dataset register ini tertaut ({linked}): "
    "tidak satu pun dataset tertaut dikenalnya. Tidak ada yang diubah. Jika ini "
    "katalog yang sama di alamat baru, pilih \"katalog yang sama\" (tautan "
    "dipertahankan); jika katalog lain, pilih \"katalog lain\" (tautan baru, tidak "
    "ada yang dihapus).":
        "The catalog at {url} is not the catalog this register's datasets are linked to "
        "({linked}): it knows none of the linked datasets. Nothing was changed. If it is the "
        "same catalog at a new address, choose \"same catalog\" (links kept); if it is "
        "another catalog, choose \"another catalog\" (fresh links, nothing deleted).",
    "Dataset \"{title}\" dihapus di katalog, tetapi tidak dapat dihapus di sini: {error}":
        "Dataset \"{title}\" was deleted in the catalog but cannot be deleted here: {error}",
    "Pilihan \"{word}\" tidak berlaku untuk konflik ini; pilih salah satu: {allowed}.":
        "\"{word}\" does not apply to this conflict; choose one of: {allowed}.",
    "katalog yang sama di alamat baru: tautan dataset dipertahankan":
        "the same catalog at a new address: dataset links are kept",
    "katalog lain: mulai tautan baru, tidak ada yang dihapus di sini maupun di katalog lama":
        "another catalog: start fresh links, nothing is deleted here or in the old catalog",
    "terapkan penghapusan dari katalog walau lebih dari batas bagian register dalam satu "
    "sinkronisasi":
        "apply the catalog's deletions even beyond the share of the register one sync may "
        "delete",
    "Jalankan lagi dengan --catalog-moved jika ini katalog yang sama di alamat baru, atau "
    "--catalog-new jika katalog lain (tautan baru, tidak ada yang dihapus).":
        "Run again with --catalog-moved if this is the same catalog at a new address, or "
        "--catalog-new if it is another catalog (fresh links, nothing deleted).",
    "{n} dataset hilang dari katalog tetapi tidak dihapus di sini: lebih dari {share}% "
    "register dalam satu sinkronisasi ({titles}). Periksa katalognya; jika memang dihapus, "
    "jalankan lagi dengan --confirm-deletions.":
        "{n} datasets are gone from the catalog but were not deleted here: more than {share}% "
        "of the register in one sync ({titles}). Check the catalog; if they really were "
        "deleted, run again with --confirm-deletions.",
    # sync: a dataset's visibility on the catalog (desktop.sync.publication)
    "Pada sinkronisasi berikutnya dataset ini dijadikan privat di katalog (hanya anggota "
    "organisasinya yang dapat melihatnya); dataset di katalog tidak dihapus.":
        "At the next sync this dataset is made private on the catalog (only its "
        "organization's members can see it); the catalog's dataset is not deleted.",
    "Pada sinkronisasi berikutnya dataset ini dibuka untuk umum di katalog, karena sifat "
    "datanya diubah di sini menjadi terbuka.":
        "At the next sync this dataset is opened to the public on the catalog, because its "
        "access level was changed here to open.",
    "Dataset ini tidak dikirim ke katalog: sifat datanya terbatas atau dikecualikan, atau "
    "memuat data pribadi.":
        "This dataset is not sent to the catalog: its access level is restricted or exempt, "
        "or it contains personal data.",
    "Dataset ini dikirim ke katalog sebagai dataset privat (hanya anggota organisasinya "
    "yang dapat melihatnya).":
        "This dataset is sent to the catalog as a private dataset (only its organization's "
        "members can see it).",
    'Sinkronisasi ini menjadikan "{title}" privat di katalog (tidak dihapus).':
        'This sync makes "{title}" private on the catalog (not deleted).',
    'Sinkronisasi ini membuka "{title}" untuk umum di katalog.':
        'This sync opens "{title}" to the public on the catalog.',
    # imports: bounded, and a clear message for every bad file (desktop.core.importing)
    "semua kolom yang dapat diimpor (XLSX/CSV), bukan kolom daftar: untuk dipindahkan ke "
    "basis data lain tanpa kehilangan data":
        "every importable column (XLSX/CSV) instead of the list's columns: to move records "
        "to another database without losing anything",
    "Ekspor lengkap hanya ke .xlsx atau .csv, bukan {suffix}.":
        "A full export goes to .xlsx or .csv only, not {suffix}.",
    "Tanggal di luar rentang yang masuk akal: {value} (tahun {low} sampai {high}).":
        "Date outside the plausible range: {value} (years {low} to {high}).",
    "Berisi karakter kendali {code} (mis. dari salinan terminal atau berkas rusak) yang "
    "tidak diizinkan.":
        "Contains the control character {code} (e.g. copied from a terminal or a damaged "
        "file), which is not allowed.",
    "Lembar kerja {name} memuat lebih dari {limit} baris data (batas impor, pengaturan "
    "“{setting}”). Pecah menjadi beberapa berkas.":
        "The sheet {name} holds more than {limit} data rows (the import limit, setting "
        "“{setting}”). Split it into several files.",
    "Berkas {name} rusak: bagian {part} bukan XML yang sah. Buka dan simpan ulang "
    "berkasnya di Excel.":
        "The file {name} is damaged: its part {part} is not well-formed XML. Open the file "
        "in Excel and save it again.",
    "Berkas {name} rusak: bagian {part} bukan XML yang sah (baris {line}). Buka dan simpan "
    "ulang berkasnya di Excel.":
        "The file {name} is damaged: its part {part} is not well-formed XML (line {line}). "
        "Open the file in Excel and save it again.",
    "Berkas {name} terlalu besar untuk diimpor: {size} MB, paling besar {limit} MB "
    "(pengaturan “{setting}”). Pecah menjadi beberapa berkas.":
        "The file {name} is too large to import: {size} MB, at most {limit} MB (setting "
        "“{setting}”). Split it into several files.",
    "Berkas {name} memuat deklarasi DOCTYPE/ENTITY di bagian {part} (tidak pernah ditulis "
    "oleh Excel; bisa memuat entitas eksternal atau ekspansi entitas); tidak dibaca.":
        "The file {name} holds a DOCTYPE/ENTITY declaration in its part {part} (Excel never "
        "writes one; it can carry external entities or entity expansion); not read.",
    "Isi berkas {name} terurai menjadi {size} MB, lebih dari batas {limit} MB (pengaturan "
    "“{setting}”); tidak dibaca.":
        "The content of {name} unpacks to {size} MB, over the limit of {limit} MB (setting "
        "“{setting}”); not read.",
    "Isi berkas {name} dimampatkan {ratio} kali (paling banyak {limit} kali, pengaturan "
    "“{setting}”): berkas seperti ini dibuat untuk menghabiskan memori; tidak dibaca.":
        "The content of {name} is compressed {ratio} times (at most {limit} times, setting "
        "“{setting}”): such a file is made to exhaust memory; not read.",
    "Berkas {name} bercampur pengodean: sebagian besar UTF-8, tetapi baris {row} bukan "
    "UTF-8. Tidak ada yang diimpor: perbaiki baris itu, atau simpan ulang berkasnya sebagai "
    "“CSV UTF-8”.":
        "The file {name} mixes encodings: mostly UTF-8, but line {row} is not UTF-8. Nothing "
        "was imported: fix that line, or save the file again as “CSV UTF-8”.",
    "Berkas {name} tidak dapat dibaca sebagai teks {encoding}: baris {row} memuat byte yang "
    "tidak sah. Simpan ulang berkasnya sebagai “CSV UTF-8”.":
        "The file {name} cannot be read as {encoding} text: line {row} holds invalid bytes. "
        "Save the file again as “CSV UTF-8”.",
    "Berkas {name} baris {row}: tanda kutip tidak pada tempatnya (isian yang diapit tanda "
    "kutip harus diikuti pemisah kolom). Tidak ada yang diimpor.":
        "The file {name}, line {row}: a misplaced quote (a quoted value must be followed by "
        "the column separator). Nothing was imported.",
    "Berkas {name} baris {row}: sebuah isian lebih dari {limit} karakter (mungkin tanda "
    "kutip yang tidak ditutup). Tidak ada yang diimpor.":
        "The file {name}, line {row}: a value longer than {limit} characters (perhaps a quote "
        "that is never closed). Nothing was imported.",
    "Berkas {name} berakhir di dalam tanda kutip yang dibuka sebelum baris {row}: tanda "
    "kutip tidak ditutup. Tidak ada yang diimpor.":
        "The file {name} ends inside a quote opened before line {row}: the quote is never "
        "closed. Nothing was imported.",
    "Berkas {name} memuat karakter NUL (baris {row}): bukan berkas teks CSV.":
        "The file {name} holds NUL characters (line {row}): it is not a CSV text file.",
    "lembar kerja": "worksheet",
    "Berkas {name} rusak di sekitar baris {row}; tidak ada yang diimpor. Buka dan simpan "
    "ulang berkasnya di Excel.":
        "The file {name} is damaged around row {row}; nothing was imported. Open the file in "
        "Excel and save it again.",
    "Judul kolom “{header}” ada dua kali (kolom {first} dan {second}) di {name}: kolom kedua "
    "akan terabaikan. Ganti nama atau hapus salah satunya.":
        "The column header “{header}” appears twice (columns {first} and {second}) in {name}: "
        "the second would be ignored. Rename or remove one of them.",
    "Lembar pertama {name} bukan lembar data.":
        "The first sheet of {name} is not a data sheet.",
    "Berkas {name} tidak dapat dibaca: {reason}":
        "The file {name} cannot be read: {reason}",
    "Berkas {name} berubah sejak dibaca; pilih berkasnya lagi.":
        "The file {name} changed since it was read; choose it again.",
    # loading the demo over a database that is not empty (issue 16)
    "profil kantor “{nama}”": "the office profile “{nama}”",
    "{n} data": "{n} records",
    " dan ": " and ",
    "Basis data sudah berisi {what}; data contoh akan menggantinya.":
        "The database already holds {what}; the demo data would replace it.",
    "Tambahkan --force untuk tetap memuat data contoh dan mengganti profil kantor.":
        "Add --force to load the demo data anyway and replace the office profile.",
    "memuat data contoh walau basis data sudah berisi profil kantor (profil itu diganti)":
        "load the demo data even though the database has an office profile (it is replaced)",
    # keyring-self-test (issue 22: the Windows job's keyring round trip)
    "uji brankas kunci sistem operasi: simpan, baca kembali dan hapus satu rahasia uji":
        "test the operating system's keyring: store, read back and delete one test secret",
    "panjang rahasia uji dalam karakter (bawaan 2048)":
        "length of the test secret in characters (default 2048)",
    "N harus antara 1 dan 1.000.000.": "N must be between 1 and 1,000,000.",
    "Brankas kunci sistem operasi tidak tersedia: rahasia hanya disimpan selama program "
    "berjalan.":
        "The operating system's keyring is not available: secrets are kept only while the "
        "program runs.",
    "Brankas kunci menolak rahasia uji; rahasia hanya disimpan selama program berjalan.":
        "The keyring refused the test secret; secrets are kept only while the program runs.",
    "Brankas kunci mengembalikan rahasia yang berbeda ({got} dari {length} karakter).":
        "The keyring gave back a different secret ({got} of {length} characters).",
    "Brankas kunci bekerja: rahasia {length} karakter disimpan, dibaca kembali dan dihapus.":
        "The keyring works: a secret of {length} characters was stored, read back and "
        "deleted.",
    # which database is open and what chose it (Settings → Basis data, issue 16)
    "dari --database": "from --database",
    "dari variabel lingkungan {name}": "from the environment variable {name}",
    "dari pengaturan": "from the settings",
    "berkas bawaan": "the default file",
    "mode portabel, di samping program": "portable mode, beside the program",
}

# The English for a count of one of the messages written with ``tn()`` (desktop.core.i18n):
# Indonesian has one form for every number, English a singular and a plural (the plural is
# in MESSAGES_EN above).
SINGULAR_EN: dict[str, str] = {
    "{shown} dari {total} baris": "{shown} of {total} row",
    "{count} baris diekspor ke {path}": "{count} row exported to {path}",
    "Dicetak {date} · {count} baris": "Printed {date} · {count} row",
    "{count} data terkait tidak ditemukan.": "{count} linked record not found.",
    "{count} data terpilih": "{count} selected record",
    "{n} hari lagi": "in {n} day",
    "Semua {n} aplikasi: {what}": "{n} application: {what}",
    "Semua {n} dataset: {what}": "{n} dataset: {what}",
    "Semua {n} kerja sama: {what}": "{n} agreement: {what}",
    "Semua {n} kunjungan: {what}": "{n} visit: {what}",
    "Semua {n} deployment: {what}": "{n} deployment: {what}",
    "lewat {n} hari": "{n} day ago",
    "{n} detik": "{n} second",
    "  ... dan {n} galat lain (lihat log di halaman Sinkronisasi)":
        "  ... and {n} more error (see the log on the Sync page)",
    "  ... dan {n} konflik lain": "  ... and {n} more conflict",
    "{n} data": "{n} record",
    "{n} konflik terbuka. Selesaikan dengan 'diskominfo-desk conflicts resolve ID "
    "PILIHAN' (mine: nilai di sini, theirs: nilai katalog, atau nilai baru).":
        "{n} open conflict. Resolve it with 'diskominfo-desk conflicts resolve ID "
        "CHOICE' (mine: the value here, theirs: the catalog's value, or a new value).",
}
