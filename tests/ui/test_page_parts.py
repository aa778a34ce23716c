"""The pieces of a main page (ui/page_header.py): ReloadWhenSeen reads a page's data again
after a change that concerns it, at once when on screen, else when next shown (on a real
vault's audit page too); MainPage.open_dialog shows a dialog the page keeps alive."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QWidget

from peerdesk.services import lock_settings
from peerdesk.ui import change_bus
from peerdesk.ui.admin.audit_page import AuditPage
from peerdesk.ui.change_bus import ChangeBus
from peerdesk.ui.page_header import MainPage, ReloadWhenSeen, ShownReloads
from tests.ui.peers_helpers import signed_in


class Page(ShownReloads, QWidget):
    """A page with nothing but the reload when shown."""


def test_a_hidden_page_reloads_when_shown_and_a_shown_one_at_once(qtbot):
    bus = ChangeBus()
    page = Page()
    qtbot.addWidget(page)
    loads: list[int] = []

    when_seen = ReloadWhenSeen(page, lambda: loads.append(1), bus, ("caseload",),
                               stale=False)
    page.when_seen = when_seen
    bus.changed.emit("caseload")
    assert loads == [] and when_seen.stale  # hidden: no work yet
    bus.changed.emit("caseload")
    page.show()
    qtbot.waitExposed(page)
    assert loads == [1] and not when_seen.stale  # once, however many changes
    bus.changed.emit("staff")  # not its topic
    assert loads == [1]
    bus.changed.emit("caseload")
    assert loads == [1, 1]  # on screen: at once
    page.hide()
    page.show()
    assert loads == [1, 1]  # shown again with nothing new: no reload


def test_the_audit_page_shows_a_new_event_when_next_seen(qtbot, vault):
    with signed_in(vault, "Ada Admin") as admin:
        bus = ChangeBus()
        page = AuditPage(admin, bus)
        qtbot.addWidget(page)
        page.show()
        qtbot.waitExposed(page)
        before = page.model.rowCount()
        assert before > 0
        page.hide()
        lock_settings.set_idle_lock_minutes(admin, 9)  # audited
        bus.changed.emit(change_bus.AUDIT)
        assert page.model.rowCount() == before and page.when_seen.stale
        page.show()
        assert page.model.rowCount() > before  # the change (and the look at the log)
        assert not page.when_seen.stale


def test_a_page_presents_its_dialogs_or_opens_them_itself(qtbot, vault):
    with signed_in(vault, "Ada Admin") as admin:
        shown: list[QDialog] = []
        page = MainPage(admin, ChangeBus(), shown.append)
        qtbot.addWidget(page)
        dialog = page.open_dialog(QDialog())
        assert shown == [dialog] and dialog.parent() is page and dialog.isWindow()
        alone = MainPage(admin, ChangeBus(), None)
        qtbot.addWidget(alone)
        other = alone.open_dialog(QDialog())
        assert other.isVisible() and other.parent() is alone
        assert other.testAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        other.reject()
