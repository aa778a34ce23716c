"""A connection dropped in the middle of a save: a clear message, and nothing
half-saved on the server (the session without its note, say)."""

from __future__ import annotations

import uuid
from datetime import date

import pytest

from peerdesk.storage.team.casework import ConnectionLost, TeamCasework, TeamPeer, TeamSession
from peerdesk.storage.team.fieldcrypt import FieldCipher


def test_a_connection_dropped_between_a_session_and_its_note_keeps_neither(team_centre):
    cipher = FieldCipher(team_centre.casework_key, compartment="casework")
    peer = TeamPeer(uuid.uuid4(), 1, "Someone", date(2026, 1, 5), "phone")
    with team_centre.connect("caseworker", autocommit=True) as conn:
        TeamCasework(conn, cipher).add_peer(peer)
    # The server ends the connection itself once the session's row is written,
    # as a network failure would after the first statement of the save.
    with team_centre.superuser(autocommit=True) as conn:
        conn.execute("CREATE FUNCTION public.drop_me() RETURNS trigger LANGUAGE plpgsql "
                     "SECURITY DEFINER AS $$ BEGIN PERFORM pg_terminate_backend("
                     "pg_backend_pid()); RETURN NEW; END $$")
        conn.execute("CREATE TRIGGER drop_me BEFORE INSERT ON casework.one_to_one_note "
                     "FOR EACH ROW EXECUTE FUNCTION public.drop_me()")
    with team_centre.connect("caseworker") as conn:
        store = TeamCasework(conn, cipher)
        with pytest.raises(ConnectionLost) as lost:
            store.add_session(TeamSession(uuid.uuid4(), peer.id,
                                          team_centre.staff_ids["caseworker"],
                                          date(2026, 2, 1), 40, "phone", "peer_support",
                                          notes="said something"))
        assert lost.value.user_message == (
            "The connection to the team server was lost before this was saved, so none of it "
            "was kept there. Save it again when the server can be reached.")
        assert conn.closed
    with team_centre.superuser() as conn:
        assert conn.execute("SELECT count(*) FROM casework.one_to_one").fetchone() == (0,)
        assert conn.execute("SELECT count(*) FROM casework.one_to_one_note").fetchone() == (0,)
