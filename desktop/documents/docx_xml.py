"""The WordprocessingML python-docx has no API for: borders, cell fill and margins, rows
that never split or repeat as a header, fields (PAGE, NUMPAGES), fixed column widths.

Word refuses a file whose table or section properties are out of order, so each new child
is inserted before its schema successors (the ``*_AFTER_*`` tuples)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt
from docx.table import Table, _Cell
from docx.text.paragraph import Paragraph

# the successors of an element in its parent's schema sequence: Word refuses a file whose
# table or section properties are out of order, so new children are put in their place
TBLPR_AFTER_BORDERS = ("w:shd", "w:tblLayout", "w:tblCellMar", "w:tblLook", "w:tblCaption",
                        "w:tblDescription", "w:tblPrChange")
TBLPR_AFTER_MARGINS = ("w:tblLook", "w:tblCaption", "w:tblDescription", "w:tblPrChange")
TCPR_AFTER_BORDERS = ("w:shd", "w:noWrap", "w:tcMar", "w:textDirection", "w:tcFitText",
                       "w:vAlign", "w:hideMark", "w:headers", "w:cellIns", "w:cellDel",
                       "w:cellMerge", "w:tcPrChange")
SECTPR_AFTER_PGNUM = ("w:cols", "w:formProt", "w:vAlign", "w:noEndnote", "w:titlePg",
                       "w:textDirection", "w:bidi", "w:rtlGutter", "w:docGrid",
                       "w:printerSettings", "w:sectPrChange")


def border_element(tag: str, val: str, size: int = 4, color: str = "000000",
                   edges: Sequence[str] = ("top", "left", "bottom", "right", "insideH",
                                           "insideV")) -> Any:
    """w:tblBorders or w:tcBorders with the given edges (``nil``: no line)."""
    borders = OxmlElement(tag)
    for edge in edges:
        element = OxmlElement(f"w:{edge}")
        element.set(qn("w:val"), val)
        if val != "nil":
            element.set(qn("w:sz"), str(size))
            element.set(qn("w:space"), "0")
            element.set(qn("w:color"), color)
        borders.append(element)
    return borders


def table_borders(table: Table, val: str, size: int = 4, color: str = "000000") -> None:
    table._tbl.tblPr.insert_element_before(border_element("w:tblBorders", val, size, color),
                                           *TBLPR_AFTER_BORDERS)


def cell_borders(cell: _Cell, val: str, edges: Sequence[str]) -> None:
    borders = border_element("w:tcBorders", val, edges=edges)
    cell._tc.get_or_add_tcPr().insert_element_before(borders, *TCPR_AFTER_BORDERS)


def cell_fill(cell: _Cell, fill: str) -> None:
    shd = OxmlElement("w:shd")
    shd.set(qn("w:val"), "clear")
    shd.set(qn("w:color"), "auto")
    shd.set(qn("w:fill"), fill)
    cell._tc.get_or_add_tcPr().insert_element_before(shd, *TCPR_AFTER_BORDERS[1:])


def table_margins(table: Table, left_pt: float, right_pt: float, top_pt: float = 0,
                   bottom_pt: float = 0) -> None:
    margins = OxmlElement("w:tblCellMar")
    for edge, points in (("top", top_pt), ("left", left_pt), ("bottom", bottom_pt),
                         ("right", right_pt)):
        element = OxmlElement(f"w:{edge}")
        element.set(qn("w:w"), str(round(points * 20)))
        element.set(qn("w:type"), "dxa")
        margins.append(element)
    table._tbl.tblPr.insert_element_before(margins, *TBLPR_AFTER_MARGINS)


def row_flag(row: Any, tag: str) -> None:
    """w:cantSplit (a row never split over pages) or w:tblHeader (repeated on each page)."""
    element = OxmlElement(tag)
    row._tr.get_or_add_trPr().append(element)


def field(paragraph: Paragraph, instruction: str, shown: str = "1") -> None:
    """A field (PAGE, NUMPAGES, SECTIONPAGES) that Word and LibreOffice update."""
    def char(kind: str) -> None:
        element = OxmlElement("w:fldChar")
        element.set(qn("w:fldCharType"), kind)
        paragraph.add_run()._r.append(element)

    char("begin")
    code = OxmlElement("w:instrText")
    code.set(qn("xml:space"), "preserve")
    code.text = f" {instruction} "
    paragraph.add_run()._r.append(code)
    char("separate")
    paragraph.add_run(shown)
    char("end")


def fixed_widths(table: Table, widths_pt: Sequence[float]) -> None:
    """Column widths as the PDF measured them, for Word (tcW) and LibreOffice (gridCol)."""
    table.autofit = False
    for column, width in zip(table.columns, widths_pt, strict=True):
        column.width = Pt(width)
        for cell in column.cells:
            cell.width = Pt(width)


