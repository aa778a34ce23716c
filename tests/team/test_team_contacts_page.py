"""The listening service's Contacts page in the team window
(ui/team/contacts_page.py over services/listening_store.TeamListening), driven
with qtbot against the real test cluster: a day's contacts listed, moved through
by day, searched and sorted (the reading audited once per day read, not per
keystroke); a contact logged by keyboard (Ctrl+Shift+C, Ctrl+Return) onto the
server; the same form's messages; the server stopped: the contact waits in this
PC's outbox, the page says so and counts it, and "Send now" sends it exactly
once; a connection dropped in the middle of the save: the contact goes to the
outbox and the page says so; a peer supporter sees what row-level security
lets them (not a contact on another peer's record, not others' notes), and a
contact goes on a peer's record only when this login may see the peer."""

from __future__ import annotations

import uuid
from datetime import date, time, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from peerdesk.domain.errors import PermissionDenied
from peerdesk.domain.listening import Channel, ContactDraft, Outcome
from peerdesk.domain.peer import PeerDraft
from peerdesk.services.casework_store import TeamStore
from peerdesk.services.clock import today
from peerdesk.services.listening import ContactOrder
from peerdesk.services.listening_store import TeamListening
from peerdesk.storage.team.fieldcrypt import FieldCipher
from peerdesk.ui.contacts.contact_dialog import ContactDialog
from peerdesk.ui.team.contacts_page import TeamContactsPage
from peerdesk.ui.team.team_window import TeamWindow
from tests.team.test_team_window import _screenshot, _wait_for_the_answer, _window

YESTERDAY = today() - timedelta(days=1)
DAY_BEFORE = today() - timedelta(days=2)


def _draft(who: int, on: date, at: str, **changes: object) -> ContactDraft:
    hour, minute = (int(p) for p in at.split(":"))
    values: dict[str, object] = {"contacted_on": on, "contacted_time": time(hour, minute),
                                 "channel": Channel.PHONE, "minutes": 15, "taken_by": who}
    values.update(changes)
    return ContactDraft(**values)  # type: ignore[arg-type]


@pytest.fixture
def lists(joined_centre) -> dict[str, int]:
    """The centre's regions and contact topics (its own lists, about no one)."""
    with joined_centre.server.connect(joined_centre.database) as conn:
        ids = {name: conn.execute(f"INSERT INTO casework.{table} (name) VALUES (%s) "
                                  "RETURNING id", (name,)).fetchone()[0]
               for table, name in (("region", "Northside"), ("region", "Southbank"),
                                   ("contact_topic", "Loneliness"),
                                   ("contact_topic", "Housing"))}
    return ids


@pytest.fixture
def logged(joined_centre, lists, tmp_path):
    """Contacts a caseworker logged on another PC: two yesterday, one the day before."""
    desk = joined_centre.sign_in("caseworker", tmp_path / "other-pc")
    store = TeamListening(desk)
    me = joined_centre.staff_ids["caseworker"]
    ids = {
        "late": store.log_contact(_draft(me, YESTERDAY, "21:40", channel=Channel.TEXT,
                                         minutes=30, topic_ids=(lists["Housing"],),
                                         region_id=lists["Southbank"],
                                         notes="worried about the rent")).id,
        "early": store.log_contact(_draft(me, YESTERDAY, "09:05", minutes=5,
                                          topic_ids=(lists["Loneliness"],),
                                          outcomes=Outcome.LISTENED | Outcome.SIGNPOSTED)).id,
        "before": store.log_contact(_draft(me, DAY_BEFORE, "12:00")).id,
    }
    desk.close()
    return ids


def _page(window: TeamWindow) -> TeamContactsPage:
    assert window.contacts is not None
    window.tabs.setCurrentWidget(window.contacts)
    return window.contacts


def _column(page: TeamContactsPage, column: int) -> list[str]:
    model = page.table.model()
    return [model.data(model.index(row, column)) for row in range(model.rowCount())]


def _server_contacts(centre) -> int:
    with centre.server.connect(centre.database) as conn:
        return int(conn.execute("SELECT count(*) FROM casework.anonymous_contact").fetchone()[0])


def _day_reads(centre) -> int:
    with centre.server.connect(centre.database) as conn:
        return int(conn.execute("SELECT count(*) FROM main.audit_event WHERE "
                                "target_kind = 'contacts'").fetchone()[0])


def _log_by_keyboard(qtbot, window: TeamWindow) -> ContactDialog:
    window.tabs.setCurrentWidget(window.peers)
    window.peers.list_page.search.setFocus()
    qtbot.keyClick(window.peers.list_page.search, Qt.Key.Key_C,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    page = _page(window)
    dialog = page.dialog
    assert isinstance(dialog, ContactDialog) and dialog.isVisible()
    assert window.tabs.currentWidget() is page
    qtbot.waitExposed(dialog)
    dialog.activateWindow()  # the offscreen platform does not hand it over by itself
    qtbot.waitUntil(dialog.isActiveWindow)
    return dialog


def _save(qtbot, dialog: ContactDialog) -> None:
    qtbot.keyClick(dialog.minutes, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)



def _send_now(qtbot, window):
    """"Send now", which sends off the GUI thread, and its end awaited."""
    window.send_now()
    qtbot.waitUntil(lambda: not window.status_page.sending.running, timeout=30000)

def test_a_day_listed_moved_through_searched_and_sorted_its_reading_audited(
        qtbot, joined_centre, logged, tmp_path):
    window = _window(qtbot, joined_centre, "lead", tmp_path)
    page = _page(window)
    assert page.count.text() == "0 contacts"
    assert "No contacts this day" in page.views.empty.text()
    reads = _day_reads(joined_centre)
    qtbot.mouseClick(page.days.previous_button, Qt.MouseButton.LeftButton)
    assert page.days.field.text() == YESTERDAY.isoformat()
    assert page.count.text() == "2 contacts"
    when = _column(page, 0)
    assert when == [f"{YESTERDAY} 21:40", f"{YESTERDAY} 09:05"]        # newest first
    assert _column(page, 1) == ["Text message", "Phone"]
    assert _column(page, 3) == ["Southbank", "—"]
    assert _column(page, 4) == ["Housing", "Loneliness"]
    assert _column(page, 5) == ["Listened", "Listened, Signposted"]
    headers = [page.model.headerData(c, Qt.Orientation.Horizontal) for c in
               range(page.model.columnCount())]
    assert "Known caller" not in headers and "Taken by" not in headers
    assert _day_reads(joined_centre) == reads + 1
    qtbot.keyClicks(page.search, "rent")                               # the notes
    assert _column(page, 0) == [f"{YESTERDAY} 21:40"]
    page.search.setText("lonel")                                       # a topic
    assert _column(page, 0) == [f"{YESTERDAY} 09:05"]
    page.search.setText("nothing like it")
    assert page.count.text() == "0 contacts" and "matches" in page.views.empty.text()
    page.search.clear()
    assert _day_reads(joined_centre) == reads + 1                      # typing reads nothing
    page.model.sort(2, Qt.SortOrder.AscendingOrder)                    # by minutes
    assert page.model.filter.order is ContactOrder.MINUTES
    assert _column(page, 2) == ["5", "30"]
    page.model.sort(2, Qt.SortOrder.DescendingOrder)
    assert _column(page, 2) == ["30", "5"]
    qtbot.mouseClick(page.days.previous_button, Qt.MouseButton.LeftButton)
    assert page.count.text() == "1 contact"
    assert _day_reads(joined_centre) == reads + 2
    page.days.field.setText("2026-02-30")
    page.days.field.editingFinished.emit()
    assert page.days.error.text() and page.count.text() == "1 contact"
    page.days.field.setText(YESTERDAY.isoformat())
    page.days.field.editingFinished.emit()
    assert page.count.text() == "2 contacts" and not page.days.error.text()
    qtbot.mouseClick(page.days.today_button, Qt.MouseButton.LeftButton)
    assert page.days.day == today() and page.count.text() == "0 contacts"
    _screenshot(window, "team-window-contacts")


def test_logging_a_contact_by_keyboard_saves_it_on_the_server(
        qtbot, joined_centre, lists, tmp_path):
    caller = uuid.uuid4()                           # a known caller moved in with the vault
    cipher = FieldCipher(joined_centre.casework_key, compartment="casework")
    with joined_centre.server.connect(joined_centre.database) as conn:
        conn.execute("INSERT INTO casework.known_caller (id, nickname, note) "
                     "VALUES (%s, %s, %s)",
                     (caller, cipher.seal("known_caller", "nickname", caller, "Tuesday texter"),
                      cipher.seal("known_caller", "note", caller, "")))
    window = _window(qtbot, joined_centre, "caseworker", tmp_path)
    dialog = _log_by_keyboard(qtbot, window)
    assert dialog.caller.itemText(1) == "Tuesday texter"
    dialog.caller.setCurrentIndex(1)
    qtbot.waitUntil(dialog.minutes.hasFocus)             # a quick call: a duration, then save
    assert not dialog.services.isVisible() and not dialog.callback.isVisible()
    assert not dialog.new_caller.isVisible()
    assert [dialog.region.itemText(i) for i in range(dialog.region.count())] == [
        "Not known", "Northside", "Southbank"]
    qtbot.keyClicks(dialog.minutes, "25")
    dialog.topics.set_checked([lists["Housing"]])
    dialog.notes.setPlainText("asked about a food bank")
    _save(qtbot, dialog)
    assert not dialog.isVisible()
    page = _page(window)
    assert dialog.logged is not None and dialog.logged.sent
    assert page.message.text() == "" and not page.waiting_label.isVisible()
    assert _server_contacts(joined_centre) == 1
    assert page.count.text() == "1 contact"
    assert _column(page, 2) == ["25"] and _column(page, 4) == ["Housing"]
    assert _column(page, 6) == [""]
    with joined_centre.server.connect(joined_centre.database) as conn:
        taken_by, known, notes = conn.execute(
            "SELECT c.taken_by, c.known_caller_id, n.notes FROM casework.anonymous_contact c "
            "JOIN casework.contact_note n ON n.contact_id = c.id").fetchone()
        [(nicknames_read,)] = conn.execute(
            "SELECT count(*) FROM main.audit_event WHERE target_kind = 'known_callers'")
    assert taken_by == joined_centre.staff_ids["caseworker"] and known == caller
    assert nicknames_read == 1
    assert b"food bank" not in bytes(notes)                            # sealed on the PC


def test_the_forms_messages_keep_what_was_typed(qtbot, joined_centre, lists, tmp_path):
    window = _window(qtbot, joined_centre, "caseworker", tmp_path)
    dialog = _log_by_keyboard(qtbot, window)
    dialog.minutes.setValue(0)
    dialog.notes.setPlainText("a note that stays")
    _save(qtbot, dialog)
    assert dialog.isVisible()
    assert dialog.fields["minutes"].error.text() == "Duration must be at least one minute."
    dialog.minutes.setValue(20)
    dialog.time.setText("25:99")
    _save(qtbot, dialog)
    assert dialog.fields["when"].error.text() == (
        "Time must be a time of day written as HH:MM (for example 21:40).")
    dialog.time.setText("10:00")
    dialog.day.setText((today() + timedelta(days=2)).isoformat())
    _save(qtbot, dialog)
    assert "can't be in the future" in dialog.fields["when"].error.text()
    dialog.day.setText(YESTERDAY.isoformat())
    dialog.action.setPlainText("called the crisis line with them")
    _save(qtbot, dialog)
    assert "tick “Safety concern” too" in dialog.fields["safety_action"].error.text()
    for box in dialog.outcomes.values():
        box.setChecked(False)
    dialog.safety.setChecked(True)
    _save(qtbot, dialog)
    assert "Choose at least one outcome" in dialog.fields["outcomes"].error.text()
    assert dialog.notes.toPlainText() == "a note that stays"
    assert _server_contacts(joined_centre) == 0
    dialog.outcomes[Outcome.LISTENED].setChecked(True)
    _save(qtbot, dialog)
    assert not dialog.isVisible() and _server_contacts(joined_centre) == 1


def test_logged_offline_it_waits_then_is_sent_exactly_once(
        qtbot, joined_centre, lists, tmp_path):
    window = _window(qtbot, joined_centre, "caseworker", tmp_path)
    page = _page(window)
    joined_centre.server.stop()
    try:
        window.refresh()
        _wait_for_the_answer(qtbot, window)
        assert window.offline_banner.isVisible()
        dialog = _log_by_keyboard(qtbot, window)
        # The lists as last read stay on offer.
        assert dialog.region.count() == 3
        dialog.notes.setPlainText("rang from the bus stop")
        _save(qtbot, dialog)
        assert not dialog.isVisible()
        assert dialog.logged is not None and not dialog.logged.sent
        assert page.waiting_label.text().startswith(
            "1 contact saved on this PC is waiting to send.")
        assert "can't be reached" in page.waiting_label.text()
        assert _column(page, 6) == ["waiting to be sent"]
        assert window.waiting_label.text() == "1 saved on this PC is waiting to be sent."
        _screenshot(window, "team-window-contacts-offline")
    finally:
        joined_centre.server.start()
    window.refresh()
    _wait_for_the_answer(qtbot, window)
    assert not window.offline_banner.isVisible()
    assert _server_contacts(joined_centre) == 0
    _send_now(qtbot, window)
    assert _server_contacts(joined_centre) == 1
    assert page.count.text() == "1 contact" and _column(page, 6) == [""]
    assert not page.waiting_label.isVisible()
    _send_now(qtbot, window)                         # nothing waits: nothing more lands
    page.reload()
    assert _server_contacts(joined_centre) == 1 and page.count.text() == "1 contact"


def test_a_connection_dropped_mid_save_puts_the_contact_in_the_outbox(
        qtbot, joined_centre, lists, tmp_path):
    """Nothing typed is lost: the contact's row was written, then the connection
    dropped before its note; the server kept neither, the outbox keeps it all,
    the form closes and the page says it waits, and it lands once, note and all."""
    window = _window(qtbot, joined_centre, "caseworker", tmp_path)
    page = _page(window)
    with joined_centre.server.connect(joined_centre.database, autocommit=True) as conn:
        conn.execute("CREATE FUNCTION public.drop_me() RETURNS trigger LANGUAGE plpgsql "
                     "SECURITY DEFINER AS $$ BEGIN PERFORM pg_terminate_backend("
                     "pg_backend_pid()); RETURN NEW; END $$")
        conn.execute("CREATE TRIGGER drop_me BEFORE INSERT ON casework.contact_note "
                     "FOR EACH ROW EXECUTE FUNCTION public.drop_me()")
    dialog = _log_by_keyboard(qtbot, window)
    dialog.notes.setPlainText("the words that must not be lost")
    _save(qtbot, dialog)
    assert not dialog.isVisible()
    assert dialog.logged is not None and not dialog.logged.sent
    assert _server_contacts(joined_centre) == 0
    assert page.waiting_label.text() == (
        "1 contact saved on this PC is waiting to send. The team server couldn't be reached, "
        "so the contact is kept on this PC, encrypted, and will be sent once it is back.")
    assert _column(page, 6) == ["waiting to be sent"]
    with joined_centre.server.connect(joined_centre.database, autocommit=True) as conn:
        conn.execute("DROP TRIGGER drop_me ON casework.contact_note")
    window.refresh()
    _wait_for_the_answer(qtbot, window)
    _send_now(qtbot, window)
    assert _server_contacts(joined_centre) == 1
    assert not page.waiting_label.isVisible() and _column(page, 6) == [""]
    desk = joined_centre.sign_in("caseworker", tmp_path / "check")
    try:
        [contact] = desk.contacts(today())
    finally:
        desk.close()
    assert contact.id == dialog.logged.id
    assert contact.notes == "the words that must not be lost"


def test_a_peer_supporter_sees_what_row_level_security_lets_them(
        qtbot, joined_centre, lists, logged, tmp_path):
    desk = joined_centre.sign_in("caseworker", tmp_path / "cw")
    try:
        peers = TeamStore(desk)
        mine = peers.add(PeerDraft(preferred_name="Theirs Supported", first_contact=YESTERDAY,
                                   supporter_id=joined_centre.staff_ids["supporter"]))
        other = peers.add(PeerDraft(preferred_name="Not Theirs", first_contact=YESTERDAY))
        store = TeamListening(desk)
        me = joined_centre.staff_ids["caseworker"]
        store.log_contact(_draft(me, YESTERDAY, "15:00", notes="on their record"),
                          peer_id=mine)
        store.log_contact(_draft(me, YESTERDAY, "16:00", notes="someone else's"),
                          peer_id=other)
    finally:
        desk.close()
    window = _window(qtbot, joined_centre, "supporter", tmp_path)
    page = _page(window)
    page.days.go(YESTERDAY)
    # Yesterday's two contacts, and the one on their peer's record; not the other.
    assert _column(page, 0) == [f"{YESTERDAY} {t}" for t in ("21:40", "15:00", "09:05")]
    qtbot.keyClicks(page.search, "rent")             # a colleague's notes: not theirs
    assert page.count.text() == "0 contacts"
    page.search.clear()
    dialog = _log_by_keyboard(qtbot, window)
    assert not dialog.taken_by.isEnabled()
    assert dialog.taken_by.currentData() == joined_centre.staff_ids["supporter"]
    assert dialog.caller.count() == 1                 # no known callers for this role
    dialog.day.setText(YESTERDAY.isoformat())
    dialog.notes.setPlainText("my own note")
    _save(qtbot, dialog)
    assert not dialog.isVisible()
    page.search.setText("my own")
    assert page.count.text() == "1 contact"
    store = page.store
    with pytest.raises(PermissionDenied):             # not a peer they may see
        store.log_contact(_draft(joined_centre.staff_ids["supporter"], YESTERDAY, "17:00"),
                          peer_id=other)
    store.log_contact(_draft(joined_centre.staff_ids["supporter"], YESTERDAY, "17:30"),
                      peer_id=mine)
    with pytest.raises(PermissionDenied):             # only the contacts they took
        store.log_contact(_draft(joined_centre.staff_ids["caseworker"], YESTERDAY, "18:00"))
    assert _server_contacts(joined_centre) == 7


def test_an_administrator_has_no_contacts_page(qtbot, joined_centre, tmp_path: Path):
    window = _window(qtbot, joined_centre, "admin", tmp_path)
    assert window.contacts is None
    window.log_contact()                              # Ctrl+Shift+C: nothing opens
    assert window.tabs.currentWidget() is window.status_page


def test_a_save_refused_keeps_the_form_open_with_what_was_typed(
        qtbot, joined_centre, lists, tmp_path):
    """The other way nothing typed is lost: a contact refused (a topic retired on
    the server while the form was open, refused as the vault refuses one; then
    a refusal by the server itself) keeps the form open with everything in it
    and the reason; nothing waits in the outbox."""
    window = _window(qtbot, joined_centre, "caseworker", tmp_path)
    dialog = _log_by_keyboard(qtbot, window)
    dialog.topics.set_checked([lists["Housing"]])
    dialog.region.setCurrentIndex(dialog.region.findData(lists["Northside"]))
    dialog.notes.setPlainText("kept while the server says no")
    with joined_centre.server.connect(joined_centre.database) as conn:
        conn.execute("UPDATE casework.contact_topic SET active = false WHERE id = %s",
                     (lists["Housing"],))
    _save(qtbot, dialog)
    assert dialog.isVisible()
    assert dialog.fields["topics"].error.text() == (
        "That topic is no longer on the list; choose another.")
    dialog.topics.set_checked([lists["Loneliness"]])
    with joined_centre.server.connect(joined_centre.database, autocommit=True) as conn:
        conn.execute("CREATE FUNCTION public.say_no() RETURNS trigger LANGUAGE plpgsql AS "
                     "$$ BEGIN RAISE EXCEPTION 'not today'; END $$")
        conn.execute("CREATE TRIGGER say_no BEFORE INSERT ON casework.anonymous_contact "
                     "FOR EACH ROW EXECUTE FUNCTION public.say_no()")
    _save(qtbot, dialog)
    assert dialog.isVisible()
    assert dialog.error.text() == ("The team server refused this (not today); nothing of it "
                                   "was saved.")
    assert dialog.notes.toPlainText() == "kept while the server says no"
    assert dialog.topics.checked_ids() == (lists["Loneliness"],)
    assert _server_contacts(joined_centre) == 0
    assert not _page(window).store.waiting_contacts()
