"""A layout that wraps its widgets onto the next line, like words in a paragraph.

A record page's search box, filters, the Beranda's filter chip and the count share one
bar; in a row that cannot wrap their widths add up to the page's minimum width, and a
1024-px screen (or a long filter chip) then pushes the window past the screen's edge.
Wrapping keeps the minimum width at that of the widest single widget.
"""

from __future__ import annotations

from PySide6.QtCore import QMargins, QPoint, QRect, QSize, Qt
from PySide6.QtWidgets import QLayout, QLayoutItem, QSizePolicy, QWidget


class FlowLayout(QLayout):
    """Items left to right, wrapping; items with a horizontal stretch policy take the
    rest of their line (the search box), the ``push_right`` item ends up at the right."""

    def __init__(self, parent: QWidget | None = None, spacing: int = 6) -> None:
        super().__init__(parent)
        self._items: list[QLayoutItem] = []
        self._stretch: dict[int, int] = {}
        self.setContentsMargins(0, 0, 0, 0)
        self.setSpacing(spacing)

    # ---------------------------------------------------------------- QLayout API
    def addItem(self, item: QLayoutItem) -> None:
        self._items.append(item)

    def add_widget(self, widget: QWidget, stretch: int = 0) -> None:
        """``addWidget`` with a stretch: the line's spare width is shared by these."""
        self.addWidget(widget)
        if stretch:
            self._stretch[id(self._items[-1])] = stretch

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:
        if 0 <= index < len(self._items):
            item = self._items.pop(index)
            self._stretch.pop(id(item), None)
            return item
        return None

    def expandingDirections(self) -> Qt.Orientation:
        return Qt.Orientation.Horizontal

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return self._arrange(QRect(0, 0, width, 0), apply=False)

    def setGeometry(self, rect: QRect) -> None:
        super().setGeometry(rect)
        self._arrange(rect, apply=True)

    def sizeHint(self) -> QSize:
        width = sum(i.sizeHint().width() for i in self._visible()) + self.spacing() * max(
            0, len(self._visible()) - 1)
        height = max((i.sizeHint().height() for i in self._visible()), default=0)
        return QSize(width, height).grownBy(self.contentsMargins())

    def minimumSize(self) -> QSize:
        size = QSize()
        for item in self._visible():
            size = size.expandedTo(item.minimumSize())
        return size.grownBy(self.contentsMargins())

    # ---------------------------------------------------------------- placing
    def _visible(self) -> list[QLayoutItem]:
        return [i for i in self._items if not i.isEmpty()]

    def _lines(self, width: int) -> list[list[QLayoutItem]]:
        lines: list[list[QLayoutItem]] = [[]]
        used = 0
        for item in self._visible():
            wanted = item.sizeHint().width()
            if lines[-1] and used + self.spacing() + wanted > width:
                lines.append([])
                used = 0
            used += (self.spacing() if lines[-1] else 0) + wanted
            lines[-1].append(item)
        return [line for line in lines if line]

    def _arrange(self, rect: QRect, apply: bool) -> int:
        area = rect.marginsRemoved(self.contentsMargins())
        y = area.y()
        for line in self._lines(area.width()):
            widths = [min(i.sizeHint().width(), area.width()) for i in line]
            spare = area.width() - sum(widths) - self.spacing() * (len(line) - 1)
            stretches = [self._stretch.get(id(i), 0) for i in line]
            total = sum(stretches)
            if spare > 0 and total:
                widths = [w + spare * s // total for w, s in zip(widths, stretches, strict=True)]
                spare = 0
            height = max(i.sizeHint().height() for i in line)
            x = area.x()
            for index, (item, width) in enumerate(zip(line, widths, strict=True)):
                if index == len(line) - 1 and spare > 0 and _pushes_right(item):
                    x += spare  # the count sits at the right end of its line
                if apply:
                    item.setGeometry(QRect(QPoint(x, y + (height - item.sizeHint().height())
                                                  // 2),
                                           QSize(width, item.sizeHint().height())))
                x += width + self.spacing()
            y += height + self.spacing()
        margins: QMargins = self.contentsMargins()
        return y - self.spacing() - area.y() + margins.top() + margins.bottom()


def _pushes_right(item: QLayoutItem) -> bool:
    widget = item.widget()
    return widget is not None and bool(widget.property("pushRight"))


def shrinkable(widget: QWidget) -> None:
    """Let a widget be narrower than its text (it elides or scrolls)."""
    policy = widget.sizePolicy()
    policy.setHorizontalPolicy(QSizePolicy.Policy.Preferred)
    widget.setSizePolicy(policy)
