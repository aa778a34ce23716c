"""Raw counts for a month like the one in sample.py, before disclosure control."""

from __future__ import annotations

from peerdesk.reports.figures import RawFigures, RawTable, RawTrend
from peerdesk.reports.period import Period


def _column(key: str, rows: dict[str, int], hours: tuple[float, ...] | None = None
            ) -> RawTable:
    return RawTable(key, key, "Row", ("Count",),
                    tuple((label, (v,)) for label, v in rows.items()), hours=hours)


def sample_figures() -> RawFigures:
    period = Period.month(2026, 10)
    months = tuple(m for m, _, _ in period.trend_months())
    sessions = {"In person": 112, "Phone": 41, "Video call": 3, "Text / messaging": 12}
    peers = 71
    return RawFigures(
        period,
        headlines={"peers_supported": peers, "new_peers": 14, "sessions": 168,
                   "groups_run": 6, "meetings_held": 23, "attendances": 214,
                   "unique_attendees": 38, "anonymous_headcount": 2, "referrals": 38,
                   "follow_ups_due": 30, "follow_ups_on_time": 24, "listening_contacts": 93},
        session_hours=127.0,
        tables={
            "sessions_by_mode": _column("sessions_by_mode", sessions,
                                        hours=(96.0, 23.0, 2.0, 6.0)),
            "sessions_by_kind": _column("sessions_by_kind", {"Planned": 120, "Drop-in": 44,
                                                             "Crisis": 4}),
            "age": _column("age", {"18–24": 12, "25–34": 27, "35–44": 19, "45–54": 3,
                                   "55 and over": 5, "Not recorded": 5}),
            "gender": _column("gender", {"Woman": 52, "Man": 7, "Non-binary": 2,
                                         "Describes another way": 0,
                                         "Prefers not to say": 10, "Not recorded": 0}),
            "contact_route": _column("contact_route", {"Walked in": 4, "Outreach": 6,
                                                       "Referred": 3, "Friend": 1}),
            "referrals": RawTable(
                "referrals", "Referrals", "Referred to", ("Awaiting reply", "Accepted",
                                                         "Declined"),
                (("Housing", (6, 7, 1)), ("Health", (4, 5, 0)), ("Advocacy", (2, 0, 1)),
                 ("Legal advice", (0, 3, 0)), ("Other", (6, 2, 1))),
                row_total_column="All referrals"),
            "follow_ups": _column("follow_ups", {"Done on time": 24, "Done late": 2,
                                                 "Not done yet": 4}),
            "outcomes": RawTable(
                "outcomes", "Outcomes", "Measure", ("Better", "No change", "Worse"),
                (("Feeling safe", (21, 8, 3)), ("Wellbeing", (18, 9, 4)),
                 ("Connection", (24, 6, 0))),
                total_row=False, row_total_column="Peers rated twice or more"),
            **listening_tables(),
        },
        trends=[
            RawTrend("trend_peers", "Peers", months,
                     (60, 58, 3, 64, 66, 70, 2, 69, 72, 68, 75, peers)),
            RawTrend("trend_sessions", "Sessions", months,
                     (31, 28, 4, 35, 40, 38, 1, 44, 47, 41, 52, 168)),
            RawTrend("trend_attendances", "Attendances", months,
                     (150, 162, 120, 171, 180, 176, 190, 201, 188, 196, 205, 214)),
            RawTrend("trend_contacts", "Contacts", months,
                     (70, 81, 2, 77, 90, 85, 88, 79, 91, 84, 87, 93)),
        ],
        excluded_peers=6,
        extras={"contact_hours": 41.5, "median_days_to_first_session": 9.0},
    )


def listening_tables() -> dict[str, RawTable]:
    """93 contacts in the month, with small counts in every table."""
    multi = {"total_row": False}
    return {
        "contacts_by_channel": _column("contacts_by_channel", {
            "Phone": 40, "Text message": 31, "Email": 3, "Online chat": 12, "Video call": 0,
            "Walk-in": 7}, hours=(20.0, 11.5, 1.0, 6.0, 0.0, 3.0)),
        "contacts_by_region": _column("contacts_by_region", {
            "Northvale": 30, "Eastmarsh": 2, "Riverside": 44, "Westfold": 13,
            "Not recorded": 4}),
        "contacts_by_topic": RawTable("contacts_by_topic", "t", "Topic", ("Count",), (
            ("Isolation", (25,)), ("Anger", (3,)), ("Trust", (11,)),
            ("No topic recorded", (55,))), **multi),  # type: ignore[arg-type]
        "contacts_first_time": _column("contacts_first_time", {
            "First time": 33, "Been in touch before": 58, "Not known": 2}),
        "contacts_office_hours": _column("contacts_office_hours", {
            "In office hours": 38, "Out of hours": 55}),
        "contacts_outcomes": RawTable("contacts_outcomes", "o", "Outcome", ("Count",), (
            ("Listened", (90,)), ("Signposted", (21,)), ("Offered a one-to-one", (6,)),
            ("Offered a group", (1,)), ("Became a peer", (2,))), **multi),  # type: ignore[arg-type]
        "contacts_signposted": RawTable("contacts_signposted", "s", "Service", ("Count",), (
            ("Counselling", (9,)), ("Housing", (4,)), ("Legal", (8,)),
            ("Somewhere not in the directory", (1,))), **multi),  # type: ignore[arg-type]
        "first_sessions": RawTable("first_sessions", "f", "Peers", ("Peers",), (
            ("With their first one-to-one session in the period", (6,)),), **multi),  # type: ignore[arg-type]
    }
