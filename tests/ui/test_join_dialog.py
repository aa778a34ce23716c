"""The join dialog while the team server is slow to answer: the join runs off the
GUI thread, the dialog shows it is busy and keeps handling events, and the answer
lands beside the form. The server here is a socket that takes the connection and
says nothing until the test lets it go (the real-server joins are in tests/team)."""

from __future__ import annotations

import secrets
import socket
import tempfile
import threading
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer

from peerdesk.services.team import TeamPlace
from peerdesk.storage.team.connection import ConnectionFile
from peerdesk.ui.team.join_dialog import JoinTeamDialog

pytest.importorskip("psycopg")

PORT = 5432


class SilentServer:
    """A Unix socket where a PostgreSQL server would be: it accepts, then stays
    silent until `release()` hangs up on everyone."""

    def __init__(self) -> None:
        # Short: a Unix socket's path has a length limit that tmp_path can pass.
        self.folder = Path(tempfile.mkdtemp(prefix="pd-join-"))
        self.listener = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        self.listener.bind(str(self.folder / f".s.PGSQL.{PORT}"))
        self.listener.listen(4)
        self.accepted = threading.Event()
        self.let_go = threading.Event()
        self.thread = threading.Thread(target=self._serve, daemon=True)
        self.thread.start()

    def _serve(self) -> None:
        conn, _ = self.listener.accept()
        self.accepted.set()
        self.let_go.wait(30)
        conn.close()

    def release(self) -> None:
        if self.let_go.is_set():
            return
        self.let_go.set()
        self.thread.join(5)
        self.listener.close()
        for item in self.folder.iterdir():
            item.unlink()
        self.folder.rmdir()


@pytest.fixture
def silent_server() -> Iterator[SilentServer]:
    server = SilentServer()
    yield server
    server.release()


@pytest.fixture
def dialog(qtbot, tmp_path) -> JoinTeamDialog:
    made = JoinTeamDialog(TeamPlace(tmp_path / "pc" / "config", tmp_path / "pc" / "data"))
    qtbot.addWidget(made)
    made.show()
    return made


def test_an_empty_form_says_so_beside_the_field_and_starts_nothing(qtbot, dialog):
    qtbot.mouseClick(dialog.join_button, Qt.MouseButton.LeftButton)
    assert not dialog.joining and dialog.isVisible()
    assert dialog.fields["file"].error.isVisible()
    assert dialog.fields["file"].error.text() == "Choose the connection file first."
    dialog.file.setText("/somewhere/centre.peerdesk-team")
    dialog.name.setText("Cas Worker")
    qtbot.mouseClick(dialog.join_button, Qt.MouseButton.LeftButton)
    assert not dialog.joining
    assert not dialog.fields["file"].error.isVisible()
    assert dialog.fields["password"].error.text() == "Enter your password."


def test_the_dialog_shows_progress_and_keeps_handling_events_while_joining(
        qtbot, dialog, silent_server, tmp_path):
    file = tmp_path / "centre.peerdesk-team"
    ConnectionFile(host=str(silent_server.folder), port=PORT, database="centre",
                   centre_id=str(uuid.uuid4()), name_key=secrets.token_hex(32)).save(file)
    dialog.file.setText(str(file))
    dialog.name.setText("Cas Worker")
    dialog.password.setText("a password")
    ticks: list[int] = []
    timer = QTimer(dialog)
    timer.setInterval(20)
    timer.timeout.connect(lambda: ticks.append(1))
    timer.start()

    qtbot.mouseClick(dialog.join_button, Qt.MouseButton.LeftButton)
    # The click came back while the server has not answered: the join is running
    # elsewhere, and the dialog says so.
    assert dialog.joining and dialog.desk is None
    assert dialog.busy.isVisible() and dialog.busy_note.isVisible()
    assert dialog.busy.maximum() == 0  # a bar that moves, not a count
    assert not dialog.join_button.isEnabled() and not dialog.cancel_button.isEnabled()
    assert not dialog.file.isEnabled() and not dialog.password.isEnabled()
    assert dialog.password.text() == ""
    assert silent_server.accepted.wait(10)
    ticks.clear()
    qtbot.wait(300)
    # Events were handled (the timer ran) and the join is still waiting on the server.
    assert len(ticks) >= 5 and dialog.joining
    dialog.reject()  # Escape can't leave a join halfway: the dialog waits for the answer
    assert dialog.isVisible()

    silent_server.release()
    qtbot.waitUntil(lambda: not dialog.joining, timeout=15000)
    assert dialog.isVisible() and dialog.desk is None
    assert not dialog.busy.isVisible()
    assert dialog.error.text().startswith("PeerDesk could not reach the team server at")
    assert dialog.join_button.isEnabled() and dialog.cancel_button.isEnabled()
    assert not dialog.place.connection_file.exists()
