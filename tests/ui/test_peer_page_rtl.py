"""A right-to-left name on the peer page stays with its labels (left-to-right layout)."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QLabel, QWidget

from peerdesk.domain.peer import PeerDraft
from peerdesk.services import peers
from tests.ui.peers_helpers import Pages, signed_in

ARABIC = "محمد علي"


def _ink(widget: QWidget) -> tuple[int, int]:
    """The leftmost and rightmost columns, in the page's coordinates, where the widget drew text."""
    image: QImage = widget.grab().toImage()
    background = QColor(image.pixel(image.width() - 1, image.height() - 1)).lightness()
    columns = [x for x in range(image.width())
               if any(abs(QColor(image.pixel(x, y)).lightness() - background) > 60
                      for y in range(image.height()))]
    assert columns, "nothing drawn"
    offset = widget.mapTo(widget.window(), widget.rect().topLeft()).x()
    return offset + columns[0], offset + columns[-1]


def _open(qtbot, session, name: str):
    peer_id = peers.create(session, PeerDraft(preferred_name=name, full_name=name,
                                              first_contact=date.today() - timedelta(days=9)))
    pages = Pages(session)
    section = pages.caseload.peers
    qtbot.addWidget(section)
    pages.show(qtbot, section)
    section.open_peer(peer_id)
    view = section.peer_page
    assert view.peer_id == peer_id
    return view


def test_an_arabic_name_heading_stays_above_its_reference(qtbot, vault):
    with signed_in(vault, "Cal Worker") as cal:
        view = _open(qtbot, cal, ARABIC)
        assert view.name.text() == ARABIC
        name_left, _ = _ink(view.name)
        subtitle_left, _ = _ink(view.subtitle)
        # Start-aligned like the reference under it, not pushed to the far side.
        assert abs(name_left - subtitle_left) < 12, (name_left, subtitle_left)


def test_arabic_detail_values_sit_beside_their_labels(qtbot, vault):
    with signed_in(vault, "Cal Worker") as cal:
        view = _open(qtbot, cal, ARABIC)
        view.tabs.setCurrentIndex(0)
        for key in ("Preferred name", "Full name"):
            value: QLabel = view.detail_labels[key]
            assert value.text() == ARABIC
            value_left, _ = _ink(value)
            reference_left, _ = _ink(view.detail_labels["Reference" if key == "Preferred name"
                                                         else "Age"])
            assert abs(value_left - reference_left) < 12, (key, value_left, reference_left)
