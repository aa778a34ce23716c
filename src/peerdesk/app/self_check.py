"""`peerdesk --self-check`: prove an installed or bundled PeerDesk has all its parts.

For packagers and support (listed in --help). It starts Qt, reads the shipped
guides as the Help window shows them, then in a throwaway folder creates a
vault (SQLCipher, Argon2id, AES-GCM key slots, the migrations), unlocks it with
a password, writes and reads back a made-up peer, shapes a word in each script
the PDFs print (the shipped fonts and HarfBuzz), and saves a one-month report
as PDF (ReportLab and the shipped fonts). Nothing touches the centre's real
vault.
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

if TYPE_CHECKING:
    from peerdesk.storage.paths import VaultPaths

T = TypeVar("T")
OK_LINE = "self-check ok"
_ADMIN = ("Self Check Admin", "self-check admin pass phrase")
_LEAD = ("Self Check Lead", "self-check lead pass phrase")
_PEER_NAME = "Check Peer"


class SelfCheckFailed(Exception):
    """One step did not work; `step` says which."""

    def __init__(self, step: str, cause: BaseException) -> None:
        super().__init__(f"{step}: {type(cause).__name__}: {cause}")
        self.step = step


def _choose_qt_platform() -> None:
    # The check needs no screen; without one (a build server, CI) Qt would abort,
    # so fall back to offscreen. With a screen the real platform plugin is tried.
    if os.environ.get("QT_QPA_PLATFORM"):
        return
    if sys.platform.startswith("linux") and not (
            os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
        os.environ["QT_QPA_PLATFORM"] = "offscreen"


def check_qt() -> None:
    """QApplication, the window icon, a painted widget and the print support module."""
    _choose_qt_platform()
    from PySide6.QtPrintSupport import QPrinter
    from PySide6.QtWidgets import QApplication, QLabel

    from peerdesk.app.icon import app_icon

    app = QApplication.instance() or QApplication(sys.argv[:1])
    icon = app_icon()
    if icon.isNull() or not icon.availableSizes():
        raise RuntimeError("the application icon is missing")
    label = QLabel("PeerDesk")
    label.setWindowIcon(icon)
    if label.grab().isNull():
        raise RuntimeError("Qt could not paint a widget")
    label.deleteLater()
    QPrinter()
    app.processEvents()


def check_help() -> None:
    """The guides Help shows offline are there, and Qt reads them as Markdown."""
    from PySide6.QtGui import QTextDocument

    from peerdesk.ui.help_window import GUIDES, help_folder

    for name, _title in GUIDES:
        document = QTextDocument()
        document.setMarkdown((help_folder() / name).read_text(encoding="utf-8"))
        if len(document.toPlainText()) < 1000:
            raise RuntimeError(f"the guide {name} is empty")


def check_vault_and_report(folder: Path) -> None:
    """Create, unlock, write, read, report: the whole storage and reports stack."""
    from peerdesk.domain.peer import PeerDraft
    from peerdesk.reports.period import Period
    from peerdesk.services import peers, reports
    from peerdesk.services.auth import SignIn
    from peerdesk.storage.vault import LockedVault

    paths = _step("create a vault", lambda: _create(folder))
    locked = _step("open the vault", lambda: LockedVault.open(paths))
    try:
        session = _step("unlock with a password",
                        lambda: SignIn(locked).sign_in(_LEAD[0], _LEAD[1]))
        try:
            today = date.today()
            peer_id = _step("write a peer", lambda: peers.create(
                session, PeerDraft(preferred_name=_PEER_NAME, first_contact=today)))
            page = _step("read the peer back", lambda: peers.open_page(session, peer_id))
            if page.peer.details.preferred_name != _PEER_NAME:
                raise SelfCheckFailed("read the peer back",
                                      RuntimeError("a different name came back"))
            period = Period.month(today.year, today.month)
            report = _step("build a report", lambda: reports.build(session, period))
            pdf = folder / "report.pdf"
            _step("save the report as PDF", lambda: reports.save_pdf(session, report, pdf))
            data = pdf.read_bytes()
            if not data.startswith(b"%PDF") or b"DejaVuSans" not in data:
                raise SelfCheckFailed("save the report as PDF",
                                      RuntimeError("the PDF or its embedded fonts are missing"))
            _step("export everything (AES zip)", lambda: _export(session, folder))
        finally:
            locked = session.end()
    finally:
        locked.release()


def _export(session: Any, folder: Path) -> None:
    """The whole export, then its zip opened again: the AES zip library is bundled."""
    from peerdesk.reports.export_archive import ArchiveReader
    from peerdesk.services import export

    phrase = "self-check export passphrase"
    result = export.export_centre(session, folder / "export.zip", phrase)
    reader = ArchiveReader(result.path, phrase)
    try:
        if _PEER_NAME not in reader.read_text("casework/peer.csv"):
            raise RuntimeError("the export did not hold the peer just written")
    finally:
        reader.close()


def check_scripts() -> None:
    """Shape a word in each script the PDFs print: the fonts and the shaper are bundled."""
    from peerdesk.reports.text_flow import text_width

    for word in ("محمد", "שרה", "प्रिया", "王小明", "김민수"):
        if text_width(word, 10) <= 0:
            raise RuntimeError("a shipped font draws nothing")


def _create(folder: Path) -> VaultPaths:
    """A new vault with an administrator and a programme lead (who can run reports)."""
    from peerdesk.domain.staff import Role
    from peerdesk.services import accounts
    from peerdesk.services.setup import create_centre
    from peerdesk.storage.paths import VaultPaths

    paths = VaultPaths.at(folder / "self-check.peerdesk")
    new = create_centre(paths, centre_name="Self-check centre", admin_name=_ADMIN[0],
                        password=_ADMIN[1], confirm=_ADMIN[1])
    try:
        accounts.add_staff(new.session, name=_LEAD[0], role=Role.PROGRAMME_LEAD,
                           password=_LEAD[1], confirm=_LEAD[1], must_change_password=False)
    finally:
        new.session.end().release()
    return paths


def _step(name: str, action: Callable[[], T]) -> T:
    try:
        return action()
    except SelfCheckFailed:
        raise
    except Exception as exc:
        raise SelfCheckFailed(name, exc) from exc


def run_self_check() -> None:
    """Raises SelfCheckFailed naming the first step that did not work."""
    _step("start Qt", check_qt)
    _step("read the user guide", check_help)
    _step("shape text in every script", check_scripts)
    folder = _step("make a temporary folder",
                   lambda: Path(tempfile.mkdtemp(prefix="peerdesk-self-check-")))
    try:
        check_vault_and_report(folder)
    finally:
        shutil.rmtree(folder, ignore_errors=True)
