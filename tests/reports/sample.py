"""Hand-built `Report` objects for the writer tests."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from peerdesk.reports.model import (
    Cell,
    CellState,
    Headline,
    Report,
    Section,
    Table,
    Trend,
)

RTL_LABEL = "שלום עולם"  # Hebrew, right to left


def n(value: int) -> Cell:
    return Cell(shown=str(value), state=CellState.SHOWN, value=value)


def small() -> Cell:
    return Cell(shown="<5", state=CellState.PRIMARY, value=None)


def secondary() -> Cell:
    return Cell(shown="*", state=CellState.SECONDARY, value=None)


def na() -> Cell:
    return Cell(shown="–", state=CellState.NOT_APPLICABLE, value=None)


LONG_LABEL = (
    "Referred on to a specialist independent advocacy service for survivors of "
    "trafficking and modern slavery (national referral mechanism)"
)


def sample_report(page_size: str = "A4") -> Report:
    months = ("2025-11", "2025-12", "2026-01", "2026-02", "2026-03", "2026-04",
              "2026-05", "2026-06", "2026-07", "2026-08", "2026-09", "2026-10")
    trend_values = (n(31), n(28), small(), n(35), n(40), n(38),
                    small(), n(44), n(47), n(41), n(52), n(57))
    sessions = Table(
        key="sessions_by_mode",
        title="One-to-one sessions by mode",
        row_header="Mode",
        columns=("Sessions", "Hours"),
        rows=(
            ("In person", (n(112), n(96))),
            ("Phone", (n(41), n(23))),
            ("Video call", (small(), na())),
            ("Text / messaging", (secondary(), na())),
        ),
        total=(n(168), n(127)),
        note="Hours are rounded to the nearest whole hour.",
    )
    referrals = Table(
        key="referrals_by_destination",
        title="Referrals by destination",
        row_header="Destination",
        columns=("Referrals",),
        rows=(
            ("Housing", (n(14),)),
            ("Health (GP, sexual health, mental health)", (n(9),)),
            (LONG_LABEL, (small(),)),
            ("Legal advice", (secondary(),)),
            (RTL_LABEL, (n(6),)),
        ),
        total=(n(38),),
    )
    age = Table(
        key="age_band",
        title="Peers supported by age band",
        row_header="Age band",
        columns=("Peers",),
        rows=(
            ("18–24", (n(12),)),
            ("25–34", (n(27),)),
            ("35–44", (n(19),)),
            ("45–54", (small(),)),
            ("55 and over", (secondary(),)),
            ("Not recorded", (n(5),)),
        ),
        total=(n(71),),
    )
    gender = Table(
        key="gender",
        title="Peers supported by gender",
        row_header="Gender",
        columns=("Peers", "New this month"),
        rows=(
            ("Woman", (n(52), n(9))),
            ("Man", (n(7), small())),
            ("Non-binary", (small(), secondary())),
            ("Prefer not to say", (secondary(), na())),
        ),
        total=(n(71), n(14)),
    )
    contact = Table(
        key="first_contact",
        title="How peers first made contact",
        row_header="Route",
        columns=("Peers",),
        rows=(
            ("Walked in", (n(23),)),
            ("Outreach", (n(18),)),
            ("Referred by another service", (n(21),)),
            ("Friend or another peer", (n(9),)),
        ),
        total=(n(71),),
    )
    outcomes = Table(
        key="outcomes",
        title="Change between first and latest rating",
        row_header="Measure",
        columns=("Improved", "Same", "Worse", "Peers"),
        rows=(
            ("Feeling safe", (n(21), n(8), small(), n(32))),
            ("Wellbeing", (n(18), n(9), secondary(), n(31))),
            ("Connection with others", (n(24), n(6), na(), n(30))),
        ),
    )
    return Report(
        centre_name="Harbour Lane Drop-in",
        title="Monthly report",
        period_label="October 2026",
        start=date(2026, 10, 1),
        end=date(2026, 10, 31),
        headlines=(
            Headline("peers_supported", "Peers supported", n(71)),
            Headline("new_peers", "New peers", n(14)),
            Headline("sessions", "One-to-one sessions", n(168)),
            Headline("session_hours", "Hours of one-to-one support", n(127)),
            Headline("groups_run", "Groups run", n(6)),
            Headline("meetings", "Group meetings held", n(23)),
            Headline("attendances", "Attendances", n(214)),
            Headline("followups_on_time", "Follow-ups done on time", small()),
        ),
        sections=(
            Section(
                title="Support",
                intro="One-to-one sessions held in the month, by how they took place.",
                tables=(sessions, referrals),
                trends=(Trend("sessions_trend", "One-to-one sessions, last 12 months",
                              months, trend_values),),
            ),
            Section(
                title="Who we supported",
                tables=(age, gender, contact),
            ),
            Section(
                title="Outcomes",
                intro="Peers with two or more ratings, comparing the first and the latest.",
                tables=(outcomes,),
                trends=(Trend("attendance_trend", "Group attendances, last 12 months",
                              months, tuple(n(v) for v in (150, 162, 120, 171, 180, 176,
                                                           190, 201, 188, 196, 205, 214))),),
            ),
        ),
        disclosure_rule=(
            "Anonymised figures. Counts from 1 to 4 are not shown; they appear as “<5”, "
            "and further cells marked “*” are hidden so that they can’t be worked out "
            "from the totals."
        ),
        exclusion_note="6 peers who withdrew consent to statistics are left out.",
        page_size=page_size,
        notes=(
            "Peers supported: peers with at least one session, group attendance or "
            "follow-up in the month.",
            "New peers: peers whose first contact was in the month.",
        ),
    )


def letter_report() -> Report:
    return replace(sample_report(), page_size="Letter")
