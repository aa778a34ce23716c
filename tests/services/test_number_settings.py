"""Whole-number settings: read with a safe default, changed only within bounds, audited."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from peerdesk.domain.audit import AuditAction
from peerdesk.domain.errors import Message, ValidationError
from peerdesk.services.number_settings import read_number, save_number
from peerdesk.services.session import Session
from peerdesk.storage.repositories import audit as audit_repo
from peerdesk.storage.repositories.meta import set_setting

KEY = "test_number"
BOUNDS = (3, 40)
TOO_FEW = Message("Choose {low} to {high}.", low=3, high=40)


def test_unset_or_unreadable_or_out_of_bounds_reads_as_the_default(lead: Session) -> None:
    assert read_number(lead.db, KEY, 12, BOUNDS) == 12
    for stored, expected in (("7", 7), ("", 12), ("seven", 12), ("2", 12), ("41", 12),
                             ("40", 40)):
        with lead.db.transaction():
            set_setting(lead.db, KEY, stored)
        assert read_number(lead.db, KEY, 12, BOUNDS) == expected


@settings(max_examples=30, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.one_of(st.integers(-5, 60), st.text(max_size=4)))
def test_saves_only_whole_numbers_within_bounds(lead: Session, value: object) -> None:
    before = read_number(lead.db, KEY, 12, BOUNDS)
    try:
        number = int(str(value).strip())
    except ValueError:
        number = None
    if number is not None and BOUNDS[0] <= number <= BOUNDS[1]:
        assert save_number(lead, KEY, value, BOUNDS, message=TOO_FEW, field="n",
                           detail="{n} weeks") == number
        assert read_number(lead.db, KEY, 12, BOUNDS) == number
        event = audit_repo.recent(lead.db, limit=1)[0]
        assert (event.action, event.target_kind, event.target_id, event.detail) == (
            AuditAction.CHANGED, "settings", KEY, f"{number} weeks")
    else:
        with pytest.raises(ValidationError) as refused:
            save_number(lead, KEY, value, BOUNDS, message=TOO_FEW, field="n",
                        detail="{n} weeks", target="elsewhere")
        assert refused.value.field == "n"
        assert refused.value.user_message == "Choose 3 to 40."
        assert read_number(lead.db, KEY, 12, BOUNDS) == before
