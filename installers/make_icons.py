"""Render the application icon from its SVG source into PNG sizes and a Windows .ico.

    QT_QPA_PLATFORM=offscreen .venv/bin/python installers/make_icons.py

Writes ``resources/icons/diskominfo-desk-<N>.png`` for N in 16..512 (the hicolor sizes
the .deb installs, also usable as window icons) and ``resources/icons/diskominfo-desk.ico``
(PyInstaller's executable icon, the NSIS installer and shortcuts). The generated files are
committed; run this again after changing the SVG.

The .ico holds 16..64 px as classic 32-bit DIBs (every Windows shell and NSIS reads those)
and 128/256 px as PNG entries (Vista and later), which keeps the file small.
"""

from __future__ import annotations

import os
import struct
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

ROOT = Path(__file__).resolve().parents[1]
ICONS = ROOT / "resources" / "icons"
SOURCE = ICONS / "diskominfo-desk.svg"
PNG_SIZES = (16, 22, 24, 32, 48, 64, 128, 256, 512)
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
ICO_PNG_FROM = 128  # entries this size and larger are stored as PNG


def render(renderer: QSvgRenderer, size: int) -> QImage:
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    renderer.render(painter)
    painter.end()
    return image


def png_bytes(image: QImage) -> bytes:
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    if not image.save(buffer, "PNG"):
        raise RuntimeError("PNG encoding failed")
    buffer.close()
    return bytes(data.data())


def dib_bytes(image: QImage) -> bytes:
    """A 32-bit BGRA device-independent bitmap as an .ico entry wants it (bottom-up rows,
    doubled height for the AND mask, which is all zeros: the alpha channel rules)."""
    size = image.width()
    image = image.convertToFormat(QImage.Format.Format_ARGB32)  # BGRA in memory (LE)
    header = struct.pack("<IiiHHIIiiII", 40, size, size * 2, 1, 32, 0, 0, 0, 0, 0, 0)
    rows = []
    for y in range(size - 1, -1, -1):
        line = image.constScanLine(y)
        rows.append(bytes(line)[: size * 4])
    mask_row = ((size + 31) // 32) * 4
    return header + b"".join(rows) + bytes(mask_row * size)


def ico_bytes(images: dict[int, QImage]) -> bytes:
    entries = []
    for size in ICO_SIZES:
        image = images[size]
        entries.append((size, png_bytes(image) if size >= ICO_PNG_FROM else dib_bytes(image)))
    out = struct.pack("<HHH", 0, 1, len(entries))
    offset = 6 + 16 * len(entries)
    directory = b""
    for size, data in entries:
        edge = 0 if size >= 256 else size  # 0 means 256 in an icon directory
        directory += struct.pack("<BBBBHHII", edge, edge, 0, 0, 1, 32, len(data), offset)
        offset += len(data)
    return out + directory + b"".join(data for _, data in entries)


def main() -> int:
    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    renderer = QSvgRenderer(str(SOURCE))
    if not renderer.isValid():
        print(f"cannot read {SOURCE}", file=sys.stderr)
        return 1
    images = {size: render(renderer, size) for size in sorted({*PNG_SIZES, *ICO_SIZES})}
    for size in PNG_SIZES:
        target = ICONS / f"diskominfo-desk-{size}.png"
        target.write_bytes(png_bytes(images[size]))
        print(target.relative_to(ROOT))
    ico = ICONS / "diskominfo-desk.ico"
    ico.write_bytes(ico_bytes(images))
    print(ico.relative_to(ROOT))
    del app
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
