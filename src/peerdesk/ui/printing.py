"""Printing: the one way a printer is asked for (the recovery key, the monthly report, the
services handout), and the recovery key's plain page. Qt's print support loads only
when asked."""

from __future__ import annotations

import html
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

if TYPE_CHECKING:
    from PySide6.QtPrintSupport import QPrinter

# Returns a printer the person chose, or None if they cancelled. Tests replace
# it with one that prints to a PDF file so no real dialog opens.
PrinterChooser = Callable[[QWidget | None], "QPrinter | None"]


def ask_for_printer(parent: QWidget | None, title: str = "", *, doc_name: str = "",
                    page_size: str = "") -> QPrinter | None:
    """The platform's print dialog over `parent`; the printer chosen, or None if cancelled.
    `doc_name` is what print queues show (never a name or anything identifying);
    `page_size` "A4" or "Letter" where the document has its own."""
    from PySide6.QtGui import QPageSize
    from PySide6.QtPrintSupport import QPrintDialog, QPrinter

    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    if page_size:
        printer.setPageSize(QPageSize(QPageSize.PageSizeId.Letter if page_size == "Letter"
                                      else QPageSize.PageSizeId.A4))
    if doc_name:
        printer.setDocName(doc_name)
    dialog = QPrintDialog(printer, parent)
    if title:
        dialog.setWindowTitle(title)
    if dialog.exec() != QPrintDialog.DialogCode.Accepted:
        return None
    return printer


def choose_printer(parent: QWidget | None) -> QPrinter | None:
    return ask_for_printer(parent, QCoreApplication.translate("Printing",
                                                              "Print the recovery key"))


def recovery_key_html(centre_name: str, recovery_key: str, notice: str) -> str:
    title = QCoreApplication.translate("Printing", "PeerDesk recovery key")
    centre = QCoreApplication.translate("Printing", "For: {centre}").format(centre=centre_name)
    warning = QCoreApplication.translate(
        "Printing", "Anyone holding this key can open the vault. Keep it locked away.")
    # The printed page, not the screen: a fixed size suits paper.
    return (
        f"<h2>{html.escape(title)}</h2>"
        f"<p>{html.escape(centre)}</p>"
        f"<p style='font-family: monospace; font-size: 20pt; font-weight: bold;'>"
        f"{html.escape(recovery_key)}</p>"
        f"<p>{html.escape(notice)}</p>"
        f"<p>{html.escape(warning)}</p>"
    )


def print_recovery_key(parent: QWidget | None, centre_name: str, recovery_key: str,
                       notice: str, chooser: PrinterChooser = choose_printer) -> bool:
    """Print one page with the key and the notice; False if the person cancelled."""
    printer = chooser(parent)
    if printer is None:
        return False
    from PySide6.QtGui import QTextDocument

    document = QTextDocument()
    document.setHtml(recovery_key_html(centre_name, recovery_key, notice))
    document.print_(printer)
    return True
