<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB" sourcelanguage="id_ID">
<context>
    <name></name>
    <message>
        <location filename="../../desktop/ui/errors.py" line="50"/>
        <source>Diskominfo Desk</source>
        <translation>Diskominfo Desk</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/errors.py" line="55"/>
        <source>Terjadi kesalahan yang tidak terduga. Pekerjaan yang sudah disimpan tetap aman.</source>
        <translation>An unexpected error occurred. Work already saved is safe.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/errors.py" line="57"/>
        <source>Rincian tercatat di {path}.</source>
        <translation>Details were written to {path}.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/errors.py" line="59"/>
        <source>Salin rincian</source>
        <translation>Copy details</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/demo_action.py" line="36"/>
        <source>Data contoh hanya dapat dimuat ke basis data kosong; basis data ini sudah berisi {n} data. Tidak ada yang diubah.</source>
        <translation>
            <numerusform>The demo data can only be loaded into an empty database; this database already holds {n} record. Nothing was changed.</numerusform>
            <numerusform>The demo data can only be loaded into an empty database; this database already holds {n} records. Nothing was changed.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/ui/demo_action.py" line="42"/>
        <source>Data contoh mengganti profil kantor “{office}” dengan profil contoh “{demo}”, dan menambah data contoh (OPD, aplikasi, dataset, kunjungan, kerja sama). Profil kantor Anda tidak dapat dikembalikan kecuali dari cadangan.

Muat data contoh dan ganti profil kantor?</source>
        <translation>The demo data replaces the office profile “{office}” with the demo profile “{demo}” and adds demo records (OPDs, applications, datasets, visits, agreements). Your office profile cannot be brought back except from a backup.

Load the demo data and replace the office profile?</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/demo_action.py" line="51"/>
        <location filename="../../desktop/ui/demo_action.py" line="67"/>
        <source>Muat data contoh</source>
        <translation>Load demo data</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/demo_action.py" line="51"/>
        <source>Ya</source>
        <translation>Yes</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/demo_action.py" line="70"/>
        <location filename="../../desktop/ui/errors.py" line="62"/>
        <source>Tutup</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/demo_action.py" line="77"/>
        <source>Memuat data contoh…</source>
        <translation>Loading demo data…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/ask.py" line="27"/>
        <location filename="../../desktop/ui/catalog_change.py" line="37"/>
        <source>Batal</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/catalog_change.py" line="28"/>
        <source>Alamat katalog berubah</source>
        <translation>Catalog address changed</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/catalog_change.py" line="29"/>
        <source>Dataset register ini tertaut ke katalog di {old}. Apakah {new} katalog yang sama di alamat baru, atau katalog lain?</source>
        <translation>This register&apos;s datasets are linked to the catalog at {old}. Is {new} the same catalog at a new address, or another catalog?</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/catalog_change.py" line="32"/>
        <source>Katalog yang sama: tautan dipertahankan. Katalog lain: tautan dimulai baru dan dataset yang pernah terbit dikirim ke katalog itu; tidak ada yang dihapus, di sini maupun di katalog lama.</source>
        <translation>Same catalog: links are kept. Another catalog: links start afresh and the datasets published before are sent to that catalog; nothing is deleted, here or in the old catalog.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/catalog_change.py" line="35"/>
        <source>Katalog yang sama</source>
        <translation>Same catalog</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/catalog_change.py" line="36"/>
        <source>Katalog lain</source>
        <translation>Another catalog</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/catalog_change.py" line="50"/>
        <source>Banyak dataset hilang dari katalog</source>
        <translation>Many datasets are gone from the catalog</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/catalog_change.py" line="51"/>
        <source>{n} dataset tidak ada lagi di katalog, lebih dari {share}% register. Belum ada yang dihapus di sini. Hapus juga di sini?</source>
        <translation>
            <numerusform>{n} dataset is no longer in the catalog, more than {share}% of the register. Nothing has been deleted here yet. Delete it here too?</numerusform>
            <numerusform>{n} datasets are no longer in the catalog, more than {share}% of the register. Nothing has been deleted here yet. Delete them here too?</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/ui/catalog_change.py" line="56"/>
        <source>… dan {n} lainnya</source>
        <translation>… and {n} more</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/catalog_change.py" line="58"/>
        <source>Hapus di sini juga</source>
        <translation>Delete here too</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/catalog_change.py" line="59"/>
        <source>Jangan hapus</source>
        <translation>Do not delete</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/single_instance.py" line="188"/>
        <source>Diskominfo Desk sudah terbuka untuk basis data ini, tetapi jendelanya tidak menjawab. Tunggu sebentar lalu coba lagi, atau tutup jendela yang lama (bila perlu lewat Task Manager).</source>
        <translation>Diskominfo Desk is already open on this database, but its window does not answer. Wait a moment and try again, or close the old window (through Task Manager if need be).</translation>
    </message>
</context>
<context>
    <name>AgreementPage</name>
    <message numerus="yes">
        <location filename="../../desktop/ui/agreement_pages.py" line="67"/>
        <source>{n} segera berakhir</source>
        <translation>
            <numerusform>{n} expiring soon</numerusform>
            <numerusform>{n} expiring soon</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/agreement_pages.py" line="68"/>
        <source>Baris berwarna: kerja sama yang masih berlaku dan berakhir dalam {n} hari. Arahkan penunjuk ke baris untuk rinciannya.</source>
        <translation>
            <numerusform>Tinted rows: agreements still in force that end within {n} day. Point at a row for the details.</numerusform>
            <numerusform>Tinted rows: agreements still in force that end within {n} days. Point at a row for the details.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/ui/agreement_pages.py" line="73"/>
        <source>Buat &amp;PKS dari KB ini</source>
        <translation>Draft a &amp;PKS from this KB</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/agreement_pages.py" line="75"/>
        <source>Peri&amp;ksa naskah</source>
        <translation>Chec&amp;k the text</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/agreement_pages.py" line="77"/>
        <source>Pratinjau &amp;&amp; &amp;cetak PDF</source>
        <translation>Preview &amp;&amp; &amp;print PDF</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/agreement_pages.py" line="118"/>
        <source>Berakhir dalam {n} hari</source>
        <translation>
            <numerusform>Ends in {n} day</numerusform>
            <numerusform>Ends in {n} days</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/ui/agreement_pages.py" line="217"/>
        <source>Draf {kind} baru</source>
        <translation>New {kind} draft</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/agreement_pages.py" line="251"/>
        <source>Naskah ditandatangani</source>
        <translation>Agreement signed</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/agreement_pages.py" line="252"/>
        <source>Lampirkan pindaian naskah yang sudah ditandatangani?</source>
        <translation>Attach the scan of the signed agreement?</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/agreement_pages.py" line="253"/>
        <source>Lampirkan…</source>
        <translation>Attach…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/agreement_pages.py" line="254"/>
        <source>Nanti</source>
        <translation>Later</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/agreement_pages.py" line="353"/>
        <source>PDF tidak dapat dibuat</source>
        <translation>The PDF could not be made</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/agreement_pages.py" line="357"/>
        <source>Menyusun PDF…</source>
        <translation>Making the PDF…</translation>
    </message>
</context>
<context>
    <name>ArticlesEditor</name>
    <message>
        <location filename="../../desktop/ui/widgets/articles.py" line="96"/>
        <source>Perluas…</source>
        <translation>Expand…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/articles.py" line="98"/>
        <source>Sunting pasal di jendela lebar (Ctrl+Shift+E)</source>
        <translation>Edit the articles in a wide window (Ctrl+Shift+E)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/articles.py" line="72"/>
        <location filename="../../desktop/ui/widgets/articles.py" line="392"/>
        <source>Pasal</source>
        <translation>Articles</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/articles.py" line="76"/>
        <source>Teks pasal, ayat atau butir</source>
        <translation>Text of the article, paragraph or point</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/articles.py" line="79"/>
        <source>Pilih pasal, ayat atau butir untuk mengubah teksnya</source>
        <translation>Select an article, paragraph or point to edit its text</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/articles.py" line="82"/>
        <source>+ Pasal</source>
        <translation>+ Article</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/articles.py" line="83"/>
        <source>+ Ayat</source>
        <translation>+ Paragraph</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/articles.py" line="84"/>
        <source>+ Butir</source>
        <translation>+ Point</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/articles.py" line="85"/>
        <source>Hapus</source>
        <translation>Delete</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/articles.py" line="88"/>
        <source>Naikkan</source>
        <translation>Move up</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/articles.py" line="91"/>
        <source>Turunkan</source>
        <translation>Move down</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/articles.py" line="253"/>
        <source>Tercetak: {text}</source>
        <translation>Printed: {text}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/articles.py" line="257"/>
        <source>Belum terisi (dicetak &quot;....&quot;): {slots}</source>
        <translation>Not filled in yet (printed as &quot;....&quot;): {slots}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/articles.py" line="315"/>
        <source>Judul pasal</source>
        <translation>Article heading</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/articles.py" line="381"/>
        <source>Pasal {n}</source>
        <translation>Article {n}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/articles.py" line="383"/>
        <source>ayat ({n})</source>
        <translation>paragraph ({n})</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/articles.py" line="385"/>
        <source>butir {letter}</source>
        <translation>item {letter}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/articles.py" line="389"/>
        <source>judul</source>
        <translation>heading</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/articles.py" line="391"/>
        <source>teks</source>
        <translation>text</translation>
    </message>
</context>
<context>
    <name>ArticlesWindow</name>
    <message>
        <location filename="../../desktop/ui/articles_window.py" line="33"/>
        <source>Pasal: {title}</source>
        <translation>Articles: {title}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/articles_window.py" line="42"/>
        <source>Perubahan di sini langsung masuk ke formulir; simpan di formulir seperti biasa.</source>
        <translation>Changes made here go straight into the form; save in the form as usual.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/articles_window.py" line="52"/>
        <source>Selesai (Esc)</source>
        <translation>Done (Esc)</translation>
    </message>
</context>
<context>
    <name>BackupActions</name>
    <message>
        <location filename="../../desktop/ui/actions.py" line="115"/>
        <source>&amp;Cadangkan sekarang</source>
        <translation>&amp;Back up now</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="117"/>
        <source>&amp;Pulihkan dari cadangan…</source>
        <translation>&amp;Restore from a backup…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/backup_actions.py" line="35"/>
        <source>Mencadangkan basis data…</source>
        <translation>Backing up the database…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/backup_actions.py" line="47"/>
        <location filename="../../desktop/ui/backup_actions.py" line="54"/>
        <source>Pulihkan dari cadangan</source>
        <translation>Restore from a backup</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/backup_actions.py" line="48"/>
        <source>Cadangan Diskominfo Desk (*.sqlite3 *.dump)</source>
        <translation>Diskominfo Desk backups (*.sqlite3 *.dump)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/backup_actions.py" line="55"/>
        <source>Ganti seluruh isi basis data dengan cadangan {name}? Basis data saat ini dicadangkan lebih dulu.</source>
        <translation>Replace the whole database with the backup {name}? The current database is backed up first.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/backup_actions.py" line="57"/>
        <source>Pulihkan</source>
        <translation>Restore</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/backup_actions.py" line="61"/>
        <source>Memulihkan basis data…</source>
        <translation>Restoring the database…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/backup_actions.py" line="66"/>
        <source>Cadangan</source>
        <translation>Backup</translation>
    </message>
</context>
<context>
    <name>BerandaPage</name>
    <message>
        <location filename="../../desktop/ui/beranda.py" line="214"/>
        <source>Memuat data…</source>
        <translation>Loading data…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/beranda.py" line="209"/>
        <source>Beranda</source>
        <translation>Home</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/beranda.py" line="213"/>
        <source>Muat ulang</source>
        <translation>Reload</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/beranda.py" line="216"/>
        <source>Laporan kegiatan…</source>
        <translation>Activity report…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/beranda.py" line="271"/>
        <source>Dataset terlambat diperbarui</source>
        <translation>Datasets overdue for an update</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/beranda.py" line="272"/>
        <source>Kerja sama berakhir dalam {n} hari</source>
        <translation>
            <numerusform>Agreements ending within {n} day</numerusform>
            <numerusform>Agreements ending within {n} days</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/beranda.py" line="275"/>
        <source>Kunjungan dengan tindak lanjut lewat tenggat ({n} butir)</source>
        <translation>
            <numerusform>Visits with follow-ups past their deadline ({n} item)</numerusform>
            <numerusform>Visits with follow-ups past their deadline ({n} items)</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/ui/beranda.py" line="278"/>
        <source>Deployment gagal, 30 hari terakhir</source>
        <translation>Failed deployments, last 30 days</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/beranda.py" line="279"/>
        <source>Aplikasi terdaftar</source>
        <translation>Registered applications</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/beranda.py" line="280"/>
        <source>Dataset</source>
        <translation>Datasets</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/beranda.py" line="281"/>
        <source>Kerja sama berjalan</source>
        <translation>Agreements in force</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/beranda.py" line="282"/>
        <source>Kunjungan tahun {year}</source>
        <translation>Visits in {year}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/beranda.py" line="336"/>
        <source>Keadaan per {date}</source>
        <translation>As of {date}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/beranda.py" line="377"/>
        <source>Belum ada data.</source>
        <translation>No data yet.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/beranda.py" line="409"/>
        <source>Beranda: {what}</source>
        <translation>Home: {what}</translation>
    </message>
</context>
<context>
    <name>BerkasBox</name>
    <message>
        <location filename="../../desktop/ui/record/berkas_box.py" line="58"/>
        <location filename="../../desktop/ui/record/berkas_box.py" line="170"/>
        <source>Berkas</source>
        <translation>Files</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/record/berkas_box.py" line="73"/>
        <source>Simpan dulu untuk melampirkan berkas.</source>
        <translation>Save first to attach files.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/record/berkas_box.py" line="77"/>
        <source>Belum ada berkas. Pilih Tambah… atau seret berkas ke sini.</source>
        <translation>No files yet. Choose Add… or drag files here.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/record/berkas_box.py" line="85"/>
        <source>Tambah…</source>
        <translation>Add…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/record/berkas_box.py" line="86"/>
        <source>Buka</source>
        <translation>Open</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/record/berkas_box.py" line="87"/>
        <source>Simpan sebagai…</source>
        <translation>Save as…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/record/berkas_box.py" line="88"/>
        <location filename="../../desktop/ui/record/berkas_box.py" line="322"/>
        <source>Hapus</source>
        <translation>Delete</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/record/berkas_box.py" line="89"/>
        <source>Simpan semua (ZIP)…</source>
        <translation>Save all (ZIP)…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/record/berkas_box.py" line="169"/>
        <source>Berkas ({n})</source>
        <translation>Files ({n})</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/record/berkas_box.py" line="185"/>
        <source>Anda tidak memiliki peran Desk.</source>
        <translation>You have no Desk role.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/record/berkas_box.py" line="239"/>
        <source>Melampirkan berkas…</source>
        <translation>Attaching files…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/record/berkas_box.py" line="244"/>
        <source>Berkas dilampirkan.</source>
        <translation>Files attached.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/record/berkas_box.py" line="249"/>
        <source>Berkas tidak dilampirkan</source>
        <translation>Files not attached</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/record/berkas_box.py" line="251"/>
        <source>Tutup</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/record/berkas_box.py" line="292"/>
        <source>Dibuka: {name}</source>
        <translation>Opened: {name}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/record/berkas_box.py" line="295"/>
        <source>Membuka berkas…</source>
        <translation>Opening the file…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/record/berkas_box.py" line="304"/>
        <source>Semua berkas (*)</source>
        <translation>All files (*)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/record/berkas_box.py" line="305"/>
        <source>Simpan berkas</source>
        <translation>Save file</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/record/berkas_box.py" line="310"/>
        <location filename="../../desktop/ui/record/berkas_box.py" line="348"/>
        <source>Disimpan ke {path}</source>
        <translation>Saved to {path}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/record/berkas_box.py" line="311"/>
        <location filename="../../desktop/ui/record/berkas_box.py" line="349"/>
        <source>Menyimpan berkas…</source>
        <translation>Saving the file…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/record/berkas_box.py" line="319"/>
        <source>Hapus berkas</source>
        <translation>Delete file</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/record/berkas_box.py" line="320"/>
        <source>Hapus berkas “{name}” dari data ini? Penghapusan tercatat di log audit.</source>
        <translation>Delete the file “{name}” from this record? The deletion is recorded in the audit log.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/record/berkas_box.py" line="327"/>
        <source>Berkas dihapus.</source>
        <translation>File deleted.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/record/berkas_box.py" line="340"/>
        <source>Berkas {title}.zip</source>
        <translation>Files {title}.zip</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/record/berkas_box.py" line="341"/>
        <source>Simpan semua berkas</source>
        <translation>Save all files</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/record/berkas_parts.py" line="68"/>
        <source>Lampirkan berkas</source>
        <translation>Attach files</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/record/berkas_parts.py" line="70"/>
        <source>Berkas yang dapat dilampirkan (*.pdf *.png *.jpg *.jpeg *.gif *.webp *.docx *.xlsx);;Semua berkas (*)</source>
        <translation>Files that can be attached (*.pdf *.png *.jpg *.jpeg *.gif *.webp *.docx *.xlsx);;All files (*)</translation>
    </message>
</context>
<context>
    <name>CatalogSettingsBox</name>
    <message>
        <location filename="../../desktop/ui/sync/settings_box.py" line="43"/>
        <source>Katalog data (CKAN)</source>
        <translation>Data catalog (CKAN)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync/settings_box.py" line="57"/>
        <source>tempel token API dari portal untuk menggantinya</source>
        <translation>paste the API token from the portal to replace it</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync/settings_box.py" line="61"/>
        <source>Pilih…</source>
        <translation>Choose…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync/settings_box.py" line="69"/>
        <source> detik</source>
        <translation> seconds</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync/settings_box.py" line="71"/>
        <source>Terbitkan data terbatas/dikecualikan sebagai dataset privat</source>
        <translation>Publish restricted/exempt data as private datasets</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync/settings_box.py" line="74"/>
        <source> menit</source>
        <translation> minutes</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync/settings_box.py" line="75"/>
        <source>mati</source>
        <translation>off</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync/settings_box.py" line="76"/>
        <source>Alamat katalog</source>
        <translation>Catalog address</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync/settings_box.py" line="77"/>
        <source>Pengguna</source>
        <translation>User</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync/settings_box.py" line="78"/>
        <source>Token API</source>
        <translation>API token</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync/settings_box.py" line="80"/>
        <source>Nama header token</source>
        <translation>Token header name</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync/settings_box.py" line="81"/>
        <source>Sertifikat CA tambahan</source>
        <translation>Extra CA certificate</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync/settings_box.py" line="82"/>
        <source>Jeda antar penulisan</source>
        <translation>Pause between writes</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync/settings_box.py" line="84"/>
        <source>Sinkron otomatis setiap</source>
        <translation>Sync automatically every</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync/settings_box.py" line="86"/>
        <source>Simpan pengaturan</source>
        <translation>Save settings</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync/settings_box.py" line="87"/>
        <source>Tes koneksi</source>
        <translation>Test connection</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync/settings_box.py" line="124"/>
        <source>Belum ada token tersimpan untuk pengguna ini.</source>
        <translation>No token stored for this user yet.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync/settings_box.py" line="126"/>
        <source>Token dari variabel lingkungan DISKOMINFO_DESK_CATALOG_TOKEN.</source>
        <translation>Token from the environment variable DISKOMINFO_DESK_CATALOG_TOKEN.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync/settings_box.py" line="128"/>
        <source>Token tersimpan di gudang kunci sistem (keyring).</source>
        <translation>Token stored in the system keyring.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync/settings_box.py" line="134"/>
        <source>Sertifikat CA</source>
        <translation>CA certificate</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync/settings_box.py" line="135"/>
        <source>Sertifikat (*.pem *.crt *.cer)</source>
        <translation>Certificates (*.pem *.crt *.cer)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync/settings_box.py" line="173"/>
        <source>Pengaturan katalog disimpan.</source>
        <translation>Catalog settings saved.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync/settings_box.py" line="179"/>
        <source>Gudang kunci sistem tidak tersedia: token hanya diingat sampai aplikasi ditutup.</source>
        <translation>No system keyring: the token is kept only until the application closes.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync/settings_box.py" line="197"/>
        <source>Alamat katalog tidak diubah.</source>
        <translation>The catalog address was not changed.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync/settings_box.py" line="233"/>
        <source>Menghubungi katalog…</source>
        <translation>Contacting the catalog…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync/settings_box.py" line="240"/>
        <source>Terhubung ke CKAN {version} sebagai {user}. Organisasi yang boleh ditulis: {orgs}.</source>
        <translation>Connected to CKAN {version} as {user}. Organizations you may write to: {orgs}.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync/settings_box.py" line="245"/>
        <source>Server memasang ckanext-showcase: aplikasi diterbitkan sebagai showcase.</source>
        <translation>The server has ckanext-showcase: applications are published as showcases.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync/settings_box.py" line="247"/>
        <source>Aplikasi tetap lokal: server katalog tidak memasang ckanext-showcase.</source>
        <translation>Applications stay local: the catalog server does not have ckanext-showcase.</translation>
    </message>
</context>
<context>
    <name>ChangeWatch</name>
    <message>
        <location filename="../../desktop/ui/record/changed_bar.py" line="139"/>
        <source>pengguna lain</source>
        <translation>another user</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/record/changed_bar.py" line="149"/>
        <source>Muat ulang data</source>
        <translation>Reload the record</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/record/changed_bar.py" line="150"/>
        <source>Formulir ini berisi perubahan yang belum disimpan. Muat ulang versi di basis data dan buang perubahan Anda?</source>
        <translation>This form has unsaved changes. Reload the version in the database and discard your changes?</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/record/changed_bar.py" line="152"/>
        <source>Muat ulang</source>
        <translation>Reload</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/record/changed_bar.py" line="157"/>
        <source>Data ini sudah dihapus di basis data.</source>
        <translation>This record has been deleted in the database.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/record/changed_bar.py" line="160"/>
        <source>Dimuat ulang dari basis data.</source>
        <translation>Reloaded from the database.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/record/changed_bar.py" line="197"/>
        <source>Data sudah dihapus; isian Anda tetap di formulir sebagai data baru.</source>
        <translation>The record was deleted; your entries stay in the form as a new record.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/record/changed_bar.py" line="203"/>
        <source>Isian Anda tetap; simpan untuk menimpa versi di basis data.</source>
        <translation>Your entries stay; save to write them over the version in the database.</translation>
    </message>
</context>
<context>
    <name>ChangedBar</name>
    <message>
        <location filename="../../desktop/ui/record/changed_bar.py" line="46"/>
        <source>&amp;Muat ulang</source>
        <translation>Re&amp;load</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/record/changed_bar.py" line="48"/>
        <source>Ba&amp;ndingkan</source>
        <translation>Co&amp;mpare</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/record/changed_bar.py" line="59"/>
        <source>Dihapus oleh {name} pukul {time} —</source>
        <translation>Deleted by {name} at {time} —</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/record/changed_bar.py" line="60"/>
        <source>Diubah oleh {name} pukul {time} —</source>
        <translation>Changed by {name} at {time} —</translation>
    </message>
</context>
<context>
    <name>CollectionEditor</name>
    <message>
        <location filename="../../desktop/ui/widgets/collection.py" line="161"/>
        <source>+ Tambah baris</source>
        <translation>+ Add row</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/collection.py" line="162"/>
        <source>Hapus baris</source>
        <translation>Remove row</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/collection.py" line="165"/>
        <location filename="../../desktop/ui/widgets/collection.py" line="166"/>
        <source>Naikkan</source>
        <translation>Move up</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/collection.py" line="169"/>
        <location filename="../../desktop/ui/widgets/collection.py" line="170"/>
        <source>Turunkan</source>
        <translation>Move down</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/collection.py" line="332"/>
        <source>Baris {row}, {field}: {message}</source>
        <translation>Row {row}, {field}: {message}</translation>
    </message>
</context>
<context>
    <name>CompareDialog</name>
    <message>
        <location filename="../../desktop/ui/record/compare_dialog.py" line="72"/>
        <source>Bandingkan dengan basis data</source>
        <translation>Compare with the database</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/record/compare_dialog.py" line="82"/>
        <source>Data ini sudah dihapus dari basis data. Isian Anda masih ada di formulir; Anda dapat menyimpannya sebagai data baru.</source>
        <translation>This record has been deleted from the database. Your entries are still in the form; you can save them as a new record.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/record/compare_dialog.py" line="92"/>
        <source>Kolom</source>
        <translation>Field</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/record/compare_dialog.py" line="92"/>
        <source>Isian saya</source>
        <translation>My entries</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/record/compare_dialog.py" line="93"/>
        <source>Basis data</source>
        <translation>Database</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/record/compare_dialog.py" line="94"/>
        <source>Perbandingan per kolom</source>
        <translation>Field-by-field comparison</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/record/compare_dialog.py" line="103"/>
        <source>{n} kolom berbeda (ditandai {sign}).</source>
        <translation>
            <numerusform>{n} field differs (marked {sign}).</numerusform>
            <numerusform>{n} fields differ (marked {sign}).</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/ui/record/compare_dialog.py" line="109"/>
        <source>Pakai versi &amp;basis data</source>
        <translation>Use the &amp;database version</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/record/compare_dialog.py" line="112"/>
        <source>&amp;Tetap pakai isian saya</source>
        <translation>&amp;Keep my entries</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/record/compare_dialog.py" line="114"/>
        <source>Tutup</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>ConflictEditDialog</name>
    <message>
        <location filename="../../desktop/ui/sync/conflict_dialog.py" line="18"/>
        <source>Sunting nilai</source>
        <translation>Edit the value</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync/conflict_dialog.py" line="21"/>
        <source>Nilai baru untuk {field} (di sini: {mine}; di katalog: {theirs})</source>
        <translation>New value for {field} (here: {mine}; in the catalog: {theirs})</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync/conflict_dialog.py" line="25"/>
        <source>&amp;Pakai nilai ini</source>
        <translation>&amp;Use this value</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync/conflict_dialog.py" line="26"/>
        <source>Batal</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>ConflictsBox</name>
    <message>
        <location filename="../../desktop/ui/sync/conflicts_box.py" line="40"/>
        <source>Konflik</source>
        <translation>Conflicts</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync/conflicts_box.py" line="47"/>
        <source>Kolom yang diubah di sini dan di katalog sejak sinkron terakhir. Tidak ada yang ditimpa sampai Anda memilih.</source>
        <translation>Fields changed both here and in the catalog since the last sync. Nothing is overwritten until you choose.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync/conflicts_box.py" line="52"/>
        <source>Dataset</source>
        <translation>Datasets</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync/conflicts_box.py" line="52"/>
        <source>Kolom</source>
        <translation>Field</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync/conflicts_box.py" line="52"/>
        <source>Nilai di sini</source>
        <translation>Value here</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync/conflicts_box.py" line="53"/>
        <source>Nilai di katalog</source>
        <translation>Value in the catalog</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync/conflicts_box.py" line="61"/>
        <location filename="../../desktop/ui/sync/conflicts_box.py" line="105"/>
        <source>Pakai nilai di sini</source>
        <translation>Keep the value here</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync/conflicts_box.py" line="62"/>
        <location filename="../../desktop/ui/sync/conflicts_box.py" line="105"/>
        <source>Pakai nilai katalog</source>
        <translation>Take the catalog&apos;s value</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync/conflicts_box.py" line="63"/>
        <source>Sunting nilai…</source>
        <translation>Edit the value…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync/conflicts_box.py" line="101"/>
        <source>Hapus juga di katalog</source>
        <translation>Delete in the catalog too</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync/conflicts_box.py" line="102"/>
        <source>Pulihkan dengan nilai katalog</source>
        <translation>Restore with the catalog&apos;s values</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync/conflicts_box.py" line="103"/>
        <source>Simpan di sini, lepas dari katalog</source>
        <translation>Keep here, unlinked from the catalog</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync/conflicts_box.py" line="104"/>
        <source>Lepas dari aplikasi, lalu hapus</source>
        <translation>Unlink from the applications, then delete</translation>
    </message>
</context>
<context>
    <name>DateEditor</name>
    <message>
        <location filename="../../desktop/ui/widgets/fields.py" line="108"/>
        <source>HH/BB/TTTT</source>
        <translation>DD/MM/YYYY</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/fields.py" line="112"/>
        <location filename="../../desktop/ui/widgets/fields.py" line="113"/>
        <source>Pilih dari kalender</source>
        <translation>Pick from calendar</translation>
    </message>
</context>
<context>
    <name>DelayedProgress</name>
    <message>
        <location filename="../../desktop/ui/tasks.py" line="278"/>
        <source>Batal</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>DetailPane</name>
    <message>
        <location filename="../../desktop/ui/record/detail_pane.py" line="77"/>
        <source>&amp;Simpan</source>
        <translation>&amp;Save</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/record/detail_pane.py" line="80"/>
        <source>&amp;Batalkan perubahan</source>
        <translation>&amp;Revert changes</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/record/detail_pane.py" line="81"/>
        <source>&amp;Hapus</source>
        <translation>&amp;Delete</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/record/detail_pane.py" line="83"/>
        <source>&amp;Riwayat</source>
        <translation>&amp;History</translation>
    </message>
</context>
<context>
    <name>FileList</name>
    <message>
        <location filename="../../desktop/ui/record/berkas_parts.py" line="96"/>
        <source>Nama</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/record/berkas_parts.py" line="96"/>
        <source>Jenis</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/record/berkas_parts.py" line="96"/>
        <source>Ukuran</source>
        <translation>Size</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/record/berkas_parts.py" line="97"/>
        <source>Oleh</source>
        <translation>By</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/record/berkas_parts.py" line="97"/>
        <source>Waktu</source>
        <translation>Time</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/record/berkas_parts.py" line="98"/>
        <source>Berkas</source>
        <translation>Files</translation>
    </message>
</context>
<context>
    <name>FilterBar</name>
    <message>
        <location filename="../../desktop/ui/record/filter_bar.py" line="44"/>
        <source>Cari…  (Ctrl+F)</source>
        <translation>Search…  (Ctrl+F)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/record/filter_bar.py" line="45"/>
        <source>Cari</source>
        <translation>Search</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/record/filter_bar.py" line="88"/>
        <source>Semua: {label}</source>
        <translation>All: {label}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/record/filter_bar.py" line="131"/>
        <source>Hapus saringan ini</source>
        <translation>Remove this filter</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/record/filter_bar.py" line="136"/>
        <source>{n} data</source>
        <translation>
            <numerusform>{n} record</numerusform>
            <numerusform>{n} records</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/record/filter_bar.py" line="138"/>
        <source>{shown} dari {total} data</source>
        <translation>
            <numerusform>{shown} of {total} record</numerusform>
            <numerusform>{shown} of {total} records</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FindingsLabel</name>
    <message>
        <location filename="../../desktop/ui/agreement_findings.py" line="37"/>
        <source>✔ Naskah lengkap: tidak ada catatan.</source>
        <translation>✔ The text is complete: nothing to note.</translation>
    </message>
</context>
<context>
    <name>HistoryDialog</name>
    <message>
        <location filename="../../desktop/ui/history_dialog.py" line="77"/>
        <source>Riwayat: {title}</source>
        <translation>History: {title}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/history_dialog.py" line="80"/>
        <source>Setiap perubahan tercatat dengan nama pengguna dan waktunya (UTC).</source>
        <translation>Every change is recorded with the user&apos;s name and its time (UTC).</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/history_dialog.py" line="83"/>
        <source>Waktu / kolom</source>
        <translation>Time / field</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/history_dialog.py" line="83"/>
        <source>Pengguna / sebelum</source>
        <translation>User / before</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/history_dialog.py" line="84"/>
        <source>Tindakan / sesudah</source>
        <translation>Action / after</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/history_dialog.py" line="103"/>
        <source>&amp;Tutup</source>
        <translation>&amp;Close</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <location filename="../../desktop/ui/import_dialog.py" line="67"/>
        <source>Impor {kind} dari lembar kerja</source>
        <translation>Import {kind} from a spreadsheet</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_dialog.py" line="73"/>
        <source>&amp;Pilih berkas XLSX/CSV…</source>
        <translation>&amp;Choose an XLSX/CSV file…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_dialog.py" line="76"/>
        <location filename="../../desktop/ui/import_dialog.py" line="285"/>
        <source>Belum ada berkas.</source>
        <translation>No file yet.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_dialog.py" line="79"/>
        <source>Unduh &amp;templat kosong…</source>
        <translation>Download a blank &amp;template…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_dialog.py" line="80"/>
        <source>Lembar kerja dengan semua kolom yang dikenali, untuk diisi</source>
        <translation>A spreadsheet with every recognised column, to fill in</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_dialog.py" line="87"/>
        <source>Kolom lembar kerja dan kolom tujuan:</source>
        <translation>Spreadsheet columns and where they go:</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_dialog.py" line="90"/>
        <source>Kolom di berkas</source>
        <translation>Column in the file</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_dialog.py" line="90"/>
        <source>Diisikan ke</source>
        <translation>Goes into</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_dialog.py" line="90"/>
        <source>Contoh isi</source>
        <translation>Sample values</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_dialog.py" line="97"/>
        <source>Impor baris yang valid, lewati yang bermasalah</source>
        <translation>Import the valid rows, skip the ones with problems</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_dialog.py" line="99"/>
        <source>Jangan impor apa pun bila ada baris yang bermasalah</source>
        <translation>Import nothing if any row has a problem</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_dialog.py" line="106"/>
        <source>Baris</source>
        <translation>Row</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_dialog.py" line="106"/>
        <source>Hasil</source>
        <translation>Result</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_dialog.py" line="106"/>
        <source>Keterangan</source>
        <translation>Details</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_dialog.py" line="115"/>
        <source>Simpan &amp;laporan…</source>
        <translation>Save &amp;report…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_dialog.py" line="116"/>
        <source>Pe&amp;riksa</source>
        <translation>Chec&amp;k</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_dialog.py" line="117"/>
        <source>&amp;Impor</source>
        <translation>&amp;Import</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_dialog.py" line="119"/>
        <source>&amp;Tutup</source>
        <translation>&amp;Close</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_dialog.py" line="150"/>
        <source>Pilih lembar kerja</source>
        <translation>Choose a spreadsheet</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_dialog.py" line="151"/>
        <source>Lembar kerja (*.xlsx *.xlsm *.csv *.txt)</source>
        <translation>Spreadsheets (*.xlsx *.xlsm *.csv *.txt)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_dialog.py" line="161"/>
        <source>Simpan templat</source>
        <translation>Save template</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_dialog.py" line="162"/>
        <source>Templat impor {kind}.xlsx</source>
        <translation>Import template {kind}.xlsx</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_dialog.py" line="163"/>
        <source>Excel (*.xlsx)</source>
        <translation>Excel (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_dialog.py" line="169"/>
        <source>Templat disimpan ke {path}</source>
        <translation>Template saved to {path}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_dialog.py" line="173"/>
        <source>Membaca {name}…</source>
        <translation>Reading {name}…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/import_dialog.py" line="182"/>
        <source>{name}: {n} baris data (judul kolom di baris {row})</source>
        <translation>
            <numerusform>{name}: {n} data row (column headers on row {row})</numerusform>
            <numerusform>{name}: {n} data rows (column headers on row {row})</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_dialog.py" line="193"/>
        <source>— abaikan —</source>
        <translation>— ignore —</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_dialog.py" line="222"/>
        <source>Kolom wajib belum dipilih: {fields}</source>
        <translation>Required columns not chosen yet: {fields}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_dialog.py" line="226"/>
        <source>Dipilih lebih dari sekali: {fields}</source>
        <translation>Chosen more than once: {fields}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_dialog.py" line="253"/>
        <source>Mengimpor…</source>
        <translation>Importing…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_dialog.py" line="253"/>
        <source>Memeriksa baris…</source>
        <translation>Checking rows…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_dialog.py" line="260"/>
        <source>baru</source>
        <translation>new</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_dialog.py" line="260"/>
        <source>diperbarui</source>
        <translation>updated</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_dialog.py" line="261"/>
        <source>bermasalah</source>
        <translation>problem</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_dialog.py" line="278"/>
        <source>Dibatalkan: tidak ada yang diimpor.</source>
        <translation>Cancelled: nothing was imported.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_dialog.py" line="283"/>
        <location filename="../../desktop/ui/import_dialog.py" line="304"/>
        <source>Gagal: {message}</source>
        <translation>Failed: {message}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_dialog.py" line="293"/>
        <source>Simpan laporan impor</source>
        <translation>Save the import report</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_dialog.py" line="294"/>
        <source>Laporan impor {kind}</source>
        <translation>Import report {kind}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_dialog.py" line="296"/>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_dialog.py" line="309"/>
        <source>Laporan disimpan ke {path}</source>
        <translation>Report saved to {path}</translation>
    </message>
</context>
<context>
    <name>ListTransfer</name>
    <message>
        <location filename="../../desktop/ui/list_transfer.py" line="33"/>
        <source>Excel (*.xlsx)</source>
        <translation>Excel (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/list_transfer.py" line="33"/>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/list_transfer.py" line="34"/>
        <source>Laporan PDF (*.pdf)</source>
        <translation>PDF report (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/list_transfer.py" line="36"/>
        <source>Ekspor daftar</source>
        <translation>Export list</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/list_transfer.py" line="50"/>
        <source>{n} baris diekspor ke {path}</source>
        <translation>
            <numerusform>{n} row exported to {path}</numerusform>
            <numerusform>{n} rows exported to {path}</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/ui/list_transfer.py" line="52"/>
        <source>Mengekspor daftar…</source>
        <translation>Exporting the list…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/list_transfer.py" line="63"/>
        <source>Impor tidak tersedia di halaman ini.</source>
        <translation>Import is not available on this page.</translation>
    </message>
</context>
<context>
    <name>LongTextEditor</name>
    <message>
        <location filename="../../desktop/ui/widgets/fields.py" line="81"/>
        <source>satu butir per baris</source>
        <translation>one item per line</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="85"/>
        <source>Membuka basis data…</source>
        <translation>Opening the database…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="195"/>
        <location filename="../../desktop/ui/sidebar.py" line="46"/>
        <source>Kantor belum diatur</source>
        <translation>Office not set up yet</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="324"/>
        <source>Daftar dibuka setelah basis data siap…</source>
        <translation>The list opens once the database is ready…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sidebar.py" line="51"/>
        <source>Navigasi</source>
        <translation>Navigation</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="168"/>
        <source>Beranda</source>
        <translation>Home</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window_pages.py" line="65"/>
        <source>Sinkronisasi</source>
        <translation>Sync</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window_pages.py" line="75"/>
        <source>Pengguna</source>
        <translation>People</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="305"/>
        <source>Peran Anda tidak mengizinkan membuka {what}.</source>
        <translation>Your role does not allow opening {what}.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="92"/>
        <source>&amp;Baru</source>
        <translation>&amp;New</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="94"/>
        <source>&amp;Simpan</source>
        <translation>&amp;Save</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="96"/>
        <source>&amp;Hapus</source>
        <translation>&amp;Delete</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="98"/>
        <source>&amp;Cari</source>
        <translation>&amp;Find</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="102"/>
        <source>&amp;Impor dari lembar kerja…</source>
        <translation>&amp;Import from a spreadsheet…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="104"/>
        <source>&amp;Pengaturan…</source>
        <translation>&amp;Settings…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="228"/>
        <source>Cadangan ditulis: {path}</source>
        <translation>Backup written: {path}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="106"/>
        <source>&amp;Templat naskah KB/PKS…</source>
        <translation>Agreement &amp;templates (KB/PKS)…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="108"/>
        <source>&amp;Laporan kegiatan…</source>
        <translation>Activity &amp;report…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="110"/>
        <source>Sin&amp;kronkan</source>
        <translation>S&amp;ync</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="112"/>
        <source>Sinkronkan dataset dengan katalog data (F9)</source>
        <translation>Sync datasets with the data catalog (F9)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="121"/>
        <source>&amp;Keluar</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="127"/>
        <source>&amp;Tentang Diskominfo Desk</source>
        <translation>&amp;About Diskominfo Desk</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="125"/>
        <source>Isi data &amp;contoh…</source>
        <translation>Load &amp;demo data…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="132"/>
        <source>&amp;Berkas</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="135"/>
        <source>&amp;Sunting</source>
        <translation>&amp;Edit</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="136"/>
        <source>&amp;Alat</source>
        <translation>&amp;Tools</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="139"/>
        <source>&amp;Buka</source>
        <translation>&amp;Go</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="122"/>
        <source>&amp;Pengingat</source>
        <translation>&amp;Reminders</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="140"/>
        <source>Ban&amp;tuan</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="143"/>
        <source>Alat utama</source>
        <translation>Main toolbar</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/help_actions.py" line="39"/>
        <source>&amp;Tutup</source>
        <translation>&amp;Close</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="100"/>
        <source>&amp;Ekspor daftar…</source>
        <translation>&amp;Export list…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window_reload.py" line="27"/>
        <source>Pulihkan dari cadangan</source>
        <translation>Restore from a backup</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window_reload.py" line="28"/>
        <source>Basis data dipulihkan. Isi sebelumnya dicadangkan ke {path}.</source>
        <translation>The database was restored. Its previous contents were backed up to {path}.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window_reload.py" line="40"/>
        <source>Data contoh dimuat.</source>
        <translation>Demo data loaded.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/help_actions.py" line="31"/>
        <source>Tentang Diskominfo Desk</source>
        <translation>About Diskominfo Desk</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/help_actions.py" line="34"/>
        <source>&lt;b&gt;Diskominfo Desk&lt;/b&gt; {version}&lt;br&gt;Register aplikasi, dataset, kunjungan dan kerja sama Dinas Komunikasi dan Informatika.&lt;br&gt;Data wilayah: Kepmendagri 300.2.2-2138/2025 (cahyadsn/wilayah, MIT).</source>
        <translation>&lt;b&gt;Diskominfo Desk&lt;/b&gt; {version}&lt;br&gt;Register of the applications, datasets, visits and agreements of a regional communication and informatics office.&lt;br&gt;Region data: Kepmendagri 300.2.2-2138/2025 (cahyadsn/wilayah, MIT).</translation>
    </message>
</context>
<context>
    <name>OrgMapBox</name>
    <message>
        <location filename="../../desktop/ui/sync/orgmap_box.py" line="35"/>
        <source>OPD dan organisasi di katalog</source>
        <translation>OPDs and catalog organizations</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync/orgmap_box.py" line="40"/>
        <source>Dataset sebuah OPD diterbitkan atas nama organisasinya. OPD dicocokkan otomatis menurut nama atau singkatan; pilihan Anda di sini selalu didahulukan. Tes koneksi memuat daftar organisasi yang boleh Anda tulisi.</source>
        <translation>An OPD&apos;s datasets are published under its organization. OPDs are matched automatically by name or abbreviation; your choice here always comes first. Test connection loads the organizations you may write to.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync/orgmap_box.py" line="47"/>
        <source>OPD</source>
        <translation>OPD</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync/orgmap_box.py" line="47"/>
        <source>Organisasi di katalog</source>
        <translation>Catalog organization</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync/orgmap_box.py" line="47"/>
        <source>Cara</source>
        <translation>How</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync/orgmap_box.py" line="62"/>
        <source>— belum dipetakan —</source>
        <translation>— not mapped —</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync/orgmap_box.py" line="71"/>
        <source>pilihan pengguna</source>
        <translation>chosen by a user</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync/orgmap_box.py" line="72"/>
        <source>otomatis</source>
        <translation>automatic</translation>
    </message>
</context>
<context>
    <name>OverdueMarks</name>
    <message numerus="yes">
        <location filename="../../desktop/ui/dataset_marks.py" line="23"/>
        <source>{n} terlambat diperbarui</source>
        <translation>
            <numerusform>{n} overdue for update</numerusform>
            <numerusform>{n} overdue for update</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dataset_marks.py" line="24"/>
        <source>Baris berwarna: dataset yang belum diperbarui sesuai frekuensinya. Arahkan penunjuk ke baris untuk rinciannya.</source>
        <translation>Tinted rows: datasets not updated as often as their frequency says. Point at a row for the details.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dataset_marks.py" line="33"/>
        <source>Terlambat diperbarui (frekuensi: {f})</source>
        <translation>Overdue for update (frequency: {f})</translation>
    </message>
</context>
<context>
    <name>PdfPreviewDialog</name>
    <message>
        <location filename="../../desktop/ui/pdf_preview.py" line="63"/>
        <source>Pratinjau: {title}</source>
        <translation>Preview: {title}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pdf_preview.py" line="71"/>
        <source>Halaman {n}</source>
        <translation>Page {n}</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/pdf_preview.py" line="75"/>
        <source>{n} halaman</source>
        <translation>
            <numerusform>{n} page</numerusform>
            <numerusform>{n} pages</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pdf_preview.py" line="76"/>
        <source>&amp;Simpan PDF…</source>
        <translation>&amp;Save PDF…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pdf_preview.py" line="77"/>
        <source>Simpan &amp;DOCX…</source>
        <translation>Save &amp;DOCX…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pdf_preview.py" line="78"/>
        <source>Naskah yang sama sebagai dokumen Word, untuk ditelaah dan diubah bagian hukum</source>
        <translation>The same document as a Word file, for the legal section to review and amend</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pdf_preview.py" line="82"/>
        <source>&amp;Cetak…</source>
        <translation>&amp;Print…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pdf_preview.py" line="83"/>
        <source>&amp;Tutup</source>
        <translation>&amp;Close</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pdf_preview.py" line="101"/>
        <source>Simpan PDF</source>
        <translation>Save PDF</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pdf_preview.py" line="102"/>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pdf_preview.py" line="109"/>
        <location filename="../../desktop/ui/pdf_preview.py" line="135"/>
        <source>Disimpan ke {path}</source>
        <translation>Saved to {path}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pdf_preview.py" line="120"/>
        <source>Simpan DOCX</source>
        <translation>Save DOCX</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pdf_preview.py" line="121"/>
        <source>Dokumen Word (*.docx)</source>
        <translation>Word document (*.docx)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pdf_preview.py" line="145"/>
        <source>DOCX tidak dapat disimpan: {error}</source>
        <translation>The DOCX could not be saved: {error}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pdf_preview.py" line="157"/>
        <source>Menyusun DOCX…</source>
        <translation>Building the DOCX…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/pdf_preview.py" line="186"/>
        <source>{n} halaman dikirim ke pencetak</source>
        <translation>
            <numerusform>{n} page sent to the printer</numerusform>
            <numerusform>{n} pages sent to the printer</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pdf_preview.py" line="189"/>
        <source>Pencetakan dibatalkan</source>
        <translation>Printing cancelled</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pdf_preview.py" line="191"/>
        <source>Tidak dapat mencetak: {error}</source>
        <translation>Cannot print: {error}</translation>
    </message>
</context>
<context>
    <name>PeoplePage</name>
    <message>
        <location filename="../../desktop/ui/people_page.py" line="124"/>
        <source>Pengguna</source>
        <translation>People</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/people_page.py" line="127"/>
        <source>Setiap orang masuk dengan login PostgreSQL-nya sendiri; perannya menentukan apa yang boleh dibaca dan diubah, dan basis data sendiri yang menegakkannya.</source>
        <translation>Everyone logs in with their own PostgreSQL login; their role decides what they may read and change, and the database itself enforces it.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/people_page.py" line="133"/>
        <location filename="../../desktop/ui/people_page.py" line="209"/>
        <source>Login</source>
        <translation>Login</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/people_page.py" line="133"/>
        <location filename="../../desktop/ui/people_page.py" line="210"/>
        <location filename="../../desktop/ui/people_page.py" line="227"/>
        <location filename="../../desktop/ui/people_page.py" line="238"/>
        <source>Nama</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/people_page.py" line="133"/>
        <location filename="../../desktop/ui/people_page.py" line="211"/>
        <location filename="../../desktop/ui/people_page.py" line="229"/>
        <source>Peran</source>
        <translation>Role</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/people_page.py" line="133"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/people_page.py" line="141"/>
        <source>&amp;Tambah…</source>
        <translation>&amp;Add…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/people_page.py" line="142"/>
        <source>Ubah &amp;peran…</source>
        <translation>Change &amp;role…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/people_page.py" line="143"/>
        <source>Atur ulang &amp;sandi…</source>
        <translation>Reset &amp;password…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/people_page.py" line="145"/>
        <location filename="../../desktop/ui/people_page.py" line="199"/>
        <source>&amp;Nonaktifkan</source>
        <translation>&amp;Disable</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/people_page.py" line="175"/>
        <source>Aktif</source>
        <translation>Active</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/people_page.py" line="175"/>
        <source>Nonaktif</source>
        <translation>Disabled</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/people_page.py" line="198"/>
        <source>&amp;Aktifkan</source>
        <translation>&amp;Enable</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/people_page.py" line="203"/>
        <source>Tambah pengguna</source>
        <translation>Add a person</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/people_page.py" line="207"/>
        <source>huruf kecil, angka, garis bawah</source>
        <translation>lowercase letters, digits, underscores</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/people_page.py" line="225"/>
        <source>Ubah peran {login}</source>
        <translation>Change the role of {login}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/people_page.py" line="236"/>
        <source>Atur ulang sandi {login}</source>
        <translation>Reset the password of {login}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/people_page.py" line="245"/>
        <source>Sandi {login} diatur ulang.</source>
        <translation>The password of {login} was reset.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/people_page.py" line="252"/>
        <source>Nonaktifkan login</source>
        <translation>Disable login</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/people_page.py" line="253"/>
        <source>Nonaktifkan {login} ({name})? Ia tidak dapat masuk lagi dan sesinya yang terbuka diakhiri. Catatannya tetap ada.</source>
        <translation>Disable {login} ({name})? They can no longer log in and their open sessions are ended. Their records stay.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/people_page.py" line="255"/>
        <source>Nonaktifkan</source>
        <translation>Disable</translation>
    </message>
</context>
<context>
    <name>PersonDialog</name>
    <message>
        <location filename="../../desktop/ui/people_page.py" line="57"/>
        <source>Simpan</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/people_page.py" line="59"/>
        <source>Batal</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/people_page.py" line="75"/>
        <source>Sandi</source>
        <translation>Password</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/people_page.py" line="76"/>
        <source>Ulangi sandi</source>
        <translation>Repeat the password</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/people_page.py" line="94"/>
        <source>Kedua sandi tidak sama.</source>
        <translation>The two passwords differ.</translation>
    </message>
</context>
<context>
    <name>PickEditor</name>
    <message>
        <location filename="../../desktop/ui/widgets/record_pickers.py" line="38"/>
        <source>ketik untuk mencari…</source>
        <translation>type to search…</translation>
    </message>
</context>
<context>
    <name>PrintJob</name>
    <message>
        <location filename="../../desktop/ui/pdf_print.py" line="146"/>
        <source>Pencetak tidak dapat dibuka</source>
        <translation>The printer cannot be opened</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pdf_print.py" line="211"/>
        <source>Mencetak…</source>
        <translation>Printing…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pdf_print.py" line="211"/>
        <source>Batal</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pdf_print.py" line="214"/>
        <source>Mencetak</source>
        <translation>Printing</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pdf_print.py" line="232"/>
        <source>Halaman {n} dari {total} dikirim ke pencetak…</source>
        <translation>Page {n} of {total} sent to the printer…</translation>
    </message>
</context>
<context>
    <name>RecordEditing</name>
    <message>
        <location filename="../../desktop/ui/record/editing.py" line="37"/>
        <source>Perubahan belum disimpan</source>
        <translation>Unsaved changes</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/record/editing.py" line="38"/>
        <source>Ada perubahan yang belum disimpan pada data ini.</source>
        <translation>This record has changes that are not saved.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/record/editing.py" line="39"/>
        <source>Simpan</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/record/editing.py" line="40"/>
        <source>Buang perubahan</source>
        <translation>Discard changes</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/record/editing.py" line="41"/>
        <source>Batal</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/record/editing.py" line="81"/>
        <source>Tersimpan.</source>
        <translation>Saved.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/record/editing.py" line="88"/>
        <source>Belum tersimpan: periksa isian yang ditandai.</source>
        <translation>Not saved: check the marked fields.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/record/editing.py" line="102"/>
        <source>Data diubah pengguna lain</source>
        <translation>Changed by someone else</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/record/editing.py" line="104"/>
        <source>Tetap di sini</source>
        <translation>Stay here</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/record/editing.py" line="105"/>
        <source>Muat ulang (buang perubahan saya)</source>
        <translation>Reload (discard my changes)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/record/editing.py" line="121"/>
        <source>Hapus data</source>
        <translation>Delete record</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/record/editing.py" line="122"/>
        <source>Hapus “{title}”? Data yang dihapus tetap tercatat di log audit.</source>
        <translation>Delete “{title}”? Deleted records stay in the audit log.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/record/editing.py" line="124"/>
        <source>Hapus</source>
        <translation>Delete</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/record/editing.py" line="136"/>
        <source>Dihapus.</source>
        <translation>Deleted.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/record/editing.py" line="142"/>
        <source>Tidak dapat dihapus</source>
        <translation>Cannot delete</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/record/editing.py" line="181"/>
        <source>Data asal draf sudah tidak ada; dipulihkan sebagai data baru.</source>
        <translation>The draft&apos;s record no longer exists; restored as a new record.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/record/editing.py" line="201"/>
        <source>{title} (dipulihkan)</source>
        <translation>{title} (restored)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/record/editing.py" line="204"/>
        <source>Perubahan yang belum disimpan dipulihkan; simpan untuk menyimpannya.</source>
        <translation>Unsaved changes restored; save to keep them.</translation>
    </message>
</context>
<context>
    <name>RecordPage</name>
    <message>
        <location filename="../../desktop/ui/record/page.py" line="251"/>
        <source>{kind} baru</source>
        <translation>New {kind}</translation>
    </message>
</context>
<context>
    <name>RecordTableModel</name>
    <message>
        <location filename="../../desktop/ui/record_model.py" line="207"/>
        <source>Berkas</source>
        <translation>Files</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/record_model.py" line="209"/>
        <source>Jumlah berkas yang dilampirkan</source>
        <translation>Number of attached files</translation>
    </message>
</context>
<context>
    <name>RecoveryDialog</name>
    <message>
        <location filename="../../desktop/ui/draft_recovery.py" line="125"/>
        <source>Pulihkan perubahan yang belum disimpan</source>
        <translation>Restore unsaved changes</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/draft_recovery.py" line="130"/>
        <source>Program berhenti sebelum perubahan berikut disimpan. Pulihkan untuk membukanya kembali di formulirnya (lalu simpan), atau buang.</source>
        <translation>The program stopped before these changes were saved. Restore one to open it again in its form (then save it), or discard it.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/draft_recovery.py" line="137"/>
        <source>Jenis</source>
        <translation>Kind</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/draft_recovery.py" line="137"/>
        <source>Judul</source>
        <translation>Title</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/draft_recovery.py" line="137"/>
        <source>Terakhir diketik</source>
        <translation>Last typed</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/draft_recovery.py" line="148"/>
        <source>&amp;Pulihkan</source>
        <translation>&amp;Restore</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/draft_recovery.py" line="150"/>
        <source>&amp;Buang</source>
        <translation>&amp;Discard</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/draft_recovery.py" line="152"/>
        <source>&amp;Nanti saja</source>
        <translation>&amp;Later</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/draft_recovery.py" line="153"/>
        <source>Tawarkan lagi saat program dibuka berikutnya</source>
        <translation>Offer them again the next time the program starts</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/draft_recovery.py" line="173"/>
        <source>{kind} (baru)</source>
        <translation>{kind} (new)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/draft_recovery.py" line="174"/>
        <source>(tanpa judul)</source>
        <translation>(untitled)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/draft_recovery.py" line="211"/>
        <source>Buang perubahan</source>
        <translation>Discard changes</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/draft_recovery.py" line="212"/>
        <source>Buang perubahan yang belum disimpan pada “{title}”?</source>
        <translation>Discard the unsaved changes to “{title}”?</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/draft_recovery.py" line="214"/>
        <source>Buang</source>
        <translation>Discard</translation>
    </message>
</context>
<context>
    <name>RefsEditor</name>
    <message>
        <location filename="../../desktop/ui/widgets/record_pickers.py" line="146"/>
        <source>Tambah</source>
        <translation>Add</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/record_pickers.py" line="147"/>
        <source>Hapus</source>
        <translation>Delete</translation>
    </message>
</context>
<context>
    <name>RemindersPanel</name>
    <message>
        <location filename="../../desktop/ui/reminders_panel.py" line="54"/>
        <source>Pengingat</source>
        <translation>Reminders</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/reminders_panel.py" line="69"/>
        <source>Tidak ada yang perlu diingatkan hari ini.</source>
        <translation>Nothing to remind you of today.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/reminders_panel.py" line="91"/>
        <source>Buka</source>
        <translation>Open</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/reminders_panel.py" line="92"/>
        <source>Ingatkan besok</source>
        <translation>Remind me tomorrow</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/reminders_panel.py" line="93"/>
        <source>Abaikan</source>
        <translation>Dismiss</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/reminders_panel.py" line="94"/>
        <source>Jangan ingatkan lagi untuk tanggal ini</source>
        <translation>Do not remind me again for this date</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/reminders_panel.py" line="98"/>
        <source>Sembunyikan sampai besok</source>
        <translation>Hide until tomorrow</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/reminders_panel.py" line="153"/>
        <source>… semua {n} di daftar</source>
        <translation>… all {n} in the list</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/reminders_panel.py" line="171"/>
        <source>belum pernah</source>
        <translation>never</translation>
    </message>
</context>
<context>
    <name>ReportDialog</name>
    <message>
        <location filename="../../desktop/ui/report_dialog.py" line="54"/>
        <source>Laporan kegiatan</source>
        <translation>Activity report</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/report_dialog.py" line="60"/>
        <source>Kunjungan, kerja sama, aplikasi, deployment dan dataset dalam satu periode, sebagai PDF untuk pimpinan.</source>
        <translation>Visits, agreements, applications, deployments and datasets of one period, as a PDF for the head of office.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/report_dialog.py" line="66"/>
        <location filename="../../desktop/ui/report_dialog.py" line="89"/>
        <source>Bulan</source>
        <translation>Month</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/report_dialog.py" line="66"/>
        <location filename="../../desktop/ui/report_dialog.py" line="90"/>
        <source>Triwulan</source>
        <translation>Quarter</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/report_dialog.py" line="67"/>
        <location filename="../../desktop/ui/report_dialog.py" line="88"/>
        <source>Tahun</source>
        <translation>Year</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/report_dialog.py" line="67"/>
        <source>Rentang tanggal</source>
        <translation>Date range</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/report_dialog.py" line="87"/>
        <source>Periode</source>
        <translation>Period</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/report_dialog.py" line="91"/>
        <source>Dari</source>
        <translation>From</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/report_dialog.py" line="92"/>
        <source>Sampai</source>
        <translation>To</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/report_dialog.py" line="101"/>
        <source>&amp;Pratinjau laporan…</source>
        <translation>&amp;Preview report…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/report_dialog.py" line="103"/>
        <source>&amp;Tutup</source>
        <translation>&amp;Close</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/report_dialog.py" line="144"/>
        <source>{label}: {start} s.d. {end}</source>
        <translation>{label}: {start} to {end}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/report_dialog.py" line="184"/>
        <source>Laporan Kegiatan {period}.pdf</source>
        <translation>Activity Report {period}.pdf</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/report_dialog.py" line="191"/>
        <source>Laporan tidak dapat dibuat</source>
        <translation>The report could not be made</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/report_dialog.py" line="195"/>
        <source>Menyusun laporan kegiatan…</source>
        <translation>Preparing the activity report…</translation>
    </message>
</context>
<context>
    <name>RunLogBox</name>
    <message>
        <location filename="../../desktop/ui/sync/runs_box.py" line="18"/>
        <source>Riwayat sinkronisasi</source>
        <translation>Sync history</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync/runs_box.py" line="23"/>
        <source>Mulai</source>
        <translation>Started</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync/runs_box.py" line="23"/>
        <source>Hasil</source>
        <translation>Result</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync/runs_box.py" line="23"/>
        <source>Dikirim</source>
        <translation>Pushed</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync/runs_box.py" line="23"/>
        <source>Diambil</source>
        <translation>Pulled</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync/runs_box.py" line="24"/>
        <source>Dihapus</source>
        <translation>Deleted</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync/runs_box.py" line="24"/>
        <source>Konflik</source>
        <translation>Conflicts</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync/runs_box.py" line="24"/>
        <source>Galat</source>
        <translation>Errors</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync/runs_box.py" line="24"/>
        <source>Keterangan</source>
        <translation>Details</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync/runs_box.py" line="36"/>
        <source>berhasil</source>
        <translation>succeeded</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync/runs_box.py" line="36"/>
        <source>ada konflik</source>
        <translation>with conflicts</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync/runs_box.py" line="37"/>
        <source>ada galat</source>
        <translation>with errors</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync/runs_box.py" line="37"/>
        <source>dibatalkan</source>
        <translation>cancelled</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync/runs_box.py" line="38"/>
        <source>gagal</source>
        <translation>failed</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync/runs_box.py" line="38"/>
        <source>berjalan</source>
        <translation>running</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync/runs_box.py" line="39"/>
        <source>terhenti</source>
        <translation>stopped</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync/runs_box.py" line="40"/>
        <source>penghapusan menunggu konfirmasi</source>
        <translation>deletions awaiting confirmation</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync/runs_box.py" line="61"/>
        <source>Tidak ada galat per data pada putaran ini.</source>
        <translation>No record errors in this run.</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../desktop/ui/settings_dialog.py" line="60"/>
        <location filename="../../desktop/ui/settings_dialog.py" line="130"/>
        <location filename="../../desktop/ui/settings_dialog.py" line="135"/>
        <location filename="../../desktop/ui/settings_dialog.py" line="169"/>
        <source>Pengaturan</source>
        <translation>Settings</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings/general_tab.py" line="31"/>
        <source>&amp;Bahasa</source>
        <translation>&amp;Language</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings/general_tab.py" line="34"/>
        <source>Ikuti sistem</source>
        <translation>Follow the system</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings/general_tab.py" line="35"/>
        <source>Terang</source>
        <translation>Light</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings/general_tab.py" line="36"/>
        <source>Gelap</source>
        <translation>Dark</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings/general_tab.py" line="38"/>
        <source>&amp;Tampilan</source>
        <translation>&amp;Appearance</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings/general_tab.py" line="42"/>
        <source>nama Anda, dicatat di log audit</source>
        <translation>your name, recorded in the audit log</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings/general_tab.py" line="43"/>
        <source>&amp;Nama pengguna</source>
        <translation>&amp;User name</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings/general_tab.py" line="47"/>
        <source> hari</source>
        <translation> days</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings/general_tab.py" line="48"/>
        <source>Peringatan kerja sama berakhir</source>
        <translation>Agreement expiry warning</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings/general_tab.py" line="53"/>
        <source> cadangan</source>
        <translation> backups</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings/general_tab.py" line="54"/>
        <source>Cadangan harian yang disimpan</source>
        <translation>Daily backups kept</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings/general_tab.py" line="57"/>
        <source>Pemisah kolom &amp;CSV</source>
        <translation>&amp;CSV separator</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_dialog.py" line="64"/>
        <source>Umum</source>
        <translation>General</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_dialog.py" line="69"/>
        <source>Profil kantor</source>
        <translation>Office profile</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings/database_tab.py" line="49"/>
        <source>Berkas SQLite di komputer ini</source>
        <translation>SQLite file on this computer</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings/database_tab.py" line="50"/>
        <source>Server PostgreSQL bersama (beberapa komputer)</source>
        <translation>Shared PostgreSQL server (several computers)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings/database_tab.py" line="58"/>
        <location filename="../../desktop/ui/settings/documents_tab.py" line="59"/>
        <source>Pilih…</source>
        <translation>Choose…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings/database_tab.py" line="63"/>
        <source>&amp;Uji koneksi</source>
        <translation>&amp;Test connection</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings/database_tab.py" line="76"/>
        <source>Kata sandi disimpan di brankas kunci sistem operasi, tidak di berkas pengaturan.</source>
        <translation>Passwords are kept in the operating system&apos;s keyring, not in the settings file.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings/database_tab.py" line="81"/>
        <source>Perubahan basis data berlaku saat aplikasi dibuka kembali.</source>
        <translation>A database change takes effect when the application is opened again.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_dialog.py" line="76"/>
        <source>Basis data</source>
        <translation>Database</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_dialog.py" line="79"/>
        <source>Naskah</source>
        <translation>Documents</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_dialog.py" line="84"/>
        <source>&amp;Simpan</source>
        <translation>&amp;Save</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_dialog.py" line="85"/>
        <source>&amp;Batal</source>
        <translation>&amp;Cancel</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings/documents_tab.py" line="38"/>
        <source>A4 (210 × 297 mm)</source>
        <translation>A4 (210 × 297 mm)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings/documents_tab.py" line="39"/>
        <source>F4 / folio (215 × 330 mm)</source>
        <translation>F4 / folio (215 × 330 mm)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings/documents_tab.py" line="42"/>
        <source>&amp;Ukuran kertas</source>
        <translation>&amp;Paper size</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings/documents_tab.py" line="43"/>
        <source>Tanggal pembuka dengan Huruf Kapital di Awal Kata (&quot;Pada Hari Ini Kamis Tanggal …&quot;)</source>
        <translation>Opening date in Title Case (&quot;Pada Hari Ini Kamis Tanggal …&quot;)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings/documents_tab.py" line="49"/>
        <source>Cetak satu naskah asli per pihak, meterai di tanda tangan pihak lain</source>
        <translation>Print one original per party, with the duty stamp at the other party&apos;s signature</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings/documents_tab.py" line="58"/>
        <source>PNG atau JPEG; kosongkan bila tanpa logo</source>
        <translation>PNG or JPEG; leave empty for no logo</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings/documents_tab.py" line="64"/>
        <source>&amp;Logo kantor</source>
        <translation>Office &amp;logo</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings/documents_tab.py" line="68"/>
        <source>Ubah &amp;templat KB/PKS…</source>
        <translation>Edit KB/PKS &amp;templates…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings/general_tab.py" line="65"/>
        <source>Menurut pengaturan wilayah ({sep})</source>
        <translation>As the regional settings say ({sep})</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings/general_tab.py" line="67"/>
        <source>Titik koma (;)</source>
        <translation>Semicolon (;)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings/general_tab.py" line="68"/>
        <source>Koma (,)</source>
        <translation>Comma (,)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings/general_tab.py" line="69"/>
        <source>Excel membuka CSV dengan pemisah daftar dari pengaturan wilayah Windows: dengan pengaturan Indonesia itu titik koma.</source>
        <translation>Excel opens a CSV with the list separator of the Windows regional settings: with Indonesian settings that is a semicolon.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings/documents_tab.py" line="75"/>
        <source>Logo kantor</source>
        <translation>Office logo</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings/documents_tab.py" line="76"/>
        <source>Gambar (*.png *.jpg *.jpeg)</source>
        <translation>Images (*.png *.jpg *.jpeg)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings/documents_tab.py" line="87"/>
        <source>Logo tidak dapat dibaca sebagai gambar PNG atau JPEG: {path}</source>
        <translation>The logo cannot be read as a PNG or JPEG image: {path}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings/database_tab.py" line="96"/>
        <source>Berkas basis data</source>
        <translation>Database file</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings/database_tab.py" line="98"/>
        <source>SQLite (*.sqlite3 *.db)</source>
        <translation>SQLite (*.sqlite3 *.db)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings/database_tab.py" line="109"/>
        <source>Dipakai sekarang: {location} ({source})</source>
        <translation>In use now: {location} ({source})</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings/database_tab.py" line="113"/>
        <source>Pilihan di bawah disimpan di pengaturan dan dipakai saat aplikasi dibuka tanpa {override}.</source>
        <translation>The choice below is kept in the settings and used when the program is started without {override}.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings/database_tab.py" line="141"/>
        <source>Menghubungi…</source>
        <translation>Connecting…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings/database_tab.py" line="148"/>
        <source>Folder tidak dapat ditulisi: {path}</source>
        <translation>The folder cannot be written to: {path}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings/database_tab.py" line="151"/>
        <source>{path} belum ada; berkas baru dibuat saat aplikasi dimulai ulang.</source>
        <translation>{path} does not exist yet; a new file is created when the application restarts.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings/database_tab.py" line="156"/>
        <source>Berhasil terhubung: {url}</source>
        <translation>Connected: {url}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings/database_tab.py" line="172"/>
        <source>Gagal: {message}</source>
        <translation>Failed: {message}</translation>
    </message>
</context>
<context>
    <name>SyncPage</name>
    <message>
        <location filename="../../desktop/ui/sync/page.py" line="92"/>
        <source>Sinkronisasi</source>
        <translation>Sync</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync/page.py" line="94"/>
        <source>Sinkronkan sekarang</source>
        <translation>Sync now</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync/page.py" line="96"/>
        <source>Batalkan</source>
        <translation>Cancel</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/sync/page.py" line="182"/>
        <source>{n} perubahan lokal menunggu dikirim</source>
        <translation>
            <numerusform>{n} local change waiting to be pushed</numerusform>
            <numerusform>{n} local changes waiting to be pushed</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/sync/page.py" line="184"/>
        <source>{n} konflik</source>
        <translation>
            <numerusform>{n} conflict</numerusform>
            <numerusform>{n} conflicts</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync/page.py" line="187"/>
        <source>Sinkron terakhir {when}: {status}</source>
        <translation>Last sync {when}: {status}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync/page.py" line="191"/>
        <source>Belum pernah disinkronkan</source>
        <translation>Never synced yet</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/sync/page.py" line="291"/>
        <source>{n} dataset hilang dari katalog; belum ada yang dihapus di sini.</source>
        <translation>
            <numerusform>{n} dataset is gone from the catalog; it has not been deleted here yet.</numerusform>
            <numerusform>{n} datasets are gone from the catalog; none has been deleted here yet.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync/page.py" line="236"/>
        <source>Menyinkronkan…</source>
        <translation>Syncing…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync/page.py" line="244"/>
        <source>Membatalkan…</source>
        <translation>Cancelling…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync/page.py" line="269"/>
        <source>Selesai: {pushed} dikirim, {pulled} diambil, {deleted} dihapus, {conflicts} konflik, {errors} galat.</source>
        <translation>Done: {pushed} pushed, {pulled} pulled, {deleted} deleted, {conflicts} conflicts, {errors} errors.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync/page.py" line="276"/>
        <location filename="../../desktop/ui/sync/page.py" line="302"/>
        <source>Dibatalkan. Yang sudah selesai tersimpan; sinkron berikutnya melanjutkan.</source>
        <translation>Cancelled. What was done is kept; the next sync carries on.</translation>
    </message>
</context>
<context>
    <name>TemplateDialog</name>
    <message>
        <location filename="../../desktop/ui/template_dialog.py" line="39"/>
        <location filename="../../desktop/ui/template_dialog.py" line="116"/>
        <location filename="../../desktop/ui/template_dialog.py" line="124"/>
        <source>Templat naskah kerja sama</source>
        <translation>Agreement templates</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/template_dialog.py" line="45"/>
        <source>Kesepakatan Bersama (KB)</source>
        <translation>Memorandum of Understanding (KB)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/template_dialog.py" line="46"/>
        <source>Perjanjian Kerja Sama (PKS)</source>
        <translation>Perjanjian Kerja Sama (PKS, cooperation agreement)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/template_dialog.py" line="49"/>
        <source>Templat:</source>
        <translation>Template:</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/template_dialog.py" line="53"/>
        <source>Premis (satu &quot;bahwa …&quot; per baris)</source>
        <translation>Recitals (one &quot;bahwa …&quot; per line)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/template_dialog.py" line="61"/>
        <source>Isian yang diganti dari data kerja sama: {names}</source>
        <translation>Placeholders filled from the agreement: {names}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/template_dialog.py" line="67"/>
        <source>&amp;Kembalikan ke bawaan</source>
        <translation>&amp;Restore the shipped template</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/template_dialog.py" line="68"/>
        <source>&amp;Simpan templat</source>
        <translation>&amp;Save template</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/template_dialog.py" line="70"/>
        <source>&amp;Tutup</source>
        <translation>&amp;Close</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/template_dialog.py" line="93"/>
        <source>salinan kantor ini</source>
        <translation>this office&apos;s copy</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/template_dialog.py" line="94"/>
        <source>templat bawaan</source>
        <translation>shipped template</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/template_dialog.py" line="117"/>
        <source>Perubahan templat belum disimpan. Buang perubahan itu?</source>
        <translation>The template changes are not saved. Discard them?</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/template_dialog.py" line="118"/>
        <source>Buang perubahan</source>
        <translation>Discard changes</translation>
    </message>
</context>
<context>
    <name>TextEditor</name>
    <message>
        <location filename="../../desktop/ui/widgets/fields.py" line="50"/>
        <source>pisahkan dengan koma</source>
        <translation>separate with commas</translation>
    </message>
</context>
<context>
    <name>VisitPage</name>
    <message>
        <location filename="../../desktop/ui/agreement_pages.py" line="40"/>
        <source>Buat &amp;Kesepakatan Bersama</source>
        <translation>Draft a Memorandum of &amp;Understanding (KB)</translation>
    </message>
</context>
<context>
    <name>WelcomeDialog</name>
    <message>
        <location filename="../../desktop/ui/welcome.py" line="37"/>
        <source>Selamat datang di Diskominfo Desk</source>
        <translation>Welcome to Diskominfo Desk</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/welcome.py" line="43"/>
        <source>&lt;h2&gt;Selamat datang&lt;/h2&gt;&lt;p&gt;Diskominfo Desk mencatat aplikasi OPD, dataset Satu Data, kunjungan kerja dan kerja sama daerah. Mulailah dengan profil kantor Anda, atau isi data contoh untuk mencoba aplikasi.&lt;/p&gt;</source>
        <translation>&lt;h2&gt;Welcome&lt;/h2&gt;&lt;p&gt;Diskominfo Desk keeps the OPDs&apos; applications, Satu Data datasets, study visits and regional agreements. Start with your office profile, or load the demo data to try the application.&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/welcome.py" line="55"/>
        <source>Daerah *</source>
        <translation>Region *</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/welcome.py" line="56"/>
        <source>Nama kantor *</source>
        <translation>Office name *</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/welcome.py" line="57"/>
        <source>Alamat</source>
        <translation>Address</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/welcome.py" line="58"/>
        <source>Kepala dinas</source>
        <translation>Head of office</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/welcome.py" line="67"/>
        <source>Isi &amp;data contoh</source>
        <translation>Load &amp;demo data</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/welcome.py" line="69"/>
        <source>&amp;Mulai</source>
        <translation>&amp;Start</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/welcome.py" line="72"/>
        <source>Nanti saja</source>
        <translation>Later</translation>
    </message>
</context>
<context>
    <name>WindowStatus</name>
    <message>
        <location filename="../../desktop/ui/window_status.py" line="35"/>
        <source>Buka halaman Sinkronisasi</source>
        <translation>Open the Sync page</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window_status.py" line="43"/>
        <source>Bekerja…</source>
        <translation>Working…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window_status.py" line="50"/>
        <source>Katalog belum diatur</source>
        <translation>Catalog not set up</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window_status.py" line="52"/>
        <source>● Online</source>
        <translation>● Online</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window_status.py" line="53"/>
        <source>○ Offline</source>
        <translation>○ Offline</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window_status.py" line="54"/>
        <source>Katalog</source>
        <translation>Catalog</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window_status.py" line="58"/>
        <source>{state} · {n} menunggu sinkron</source>
        <translation>{state} · {n} waiting to sync</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/window_status.py" line="62"/>
        <source>{n} konflik</source>
        <translation>
            <numerusform>{n} conflict</numerusform>
            <numerusform>{n} conflicts</numerusform>
        </translation>
    </message>
</context>
</TS>
