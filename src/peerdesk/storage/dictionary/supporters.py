"""The data dictionary: the peer supporters register (main database, issue 16)."""

from __future__ import annotations

from peerdesk.domain.supporters import CheckKind, SupporterRole, SupporterStatus
from peerdesk.storage.dictionary.model import DATE, STAFF_ID, TIMESTAMP, YES_NO, Table, codes_of

_ROLES = codes_of(SupporterRole)

TABLES = [
    Table("supporter", "Everyone who gives support (peer support workers, volunteers, "
          "mentors, group facilitators, supervisors), with or without a PeerDesk account. "
          "Minimal personal data; nothing about their lived experience.",
          {"id": "The supporter's number; other tables refer to it.",
           "preferred_name": "The name they go by.",
           "sort_name": "The name in lower case, for ordering.",
           "reach": "How the centre reaches them (a phone number, an email, …).",
           "roles": "Their supporter roles, comma-separated (see the codes).",
           "start_date": DATE + " When they started.",
           "staff_id": f"{STAFF_ID} of their PeerDesk account; empty when they have none.",
           "created_at": TIMESTAMP, "updated_at": TIMESTAMP},
          codes={"roles": _ROLES}),
    Table("supporter_status", "Each supporter's status over time; the newest row is their "
          "status now.",
          {"id": "The row's number.", "supporter_id": "Whose status (supporter.id).",
           "status": "The status (see the codes).", "since": DATE + " From when."},
          codes={"status": codes_of(SupporterStatus)}),
    Table("competency", "The competencies training is mapped to: the eight of international "
          "best practice in peer support, and any the centre adds.",
          {"id": "The competency's number.", "name": "Its name.",
           "position": "Its place in the matrix (1 first).",
           "active": "1 while it is shown in the matrix."},
          codes={"active": YES_NO}),
    Table("course", "A course or module the centre gives or recognises.",
          {"id": "The course's number.", "name": "Its name.",
           "renewal_months": "How often it must be renewed, in months; empty when never.",
           "active": "1 while it can be chosen."},
          codes={"active": YES_NO}),
    Table("course_competency", "Which competencies each course counts for.",
          {"course_id": "The course (course.id).",
           "competency_id": "A competency it counts for (competency.id)."}),
    Table("training_completion", "Who completed which course, when, and until when it "
          "counts.",
          {"id": "The row's number.", "supporter_id": "Who (supporter.id).",
           "course_id": "Which course (course.id).", "completed_on": DATE,
           "valid_until": DATE + " When it lapses; empty when it never does.",
           "recorded_by": f"{STAFF_ID} who recorded it.", "created_at": TIMESTAMP}),
    Table("supporter_check", "Checks: police vetting or background checks, and the "
          "confidentiality agreement and code of conduct each supporter signed.",
          {"id": "The row's number.", "supporter_id": "Whose (supporter.id).",
           "kind": "Which check (see the codes).",
           "checked_on": DATE + " When it was done or signed.",
           "reference": "The check's reference number; shown on screen only on request, "
                        "never printed.",
           "expires_on": DATE + " When it expires; empty when it doesn't.",
           "recorded_by": f"{STAFF_ID} who recorded it.", "created_at": TIMESTAMP},
          codes={"kind": codes_of(CheckKind)}),
]
