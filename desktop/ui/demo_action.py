"""Loading the demo data from the window: asked first whenever it would replace something.

The demo brings its own office profile (a Banyuwangi Diskominfo). Loaded over a
database that has a profile, or over a welcome form the user has typed a profile into,
it would replace that profile, which heads every printed KB, PKS and report, and a
profile lost without a word is hard to notice. So the user is told what changes and
answers Ya or Batal (Batal by default, like every destructive question here). Records never mix with
demo ones: over a database that holds any, the demo is refused with the reason.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from desktop.core.demo import DemoTarget, demo_target, load_demo
from desktop.core.desk import Desk
from desktop.core.formatting import number
from desktop.ui import ask
from desktop.ui.tasks import TaskManager

DEMO_OFFICE = "Dinas Komunikasi, Informatika dan Persandian Kabupaten Banyuwangi"


def tr(text: str, disambiguation: str | None = None, n: int = -1) -> str:
    return QCoreApplication.translate("", text, disambiguation, n)


def refused_text(target: DemoTarget) -> str | None:
    """Why the demo cannot be loaded here, or None when it can."""
    if not target.records:
        return None
    return tr("Data contoh hanya dapat dimuat ke basis data kosong; basis data ini sudah "
              "berisi {n} data. Tidak ada yang diubah.", "", target.records).replace(
        "{n}", number(target.records))


def replace_question(office: str) -> str:
    return tr("Data contoh mengganti profil kantor “{office}” dengan profil contoh "
              "“{demo}”, dan menambah data contoh (OPD, aplikasi, dataset, kunjungan, kerja "
              "sama). Profil kantor Anda tidak dapat dikembalikan kecuali dari cadangan.\n\n"
              "Muat data contoh dan ganti profil kantor?").replace(
        "{office}", office).replace("{demo}", DEMO_OFFICE)


def confirm_replacing(parent: QWidget | None, office: str) -> bool:
    """Ya/Batal, Batal by default: True only when the user chose Ya."""
    return ask.confirm(parent, tr("Muat data contoh"), replace_question(office), tr("Ya"),
                       name="demoReplaceBox")


def load_demo_asking(parent: QWidget, desk: Desk, tasks: TaskManager,
                     on_done: Callable[[Any], None],
                     on_error: Callable[[Exception], None] | None = None,
                     typed_office: str | None = None) -> bool:
    """Load the demo in the background after asking what it would replace.

    ``typed_office``: a profile typed into the welcome form but not saved yet, which the
    demo's profile would take the place of too. False when nothing was started (refused,
    or the user chose Batal)."""
    target = demo_target(desk)
    refused = refused_text(target)
    if refused is not None:
        box = QMessageBox(QMessageBox.Icon.Information, tr("Muat data contoh"), refused,
                          QMessageBox.StandardButton.NoButton, parent)
        box.setObjectName("demoRefusedBox")
        box.addButton(tr("Tutup"), QMessageBox.ButtonRole.AcceptRole)
        box.exec()
        return False
    office = target.office or typed_office
    if office and not confirm_replacing(parent, office):
        return False
    tasks.run_db(lambda: load_demo(desk, replace_office=True), on_done=on_done,
                 on_error=on_error, label=tr("Memuat data contoh…"), parent_widget=parent)
    return True
