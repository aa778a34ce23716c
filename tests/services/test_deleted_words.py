"""Deleted note words and old names leave no trace in the search indexes.

Checked by reading the decrypted index blocks and a plain export of every
live table and index, not only by searching.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from peerdesk.domain.staff import Role
from peerdesk.services import casework, peers
from peerdesk.services.auth import SignIn
from peerdesk.services.session import Session
from peerdesk.storage.repositories import search

from .caseload_helpers import STAFF_PASSWORD, TODAY, add_person, one_to_one, peer, sign_in_as


@pytest.fixture
def lead(admin_session: Session) -> Session:
    add_person(admin_session, "Lee Lead", Role.PROGRAMME_LEAD)
    return sign_in_as(admin_session, "Lee Lead")


def index_blocks(session: Session, table: str) -> bytes:
    return b"".join(bytes(row[0]) for row in
                    session.db.query(f"SELECT block FROM {table}_data") if row[0])


def everything_live(session: Session, folder: Path) -> bytes:
    plain = folder / "plain-export.sqlite"
    plain.unlink(missing_ok=True)
    session.db.execute("ATTACH DATABASE ? AS plain KEY ''", (str(plain),))
    session.db.query("SELECT sqlcipher_export('plain')")
    session.db.execute("DETACH DATABASE plain")
    return plain.read_bytes()


def test_a_deleted_sessions_words_are_gone(lead: Session, tmp_path: Path) -> None:
    peer_id = peers.create(lead, peer("Ana"), today=TODAY)
    keep = casework.log_session(lead, one_to_one(peer_id, lead.staff.id, notes="ordinary visit"),
                                today=TODAY)
    gone = casework.log_session(lead, one_to_one(peer_id, lead.staff.id,
                                                 notes="zanzibarquokka disclosed"), today=TODAY)
    assert b"zanzibarquokka" in index_blocks(lead, "note_search")  # the check can see it
    casework.delete_session(lead, gone)
    assert b"zanzibarquokka" not in index_blocks(lead, "note_search")
    assert b"zanzibarquokka" not in everything_live(lead, tmp_path)
    assert [h.session_id for h in casework.search_notes(lead, "ordinary")] == [keep]


def test_edited_notes_lose_their_old_words(lead: Session, tmp_path: Path) -> None:
    peer_id = peers.create(lead, peer("Ana"), today=TODAY)
    sid = casework.log_session(lead, one_to_one(peer_id, lead.staff.id,
                                                notes="wrongpersonxyz typed here"), today=TODAY)
    casework.edit_session(lead, sid, one_to_one(peer_id, lead.staff.id, notes="typed here"),
                          today=TODAY)
    assert b"wrongpersonxyz" not in everything_live(lead, tmp_path)
    assert [h.session_id for h in casework.search_notes(lead, "typed")] == [sid]


def test_a_peers_old_name_is_gone_after_a_rename(lead: Session, tmp_path: Path) -> None:
    peer_id = peers.create(lead, peer("Xylophonia", full_name="Xylophonia Quest"), today=TODAY)
    peers.update(lead, peer_id, peer("Sunny"), today=TODAY)
    assert b"xylophonia" not in index_blocks(lead, "peer_search").lower()
    assert b"xylophonia" not in everything_live(lead, tmp_path).lower()
    assert peers.find(lead, peers.PeerFilter(text="sun")) == [peer_id]


def test_on_a_large_index_the_purge_waits_for_sign_out(lead: Session, tmp_path: Path,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(search, "SMALL_INDEX_BLOCKS", -1)  # every index counts as large
    peer_id = peers.create(lead, peer("Ana"), today=TODAY)
    sid = casework.log_session(lead, one_to_one(peer_id, lead.staff.id,
                                                notes="zanzibarquokka disclosed"), today=TODAY)
    casework.delete_session(lead, sid)
    assert b"zanzibarquokka" in index_blocks(lead, "note_search")  # deferred
    locked = lead.end()
    again = SignIn(locked).sign_in("Lee Lead", STAFF_PASSWORD)
    assert b"zanzibarquokka" not in everything_live(again, tmp_path)
    again.vault.close()
