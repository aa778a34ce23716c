"""Guard against the PySide6 release that drops a reference to None on every void call.

PySide6 6.12.0 on CPython 3.11 decrements None's reference count on each Qt call
that returns void; after a few thousand calls the interpreter aborts with
"Fatal Python error: none_dealloc". Our dependency pins keep that release out;
this test makes 20,000 such calls in a child process, so an abort fails the test
instead of killing the test run, and checks None's count did not fall.
"""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap

import pytest

CALLS = 20_000

CHILD = textwrap.dedent(f"""
    import ctypes
    import sys
    from PySide6.QtWidgets import QApplication, QLabel, QWidget

    from peerdesk.domain.staff import Role, Staff, StaffStatus
    from peerdesk.ui.admin.staff_model import StaffModel

    app = QApplication([])
    widget = QWidget()
    label = QLabel()
    model = StaffModel()
    model.set_rows([Staff(1, "Ada", frozenset([Role.ADMIN]), StaffStatus.ACTIVE, None, "")])
    top_left, bottom_right = model.index(0, 0), model.index(0, 3)

    before = sys.getrefcount(None)
    for i in range({CALLS}):
        widget.setToolTip("tip")          # void
        label.setText("text")             # void
        model.dataChanged.emit(top_left, bottom_right, [])  # void signal emission
        if "--simulate-leak" in sys.argv:
            ctypes.pythonapi.Py_DecRef(ctypes.py_object(None))
    after = sys.getrefcount(None)
    print(before, after, flush=True)
""")


def problem_after_void_calls(*child_args: str) -> str | None:
    """Run the calls in a child; say what went wrong, or None if all is well."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    result = subprocess.run([sys.executable, "-c", CHILD, *child_args], capture_output=True,
                            text=True, env=env, timeout=120, check=False)
    if result.returncode != 0:
        return f"the child died (exit {result.returncode}): {result.stderr[-2000:]}"
    before, after = (int(n) for n in result.stdout.split())
    # Each leaked reference lowers the count by one per call; allow a little noise.
    # (From CPython 3.12 None is immortal and its count stays fixed.)
    if after < before - CALLS // 10:
        return f"None's reference count fell from {before} to {after}"
    return None


def test_many_void_qt_calls_keep_none_alive():
    assert problem_after_void_calls() is None


@pytest.mark.skipif(sys.version_info >= (3, 12), reason="None is immortal from CPython 3.12")
def test_the_check_catches_a_leak_of_none():
    """Guard: with the bug imitated (one reference to None dropped per loop), the
    check reports it, whether as a fall in the count or as the interpreter's abort."""
    problem = problem_after_void_calls("--simulate-leak")
    assert problem is not None
