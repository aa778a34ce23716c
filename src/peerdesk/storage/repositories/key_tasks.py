"""Key work owed to a compartment, for the next person who holds its key."""

from __future__ import annotations

from dataclasses import dataclass

from peerdesk.storage.database import Database

SEAL = "seal"
ROTATE = "rotate"


@dataclass(frozen=True, slots=True)
class KeyTask:
    id: int
    kind: str
    compartment: str
    slot_id: str | None
    reason: str
    created_at: str


def owe_rotation(db: Database, compartment: str, reason: str, at: str) -> None:
    """Record that `compartment` must move to a new key (once: one rotation
    settles every reason recorded before it)."""
    db.execute(
        "INSERT INTO key_task (kind, compartment, reason, created_at) VALUES (?, ?, ?, ?)",
        (ROTATE, compartment, reason, at),
    )


def owe_seal(db: Database, compartment: str, slot_id: str, at: str) -> None:
    if db.scalar("SELECT 1 FROM key_task WHERE kind = ? AND compartment = ? AND slot_id = ?",
                 (SEAL, compartment, slot_id)):
        return
    db.execute(
        "INSERT INTO key_task (kind, compartment, slot_id, created_at) VALUES (?, ?, ?, ?)",
        (SEAL, compartment, slot_id, at),
    )


def pending(db: Database) -> list[KeyTask]:
    rows = db.query("SELECT id, kind, compartment, slot_id, reason, created_at FROM key_task "
                    "ORDER BY id")
    return [KeyTask(int(r[0]), str(r[1]), str(r[2]), r[3], str(r[4]), str(r[5])) for r in rows]


def done(db: Database, task_ids: list[int]) -> None:
    db.executemany("DELETE FROM key_task WHERE id = ?", [(t,) for t in task_ids])


def forget_seals_for(db: Database, slot_id: str) -> None:
    """A slot that is going away needs nothing sealed to it any more."""
    db.execute("DELETE FROM key_task WHERE kind = ? AND slot_id = ?", (SEAL, slot_id))
