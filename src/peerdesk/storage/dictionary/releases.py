"""The data dictionary: the release register (docs/disclosure.md) — every report
the centre published, frozen as printed, with the counts behind it."""

from __future__ import annotations

from peerdesk.storage.dictionary.model import DATE, STAFF_ID, TIMESTAMP, Table

_KINDS = {"month": "a calendar month", "quarter": "a calendar quarter",
          "year": "a calendar year", "custom": "a range of whole months"}

TABLES = [
    Table("report_release", "A report the centre published: its period, the rules it was "
          "protected with and its figures, frozen. Publishing the period again prints the "
          "same figures; figures that changed since come out only as a numbered revision. "
          "Aggregate counts only, never a peer's number.",
          {"id": "The release's number.",
           "code": "The release as printed on the report, e.g. \"2026-01 r1\".",
           "period_kind": "What the period is (see the codes).",
           "start_on": "The period's first day. " + DATE,
           "end_on": "The period's last day. " + DATE,
           "revision": "1 for the first release of the period, then 2, 3, …",
           "revises": "The release this one revises (report_release.id); empty for a first.",
           "published_at": TIMESTAMP,
           "published_by": STAFF_ID + " who published it.",
           "k": "The smallest count printed: a count from 1 to k - 1 is never shown.",
           "rounding": "How counts were rounded, as named on the report's last page.",
           "counts": "JSON: the true count behind every figure of the report, by cell name. "
                     "Kept so that later releases are protected against this one.",
           "hidden": "JSON: the names of the figures printed hidden (*).",
           "printed": "JSON: the report as printed, figure by figure.",
           "together": "JSON: the numbers of the releases published in the same act.",
           "note": "What a revision changed, in plain words."},
          codes={"period_kind": _KINDS}),
]
