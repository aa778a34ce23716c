"""The peer sets a report works out once: the same peers by either route, kept in
memory only while the counts run.

Peers supported in a period of whole months are read from the trend window's
(month, peer) table; any other period counts them from its own days. Both
must give the same peers, and a custom range must count its first and last
day and nothing outside them.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest

from peerdesk.domain.consent import ConsentDraft, ConsentScope
from peerdesk.domain.groups import GroupDraft, Mark, MeetingDraft
from peerdesk.reports import figures, peer_sets
from peerdesk.reports.period import Period
from peerdesk.services import casework, groups, peers
from peerdesk.services.session import Session
from tests.services.caseload_helpers import lead_in_new_centre, one_to_one, peer

TODAY = date(2026, 11, 22)
OCT = Period.month(2026, 10)
TREND_WINDOW = Period(date(2025, 11, 1), date(2026, 10, 31), "", "custom")


@pytest.fixture(scope="module")
def lead(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Session]:
    """October 2026:

    Ana: a session on 8 Oct. Ben: attended the meeting of 21 Oct. Cy: a session
    on 31 Oct and one on 30 Sep. Dee (withdrew statistics consent): a session on
    10 Oct. Eve: a session on 30 Sep only.
    """
    lead = lead_in_new_centre(tmp_path_factory.mktemp("peer-sets"))
    me = lead.staff.id
    ana, ben, cy, dee, eve = (peers.create(lead, peer(name), today=TODAY)
                              for name in ("Ana", "Ben", "Cy", "Dee", "Eve"))
    consent = casework.add_consent(lead, ConsentDraft(dee, ConsentScope.STATISTICS,
                                                      date(2026, 10, 1)), today=TODAY)
    casework.withdraw_consent(lead, consent, today=TODAY)
    for who, on in ((ana, date(2026, 10, 8)), (cy, date(2026, 10, 31)),
                    (cy, date(2026, 9, 30)), (dee, date(2026, 10, 10)),
                    (eve, date(2026, 9, 30))):
        casework.log_session(lead, one_to_one(who, me, held_on=on), today=TODAY)
    group = groups.create_group(lead, GroupDraft("Circle"))
    groups.add_member(lead, group, ben, today=TODAY)
    meeting = groups.schedule_meeting(lead, MeetingDraft(group, date(2026, 10, 21)),
                                      today=TODAY)
    groups.save_register(lead, meeting, {ben: Mark.ATTENDED}, today=TODAY)
    yield lead
    lead.vault.close()
    lead.vault.locked.release()


def _supported_names(lead: Session, period: Period, window: Period) -> set[str]:
    with peer_sets.prepared(lead.db, period, window):
        rows = lead.db.query(f"SELECT preferred_name FROM peer WHERE id IN "
                             f"(SELECT peer_id FROM {peer_sets.SUPPORTED})")
    return {str(name) for (name,) in rows}


def test_whole_months_and_counting_by_day_find_the_same_peers(lead: Session) -> None:
    from_months = _supported_names(lead, OCT, TREND_WINDOW)
    # A window that does not hold the period makes it count by day.
    by_day = _supported_names(lead, OCT, Period.month(2026, 11))
    assert from_months == by_day == {"Ana", "Ben", "Cy"}


def test_a_custom_range_counts_its_first_and_last_day_only(lead: Session) -> None:
    assert _supported_names(lead, Period.custom(date(2026, 10, 8), date(2026, 10, 21)),
                            TREND_WINDOW) == {"Ana", "Ben"}
    assert _supported_names(lead, Period.custom(date(2026, 9, 30), date(2026, 10, 8)),
                            TREND_WINDOW) == {"Ana", "Cy", "Eve"}
    raw = figures.compute(lead.db, Period.custom(date(2026, 10, 9), date(2026, 10, 30)))
    assert raw.headlines["peers_supported"] == 1  # Ben; Dee is left out
    assert raw.excluded_peers == 1
    raw = figures.compute(lead.db, Period.custom(date(2026, 9, 30), date(2026, 10, 21)))
    assert raw.headlines["peers_supported"] == 4
    assert (raw.headlines["unique_attendees"], raw.headlines["attendances"]) == (1, 1)
    assert raw.headlines["sessions"] == 3  # Cy's and Eve's on 30 Sep, Ana's


def test_the_tables_stay_in_memory_and_are_gone_after_the_report(lead: Session) -> None:
    # 2 = MEMORY: the peer ids in them are never written to disk unencrypted.
    assert lead.db.scalar("PRAGMA temp_store") == 2
    usual_cache = lead.db.scalar("PRAGMA cache_size")
    raw = figures.compute(lead.db, OCT)
    assert raw.headlines["peers_supported"] == 3
    assert lead.db.query("SELECT name FROM sqlite_temp_master") == []
    # The larger page cache a report counts with is given back.
    assert lead.db.scalar("PRAGMA cache_size") == usual_cache


def test_the_tables_are_dropped_when_a_count_fails(lead: Session) -> None:
    with pytest.raises(RuntimeError), peer_sets.prepared(lead.db, OCT, TREND_WINDOW):
        assert lead.db.scalar(f"SELECT count(*) FROM {peer_sets.SUPPORTED}") == 3
        raise RuntimeError("a count failed")
    assert lead.db.query("SELECT name FROM sqlite_temp_master") == []
