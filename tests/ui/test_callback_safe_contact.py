"""The call-back form asks about safe contact the way the peer form does: three states per
channel, "not asked yet" by default, and the warning while any channel is not asked."""

from __future__ import annotations

from PySide6.QtCore import Qt

from peerdesk.services import callbacks
from peerdesk.ui.contacts.callback_dialog import CallbackDialog
from tests.ui.peers_helpers import signed_in

BANNER = "Ask how it's safe to contact them before calling or texting"


def _pick(qtbot, combo, text: str) -> None:
    """Choose an item by keyboard, as a person would: focus, then type its start."""
    combo.setFocus()
    index = combo.findText(text)
    assert index >= 0, text
    while combo.currentIndex() != index:
        qtbot.keyClick(combo, Qt.Key.Key_Down if combo.currentIndex() < index
                       else Qt.Key.Key_Up)


def test_each_channel_starts_not_asked_with_the_warning_and_saves_its_three_states(
        qtbot, vault):
    with signed_in(vault, "Cal Worker") as worker:
        dialog = CallbackDialog(worker)
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.waitExposed(dialog)
        combos = dialog.channel_combos()
        # Someone never asked is never shown as OK to call or text.
        assert [c.currentText() for c in combos] == ["Not asked yet"] * 4
        assert [c.currentData() for c in combos] == [None] * 4
        assert [combos[0].itemText(i) for i in range(combos[0].count())] == ["Not asked yet", "OK",
                                                                     "Not OK"]
        assert dialog.not_asked.isVisible() and BANNER in dialog.not_asked.text()

        qtbot.keyClicks(dialog.reach, "07700 900123")
        dialog.agreed.setChecked(True)
        _pick(qtbot, dialog.calls_ok, "Not OK")
        _pick(qtbot, dialog.texts_ok, "OK")
        _pick(qtbot, dialog.email_ok, "Not OK")
        # One channel still not asked: the warning stays.
        assert dialog.not_asked.isVisible()
        _pick(qtbot, dialog.voicemail_ok, "OK")
        assert not dialog.not_asked.isVisible()
        _pick(qtbot, dialog.voicemail_ok, "Not asked yet")
        assert dialog.not_asked.isVisible()

        with qtbot.waitSignal(dialog.saved) as saved:
            dialog.accept()
        stored = callbacks.get(worker, saved.args[0])
        assert stored.prefs.channels() == (False, True, False, None)
        assert stored.prefs.not_asked
        # Today's list warns the same way before anyone calls.
        waiting = [w for w in callbacks.waiting(worker) if w.callback.id == saved.args[0]]
        assert BANNER in waiting[0].warning and "No calls" in waiting[0].warning


def test_a_call_back_left_untouched_is_stored_not_asked_never_ok(qtbot, vault):
    with signed_in(vault, "Lee Lead") as lead:
        dialog = CallbackDialog(lead)
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.keyClicks(dialog.reach, "@sunny")
        dialog.agreed.setChecked(True)
        with qtbot.waitSignal(dialog.saved) as saved:
            dialog.accept()
        stored = callbacks.get(lead, saved.args[0])
        assert stored.prefs.channels() == (None, None, None, None)
        assert stored.reach == "@sunny"
