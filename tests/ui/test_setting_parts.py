"""The shared pieces of the Admin settings pages (ui/admin/setting_parts.py) and the
worker's own connection (ui/background_job.on_own_connection), on a real vault."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QFormLayout, QLabel, QMessageBox, QPushButton, QSpinBox, QWidget

from peerdesk.domain.errors import ValidationError
from peerdesk.services import lock_settings
from peerdesk.ui.admin.setting_parts import SaveFeedback, nothing_deleted, setting_row
from peerdesk.ui.background_job import on_own_connection
from tests.ui.conftest import visible
from tests.ui.peers_helpers import signed_in


def test_a_setting_row_label_reaches_its_box(qtbot):
    page = QWidget()
    qtbot.addWidget(page)
    form = QFormLayout(page)
    box, button = QSpinBox(), QPushButton("Save")
    row = setting_row(form, "&Lock after", box, button)
    label = form.labelForField(row)
    assert isinstance(label, QLabel) and label.buddy() is box
    assert [row.itemAt(i).widget() for i in range(2)] == [box, button]


def test_save_feedback_says_saved_or_shows_the_refusal(qtbot, vault):
    feedback = SaveFeedback()
    holder = QWidget()
    qtbot.addWidget(holder)
    feedback.status.setParent(holder)
    feedback.error.setParent(holder)
    def save(session, minutes):
        def action() -> str:
            lock_settings.set_idle_lock_minutes(session, minutes)
            return f"Saved: {minutes}"
        return action

    with signed_in(vault, "Bea Second") as admin:
        assert feedback.save(save(admin, 7))
        assert feedback.status.text() == "Saved: 7" and feedback.error.text() == ""
        assert lock_settings.idle_lock_minutes(admin) == 7
        # Out of range: refused with the record's message, the "saved" line gone.
        assert not feedback.save(save(admin, 999))
        assert feedback.status.text() == "" and feedback.error.text()
        assert lock_settings.idle_lock_minutes(admin) == 7
    with signed_in(vault, "Pia Peer") as peer:
        # The wrong role: refused by the service, not by the page.
        assert not feedback.save(save(peer, 5))
        assert feedback.error.text()
        assert lock_settings.idle_lock_minutes(peer) == 7
    feedback.clear()
    assert feedback.status.text() == "" and feedback.error.text() == ""


def test_nothing_deleted_tells_the_person(qtbot):
    page = QWidget()
    qtbot.addWidget(page)
    page.show()
    status = QLabel("Deleting…", page)
    nothing_deleted(page, status, ValidationError("The vault is busy."))
    assert status.text() == ""
    [box] = [b for b in visible(QMessageBox) if b.windowTitle() == "Nothing deleted"]
    assert box.text() == "The vault is busy."
    box.close()


def test_a_worker_job_gets_its_own_connection_and_closes_it(vault):
    with signed_in(vault, "Bea Second") as admin:
        seen = []

        def task(db):
            seen.append(db)
            return db.execute("SELECT count(*) FROM staff").fetchone()[0]

        work = on_own_connection(admin, task)
        assert work(lambda _text: None) >= 4
        [db] = seen
        assert db is not admin.db
        with pytest.raises(Exception):  # noqa: B017 - closed: it refuses, however it says so
            db.execute("SELECT 1")

        def failing(db):
            seen.append(db)
            raise ValidationError("Refused.")

        with pytest.raises(ValidationError):
            on_own_connection(admin, failing)(lambda _text: None)
        with pytest.raises(Exception):  # noqa: B017 - closed even when the task failed
            seen[-1].execute("SELECT 1")
        assert admin.db.execute("SELECT 1").fetchone()[0] == 1  # the GUI's own stays open
