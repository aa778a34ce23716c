"""The period of `peerdesk report` (and `peerdesk team report`): --month,
--quarter, --year or --range.

A period in the wrong form is a usage error (exit 2). A period that
has not started yet is refused (exit 1): its report would be all zeros and
look like a real, quiet month. The period we are in is allowed, since a lead
may want the figures so far, but the command says that it is not over yet.
"""

from __future__ import annotations

import argparse
import re
from datetime import date
from typing import TYPE_CHECKING

from peerdesk.app.exit_codes import CommandError, UsageError

if TYPE_CHECKING:
    from peerdesk.reports.period import Period
    from peerdesk.services.releases import Publication


def add_period_options(report: argparse.ArgumentParser) -> None:
    when = report.add_mutually_exclusive_group(required=True)
    when.add_argument("--month", metavar="YYYY-MM", help="a calendar month, e.g. 2026-10")
    when.add_argument("--quarter", metavar="YYYY-Qn",
                      help="a quarter, e.g. 2026-Q3 (July to September)")
    when.add_argument("--year", metavar="YYYY", help="a calendar year, e.g. 2026")
    when.add_argument("--range", metavar="YYYY-MM-DD..YYYY-MM-DD",
                      help="a custom range, e.g. 2026-04-01..2026-09-30 (published only as "
                           "whole months within one year; otherwise a preview)")


def say_published(done: Publication) -> None:
    """What `--publish` made: the release, and any revised with it."""
    what = "published" if done.new else "already published, unchanged"
    print(f"{what}: release {done.report.release_code}")
    for code in done.revised:
        print(f"revised with it: release {code}")


def parse_period(args: argparse.Namespace) -> Period:
    from peerdesk.reports.period import Period

    if args.month:
        match = re.fullmatch(r"\s*(\d{4})-(\d{1,2})\s*", args.month)
        if not match or not 1 <= int(match.group(2)) <= 12:
            raise UsageError(f"“{args.month}” is not a month: give it as YYYY-MM, for "
                             "example 2026-10.")
        return Period.month(int(match.group(1)), int(match.group(2)))
    if args.quarter:
        match = re.fullmatch(r"\s*(\d{4})-Q([1-4])\s*", args.quarter, re.IGNORECASE)
        if not match:
            raise UsageError(f"“{args.quarter}” is not a quarter: give it as YYYY-Qn with n "
                             "from 1 to 4, for example 2026-Q3.")
        return Period.quarter(int(match.group(1)), int(match.group(2)))
    if getattr(args, "range", None):
        found = re.fullmatch(r"\s*(\d{4}-\d{2}-\d{2})\.\.(\d{4}-\d{2}-\d{2})\s*", args.range)
        try:
            if not found:
                raise ValueError(args.range)
            return Period.custom(date.fromisoformat(found.group(1)),
                                 date.fromisoformat(found.group(2)))
        except ValueError:
            raise UsageError(f"“{args.range}” is not a range: give it as "
                             "YYYY-MM-DD..YYYY-MM-DD, for example 2026-04-01..2026-09-30."
                             ) from None
    if not re.fullmatch(r"\s*\d{4}\s*", args.year):
        raise UsageError(f"“{args.year}” is not a year: give it as YYYY, for example 2026.")
    return Period.year(int(args.year))


def check_started(period: Period, today: date) -> str | None:
    """Refuse a period that has not started; a note (or None) for one still running."""
    if period.start > today:
        raise CommandError(f"{period.label} has not started yet, so there is nothing to "
                           "report. Choose a period that has begun.")
    if period.end >= today:
        return (f"{period.label} is not over yet: this report counts "
                f"{period.start:%d %B %Y} to {today:%d %B %Y} (today) only.")
    return None
