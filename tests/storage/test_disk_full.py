"""A full disk mid-change: a clear message, and the vault opens with all earlier data.

The child process gets a file-size limit (RLIMIT_FSIZE, with SIGXFSZ ignored
so writes fail with EFBIG instead of killing it), which is how a full disk
looks to PeerDesk.
"""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from peerdesk.services import accounts
from peerdesk.services.vault_check import check_vault
from peerdesk.storage.keyslots import KeySlotFile
from tests.fixtures.vaults import ADMIN_NAME, ADMIN_PASSWORD, close, sign_in

CHILD = """
import json, os, resource, signal, sys
os.environ["PEERDESK_KDF_TARGET_MS"] = "0"
from peerdesk.domain.errors import PeerDeskError
from peerdesk.domain.staff import Role
from peerdesk.services import accounts
from peerdesk.services.auth import SignIn
from peerdesk.storage.paths import VaultPaths
from peerdesk.storage.vault import LockedVault

paths = VaultPaths.at(sys.argv[1])
session = SignIn(LockedVault.open(paths)).sign_in(sys.argv[2], sys.argv[3])
wal = paths.database.with_name(paths.database.name + "-wal")
grow = {"keys": paths.keys.stat().st_size + 300, "database": wal.stat().st_size + 40000}
limit = grow[sys.argv[4]]
signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))
added = []
for i in range(60):
    try:
        accounts.add_staff(session, name=f"New Person {i}", role=Role.CASEWORKER,
                           password="a fine long password", confirm="a fine long password")
    except PeerDeskError as exc:
        print(json.dumps({"added": added, "error": type(exc).__name__,
                          "message": exc.user_message}))
        break
    added.append(f"New Person {i}")
else:
    print(json.dumps({"added": added, "error": None}))
"""


@pytest.mark.parametrize("which", ["keys", "database"])
def test_disk_full_while_adding_staff(vault, which):
    done = subprocess.run(
        [sys.executable, "-c", CHILD, str(vault.database), ADMIN_NAME, ADMIN_PASSWORD, which],
        capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr
    outcome = json.loads(done.stdout.strip().splitlines()[-1])
    assert outcome["error"] == "DiskFull", outcome
    assert "disk" in outcome["message"] and "space" in outcome["message"]
    if which == "keys":
        assert outcome["added"] == []
    # Afterwards, with room again: everything saved before is there and
    # nothing is half-added (every account in the key file has its row).
    assert check_vault(vault, ADMIN_NAME, ADMIN_PASSWORD).ok
    session = sign_in(vault, ADMIN_NAME)
    try:
        staff = {s.name: s for s in accounts.list_staff(session)}
        assert set(outcome["added"]) <= set(staff)
        keys = KeySlotFile.load(vault.keys)
        assert sorted(keys.accounts(), key=str.casefold) == sorted(
            (s.name for s in staff.values() if s.slot_id), key=str.casefold)
        for slot_id in (s.slot_id for s in staff.values()):
            assert keys.slot(slot_id) is not None
    finally:
        close(session)
    for name in outcome["added"][-1:]:
        close(sign_in(vault, name, "a fine long password"))
