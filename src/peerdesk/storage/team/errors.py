"""What can go wrong with a team server, as messages fit to show a person."""

from __future__ import annotations

from peerdesk.domain.errors import PeerDeskError


class TeamServerError(PeerDeskError):
    """The team server could not be used; the message says why and what to check."""

    default_message = "PeerDesk could not use the team server."


class TeamSchemaTooNew(TeamServerError):
    default_message = ("The team server's records were set up by a newer PeerDesk (schema "
                       "version {found}; this PeerDesk knows up to {known}). Update PeerDesk "
                       "on this PC; nothing was changed on the server.")


class ConnectionFileError(TeamServerError):
    """The connection file is missing, damaged, or for another centre."""


class ServerUnreachable(TeamServerError):
    """The server could not be reached at all (not a refusal): work can go to the outbox."""
