"""GUI fixtures: a controller on a real vault in tmp_path, and helpers to drive it."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import TypeVar

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from peerdesk.app.gui import GuiController
from peerdesk.storage.paths import VaultPaths
from peerdesk.ui.sign_in import SignInWindow
from tests.fixtures.vaults import ADMIN_NAME, ADMIN_PASSWORD, PASSWORDS, template, vault

__all__ = ["ADMIN_NAME", "ADMIN_PASSWORD", "PASSWORDS", "template", "vault"]

StartGui = Callable[..., GuiController]
W = TypeVar("W", bound=QWidget)


def visible(kind: type[W]) -> list[W]:
    """Every visible window (dialogs and message boxes included) of this type."""
    return [w for w in QApplication.topLevelWidgets() if isinstance(w, kind) and w.isVisible()]


def one_visible(kind: type[W]) -> W:
    found = visible(kind)
    assert len(found) == 1, f"expected one visible {kind.__name__}, found {len(found)}"
    return found[0]


def message_texts() -> list[str]:
    return [box.text() for box in visible(QMessageBox)]


def sign_in(qtbot, window: SignInWindow, name: str, password: str) -> None:
    """Type as a person would and press Enter."""
    window.account.setCurrentText(name)
    window.password.clear()
    qtbot.keyClicks(window.password, password)
    qtbot.keyClick(window.password, Qt.Key.Key_Return)


@pytest.fixture
def start_gui(qtbot) -> Iterator[StartGui]:
    """Start a controller as run_gui does (without its event loop); shut down after."""
    controllers: list[GuiController] = []

    def start(paths: VaultPaths, demo_sign_in: tuple[str, str] | None = None,
              **options: int) -> GuiController:
        controller = GuiController(paths, demo_sign_in, **options)
        controllers.append(controller)
        controller.start()
        return controller

    yield start
    for controller in controllers:
        controller.shutdown()
        for window in (controller.wizard, controller.sign_in_window, controller.main_window):
            if window is not None:
                window.hide()
                window.deleteLater()
    for widget in QApplication.topLevelWidgets():
        if widget.isVisible():
            widget.blockSignals(True)
            widget.close()
