"""The main window's side bar: the program's name, the office's, and the navigation list
with one entry per page (Beranda, the record kinds, Sinkronisasi).

Its width follows its longest entry in the navigation font, between ``SIDEBAR_WIDTH``
and ``SIDEBAR_MAX_WIDTH``: 'Perangkat Daerah' was elided at every size once the style's
paddings grew, and every pixel more is taken from the pages.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QSize, Qt
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QLabel, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from desktop import APP_NAME
from desktop.core.resources import resource_path

translate = QCoreApplication.translate
SIDEBAR_WIDTH = 200  # at least; wider when its longest entry needs it (sidebar_width)
SIDEBAR_MAX_WIDTH = 240  # every pixel more is taken from the pages
# the navigation keys of the pages that are not record kinds (those are keyed by kind)
BERANDA = "beranda"  # the first entry
SYNC = "sync"  # after the record kinds, for the roles that may sync
PEOPLE = "people"  # the Pengguna page, last (administrators on PostgreSQL)


def nav_icon(name: str) -> QIcon:
    """A side-bar icon in the scheme's colours (readable on dark and when selected)."""
    from desktop.ui.icons import tinted_icon

    return tinted_icon(resource_path("icons", f"nav-{name}.svg"))


def build_sidebar(parent: QWidget, office_name: str | None
                  ) -> tuple[QWidget, QLabel, QListWidget]:
    """The side bar, its office label (renamed when the profile changes) and the
    navigation list (filled by ``add_entry``)."""
    side = QWidget(parent)
    side.setObjectName("sidebar")
    side.setFixedWidth(SIDEBAR_WIDTH)
    layout = QVBoxLayout(side)
    layout.setContentsMargins(0, 0, 0, 0)
    brand = QLabel(APP_NAME, side)
    brand.setObjectName("brand")
    sub = QLabel(office_name if office_name is not None
                 else translate("MainWindow", "Kantor belum diatur"), side)
    sub.setObjectName("brandSub")
    sub.setWordWrap(True)
    navigation = QListWidget(side)
    navigation.setObjectName("navigation")
    navigation.setAccessibleName(translate("MainWindow", "Navigasi"))
    navigation.setIconSize(QSize(20, 20))
    navigation.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    layout.addWidget(brand)
    layout.addWidget(sub)
    layout.addWidget(navigation, 1)
    return side, sub, navigation


def add_entry(navigation: QListWidget, icon: str, text: str, key: str,
              tooltip: bool = False) -> None:
    """One page in the navigation; ``key`` (Beranda, a kind, Sinkronisasi) is its data."""
    item = QListWidgetItem(nav_icon(icon), text)
    if tooltip:
        item.setToolTip(text)  # elided when the side bar is narrow
    item.setData(Qt.ItemDataRole.UserRole, key)
    navigation.addItem(item)


def sidebar_width(navigation: QListWidget) -> int:
    """Room for the longest entry ("Perangkat Daerah", "Regional work units") in the
    navigation's own font, never less than SIDEBAR_WIDTH nor more than SIDEBAR_MAX_WIDTH:
    the pages keep the rest."""
    from PySide6.QtGui import QFont, QFontMetrics

    from desktop.ui.palette import FONT_NAV, SPACE_M

    font = QFont(navigation.font())
    font.setPointSizeF(FONT_NAV)
    metrics = QFontMetrics(font)
    longest = max(metrics.horizontalAdvance(navigation.item(row).text())
                  for row in range(navigation.count()))
    # icon and its gap, the item's padding and margins, the frame and the focus ring
    # (and the side layout's margins): measured on screen, 24 px more than they add up
    chrome = navigation.iconSize().width() + 8 + 2 * SPACE_M + 2 * 6 + 8 + 24
    return max(SIDEBAR_WIDTH, min(longest + chrome, SIDEBAR_MAX_WIDTH))
