"""The measurements of the fit-and-clipping walk (``screen_fit_script.py``, issue 16).

Each check appends to ``problems`` what a user would see cut off: a window past the
screen's available geometry (or needing more than the screen has); a text wider than the
room its widget gives it (a one-line label, a table header section, a push button, a
check box or radio button, a group box title, a tab, a combo box's current text); a
word-wrapped label (a form row label, a message box's text) shorter than its wrapped
lines; a field or button squeezed below the height its text needs; an editor opened in
a sub-list table smaller than it asks to be or reaching out of the table. Labels that
elide by design (property ``elidedByDesign``) and combo boxes whose tooltip holds the
whole text are fine. ``seen`` names every place measured, with the window's size, so
the test can tell the walk went everywhere.

Kept apart from the script so ``test_screen_fit.py`` can show, on small widgets, that
each check does fail when a text is cut.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemDelegate,
    QAbstractSpinBox,
    QApplication,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QStyle,
    QStyleOptionButton,
    QStyleOptionComboBox,
    QStyleOptionGroupBox,
    QTabBar,
    QToolButton,
    QWidget,
)

HEADER_PADDING = 12  # the style sheet's 6 px each side of a header section's text
problems: list[str] = []
seen: list[str] = []


def plain(text: str) -> str:
    """A widget's text without its mnemonic marks, as drawn ("&&" is a literal "&")."""
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&")


# ---------------------------------------------------------------------------- checks
def check_window(where: str, window: QWidget) -> None:
    available = window.screen().availableGeometry()
    frame = window.frameGeometry()
    seen.append(f"{where}: {frame.width()}x{frame.height()}")
    if not available.contains(frame):
        problems.append(f"{where}: window {frame.getRect()} is past the screen "
                        f"{available.getRect()}")
    minimum = window.minimumSizeHint().boundedTo(QWidget.maximumSize(window))
    if minimum.width() > available.width() or minimum.height() > available.height():
        problems.append(f"{where}: window needs at least {minimum.width()}x"
                        f"{minimum.height()}, the screen has {available.width()}x"
                        f"{available.height()}")
    check_texts(where, window)


def check_texts(where: str, root: QWidget) -> None:
    """Every text on ``root`` and its visible children has the room it needs."""
    for label in root.findChildren(QLabel):
        check_label(where, label)
    for header in root.findChildren(QHeaderView):
        check_header(where, header)
    for button in root.findChildren(QAbstractButton):
        if isinstance(button, QPushButton):
            check_button(where, button, QStyle.SubElement.SE_PushButtonContents)
        elif isinstance(button, QCheckBox):
            check_button(where, button, QStyle.SubElement.SE_CheckBoxContents)
        elif isinstance(button, QRadioButton):
            check_button(where, button, QStyle.SubElement.SE_RadioButtonContents)
        elif isinstance(button, QToolButton):
            check_tool_button(where, button)
    for group in root.findChildren(QGroupBox):
        check_group(where, group)
    for bar in root.findChildren(QTabBar):
        check_tabs(where, bar)
    for combo in root.findChildren(QComboBox):
        check_combo(where, combo)
    for form in root.findChildren(QFormLayout):
        check_form_labels(where, form)
    for widget in root.findChildren(QWidget):
        check_squeezed(where, widget)


def name_of(widget: QWidget) -> str:
    return widget.objectName() or type(widget).__name__


def shown(widget: QWidget) -> bool:
    """Visible, with some size (a widget in a collapsed splitter pane shows nothing)."""
    return widget.isVisible() and widget.width() > 0 and widget.height() > 0


def check_form(where: str, page: Any) -> None:
    """The form is never wider than its scroll area (no field under the scroll bar), and
    the list and the form are side by side or one above the other, as the page says."""
    form, viewport = page.form, page.form_scroll.viewport()
    if form.minimumSizeHint().width() > viewport.width() + 1 or form.width() > (
            viewport.width() + 1):
        problems.append(f"{where}: the form needs {form.minimumSizeHint().width()} px, its "
                        f"scroll area shows {viewport.width()}")
    side = page.splitter.orientation() == Qt.Orientation.Horizontal
    seen.append(f"{where} form {'beside' if side else 'below'} the list: "
                f"{page.window().width()}x{page.window().height()}")


def is_rich(label: QLabel) -> bool:
    text = label.text()
    return label.textFormat() == Qt.TextFormat.RichText or (
        label.textFormat() == Qt.TextFormat.AutoText and "<" in text and ">" in text)


def check_label(where: str, label: QLabel) -> None:
    text = label.text()
    if (not shown(label) or not text or label.property("elidedByDesign")
            or (label.pixmap() is not None and not label.pixmap().isNull())):
        return
    if label.wordWrap():
        check_wrapped(where, label)
        return
    if is_rich(label):
        return
    if label.buddy() is not None:
        text = plain(text)
    metrics = label.fontMetrics()
    needed = max(metrics.horizontalAdvance(line) for line in text.split("\n"))
    room = label.contentsRect().width() - 2 * label.margin() - label.indent() * (
        label.indent() > 0)
    if needed > room + 1:
        problems.append(f"{where}: label {name_of(label)} {text!r} needs {needed} px, "
                        f"has {room}")


def check_wrapped(where: str, label: QLabel) -> None:
    """A word-wrapped label is as tall as its lines at its width (no last line cut off)."""
    needed = label.heightForWidth(label.width())
    if needed > label.height() + 1:
        problems.append(f"{where}: wrapped label {name_of(label)} {label.text()[:60]!r} "
                        f"needs {needed} px of height, has {label.height()}")


def check_header(where: str, header: QHeaderView) -> None:
    if not shown(header) or header.orientation() != Qt.Orientation.Horizontal:
        return
    model = header.model()
    if model is None:
        return
    font = QFont(header.font())
    font.setWeight(QFont.Weight.DemiBold)  # the style sheet's font-weight: 600
    metrics = QFontMetrics(font)
    for section in range(header.count()):
        if header.isSectionHidden(section) or header.sectionSize(section) <= 0:
            continue
        title = model.headerData(section, Qt.Orientation.Horizontal)
        if not title:
            continue
        needed = metrics.horizontalAdvance(str(title)) + HEADER_PADDING
        if needed > header.sectionSize(section) + 1:
            table = header.parentWidget()
            name = table.objectName() if table is not None else ""
            problems.append(f"{where}: header {name} {str(title)!r} needs {needed} px, "
                            f"has {header.sectionSize(section)}")


def check_button(where: str, button: QAbstractButton, element: QStyle.SubElement) -> None:
    """The text fits the button's contents rectangle (after the style's frame, padding
    and, for a check box, its indicator)."""
    text = plain(button.text())
    if not shown(button) or not text:
        return
    option = QStyleOptionButton()
    option.initFrom(button)
    option.text = button.text()
    option.icon = button.icon()
    option.iconSize = button.iconSize()
    if isinstance(button, QPushButton):
        features = QStyleOptionButton.ButtonFeature.None_
        if button.isFlat():
            features |= QStyleOptionButton.ButtonFeature.Flat
        if button.autoDefault() or button.isDefault():
            features |= QStyleOptionButton.ButtonFeature.AutoDefaultButton
        if button.isDefault():
            features |= QStyleOptionButton.ButtonFeature.DefaultButton
        option.features = features
    room = button.style().subElementRect(element, option, button).width()
    needed = max(button.fontMetrics().horizontalAdvance(line) for line in text.split("\n"))
    if not button.icon().isNull():
        needed += button.iconSize().width() + 4
    if needed > room + 1:
        problems.append(f"{where}: {type(button).__name__} {name_of(button)} {text!r} needs "
                        f"{needed} px, has {room}")


def check_tool_button(where: str, button: QToolButton) -> None:
    """A tool button showing text (the tool bar's actions, the date field's "…") is as
    wide as its text asks; the filter chip elides by design (``full_text``)."""
    if (not shown(button) or not plain(button.text()) or hasattr(button, "full_text")
            or (button.toolButtonStyle() == Qt.ToolButtonStyle.ToolButtonIconOnly
                and not button.icon().isNull())):  # no icon: the text is shown
        return
    needed = button.sizeHint().width()
    if needed > button.width() + 1:
        problems.append(f"{where}: QToolButton {name_of(button)} {plain(button.text())!r} "
                        f"needs {needed} px, has {button.width()}")


def check_group(where: str, group: QGroupBox) -> None:
    title = plain(group.title())
    if not shown(group) or not title:
        return
    option = QStyleOptionGroupBox()
    option.initFrom(group)
    option.text = group.title()
    option.subControls = (QStyle.SubControl.SC_GroupBoxFrame
                          | QStyle.SubControl.SC_GroupBoxLabel)
    if group.isCheckable():
        option.subControls |= QStyle.SubControl.SC_GroupBoxCheckBox
    rect = group.style().subControlRect(QStyle.ComplexControl.CC_GroupBox, option,
                                        QStyle.SubControl.SC_GroupBoxLabel, group)
    needed = group.fontMetrics().horizontalAdvance(title)
    if rect.width() + 1 < needed or rect.right() > group.width():
        problems.append(f"{where}: group box {name_of(group)} {title!r} needs {needed} px, "
                        f"has {min(rect.width(), group.width() - rect.left())}")


def check_tabs(where: str, bar: QTabBar) -> None:
    """Each tab shows its whole text and lies inside the bar (no tab behind the scroll
    arrows)."""
    if not shown(bar):
        return
    space = bar.style().pixelMetric(QStyle.PixelMetric.PM_TabBarTabHSpace, None, bar)
    for index in range(bar.count()):
        if not bar.isTabVisible(index):
            continue
        text = plain(bar.tabText(index))
        rect = bar.tabRect(index)
        needed = bar.fontMetrics().horizontalAdvance(text) + space
        if not bar.tabIcon(index).isNull():
            needed += bar.iconSize().width() + 4
        if needed > rect.width() + 1 or rect.right() > bar.width():
            problems.append(f"{where}: tab {text!r} needs {needed} px, has {rect.width()} "
                            f"(ends at {rect.right()} of {bar.width()})")


def check_combo(where: str, combo: QComboBox) -> None:
    text = combo.currentText()
    if not shown(combo) or combo.isEditable() or not text or text in combo.toolTip():
        return
    option = QStyleOptionComboBox()
    option.initFrom(combo)
    option.currentText = text
    option.editable = False
    option.frame = combo.hasFrame()
    option.subControls = QStyle.SubControl.SC_All
    rect = combo.style().subControlRect(QStyle.ComplexControl.CC_ComboBox, option,
                                        QStyle.SubControl.SC_ComboBoxEditField, combo)
    needed = combo.fontMetrics().horizontalAdvance(text) + 2
    if not combo.itemIcon(combo.currentIndex()).isNull():
        needed += combo.iconSize().width() + 4
    if needed > rect.width() + 1:
        problems.append(f"{where}: combo box {name_of(combo)} {text!r} needs {needed} px, "
                        f"has {rect.width()}")


def check_form_labels(where: str, form: QFormLayout) -> None:
    """Form row labels: their text is measured like every label's (above); here, the
    label itself must lie inside the widget holding the form (not cut by its edge)."""
    for row in range(form.rowCount()):
        item = form.itemAt(row, QFormLayout.ItemRole.LabelRole)
        label = item.widget() if item is not None else None
        if not isinstance(label, QLabel) or not shown(label) or not label.text():
            continue
        seen_form_labels.add(plain(label.text()))
        holder = label.parentWidget()
        if holder is not None and not holder.rect().contains(label.geometry()):
            problems.append(f"{where}: form label {plain(label.text())!r} at "
                            f"{label.geometry().getRect()} is cut by its form's edge "
                            f"{holder.rect().getRect()}")


seen_form_labels: set[str] = set()


INPUTS = (QAbstractButton, QAbstractSpinBox, QComboBox, QLineEdit)


def check_squeezed(where: str, widget: QWidget) -> None:
    """A field or button is at least as high as its text needs: a dialog shown below its
    layout's size squeezes its combo boxes and spin boxes to slivers, text unreadable."""
    if (not isinstance(widget, INPUTS) or not shown(widget)
            or isinstance(widget.parentWidget(), (QAbstractSpinBox, QComboBox))):
        return
    needed = widget.minimumSizeHint().height()
    if widget.height() + 1 < needed:
        problems.append(f"{where}: {type(widget).__name__} {name_of(widget)} is "
                        f"{widget.height()} px high, needs {needed}")


def check_cell_editor(where: str, collection: Any, field_name: str) -> None:
    """Open the cell editor of ``field_name`` in a sub-list table (adding a row if the
    table has none): it gets at least the size it asks for, within the table."""
    table = collection.table
    column = next(i for i, f in enumerate(collection.fields) if f.name == field_name)
    if table.rowCount() == 0:
        collection.add_row()
    scroll = table.parentWidget()
    while scroll is not None and not isinstance(scroll, QScrollArea):
        scroll = scroll.parentWidget()
    if scroll is not None:  # in sight, as a user scrolls to it
        scroll.ensureWidgetVisible(table)
    table.setFocus()
    table.setCurrentCell(0, column)
    app = QApplication.instance()
    app.processEvents()
    if table.indexWidget(table.currentIndex()) is None:  # not opened by the move
        table.edit(table.currentIndex())
        app.processEvents()
    editor = table.indexWidget(table.currentIndex())
    if editor is None:
        problems.append(f"{where}: no editor opened in {field_name}")
        return
    viewport = table.viewport().rect()
    hint, geometry = editor.sizeHint(), editor.geometry()
    seen.append(f"{where}: {geometry.width()}x{geometry.height()}")
    from desktop.ui.widgets.cell_fit import TEXT_LINES
    from desktop.ui.widgets.fields import LongTextEditor

    wanted_height = editor.minimumSizeHint().height()
    if isinstance(editor, LongTextEditor):  # a few lines of the text, not one
        wanted_height = editor.fontMetrics().lineSpacing() * TEXT_LINES
    wanted_width = min(hint.width(), viewport.width())
    wanted_height = min(wanted_height, viewport.height())
    if geometry.width() < wanted_width or geometry.height() < wanted_height:
        problems.append(f"{where}: the editor is {geometry.width()}x{geometry.height()}, it "
                        f"needs {wanted_width}x{wanted_height}")
    if not viewport.contains(geometry):
        problems.append(f"{where}: the editor {geometry.getRect()} reaches out of the table "
                        f"{viewport.getRect()}")
    check_texts(where, editor)
    table.itemDelegate().closeEditor.emit(editor, QAbstractItemDelegate.EndEditHint.NoHint)
    app.processEvents()
