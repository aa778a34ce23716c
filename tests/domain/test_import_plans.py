"""A person's plan survives the trip to plain JSON and back, every kind of value included."""

from __future__ import annotations

import json
from datetime import date

from peerdesk.domain.import_columns import FIELDS, PEER_FIELDS, guess_mapping
from peerdesk.domain.import_plans import MemoryPlans, PeerPlan
from peerdesk.domain.import_rows import ImportChecker, StaffRef

HEADERS = [f.key for f in FIELDS]
CELLS = {
    "peer_key": "A-1", "preferred_name": "Zoë", "full_name": "Zoë Ó Briain",
    "birth_year": "1990", "age_band": "35-44", "gender": "two-spirit", "languages": "Irish",
    "nationality": "Irish", "contact_route": "walk-in", "first_contact": "02/03/2020",
    "status": "closed", "closed_on": "2024-01-05", "closed_reason": "moved away",
    "caseworker": "cal worker", "supporter": "Pia Peer", "do_not_contact": "no",
    "calls_ok": "y", "texts_ok": "0", "email_ok": "not asked yet", "voicemail_ok": "n",
    "safe_times": "after 6", "code_word": "lantern", "session_date": "2021-04-05",
    "mode": "phone", "kind": "intake", "minutes": "30", "notes": "hello", "worker": "",
}
STAFF = {"calworker": StaffRef(3, True), "piapeer": StaffRef(4, True)}


def checked_plan() -> tuple[ImportChecker, PeerPlan]:
    checker = ImportChecker(HEADERS, guess_mapping(HEADERS), staff=STAFF, importer_id=5,
                            today=date(2025, 1, 1))
    later = dict.fromkeys(HEADERS, "")
    later.update(peer_key="A-1", session_date="2022-06-07", mode="text", kind="follow-up",
                 minutes="15", safe_times="after 6")
    first = checker.check_row(2, [CELLS[h] for h in HEADERS])
    assert first is not None and first[0] == 0 and first[1] is not None
    assert checker.check_row(3, [later[h] for h in HEADERS]) is not None
    assert checker.ok, [str(p) for p in checker.problems]
    [plan] = checker.plans.in_order()
    return checker, plan


def test_every_kind_of_value_round_trips_through_json():
    checker, plan = checked_plan()
    assert set(plan.values) == set(PEER_FIELDS) - {"peer_key"}
    plain = json.loads(json.dumps(plan.to_plain()))
    again = PeerPlan.from_plain(plan.key, plan.seq, plan.line, plain)
    assert again == plan
    assert (again.first_session, again.last_session, again.sessions) == \
        (date(2021, 4, 5), date(2022, 6, 7), 2)
    assert checker.records(again) == checker.records(plan)
    draft, safe = checker.records(again)
    assert (draft.caseworker_id, draft.supporter_id, draft.gender_description) == \
        (3, 4, "two-spirit")
    assert (safe.calls_ok, safe.texts_ok, safe.email_ok, safe.code_word) == \
        (True, False, None, "lantern")


def test_a_value_first_given_on_a_later_row_keeps_its_line():
    plan = PeerPlan("K", 0, 2, {"preferred_name": ("Ann", 2), "code_word": ("owl", 9)},
                    None, None, 0, True)
    again = PeerPlan.from_plain("K", 0, 2, json.loads(json.dumps(plan.to_plain())))
    assert again == plan and again.values["code_word"] == ("owl", 9)


def test_memory_plans_number_people_in_the_order_they_come():
    plans = MemoryPlans()
    assert [plans.new(k, n).seq for n, k in enumerate("bca")] == [0, 1, 2]
    assert plans.get("c") is not None and plans.get("z") is None
    assert [p.key for p in plans.in_order()] == ["b", "c", "a"]
    plans.discard()
    assert plans.discarded and len(plans) == 0
