"""A record page that fits the window it is in: list and form side by side where the
page is wide enough, the form below the list where it is not (a 1024-px screen, or the
Pengingat docked beside the page), and a form that is never wider than its scroll area.
"""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QEvent, QObject, QSettings, Qt, QTimer
from PySide6.QtWidgets import QComboBox, QScrollArea, QSplitter, QStyle, QWidget
from shiboken6 import isValid

LIST_MIN_WIDTH = 360  # a list narrower than this shows hardly one column
LIST_MIN_ROWS = 6  # with the form below it, the list still shows this many rows
FILTER_CHARS = 14  # a filter combo asks for this many characters, and elides the rest


class SideBySide(QObject):
    """Watches the page's width and turns its list/form splitter accordingly."""

    def __init__(self, page: QWidget, splitter: QSplitter, scroll: QScrollArea) -> None:
        super().__init__(page)
        self.page = page
        self.splitter = splitter
        self.scroll = scroll
        splitter.setChildrenCollapsible(False)
        # the form keeps the size the user gave it (restored with the view state); the
        # list takes what a wider, taller or wrapped-bar page adds or removes
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 0)
        self._sizes: dict[Qt.Orientation, list[int]] = {}  # per orientation, as last seen
        self._restore_pending = False  # saved sizes to apply once the page has its width
        # the user's sizes are those they dragged to (or restored): by the time the page
        # turns the splitter, a narrower window has already squeezed the old ones
        splitter.splitterMoved.connect(self._remember_drag)
        page.installEventFilter(self)
        scroll.widget().installEventFilter(self)

    # ------------------------------------------------------------------ view state
    def save(self, settings: QSettings, prefix: str) -> None:
        """Both orientations' sizes: side by side (``splitter_side``) and the form below
        (``splitter_below``), so each comes back when the page is that shape again."""
        current = self.splitter.orientation()
        if not self._restore_pending and current not in self._sizes:
            self._sizes[current] = self.splitter.sizes()  # set by the program, not dragged
        for orientation, key in ORIENTATION_KEYS.items():
            sizes = self._sizes.get(orientation)
            if sizes and len(sizes) == 2 and min(sizes) > 0:
                settings.setValue(f"{prefix}/{key}", ",".join(str(n) for n in sizes))

    def load(self, settings: QSettings, prefix: str) -> bool:
        """The sizes saved by ``save``, applied (clamped) once the page is shown; False
        when none were saved (an older settings file, or a first start)."""
        for orientation, key in ORIENTATION_KEYS.items():
            sizes = _sizes_from(settings.value(f"{prefix}/{key}"))
            if sizes is not None:
                self._sizes[orientation] = sizes
        self._restore_pending = bool(self._sizes)
        return self._restore_pending

    def _remember_drag(self, _pos: int, _index: int) -> None:
        self._sizes[self.splitter.orientation()] = self.splitter.sizes()

    def apply_sizes(self, sizes: list[int]) -> None:
        """The user's sizes in the splitter as it is now: the form keeps its size (the
        list takes what a wider or narrower window adds or removes), clamped so that
        neither the list nor the form is smaller than its minimum."""
        horizontal = self.splitter.orientation() == Qt.Orientation.Horizontal
        total = sum(self.splitter.sizes())
        if total <= 0:
            return
        list_min, form_min = (self._minimum(index, horizontal) for index in (0, 1))
        form = max(form_min, min(sizes[1], total - list_min))
        self.splitter.setSizes([max(total - form, 0), form])

    def _minimum(self, index: int, horizontal: bool) -> int:
        widget = self.splitter.widget(index)
        hint = widget.minimumSizeHint()
        floor = widget.minimumWidth() if horizontal else widget.minimumHeight()
        if horizontal and index == 0:
            floor = max(floor, LIST_MIN_WIDTH)
        return max(floor, hint.width() if horizontal else hint.height())

    def restore(self, state: QByteArray) -> None:
        """The splitter as the user left it. Qt applies the saved sizes before the saved
        orientation, so a vertical state restored into a horizontal splitter has its
        heights clamped to the form's minimum width; the second pass has the right
        orientation already."""
        self.splitter.restoreState(state)
        self.splitter.restoreState(state)

    def form_width(self) -> int:
        """What the form needs, plus the vertical scroll bar beside it."""
        form = self.scroll.widget()
        bar = self.scroll.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent)
        return form.minimumSizeHint().width() + bar + 2 * self.scroll.frameWidth()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if not (isValid(self.scroll) and isValid(self.splitter)):  # the page is closing
            return False
        if watched is self.page and kind in (QEvent.Type.Resize, QEvent.Type.Show):
            self.arrange()
        elif watched is self.scroll.widget() and kind == QEvent.Type.LayoutRequest:
            self.scroll.setMinimumWidth(self.form_width())
        return False

    def arrange(self) -> None:
        self.scroll.setMinimumWidth(self.form_width())
        if not self.page.isVisible():
            return  # its width is not final yet (the restored view state must stay)
        margins = self.page.contentsMargins()
        room = self.page.width() - margins.left() - margins.right()
        detail = self.splitter.widget(1)
        wide = room >= LIST_MIN_WIDTH + detail.minimumSizeHint().width() + 24
        orientation = Qt.Orientation.Horizontal if wide else Qt.Orientation.Vertical
        # with the form below, the list keeps a few rows: a 1024-px screen (or the
        # Pengingat docked below the page) left it one row high, the form all the rest
        self.splitter.widget(0).setMinimumHeight(0 if wide else self.list_min_height())
        if self.splitter.orientation() != orientation:
            # the sizes of each orientation come back when it does (a docked panel
            # opened and closed again must not undo the user's splitter)
            self.splitter.setOrientation(orientation)
            total = sum(self.splitter.sizes()) or 1
            saved = self._sizes.get(orientation)
            if saved:
                self._apply_when_laid_out(saved)
            else:
                self.splitter.setSizes([total * 3 // 5, total * 2 // 5] if wide
                                       else [total // 2, total - total // 2])
        elif self._restore_pending and self._sizes.get(orientation):
            self._apply_when_laid_out(self._sizes[orientation])
        self._restore_pending = False

    def _apply_when_laid_out(self, sizes: list[int]) -> None:
        """``apply_sizes`` now and once more after the page's layout has given the
        splitter its new size (right after an orientation change the splitter still
        holds the other orientation's lengths, so the clamp would use the wrong total)."""
        self.apply_sizes(sizes)
        QTimer.singleShot(0, self, lambda: isValid(self.splitter) and self.apply_sizes(sizes))

    def list_min_height(self) -> int:
        """The list's height for ``LIST_MIN_ROWS`` rows, its header and its frame."""
        from PySide6.QtWidgets import QAbstractItemView

        holder = self.splitter.widget(0)
        table = holder if isinstance(holder, QAbstractItemView) else holder.findChild(
            QAbstractItemView)
        if table is None:
            return 0
        rows = table.verticalHeader().defaultSectionSize() * LIST_MIN_ROWS
        header = table.horizontalHeader().sizeHint().height()
        chrome = holder.sizeHint().height() - table.sizeHint().height() if holder is not table \
            else 0
        return rows + header + 2 * table.frameWidth() + max(chrome, 0)


ORIENTATION_KEYS = {Qt.Orientation.Horizontal: "splitter_side",
                    Qt.Orientation.Vertical: "splitter_below"}


def _sizes_from(value: object) -> list[int] | None:
    """"700,520" (or a list, as some QSettings formats give it back) as two sizes."""
    parts = value.split(",") if isinstance(value, str) else value
    if not isinstance(parts, (list, tuple)) or len(parts) != 2:
        return None
    try:
        sizes = [int(str(part).strip()) for part in parts]
    except ValueError:
        return None
    return sizes if min(sizes) > 0 else None


def narrow_filter(combo: QComboBox) -> None:
    """A filter combo as wide as a short choice; longer ones elide, the list shows all."""
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    combo.setMinimumContentsLength(FILTER_CHARS)
    combo.view().setMinimumWidth(combo.view().sizeHintForColumn(0) + 24)
