"""The top line every main page starts with: its title, a count or date, its buttons.

One component, so every page's heading is the same size and in the same place:
the title at the top left, a muted subtitle (how many are shown, today's date)
beside it, then an optional search box and the page's action buttons at the right.
`page_layout` gives a main page its margins with the header on top.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from peerdesk.services.session import Session
from peerdesk.ui.change_bus import ChangeBus
from peerdesk.ui.peers.forms import heading, muted

Present = Callable[[QDialog], None]

PAGE_MARGINS = (16, 12, 16, 12)
TITLE_GROWTH = 3  # points above the body text


class PageHeader(QWidget):
    def __init__(self, title: str, *, subtitle_name: str = "",
                 actions: Sequence[QWidget] = (), search: QLineEdit | None = None,
                 parent: QWidget | None = None) -> None:
        """`subtitle_name` is what a screen reader calls the subtitle ("Number of peers shown")."""
        super().__init__(parent)
        self.title = heading(title, TITLE_GROWTH)
        self.subtitle = muted()
        self.subtitle.setWordWrap(False)
        if subtitle_name:
            self.subtitle.setAccessibleName(subtitle_name)
        self.search = search
        self.row = row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.title)
        row.addSpacing(12)
        row.addWidget(self.subtitle)
        row.addStretch(1)
        if search is not None:
            row.addWidget(search, 2)
        for widget in actions:
            row.addWidget(widget)

    def add_action(self, widget: QWidget) -> None:
        self.row.addWidget(widget)

    def set_subtitle(self, text: str) -> None:
        self.subtitle.setText(text)


def page_layout(page: QWidget, header: PageHeader) -> QVBoxLayout:
    """`page`'s layout: the usual margins, `header` on top; the caller adds the rest."""
    layout = QVBoxLayout(page)
    layout.setContentsMargins(*PAGE_MARGINS)
    layout.addWidget(header)
    return layout


def search_box(placeholder: str, name: str) -> QLineEdit:
    """A page's search box: `placeholder` says what it finds, `name` is its accessible name."""
    search = QLineEdit()
    search.setPlaceholderText(placeholder)
    search.setClearButtonEnabled(True)
    search.setAccessibleName(name)
    return search


def title_row(back: QWidget, title: QLabel, subtitle: QLabel) -> QHBoxLayout:
    """A record's own page (a peer, a group, a register): Back, then its title over a line
    that says more; the caller adds its buttons at the end."""
    row = QHBoxLayout()
    row.addWidget(back)
    row.addSpacing(12)
    titles = QVBoxLayout()
    titles.setSpacing(0)
    titles.addWidget(title)
    titles.addWidget(subtitle)
    row.addLayout(titles, 1)
    return row


def open_alone(dialog: QDialog) -> None:
    """Show a dialog with no main window to present it (deleted when closed)."""
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()


class MainPage(QWidget):
    """A page of the main window (or a tab of Admin): the session it works in (None once
    locked), the change bus it listens to and tells, and how it shows a dialog."""

    def __init__(self, session: Session, bus: ChangeBus, present: Present | None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session: Session | None = session
        self.bus = bus
        # The main window's way to show a dialog; a page on its own opens it itself.
        self.present: Present = present or open_alone

    def open_dialog(self, dialog: QDialog) -> QDialog:
        """Show `dialog` over this page, which keeps it alive while open."""
        dialog.setParent(self, Qt.WindowType.Dialog)
        self.present(dialog)
        return dialog


class ReloadWhenSeen(QObject):
    """A page's data read again after a change on the bus that concerns it (`topics`): at
    once if the page is on screen, else when it is next shown (a page built on
    `ShownReloads` tells it so), so a hidden page does no work.
    (The page's own `reload` may be called directly too: the Refresh button, the first
    load.)"""

    def __init__(self, page: QWidget, reload: Callable[[], None], bus: ChangeBus,
                 topics: Iterable[str], *, stale: bool = True) -> None:
        super().__init__(page)
        self.page = page
        self._reload = reload
        self.topics = frozenset(topics)
        self.stale = stale
        bus.changed.connect(self._on_changed)

    def _on_changed(self, topic: str) -> None:
        if topic in self.topics:
            self.changed()

    def changed(self) -> None:
        self.stale = True
        if self.page.isVisible():
            self.reload()

    def shown(self) -> None:
        if self.stale:
            self.reload()

    def reload(self) -> None:
        self.stale = False
        self._reload()


class ShownReloads:
    """A page whose `when_seen` (ReloadWhenSeen) hears that the page is shown; listed
    before the Qt widget class: `class AuditPage(ShownReloads, QWidget)`."""

    when_seen: ReloadWhenSeen

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)  # type: ignore[misc]
        self.when_seen.shown()
