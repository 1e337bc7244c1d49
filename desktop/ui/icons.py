"""Line icons drawn in the scheme's colours, so they show on the light and the dark side bar.

The side bar's icons are one-colour SVG line drawings. Loaded as files they keep the
grey they were drawn in, which all but vanishes on the dark scheme and on the selected
(accent) row. This engine draws the SVG at paint time with its stroke replaced by the
palette's ``text_muted`` (or ``on_accent`` on a selected row), so a scheme switch
repaints them without rebuilding the list.
"""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtCore import QByteArray, QPoint, QRect, QRectF, QSize, Qt
from PySide6.QtGui import QIcon, QIconEngine, QPainter, QPixmap
from PySide6.QtSvg import QSvgRenderer

from desktop.ui.painting import painting
from desktop.ui.style import tokens

_STROKE = re.compile(r'stroke="#[0-9a-fA-F]{3,6}"')
_engines: list[QIconEngine] = []  # the icons own their engines; Python must not free them


class TintedSvgEngine(QIconEngine):
    def __init__(self, path: Path) -> None:
        super().__init__()
        self.path = path
        self.svg = path.read_text(encoding="utf-8")

    def colour(self, mode: QIcon.Mode) -> str:
        p = tokens()
        return p.on_accent if mode == QIcon.Mode.Selected else p.text_muted

    def paint(self, painter: QPainter, rect: QRect, mode: QIcon.Mode,
              state: QIcon.State) -> None:
        svg = _STROKE.sub(f'stroke="{self.colour(mode)}"', self.svg)
        QSvgRenderer(QByteArray(svg.encode("utf-8"))).render(painter, QRectF(rect))

    def pixmap(self, size: QSize, mode: QIcon.Mode, state: QIcon.State) -> QPixmap:
        pixmap = QPixmap(size)
        pixmap.fill(Qt.GlobalColor.transparent)
        with painting(pixmap) as painter:
            self.paint(painter, QRect(QPoint(0, 0), size), mode, state)
        return pixmap

    def clone(self) -> QIconEngine:
        return tinted_engine(self.path)


def tinted_engine(path: Path) -> TintedSvgEngine:
    engine = TintedSvgEngine(path)
    _engines.append(engine)
    return engine


def tinted_icon(path: Path) -> QIcon:
    """An icon from a one-colour SVG, drawn in the scheme's muted text colour."""
    return QIcon(tinted_engine(path))
