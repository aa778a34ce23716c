"""A list of services to hand over or pin up, as plain data for the PDF writer."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class HandoutEntry:
    name: str
    what: str        # its categories
    where: str       # the regions it serves
    phone: str
    email: str
    website: str
    hours: str


@dataclass(frozen=True, slots=True)
class Handout:
    centre_name: str
    title: str
    produced_on: str
    entries: tuple[HandoutEntry, ...]
