"""The one print dialog (ui/printing.ask_for_printer): the printer as the document wants
it, or None when the person cancels."""

from __future__ import annotations

from PySide6.QtGui import QPageSize
from PySide6.QtPrintSupport import QPrintDialog
from PySide6.QtWidgets import QDialog, QWidget

from peerdesk.ui.printing import ask_for_printer


def test_the_printer_is_set_up_for_the_document(qtbot, monkeypatch):
    parent = QWidget()
    qtbot.addWidget(parent)
    seen: list[QPrintDialog] = []

    def accept(dialog: QPrintDialog) -> int:
        seen.append(dialog)
        return QDialog.DialogCode.Accepted.value

    monkeypatch.setattr(QPrintDialog, "exec", accept)
    printer = ask_for_printer(parent, "Print the report", doc_name="PeerDesk report",
                              page_size="Letter")
    assert printer is not None
    assert printer.docName() == "PeerDesk report"
    assert printer.pageLayout().pageSize().id() == QPageSize.PageSizeId.Letter
    assert seen[0].windowTitle() == "Print the report" and seen[0].parent() is parent
    a4 = ask_for_printer(parent, page_size="A4")
    assert a4 is not None and a4.pageLayout().pageSize().id() == QPageSize.PageSizeId.A4


def test_cancelling_gives_no_printer(qtbot, monkeypatch):
    monkeypatch.setattr(QPrintDialog, "exec", lambda _d: QDialog.DialogCode.Rejected.value)
    assert ask_for_printer(None, doc_name="PeerDesk services") is None
