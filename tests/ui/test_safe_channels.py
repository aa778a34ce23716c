"""SafeChannels (ui/peers/peer_dialog.py): the four ways to contact someone, as the peer
form and the call-back form both ask them."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QWidget

from peerdesk.domain.safe_contact import SafeContact
from peerdesk.ui.peers.peer_dialog import SafeChannels


def test_channels_start_not_asked_warn_and_give_a_safe_contact(qtbot):
    holder = QWidget()
    qtbot.addWidget(holder)
    channels = SafeChannels(SafeContact())
    holder.setLayout(channels)
    channels.not_asked.setParent(holder)
    holder.show()
    names = [channels.itemAtPosition(0, i).widget() for i in range(4)]
    assert [label.text() for label in names if isinstance(label, QLabel)] == [
        "Calls", "Texts", "Email", "Voicemail"]
    assert [box.accessibleName() for box in channels.combos()] == [
        "Calls", "Texts", "Email", "Voicemail"]
    assert all(box.currentData() is None for box in channels.combos())
    seen: list[int] = []
    channels.on_change(lambda: seen.append(1))
    channels.show_warning()
    assert channels.not_asked.isVisible()
    for box in channels.combos():
        box.setCurrentIndex(box.findData(True))
    assert len(seen) == 4
    channels.show_warning()
    assert not channels.not_asked.isVisible()
    channels.texts_ok.setCurrentIndex(channels.texts_ok.findData(False))
    made = channels.safe_contact(safe_times="after 6", code_word="")
    assert made == SafeContact(calls_ok=True, texts_ok=False, email_ok=True, voicemail_ok=True,
                               safe_times="after 6", code_word="")
    channels.email_ok.setCurrentIndex(0)
    channels.show_warning(asking=False)  # "do not contact at all": no warning
    assert not channels.not_asked.isVisible()
    channels.set_enabled(False)
    assert not any(box.isEnabled() for box in channels.combos())


def test_a_stored_answer_is_shown(qtbot):
    channels = SafeChannels(SafeContact(calls_ok=False, voicemail_ok=True))
    assert [box.currentData() for box in channels.combos()] == [False, None, None, True]
