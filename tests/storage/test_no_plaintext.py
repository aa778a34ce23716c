"""Nothing a person typed reaches the disk unencrypted (DESIGN.md §3)."""

from __future__ import annotations

from pathlib import Path

from peerdesk.domain.staff import Role
from peerdesk.services import accounts
from peerdesk.services.setup import create_centre
from peerdesk.storage.paths import VaultPaths
from peerdesk.storage.repositories.meta import set_setting
from tests.fixtures.vaults import sidecars

PASSWORD = "a long enough password 1"
CENTRE = "Zebracentre Quokkaville"
ADMIN = "Xylo Admin Marker"
STAFF_MARKERS = [f"Marker{chr(65 + i)}qz Staffname" for i in range(17)]
SETTING_MARKER = "Uncommittedmarker Wombat"
MARKERS = [CENTRE, ADMIN, *STAFF_MARKERS, SETTING_MARKER]
assert len(set(MARKERS)) == 20


def _leaks(path: Path, markers: list[str]) -> list[str]:
    if not path.exists():
        return []
    data = path.read_bytes()
    found = []
    for marker in markers:
        for form in {marker, marker.casefold()}:
            for encoded in (form.encode("utf-8"), form.encode("utf-16-le")):
                if encoded in data:
                    found.append(f"{marker!r} in {path.name}")
    return found


def _scan(paths: VaultPaths, markers: list[str]) -> list[str]:
    found = []
    for path in sidecars(paths).values():
        found += _leaks(path, markers)
    # Any other file left beside the vault (a rekey copy, a journal).
    for path in paths.database.parent.iterdir():
        if path not in sidecars(paths).values() and path != paths.keys:
            found += _leaks(path, markers)
    return found


def test_markers_never_reach_the_disk_in_plaintext(tmp_path):
    paths = VaultPaths.at(tmp_path / "centre.peerdesk")
    session = create_centre(paths, centre_name=CENTRE, admin_name=ADMIN, password=PASSWORD,
                            confirm=PASSWORD).session
    try:
        for name in STAFF_MARKERS:
            accounts.add_staff(session, name=name, role=Role.CASEWORKER, password=PASSWORD,
                               confirm=PASSWORD)
        db = session.db
        # Committed but not yet checkpointed: the rows are in the WAL.
        assert sidecars(paths)["wal"].stat().st_size > 0
        assert _scan(paths, MARKERS) == []
        # A write transaction open: pages may be spilled to the WAL uncommitted.
        with db.transaction():
            set_setting(db, "probe", SETTING_MARKER * 200)
            db.execute("PRAGMA cache_spill = 1")
            assert _scan(paths, MARKERS) == []
        assert _scan(paths, MARKERS) == []
        leaver = next(s for s in accounts.list_staff(session) if s.name == STAFF_MARKERS[0])
        accounts.remove(session, leaver.id)  # a rekey writes a whole new file
        assert _scan(paths, MARKERS) == []
    finally:
        session.end().release()
    assert not paths.database.read_bytes().startswith(b"SQLite format 3")
    assert b"SQLite format 3" not in paths.database.read_bytes()
    assert _scan(paths, MARKERS) == []
    # The key file holds account names (the sign-in list) but never the
    # centre's name, a setting or a password.
    assert _leaks(paths.keys, [CENTRE, SETTING_MARKER, PASSWORD]) == []


def test_the_scan_would_see_plaintext(tmp_path):
    """The check above can fail: the same scan finds a marker in a plain file."""
    paths = VaultPaths.at(tmp_path / "centre.peerdesk")
    paths.database.write_bytes(b"SQLite format 3\0" + STAFF_MARKERS[3].casefold().encode())
    assert _scan(paths, MARKERS) == [f"{STAFF_MARKERS[3]!r} in centre.peerdesk"]
