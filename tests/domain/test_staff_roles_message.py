"""A refusal names the role that may do it, from the role table itself."""

from __future__ import annotations

import pytest

from peerdesk.domain.staff import (
    ROLE_PERMISSIONS,
    Permission,
    Role,
    needs_role_message,
    roles_allowed,
)


@pytest.mark.parametrize("permission", list(Permission))
def test_every_permission_names_exactly_the_roles_that_hold_it(permission):
    message = needs_role_message(permission)
    assert message.startswith("Only ") and message.endswith(".")
    holders = [role for role, granted in ROLE_PERMISSIONS.items() if permission in granted]
    assert holders and roles_allowed(permission) == holders
    for role in Role:
        assert (role.label.lower() in message) == (role in holders), (role, message)


def test_the_words_read_naturally():
    assert needs_role_message(Permission.RUN_REPORTS) == "Only a programme lead can run reports."
    assert needs_role_message(Permission.VIEW_AUDIT_LOG) == (
        "Only an administrator or a programme lead can see the audit log.")
