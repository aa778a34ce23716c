"""How soon PeerDesk locks itself on a shared PC (DESIGN.md §4)."""

from __future__ import annotations

from peerdesk.domain.errors import Message, VaultDamaged
from peerdesk.domain.staff import Permission
from peerdesk.services.number_settings import NumberSetting
from peerdesk.services.session import Session
from peerdesk.storage.repositories.meta import get_setting

IDLE_MINUTES_KEY = "idle_lock_minutes"
DEFAULT_IDLE_MINUTES = 5
MIN_IDLE_MINUTES = 1
MAX_IDLE_MINUTES = 30

_IDLE_MINUTES = NumberSetting(
    IDLE_MINUTES_KEY, DEFAULT_IDLE_MINUTES, (MIN_IDLE_MINUTES, MAX_IDLE_MINUTES),
    Permission.MANAGE_STAFF,
    Message("Choose between {least} and {most} minutes.",
            least=MIN_IDLE_MINUTES, most=MAX_IDLE_MINUTES),
    field="idle_minutes", target="idle_lock", detail="{n} minutes")


def idle_lock_minutes(session: Session) -> int:
    """The centre's idle-lock delay; the default when unset or unreadable.

    Never raises for a damaged vault: the lock must keep working when the page
    holding the setting cannot be read, and the default is the safe choice.
    """
    try:
        stored = get_setting(session.db, IDLE_MINUTES_KEY)
    except VaultDamaged:
        return DEFAULT_IDLE_MINUTES
    try:
        minutes = int(stored) if stored is not None else DEFAULT_IDLE_MINUTES
    except ValueError:
        return DEFAULT_IDLE_MINUTES
    return min(max(minutes, MIN_IDLE_MINUTES), MAX_IDLE_MINUTES)


def set_idle_lock_minutes(session: Session, minutes: int) -> None:
    _IDLE_MINUTES.save(session, minutes)
