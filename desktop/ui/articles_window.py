"""The article editor in a window of its own: the tree beside a large text area.

Legal text is long; the form's side pane gives it four lines. This window borrows the
form's own ``ArticlesEditor`` widget (it is moved here, and moved back on close) instead of
editing a copy: every keystroke lands in the one editor the form, the save and the
draft recovery read, so there is nothing to sync back and nothing to lose. Esc or
"Selesai" puts the editor back in its place and the focus where it was.
"""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtWidgets import (
    QApplication,
    QBoxLayout,
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from desktop.ui.geometry import keep_on_screen, screen_of
from desktop.ui.widgets.articles import ArticlesEditor


class ArticlesWindow(QDialog):
    def __init__(self, editor: ArticlesEditor, title: str, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("articlesWindow")
        self.setWindowTitle(self.tr("Pasal: {title}").replace("{title}", title))
        self.editor = editor
        self._focus_before = QApplication.focusWidget()
        self._home = editor.parentWidget()
        home_layout = self._home.layout() if self._home is not None else None
        self._home_layout = home_layout if isinstance(home_layout, QBoxLayout) else None
        self._home_index = (self._home_layout.indexOf(editor)
                            if self._home_layout is not None else -1)
        layout = QVBoxLayout(self)
        hint = QLabel(self.tr("Perubahan di sini langsung masuk ke formulir; simpan di "
                              "formulir seperti biasa."), self)
        hint.setObjectName("hint")
        hint.setWordWrap(True)
        layout.addWidget(hint)
        layout.addWidget(editor, 1)  # moved here, not copied
        editor.set_wide(True)
        editor.show()
        row = QHBoxLayout()
        row.addStretch(1)
        self.done_button = QPushButton(self.tr("Selesai (Esc)"), self)
        self.done_button.setObjectName("articlesDone")
        self.done_button.setAutoDefault(False)
        row.addWidget(self.done_button)
        layout.addLayout(row)
        self.done_button.clicked.connect(self.accept)
        self.finished.connect(self._give_back)
        available = screen_of(self).availableGeometry()
        keep_on_screen(self, QSize(available.width(), available.height()))

    def open_editing(self) -> None:
        """Show the window (modal to the main window) with the focus in the editor."""
        self.open()
        editor = self.editor
        editor.fit_panes()  # now that the window has its size
        target = editor.text if editor.tree.currentItem() is not None else editor.tree
        target.setFocus()

    def _give_back(self, _result: int) -> None:
        editor = self.editor
        editor.set_wide(False)
        if self._home_layout is not None:
            self._home_layout.insertWidget(max(self._home_index, 0), editor)
        elif self._home is not None:
            editor.setParent(self._home)
        editor.show()
        current = editor.tree.currentItem()
        if current is not None:  # the article last edited stays in sight in the narrow tree
            editor.tree.scrollToItem(current)
        before = self._focus_before
        if before is not None:  # back where the user was in the form
            before.window().activateWindow()  # not every platform does it on close
            before.setFocus()
            _scroll_into_view(before)
        self.deleteLater()


def _scroll_into_view(widget: QWidget) -> None:
    """Scroll the form (a scroll area somewhere above) so the widget can be seen."""
    parent = widget.parentWidget()
    while parent is not None and not isinstance(parent, QScrollArea):
        parent = parent.parentWidget()
    if parent is not None:
        parent.ensureWidgetVisible(widget)
