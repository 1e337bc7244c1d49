"""``pdf`` and ``docx``: an agreement's document (naskah kerja sama) written to a file."""

from __future__ import annotations

import argparse
from typing import Any

from desktop.cli.common import EXIT_OK, open_desk


def add_parsers(sub: Any) -> dict[str, Any]:
    """Register the sub-commands; returns {name: handler} for the CLI's command table."""
    from desktop.core.i18n import t

    p_pdf = sub.add_parser("pdf", help=t("cetak naskah kerja sama ke PDF (DOCX bila BERKAS "
                                         "berakhiran .docx)"))
    p_pdf.add_argument("agreement_id", metavar="ID_KERJA_SAMA")
    p_pdf.add_argument("-o", "--output", required=True, metavar="BERKAS.pdf")
    p_docx = sub.add_parser("docx", help=t("tulis naskah kerja sama sebagai dokumen Word (DOCX)"))
    p_docx.add_argument("agreement_id", metavar="ID_KERJA_SAMA")
    p_docx.add_argument("-o", "--output", required=True, metavar="BERKAS.docx")
    return {"pdf": cmd_pdf, "docx": cmd_pdf}


def cmd_pdf(args: argparse.Namespace) -> int:
    """The agreement as a PDF, or as DOCX when the file's name ends in .docx (or ``docx``)."""
    from pathlib import Path

    from desktop.core.i18n import t
    from desktop.documents.options import render_options

    as_docx = args.command == "docx" or Path(args.output).suffix.lower() == ".docx"
    if as_docx:
        from desktop.documents.docx_writer import render_docx as render
    else:
        from desktop.documents.pdf import render_agreement as render

    with open_desk(args) as desk:
        agreement = desk.agreements.get(args.agreement_id)
        parent = (desk.agreements.get(agreement["induk_id"]) if agreement.get("induk_id")
                  else None)
        office = desk.office.get()
        data = render(agreement, office=office, parent=parent,
                      options=render_options(agreement, office))
    from desktop.core.safe_write import write_bytes_atomic

    write_bytes_atomic(args.output, data)  # open in a PDF reader or Word: a clear message
    print(t("DOCX ditulis: {path}", path=args.output) if as_docx
          else t("PDF ditulis: {path}", path=args.output))
    return EXIT_OK
