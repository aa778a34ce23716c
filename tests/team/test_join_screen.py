"""The first-run screen's "Join my centre's team", driven with qtbot against the
real test cluster: a working file and sign-in keep the file on this PC; each
thing that can be wrong says so plainly and keeps nothing."""

from __future__ import annotations

import dataclasses
import uuid

import pytest
from PySide6.QtCore import Qt

from peerdesk.domain.errors import PeerDeskError
from peerdesk.services.team import TeamPlace
from peerdesk.storage.team.connection import ConnectionFile
from peerdesk.ui.setup_wizard import SetupWizard
from tests.team.test_tls import tls_server  # noqa: F401 (a fixture)


@pytest.fixture
def wizard(qtbot, vault_paths, tmp_path):
    made = SetupWizard(vault_paths)
    made.team_place = TeamPlace(tmp_path / "pc" / "config", tmp_path / "pc" / "data")
    qtbot.addWidget(made)
    made.show()
    return made


def _fill(dialog, path, name, password):
    dialog.file.setText(str(path))
    dialog.name.setText(name)
    dialog.password.setText(password)


def test_joining_keeps_the_file_and_signs_the_person_in(qtbot, wizard, joined_centre):
    qtbot.mouseClick(wizard.centre_page.join_button, Qt.MouseButton.LeftButton)
    dialog = wizard.join_dialog
    assert dialog is not None and dialog.isVisible()
    _fill(dialog, joined_centre.connection_file, "Cas Worker",
          joined_centre.passwords["caseworker"])
    with qtbot.waitSignal(wizard.team_joined, timeout=30000) as joined:
        qtbot.mouseClick(dialog.join_button, Qt.MouseButton.LeftButton)
    desk = joined.args[0]
    assert desk.staff_id == joined_centre.staff_ids["caseworker"]
    assert wizard.team_place.connection_file.read_bytes() \
        == joined_centre.connection_file.read_bytes()
    assert not dialog.error.isVisible() and dialog.password.text() == ""
    from peerdesk.ui.team.status_window import TeamStatusWindow

    window = TeamStatusWindow(desk)
    qtbot.addWidget(window)
    # The server is asked off the GUI thread; the window says so until it answers.
    qtbot.waitUntil(lambda: window.state.text() == "Connected to the team server.",
                    timeout=30000)
    joined_centre.server.stop()
    try:
        window.refresh()
        qtbot.waitUntil(lambda: window.state.text().startswith(
            "The team server can't be reached."), timeout=30000)
        assert not window.send_button.isEnabled()
    finally:
        joined_centre.server.start()
    desk.close()


def _refused(qtbot, wizard, path, name="Cas Worker", password="whatever") -> str:
    dialog = wizard.open_join()
    _fill(dialog, path, name, password)
    qtbot.mouseClick(dialog.join_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.joining, timeout=30000)
    assert dialog.isVisible() and dialog.desk is None
    assert not wizard.team_place.connection_file.exists()
    assert dialog.error.isVisible()
    text = dialog.error.text()
    dialog.reject()
    return text


def test_a_wrong_password_says_so(qtbot, wizard, joined_centre):
    assert _refused(qtbot, wizard, joined_centre.connection_file) == (
        f"The team server refused the sign-in for "
        f"{joined_centre.logins['caseworker']}: the name or password is wrong.")


def test_a_connection_file_for_another_centre(qtbot, wizard, joined_centre, tmp_path):
    info = ConnectionFile.load(joined_centre.connection_file)
    other = tmp_path / "other.peerdesk-team"
    dataclasses.replace(info, centre_id=str(uuid.uuid4())).save(other)
    text = _refused(qtbot, wizard, other, password=joined_centre.passwords["caseworker"])
    assert text.startswith("This connection file is for another centre's team")


def test_a_file_that_is_not_a_connection_file(qtbot, wizard, tmp_path):
    junk = tmp_path / "notes.txt"
    junk.write_text("hello", encoding="utf-8")
    assert _refused(qtbot, wizard, junk) == f"{junk} is not a PeerDesk team connection file."


def test_a_server_of_the_wrong_version(qtbot, wizard, joined_centre):
    with joined_centre.server.connect(joined_centre.database, autocommit=True) as conn:
        newest = conn.execute("SELECT max(version) FROM main.schema_migration").fetchone()[0]
        conn.execute("DELETE FROM main.schema_migration WHERE version = %s", (newest,))
    text = _refused(qtbot, wizard, joined_centre.connection_file,
                    password=joined_centre.passwords["caseworker"])
    assert text.startswith("The team server was set up by an older PeerDesk")
    with joined_centre.server.connect(joined_centre.database, autocommit=True) as conn:
        conn.execute("INSERT INTO main.schema_migration (version, name) VALUES (%s, 'x'), "
                     "(99, 'from the future')", (newest,))
    text = _refused(qtbot, wizard, joined_centre.connection_file,
                    password=joined_centre.passwords["caseworker"])
    assert text.startswith("The team server's records were set up by a newer PeerDesk")


def test_a_server_that_cant_be_reached(qtbot, wizard, joined_centre):
    joined_centre.server.stop()
    try:
        text = _refused(qtbot, wizard, joined_centre.connection_file)
    finally:
        joined_centre.server.start()
    assert text.startswith("PeerDesk could not reach the team server at")


def _tls_file(server, ca_pem: str, path):
    from tests.team.test_tls import _file

    dataclasses.replace(_file(server, ca_pem), centre_id=str(uuid.uuid4())).save(path)
    return path


def test_a_certificate_from_another_ca_is_refused(qtbot, wizard, tls_server,  # noqa: F811
                                                  tmp_path):
    from tests.team.test_tls import _ca, _pem

    server, _ca_cert, _ = tls_server
    _key, stranger = _ca("Someone else's CA")
    text = _refused(qtbot, wizard, _tls_file(server, _pem(stranger), tmp_path / "t.json"))
    assert text.startswith("PeerDesk could not check the team server's certificate at "
                           "127.0.0.1:")
    assert text.endswith("Nothing was sent.")


def test_an_expired_certificate_is_refused(qtbot, wizard, tls_server,  # noqa: F811
                                           tmp_path):
    from tests.team.test_tls import _pem, _serve

    server, ca_cert, _ = tls_server
    _serve(server, "expired.crt", "expired.key")
    try:
        text = _refused(qtbot, wizard, _tls_file(server, _pem(ca_cert), tmp_path / "t.json"))
    finally:
        _serve(server, "", "")
    assert "(expired, for another host, or not from that CA)" in text


def test_someone_with_a_joining_password_chooses_their_own_on_the_same_dialog(
        qtbot, wizard, joined_centre, tmp_path):
    from peerdesk.services import team

    with joined_centre.server.connect(joined_centre.database, autocommit=True) as conn:
        conn.execute("UPDATE main.staff SET must_change_password = true WHERE id = %s",
                     (joined_centre.staff_ids["caseworker"],))
    qtbot.mouseClick(wizard.centre_page.join_button, Qt.MouseButton.LeftButton)
    dialog = wizard.join_dialog
    joining = joined_centre.passwords["caseworker"]
    _fill(dialog, joined_centre.connection_file, "Cas Worker", joining)
    assert not dialog.new_password.isVisible()
    qtbot.mouseClick(dialog.join_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.joining, timeout=30000)
    assert dialog.isVisible() and dialog.new_password.isVisible()
    assert dialog.error.text() == team.PasswordChangeRequired.default_message
    assert not wizard.team_place.connection_file.exists()
    # The joining password is held, not left in its field.
    assert dialog.password.text() == ""
    dialog.new_password.setText("my very own pw 1")
    dialog.again.setText("my very own pw 2")
    qtbot.mouseClick(dialog.join_button, Qt.MouseButton.LeftButton)
    assert not dialog.joining
    assert dialog.fields["again"].error.text() == "The two new passwords differ."
    dialog.again.setText("my very own pw 1")
    with qtbot.waitSignal(wizard.team_joined, timeout=30000) as joined:
        qtbot.mouseClick(dialog.join_button, Qt.MouseButton.LeftButton)
    joined.args[0].close()
    assert dialog.new_password.text() == dialog.password.text() == ""
    place = team.TeamPlace(tmp_path / "other", tmp_path / "other-data")
    info = team.load_connection_file(joined_centre.connection_file)
    team.sign_in(place, "Cas Worker", "my very own pw 1", info=info).close()
    with pytest.raises(PeerDeskError, match="password is wrong"):
        team.sign_in(place, "Cas Worker", joining, info=info)
