"""The audit log is append-only, and tampering with it is detected."""

from __future__ import annotations

import pytest

from peerdesk.domain.errors import PeerDeskError, VaultDamaged
from peerdesk.services.vault_check import check_vault
from peerdesk.storage.repositories import audit as audit_repo
from tests.fixtures.vaults import ADMIN_NAME, ADMIN_PASSWORD, close, sign_in


@pytest.mark.parametrize("sql", [
    "UPDATE audit_event SET detail = 'changed' WHERE id = 1",
    "DELETE FROM audit_event WHERE id = 2",
    "DELETE FROM audit_event",
])
def test_triggers_refuse_update_and_delete(vault, sql):
    session = sign_in(vault, ADMIN_NAME)
    try:
        before = audit_repo.verify_chain(session.db)
        with pytest.raises(PeerDeskError) as caught:
            session.db.execute(sql)
        # A refused change is not "damage": nobody should be sent to a backup.
        assert not isinstance(caught.value, VaultDamaged)
        assert "refused" in caught.value.user_message
        after = audit_repo.verify_chain(session.db)
        assert after.ok and after.events == before.events
    finally:
        close(session)


TAMPERING = {
    "change a middle event": "UPDATE audit_event SET detail = 'nothing to see' WHERE id = 3",
    "change who did it": "UPDATE audit_event SET actor_id = NULL WHERE id = 2",
    "delete a middle event": "DELETE FROM audit_event WHERE id = 3",
    "delete the last event":
        "DELETE FROM audit_event WHERE id = (SELECT max(id) FROM audit_event)",
    "reorder": "UPDATE audit_event SET at = '2000-01-01T00:00:00+00:00' WHERE id = 4",
}


@pytest.mark.parametrize("label", list(TAMPERING))
def test_tampering_is_detected_by_verify_chain_and_check(vault, label):
    session = sign_in(vault, ADMIN_NAME)
    try:
        assert audit_repo.verify_chain(session.db).ok
        raw = session.db.raw  # a keyed driver connection, as an attacker with the key has
        raw.execute("DROP TRIGGER audit_event_no_update")
        raw.execute("DROP TRIGGER audit_event_no_delete")
        raw.execute(TAMPERING[label])
        assert raw.total_changes > 0
        report = audit_repo.verify_chain(session.db)
        assert not report.ok
        assert all("audit" in p for p in report.problems)
        session.vault.close()
    finally:
        session.vault.locked.release()
    report = check_vault(vault, ADMIN_NAME, ADMIN_PASSWORD)
    assert not report.ok
