"""Bringing an office's existing spreadsheets (XLSX, CSV) into the register.

``sheet`` reads the file, ``mapping`` matches its columns to fields, ``convert`` turns
cells into field values (choices by label, OPDs by name), ``run`` validates every row
through the services inside one transaction and commits only what the user chose.
"""

from desktop.core.importing.mapping import auto_map, load_mapping, save_mapping
from desktop.core.importing.run import ImportOutcome, RowResult, import_rows
from desktop.core.importing.sheet import Sheet, read_sheet

__all__ = ["ImportOutcome", "RowResult", "Sheet", "auto_map", "import_rows", "load_mapping",
           "read_sheet", "save_mapping"]
