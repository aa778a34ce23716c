"""A damaged vault file: a clear message in the window, never a traceback."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox

from peerdesk.domain.errors import VaultDamaged
from peerdesk.storage.database import DAMAGED_IN_USE as DAMAGED_IN_USE_TEMPLATE
from peerdesk.storage.paths import VaultPaths
from tests.fixtures.vaults import close, flip_byte
from tests.fixtures.vaults import sign_in as service_sign_in
from tests.ui.conftest import ADMIN_NAME, ADMIN_PASSWORD, sign_in, visible

PAGE = 4096
# The message names the file that is damaged.
DAMAGED = VaultDamaged(file=Path("centre.peerdesk")).user_message
# Found after signing in had already saved something: it says it stopped writing.
DAMAGED_IN_USE = DAMAGED_IN_USE_TEMPLATE.format(files="centre.peerdesk")


def _root_page(paths: VaultPaths, table: str) -> int:
    """Which page (0-based) holds the root of a table: to damage one that is surely read."""
    session = service_sign_in(paths, ADMIN_NAME)
    try:
        page_size = int(session.db.scalar("PRAGMA page_size"))
        assert page_size == PAGE
        return int(session.db.scalar(
            "SELECT rootpage FROM sqlite_master WHERE name = ?", (table,))) - 1
    finally:
        close(session)


def _messages_after_signing_in(qtbot, gui) -> list[str]:
    """Sign in and open every admin page; collect every message a person would read."""
    window = gui.sign_in_window
    sign_in(qtbot, window, ADMIN_NAME, ADMIN_PASSWORD)
    seen = [window.message.text()] if window.message.isVisibleTo(window) else []
    main = gui.main_window
    if main is not None and gui.session is not None:
        main.show_page("Admin")
        main.admin_page.show_audit_log()
        qtbot.wait(10)
    seen += [box.text() for box in visible(QMessageBox)]
    return seen


@pytest.mark.parametrize("table", ["staff", "audit_event"])
def test_damaged_page_read_at_sign_in_is_reported_in_the_sign_in_window(
        qtbot, start_gui, vault, table):
    page = _root_page(vault, table)
    assert page >= 1, "past page 1, which holds the schema"
    flip_byte(vault.database, page * PAGE + PAGE // 2)
    gui = start_gui(vault)
    window = gui.sign_in_window
    sign_in(qtbot, window, ADMIN_NAME, ADMIN_PASSWORD)
    assert gui.session is None and gui.main_window is None
    assert window.message.text() == DAMAGED
    assert window.isVisible() and window.sign_in_button.isEnabled()
    # Trying again gives the same clear answer, not a different failure.
    sign_in(qtbot, window, ADMIN_NAME, ADMIN_PASSWORD)
    assert window.message.text() == DAMAGED


def _sample_pages(count: int) -> list[int]:
    return sorted({1, 2, 3, 4, 5, 6, 7, 8, count // 2, count - 1} - {0})


@pytest.mark.parametrize("which", range(10))
def test_any_damaged_page_gives_the_message_or_nothing(qtbot, start_gui, vault, which):
    """Whichever page is hit (including the middle of the file), the person sees the
    damage message or, for a page nothing has read yet, a working window. An exception
    reaching Qt would fail the test."""
    pages = _sample_pages(vault.database.stat().st_size // PAGE)
    if which >= len(pages):
        pytest.skip("the vault has fewer pages")
    page = pages[which]
    flip_byte(vault.database, page * PAGE + PAGE // 2)
    gui = start_gui(vault)
    messages = _messages_after_signing_in(qtbot, gui)
    assert all(m in (DAMAGED, DAMAGED_IN_USE) for m in messages), messages
    # Whatever happened, locking still works and drops the key.
    if gui.session is not None:
        gui.lock()
    assert gui.session is None and gui.sign_in_window.isVisible()
