"""The data dictionary: the peer supporters register (main database, issue 16)."""

from __future__ import annotations

from peerdesk.domain.supporters import (
    CheckKind,
    HoursKind,
    SupervisionKind,
    SupporterRole,
    SupporterStatus,
)
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
           "recorded_by": f"{STAFF_ID} who recorded it.", "created_at": TIMESTAMP,
           "from_modules": "1 when PeerDesk recorded it because the supporter had completed "
                           "every module of the course (dated the day of the last one); "
                           "0 when it was recorded for the whole course."},
          codes={"from_modules": YES_NO}),
    Table("course_module", "The modules of a course, in order. A course with modules counts "
          "as completed on the day its last module (not retired) was completed.",
          {"id": "The module's number.", "course_id": "Its course (course.id).",
           "name": "Its name (unique within the course).",
           "position": "Its place in the course (1 first).",
           "retired": "1 when it is no longer given: no longer needed to complete the "
                      "course; completions already recorded still count."},
          codes={"retired": YES_NO}),
    Table("module_competency", "Competencies a module counts for on its own, besides its "
          "course's.",
          {"module_id": "The module (course_module.id).",
           "competency_id": "A competency it counts for (competency.id)."}),
    Table("module_completion", "Who completed which module of a course, when, and until "
          "when it counts for the module's own competencies.",
          {"id": "The row's number.", "supporter_id": "Who (supporter.id).",
           "module_id": "Which module (course_module.id).", "completed_on": DATE,
           "valid_until": DATE + " The day it lapses (its course's renewal interval after "
                          "it was completed); empty when it never does.",
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
    Table("supervision_session", "Supervision a supporter received, alone or in a group. "
          "The notes are encrypted to the supervisor and programme leads only: an export "
          "carries them as ciphertext, which no key of the vault opens.",
          {"id": "The session's number.", "supporter_id": "Who was supervised (supporter.id).",
           "supervisor_id": "Who supervised (supporter.id); empty for someone from outside.",
           "kind": "Individual or group (see the codes).", "held_on": DATE,
           "minutes": "How long, in minutes.",
           "notes_nonce": "The notes' AES-GCM nonce (hex); empty when there are no notes.",
           "notes_sealed": "The notes, encrypted (hex); see sealed_note_key.",
           "recorded_by": f"{STAFF_ID} who recorded it.", "created_at": TIMESTAMP},
          codes={"kind": codes_of(SupervisionKind)}),
    Table("journal_entry", "Reflective journal entries, each encrypted to its author (and to "
          "the one supervisor they shared it with): ciphertext in an export.",
          {"id": "The entry's number.", "author_id": f"{STAFF_ID} who wrote it.",
           "written_on": DATE, "nonce": "The AES-GCM nonce (hex).",
           "sealed": "The entry, encrypted (hex).",
           "shared_with": f"{STAFF_ID} of the supervisor it is shared with; empty when not.",
           "created_at": TIMESTAMP, "updated_at": TIMESTAMP}),
    Table("personal_key", "Each person's public key for notes sealed to them, signed with "
          "the signing key their role grant names.",
          {"staff_id": STAFF_ID + ".", "public_key": "The X25519 public key (hex).",
           "signing_key": "The Ed25519 key that signed it (hex).",
           "signature": "The signature (hex).", "created_at": TIMESTAMP}),
    Table("sealed_note_key", "A supervision note's or journal entry's own key, sealed to one "
          "reader's personal key.",
          {"item_kind": "supervision or journal.",
           "item_id": "The supervision_session.id or journal_entry.id.",
           "staff_id": f"{STAFF_ID} of the reader.",
           "public_key": "The reader's personal public key it is sealed to (hex).",
           "ephemeral": "The sealing's ephemeral X25519 public key (hex).",
           "nonce": "The AES-GCM nonce (hex).", "sealed": "The sealed key (hex)."},
          codes={"item_kind": {"supervision": "a supervision session's notes",
                               "journal": "a journal entry"}}),
    Table("hours_entry", "Hours a supporter gave that PeerDesk does not count from its own "
          "records (training, supervision, outreach, admin). One-to-ones, group meetings "
          "facilitated and listening contacts are counted from the casework records.",
          {"id": "The row's number.", "supporter_id": "Whose hours (supporter.id).",
           "worked_on": DATE, "kind": "What kind (see the codes).",
           "minutes": "How long, in minutes.", "note": "A short note.",
           "recorded_by": f"{STAFF_ID} who entered it.", "created_at": TIMESTAMP},
          codes={"kind": codes_of(HoursKind)}),
]
