"""Saving a file a page writes (ui/save_as.py): the chosen path is written; a cancel writes
nothing; a refusal is said and counts as not saved."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QWidget

from peerdesk.domain.errors import PeerDeskError
from peerdesk.ui.save_as import save_as
from tests.ui.conftest import message_texts


def _answer(monkeypatch, name: str) -> None:
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        staticmethod(lambda *_args: (name, "PDF (*.pdf)")))


def test_the_chosen_file_is_written_and_a_cancel_writes_nothing(qtbot, tmp_path, monkeypatch):
    page = QWidget()
    qtbot.addWidget(page)
    written: list[Path] = []
    _answer(monkeypatch, str(tmp_path / "matrix.pdf"))
    assert save_as(page, "Save", "matrix.pdf", "PDF (*.pdf)", written.append)
    assert written == [tmp_path / "matrix.pdf"]
    _answer(monkeypatch, "")
    assert not save_as(page, "Save", "matrix.pdf", "PDF (*.pdf)", written.append)
    assert written == [tmp_path / "matrix.pdf"]


def test_a_refusal_is_said_and_is_not_a_save(qtbot, tmp_path, monkeypatch):
    page = QWidget()
    qtbot.addWidget(page)
    page.show()

    def refuse(_path: Path) -> None:
        raise PeerDeskError("That folder cannot be written to.")

    _answer(monkeypatch, str(tmp_path / "matrix.pdf"))
    assert not save_as(page, "Save", "matrix.pdf", "PDF (*.pdf)", refuse)
    assert "That folder cannot be written to." in message_texts()
