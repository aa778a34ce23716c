"""What every peers list shows around its rows, written once for the
single-PC caseload (ui/peers/list_page.py) and the team window's
(ui/team/peers_pages.py): the status filter, the count under the title and
what an empty list says.

The texts keep the single-PC page's translation context ("PeerListPage"), so
both lists say the same in every language.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QComboBox

from peerdesk.domain.peer import PeerStatus
from peerdesk.ui.i18n import QT_TRANSLATE_NOOP, plural

EMPTY_CASELOAD = QT_TRANSLATE_NOOP(
    "PeerListPage", "No peers yet. Press Ctrl+N or “Add peer…” to add the first person the "
                    "centre supports — only a preferred name or alias is needed.")
EMPTY_SEARCH = QT_TRANSLATE_NOOP(
    "PeerListPage", "Nobody matches. Try the start of a name or alias, a full name, or a "
                    "reference such as P-0042 — or clear the filters.")


def status_filter() -> QComboBox:
    """Any status, or one (its value as the item's data; None for any)."""
    combo = QComboBox()
    combo.setAccessibleName(QCoreApplication.translate("PeerListPage", "Status"))
    combo.addItem(QCoreApplication.translate("PeerListPage", "Any status"), None)
    for status in PeerStatus:
        combo.addItem(status.label, status.value)
    return combo


def chosen_status(combo: QComboBox) -> PeerStatus | None:
    value = combo.currentData()
    return PeerStatus(value) if value else None


class CountsPeers:
    """The count under the list's title ("3 peers", "1 peer matches") and the
    empty list's words (the model's error when it has one). Expects `model`,
    `count` (a label), `views` (ui/table_view.ListOrEmpty), `search`, and
    `is_filtered()`."""

    def is_filtered(self) -> bool:
        raise NotImplementedError

    def _update_count(self) -> None:
        page: Any = self  # as the widget mixed into declares them (not redeclared here)
        n = page.model.rowCount()
        if page.model.error:
            page.count.setText("")
            page.model.empty_text = page.model.error
        else:
            filtered = self.is_filtered()
            translate = QCoreApplication.translate
            if filtered:
                count = plural(n, translate("PeerListPage", "{n:,} peer matches"),
                               translate("PeerListPage", "{n:,} peers match"))
            else:
                count = plural(n, translate("PeerListPage", "{n:,} peer"),
                               translate("PeerListPage", "{n:,} peers"))
            page.count.setText(count)
            page.model.empty_text = translate("PeerListPage",
                                              EMPTY_SEARCH if filtered else EMPTY_CASELOAD)
        page.views.refresh()

    def focus_search(self) -> None:
        page: Any = self
        page.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        page.search.selectAll()
