"""Take the README's screenshots from the demo vault, in real windows.

Run under a virtual display so the windows are real X11 windows:

    xvfb-run -s "-screen 0 1280x860x24" .venv/bin/python packaging/screenshots.py docs/screenshots

The user guide's own pictures ship with the app's help, beside the guide
(src/peerdesk/resources/help/, and the same file in docs/ for the guide
there): copy peers-voice.png to both.

It builds a demo vault in a temporary folder, signs in as the demo's
programme lead, opens each main screen (and the peer, rating and contact forms)
and saves what the screen shows. The report page comes from the PDF the Reports
page saves (turned into a PNG with pdftoppm when it is installed). Qt's X11
plugin needs libxcb-cursor0 (Debian). Look at each picture, then keep the
README's small: `pngquant --quality=80-95 --strip` and `optipng -o5` on each.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QWidget

from peerdesk.app.gui import GuiController
from peerdesk.services.demo import create_demo_vault
from peerdesk.storage.paths import VaultPaths

SIZE = (1180, 760)


def settle(app: QApplication, ms: int = 400) -> None:
    """Let the window paint (and the window manager, if any, place it)."""
    done: list[bool] = []
    QTimer.singleShot(ms, lambda: done.append(True))
    while not done:
        app.processEvents()


def shoot(app: QApplication, window: QWidget, target: Path) -> None:
    window.raise_()
    window.activateWindow()
    settle(app)
    if QApplication.platformName() == "offscreen":
        # No display to grab from: the window paints itself (without the frame).
        picture = window.grab()
    else:
        screen = window.screen()
        frame = window.frameGeometry()
        picture = screen.grabWindow(0, frame.x(), frame.y(), frame.width(), frame.height())
    picture.save(str(target))
    print(f"saved {target}")


def main(out: Path) -> int:
    out.mkdir(parents=True, exist_ok=True)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setApplicationName("PeerDesk")
    folder = Path(tempfile.mkdtemp(prefix="peerdesk-shots-"))
    try:
        paths = VaultPaths.at(folder / "demo.peerdesk")
        sign_in = create_demo_vault(paths)
        gui = GuiController(paths, demo_sign_in=(sign_in.user, sign_in.password))
        first = gui.start()
        assert first is not None
        shoot(app, first, out / "sign-in.png")
        window = gui.sign_in_window
        assert window is not None
        window.account.setCurrentText(sign_in.user)
        window.password.setText(sign_in.password)
        window.submit()
        settle(app, 800)
        main_window = gui.main_window
        assert main_window is not None
        main_window.resize(*SIZE)
        main_window.move(20, 20)
        steps: list[tuple[str, Callable[[], None]]] = [
            ("today.png", lambda: main_window.show_page("Today")),
            ("peers.png", lambda: main_window.show_page("Peers")),
            ("peer-page.png", lambda: _open_peer_not_yet_asked(main_window)),
            ("groups.png", lambda: main_window.show_page("Groups")),
            ("contacts.png", lambda: main_window.show_page("Contacts")),
            ("competency-matrix.png", lambda: _show_matrix(main_window)),
            ("peers-voice.png", lambda: _show_voice(main_window)),
        ]
        if "Reports" in main_window.pages:
            steps.append(("reports.png", lambda: _prepare_report(app, main_window)))
        for name, step in steps:
            step()
            settle(app, 700)
            shoot(app, main_window, out / name)
            main_window.resize(*SIZE)
            main_window.move(20, 20)
        _peer_form(app, main_window, out)
        _rating_form(app, main_window, out)
        _contact_form(app, main_window, out)
        _report_page(app, main_window, out)
        gui.shutdown()
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    return 0


def _show_matrix(main_window: object) -> None:
    # The whole matrix across (eight competencies), as wide as the virtual screen allows.
    main_window.move(0, 0)  # type: ignore[attr-defined]
    main_window.resize(1280, SIZE[1])  # type: ignore[attr-defined]
    main_window.show_page("Supporters")  # type: ignore[attr-defined]
    page = main_window.supporters_page  # type: ignore[attr-defined]
    page.tabs.setCurrentIndex(1)  # the competency matrix


def _show_voice(main_window: object) -> None:
    """The Peers' voice page on its consultations: what peers said and what was done."""
    main_window.show_page("Peers' voice")  # type: ignore[attr-defined]
    page = main_window.voice_page  # type: ignore[attr-defined]
    if page is not None:
        page.tabs.setCurrentWidget(page.consultations)
        page.consultations.view.selectRow(0)
        page.consultations.view.setFocus()


def _contact_form(app: QApplication, main_window: object, out: Path) -> None:
    """The contact form as someone fills it in during a call."""
    from PySide6.QtCore import Qt

    dialog = main_window.log_contact()  # type: ignore[attr-defined]
    if dialog is None:
        return
    settle(app, 400)
    dialog.minutes.setValue(40)
    dialog.region.setCurrentIndex(2)
    dialog.returning.setCurrentIndex(1)
    for row in (1, 5):
        dialog.topics.item(row).setCheckState(Qt.CheckState.Checked)
    dialog.services.search.setText("lantern")
    settle(app, 200)
    dialog.services.add_current()
    dialog.notes.setPlainText("Couldn't sleep and wanted to talk. Talked through the "
                              "anniversary coming up; gave the 24-hour line.")
    shoot(app, dialog, out / "contact-form.png")
    dialog.reject()


def _open_peer_not_yet_asked(main_window: object) -> None:
    """A peer whose safe contact shows the "ask first" warning (a channel not asked yet)."""
    from peerdesk.services import peers

    caseload = main_window.caseload  # type: ignore[attr-defined]
    session = main_window.session  # type: ignore[attr-defined]
    main_window.show_page("Peers")  # type: ignore[attr-defined]
    model = caseload.peers.list_page.model
    if model.rowCount() == 0:
        return
    rows = range(min(60, model.rowCount()))
    ids = [i for i in (model.peer_id(r) for r in rows) if isinstance(i, int)]
    chosen = next((i for i in ids[3:] + ids[:3]
                   if "Ask how" in peers.safe_contact_banner(session, i)), ids[0])
    caseload.open_peer(chosen)


def _peer_form(app: QApplication, main_window: object, out: Path) -> None:
    """The peer's form, its safe contact answered channel by channel (one not asked yet)."""
    section = main_window.caseload.peers  # type: ignore[attr-defined]
    page = section.peer_page.page
    if page is None:
        return
    dialog = section.edit_peer(page.peer.id)
    if dialog is None:
        return
    for combo, state in ((dialog.calls_ok, False), (dialog.texts_ok, True),
                         (dialog.email_ok, None), (dialog.voicemail_ok, False)):
        combo.setCurrentIndex(combo.findData(state))
    settle(app, 300)
    shoot(app, dialog, out / "peer-form.png")
    dialog.reject()


def _rating_form(app: QApplication, main_window: object, out: Path) -> None:
    """Recording a rating: an answer to each question, or "Declined to answer"."""
    from peerdesk.ui.peers.record_dialogs import RatingDialog

    peer_page = main_window.caseload.peers.peer_page  # type: ignore[attr-defined]
    peer_page._add_rating()
    dialogs = [d for d in peer_page.findChildren(RatingDialog) if d.isVisible()]
    if not dialogs:
        return
    dialog = dialogs[-1]
    settle(app, 300)
    for spin, value in zip(dialog.spins, (7, 6, 8), strict=False):
        spin.setValue(value)
    if len(dialog.declined) > 3:
        dialog.declined[3].setChecked(True)
    shoot(app, dialog, out / "rating-form.png")
    dialog.reject()


def _prepare_report(app: QApplication, main_window: object) -> None:
    main_window.show_page("Reports")  # type: ignore[attr-defined]
    page = main_window.pages["Reports"]  # type: ignore[attr-defined]
    prepare = getattr(page, "prepare", None)
    if callable(prepare):
        prepare()
        for _ in range(60):
            settle(app, 250)
            if getattr(page, "report", None) is not None:
                break


def _report_page(app: QApplication, main_window: object, out: Path) -> None:
    page = main_window.pages.get("Reports")  # type: ignore[attr-defined]
    report = getattr(page, "report", None)
    if report is None or shutil.which("pdftoppm") is None:
        return
    from peerdesk.reports.pdf import write_pdf

    pdf = out / "report.pdf"
    write_pdf(report, pdf)
    for number, name in ((1, "report-page-1"), (2, "report-page-2")):
        page_arg = str(number)
        # A developer's own pdftoppm, found on PATH; every argument is ours.
        command = ["pdftoppm", "-png", "-r", "70", "-f", page_arg, "-l", page_arg,
                   "-singlefile", str(pdf), str(out / name)]
        subprocess.run(command, check=True)  # noqa: S603
        print(f"saved {out / name}.png")
    pdf.unlink()


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1]) if len(sys.argv) > 1 else Path("docs/screenshots")))
