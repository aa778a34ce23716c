"""Someone from the listening service becomes a peer: the new-peer form, filled in as far
as it is known, and on save their contacts move onto the new peer's record."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QWidget

from peerdesk.domain.peer import PeerDraft
from peerdesk.domain.safe_contact import SafeContact
from peerdesk.services import became_peer
from peerdesk.services.became_peer import Source
from peerdesk.services.session import Session
from peerdesk.ui.i18n import plural
from peerdesk.ui.peers.peer_dialog import PeerDialog


class BecamePeerDialog(PeerDialog):
    """Emits `saved(peer_id)` like the new-peer form."""

    def __init__(self, session: Session, source: Source,
                 parent: QWidget | None = None) -> None:
        self.source = source
        super().__init__(session, parent=parent,
                         prefill=became_peer.prefill(session, source))
        self.setWindowTitle(self.tr("Add them as a peer"))
        moving = became_peer.contacts_moving(session, source)
        note = QLabel(plural(
            moving,
            self.tr("Their contact with the listening service moves onto their record: on "
                    "their timeline, and still counted once in the report. First contact and "
                    "how it came are filled in from it; check them."),
            self.tr("Their {n} contacts with the listening service move onto their record: "
                    "on their timeline, and still counted once each in the report. First "
                    "contact and how it came are filled in from the earliest; check them.")))
        note.setWordWrap(True)
        note.setStyleSheet("background: #eef6f6; border-left: 4px solid #2a7f84;"
                           " padding: 6px 10px;")
        layout = self.layout()
        if layout is not None:
            layout.insertWidget(0, note)  # type: ignore[attr-defined]

    def add_peer(self, draft: PeerDraft, prefs: SafeContact) -> int:
        return became_peer.became_peer(self.session, self.source, draft, safe_contact=prefs)
