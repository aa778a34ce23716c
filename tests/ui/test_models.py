"""Every table model passes Qt's model tester, alone and behind its sort/filter proxy."""

from __future__ import annotations

from PySide6.QtCore import Qt

from peerdesk.domain.audit import AuditAction
from peerdesk.domain.staff import Role, Staff, StaffStatus
from peerdesk.services.audit_log import AuditRow
from peerdesk.ui.admin.audit_model import AuditColumn, AuditModel
from peerdesk.ui.admin.staff_model import StaffColumn, StaffModel
from peerdesk.ui.table_model import ROW_ROLE, sorting_filter

STAFF = [
    Staff(1, "Ada Admin", frozenset({Role.ADMIN}), StaffStatus.ACTIVE, "s1",
          "2026-01-02T10:00:00+00:00"),
    Staff(2, "cal Worker", frozenset({Role.CASEWORKER}), StaffStatus.DEACTIVATED, None,
          "2026-03-04T10:00:00+00:00"),
    Staff(3, "Bea Second", frozenset({Role.ADMIN}), StaffStatus.REMOVED, None,
          "2025-12-31T23:00:00+00:00"),
]
EVENTS = [
    AuditRow(1, "2026-01-02T10:00:00+00:00", "Ada Admin", AuditAction.VAULT_CREATED,
             "Vault created", "", ""),
    # Written with a local offset (failed sign-ins are): sorts by the real instant.
    AuditRow(2, "2026-01-02T11:30:00+02:00", "—", AuditAction.SIGN_IN_FAILED, "Failed sign-in",
             "account: ", ""),
    AuditRow(3, "2026-01-02T10:00:00+00:00", "Ada Admin", AuditAction.STAFF_ADDED,
             "Account added", "account: Cal Worker", "caseworker"),
]


def test_staff_model_passes_the_model_tester(qtmodeltester):
    model = StaffModel()
    model.set_rows(STAFF)
    qtmodeltester.check(model)
    proxy = sorting_filter(model)
    qtmodeltester.check(proxy)
    model.clear()
    qtmodeltester.check(model)


def test_audit_model_passes_the_model_tester(qtmodeltester):
    model = AuditModel()
    model.set_rows(EVENTS)
    qtmodeltester.check(model)
    qtmodeltester.check(sorting_filter(model))


def test_staff_model_shows_labels_and_keeps_the_row_under_sorting():
    model = StaffModel()
    model.set_rows(STAFF)
    assert model.headers == ("Name", "Role", "Status", "Added")
    assert model.columnCount() == len(StaffColumn)
    assert model.index(1, StaffColumn.ROLE).data() == "Caseworker"
    assert model.index(1, StaffColumn.STATUS).data() == "Deactivated"
    assert model.headerData(StaffColumn.NAME, Qt.Orientation.Horizontal) == "Name"
    proxy = sorting_filter(model)
    proxy.sort(StaffColumn.NAME, Qt.SortOrder.AscendingOrder)
    names = [proxy.index(r, StaffColumn.NAME).data() for r in range(proxy.rowCount())]
    assert names == ["Ada Admin", "Bea Second", "cal Worker"]  # case ignored
    assert proxy.index(2, 0).data(ROW_ROLE) is STAFF[1]
    proxy.sort(StaffColumn.CREATED, Qt.SortOrder.AscendingOrder)
    assert [proxy.index(r, 0).data(ROW_ROLE).id for r in range(3)] == [3, 1, 2]
    proxy.setFilterFixedString("ADMINISTRATOR")
    assert proxy.rowCount() == 2


def test_audit_model_sorts_by_instant_then_order():
    model = AuditModel()
    model.set_rows(EVENTS)
    proxy = sorting_filter(model)
    proxy.sort(AuditColumn.TIME, Qt.SortOrder.DescendingOrder)
    assert [proxy.index(r, 0).data(ROW_ROLE).id for r in range(3)] == [3, 1, 2]
    proxy.setFilterFixedString("cal worker")
    assert proxy.rowCount() == 1
    assert proxy.index(0, AuditColumn.DETAIL).data() == "caseworker"
