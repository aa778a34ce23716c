"""ui.errors.run_service, the one way a page's button runs a service call on a
record: done, refused (the service's own message in a box), or nobody signed in."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QMessageBox, QWidget

from peerdesk.domain.voice import FeedbackDraft, FeedbackSource
from peerdesk.services import voice
from peerdesk.ui.errors import run_service
from tests.fixtures.vaults import close, sign_in
from tests.ui.conftest import message_texts, visible


def test_run_service_runs_refuses_with_the_message_or_does_nothing(qtbot, vault):
    page = QWidget()  # the page whose button it was: the message box's parent
    qtbot.addWidget(page)
    page.show()
    draft = FeedbackDraft(date(2025, 3, 2), FeedbackSource.STAFF, helped="Being listened to")
    lead = sign_in(vault, "Lee Lead")
    first, second = voice.add_feedback(lead, draft), voice.add_feedback(lead, draft)
    assert run_service(page, None, voice.delete_feedback, first) is None
    close(lead)

    supporter = sign_in(vault, "Pia Peer")
    try:
        assert run_service(page, supporter, voice.delete_feedback, first) is False
    finally:
        close(supporter)
    assert message_texts() == ["Only a programme lead or a caseworker can work with "
                               "mentoring, consultations, feedback and quotes."]
    for box in visible(QMessageBox):
        box.close()

    lead = sign_in(vault, "Lee Lead")
    try:
        assert {f.id for f in voice.feedback(lead)} == {first, second}
        assert run_service(page, lead, voice.delete_feedback, first) is True
        assert [f.id for f in voice.feedback(lead)] == [second]
    finally:
        close(lead)
    assert message_texts() == []
