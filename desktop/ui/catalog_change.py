"""The two questions the sync asks about the catalog itself (see desktop.sync.catalog_identity).

A changed catalog address: the same catalog at a new address (links kept) or another
catalog (fresh links, nothing deleted)? And a run that found more datasets gone from
the catalog than one sync may delete: delete them here too? Both are plain message boxes
with the application's own button words; the work is done by the core.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

SAME, OTHER = "same", "other"


def tr(text: str, disambiguation: str | None = None, n: int = -1) -> str:
    """Qt's translate; ``n`` picks the plural form. The context is empty because
    lupdate files calls from module-level functions under the empty context."""
    return QCoreApplication.translate("", text, disambiguation, n)


def ask_same_or_other(parent: QWidget | None, old_url: str, new_url: str) -> str | None:
    """``SAME``, ``OTHER`` or None (cancelled: nothing changes)."""
    box = QMessageBox(parent)
    box.setObjectName("catalogChangeBox")
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle(tr("Alamat katalog berubah"))
    box.setText(tr("Dataset register ini tertaut ke katalog di {old}. Apakah {new} katalog "
                   "yang sama di alamat baru, atau katalog lain?")
                .replace("{old}", old_url or "—").replace("{new}", new_url))
    box.setInformativeText(tr("Katalog yang sama: tautan dipertahankan. Katalog lain: tautan "
                              "dimulai baru dan dataset yang pernah terbit dikirim ke katalog "
                              "itu; tidak ada yang dihapus, di sini maupun di katalog lama."))
    same = box.addButton(tr("Katalog yang sama"), QMessageBox.ButtonRole.AcceptRole)
    other = box.addButton(tr("Katalog lain"), QMessageBox.ButtonRole.ActionRole)
    cancel = box.addButton(tr("Batal"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(cancel)
    box.setEscapeButton(cancel)
    box.exec()
    clicked = box.clickedButton()
    return SAME if clicked is same else OTHER if clicked is other else None


def ask_apply_deletions(parent: QWidget | None, titles: list[str], share: int) -> bool:
    """True when the user confirms that the catalog really lost these datasets."""
    box = QMessageBox(parent)
    box.setObjectName("heldDeletionsBox")
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(tr("Banyak dataset hilang dari katalog"))
    box.setText(tr("{n} dataset tidak ada lagi di katalog, lebih dari {share}% register. "
                   "Belum ada yang dihapus di sini. Hapus juga di sini?", "", len(titles))
                .replace("{n}", str(len(titles))).replace("{share}", str(share)))
    shown = "\n".join(f"• {title}" for title in titles[:15])
    if len(titles) > 15:
        shown += "\n" + tr("… dan {n} lainnya").replace("{n}", str(len(titles) - 15))
    box.setInformativeText(shown)
    delete = box.addButton(tr("Hapus di sini juga"), QMessageBox.ButtonRole.DestructiveRole)
    keep = box.addButton(tr("Jangan hapus"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(keep)
    box.setEscapeButton(keep)
    box.exec()
    return box.clickedButton() is delete
