"""Groups: open a register, save it, and a group's attendance over time.

Measured on the busiest register in the vault (most people listed). The
baseline is the register's SQL on a plain copy of the same vault.
"""

from __future__ import annotations

from pathlib import Path

from tests.perf.bench_caseload import _plain_copy, _timed
from tests.perf.bench_common import DemoVault, Figure, fresh_copy, median_ms

OPEN_TARGET_MS = 100.0
SAVE_TARGET_MS = 50.0
CHART_TARGET_MS = 200.0


def measure(demo: DemoVault, workdir: Path, repeat: int) -> list[Figure]:
    import sqlcipher3

    from peerdesk.domain.groups import Mark
    from peerdesk.services import groups
    from peerdesk.services.auth import SignIn
    from peerdesk.storage.paths import VaultPaths
    from peerdesk.storage.vault import LockedVault

    paths = VaultPaths.at(fresh_copy(demo, workdir / "groups"))
    locked = LockedVault.open(paths)
    try:
        session = SignIn(locked).sign_in(demo.user, demo.password)
        meeting_id, group_id, size = session.db.query(
            "SELECT m.id, m.group_id, count(*) FROM meeting AS m JOIN attendance AS a "
            "ON a.meeting_id = m.id GROUP BY m.id ORDER BY count(*) DESC, m.id LIMIT 1")[0]
        plain = sqlcipher3.connect(str(_plain_copy(session.vault, workdir / "groups")))
        opened = _timed(lambda: groups.open_register(session, meeting_id), repeat)
        plain_open = _timed(lambda: plain.execute(
            "SELECT p.id FROM peer AS p LEFT JOIN attendance AS a ON a.peer_id = p.id "
            "AND a.meeting_id = :m WHERE p.id IN (SELECT peer_id FROM group_member WHERE "
            "group_id = :g AND left_on IS NULL UNION SELECT peer_id FROM attendance WHERE "
            "meeting_id = :m) ORDER BY p.sort_name, p.id", {"m": meeting_id, "g": group_id}
        ).fetchall(), repeat)
        register = groups.open_register(session, meeting_id)
        marks = {line.peer_id: line.mark or Mark.ATTENDED for line in register.lines}
        first = next(iter(marks))

        def save() -> None:
            marks[first] = marks[first].next()  # one change each time, as a person makes
            groups.save_register(session, meeting_id, marks, anonymous_count=1)

        saved = _timed(save, repeat)
        chart = _timed(lambda: groups.attendance(session, group_id), repeat)
        plain.close()
        session.end()
    finally:
        locked.release()
    listed = f"{len(register.lines)} people listed"
    return [
        Figure("open a register", median_ms(opened), median_ms(plain_open),
               "its SQL, plain copy", f"<= {OPEN_TARGET_MS:.0f} ms",
               median_ms(opened) <= OPEN_TARGET_MS, extra=listed, samples=repeat),
        Figure("save a register", median_ms(saved), median_ms(plain_open),
               "register SQL, plain copy", f"<= {SAVE_TARGET_MS:.0f} ms",
               median_ms(saved) <= SAVE_TARGET_MS, extra=f"{listed}, audited", samples=repeat),
        Figure("a group's attendance over time", median_ms(chart), median_ms(plain_open),
               "register SQL, plain copy", f"<= {CHART_TARGET_MS:.0f} ms",
               median_ms(chart) <= CHART_TARGET_MS, extra=f"group of {size}+", samples=repeat),
    ]
