"""Refresh the translation sources and compile them for the package.

    python resources/translations/update.py          # lupdate, then lrelease
    python resources/translations/update.py --check  # fail if a .ts misses a string

Each resources/translations/peerdesk_<lang>.ts gets every string marked in
src/peerdesk/ui and src/peerdesk/app (existing translations are kept; strings no
longer in the code are marked obsolete), then compiles to
src/peerdesk/resources/translations/peerdesk_<lang>.qm, which ships in the package.

A new language: python resources/translations/update.py --add fr
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
SOURCES = [ROOT / "src" / "peerdesk" / "ui", ROOT / "src" / "peerdesk" / "app"]
COMPILED = ROOT / "src" / "peerdesk" / "resources" / "translations"


def tool(name: str) -> str:
    """The PySide6 tool beside this Python (a venv) or on PATH."""
    beside = Path(sys.executable).parent / name
    found = str(beside) if beside.exists() else shutil.which(name)
    if found is None:
        raise SystemExit(f"{name} not found: pip install PySide6 (it ships with it)")
    return found


def source_files() -> list[Path]:
    return sorted(path for folder in SOURCES for path in folder.rglob("*.py"))


def ts_files() -> list[Path]:
    return sorted(HERE.glob("peerdesk_*.ts"))


def lupdate(ts: Path) -> None:
    files = [str(path) for path in source_files()]
    # Our own tool and file names, no shell: nothing untrusted reaches the command.
    subprocess.run([tool("pyside6-lupdate"), "-no-obsolete", "-locations", "relative",  # noqa: S603
                    *files, "-ts", str(ts)], check=True, stdout=subprocess.DEVNULL)


def lrelease(ts: Path) -> Path:
    qm = COMPILED / (ts.stem + ".qm")
    subprocess.run([tool("pyside6-lrelease"), str(ts), "-qm", str(qm)],  # noqa: S603
                   check=True, stdout=subprocess.DEVNULL)
    return qm


def messages(ts: Path) -> set[tuple[str, str]]:
    """(context, source) of every current (not obsolete) message in a .ts file."""
    found = set()
    # The project's own translation files, not data from outside.
    for context in ET.parse(ts).getroot().iter("context"):  # noqa: S314
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            if translation is not None and translation.get("type") in ("obsolete", "vanished"):
                continue
            found.add((name, message.findtext("source") or ""))
    return found


def missing_strings(ts: Path) -> set[tuple[str, str]]:
    """Strings in the code that `ts` lacks (lupdate run on a temporary copy)."""
    with tempfile.TemporaryDirectory() as folder:
        copy = Path(folder) / ts.name
        shutil.copy(ts, copy)
        lupdate(copy)
        return messages(copy) - messages(ts)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true",
                        help="only report strings missing from the .ts files")
    parser.add_argument("--add", metavar="LANG", help="start a new language, e.g. fr")
    options = parser.parse_args()
    if options.check:
        stale = {ts.name: missing_strings(ts) for ts in ts_files()}
        for name, missing in stale.items():
            for context, source in sorted(missing):
                print(f"{name}: missing [{context}] {source!r}")
        return 1 if any(stale.values()) else 0
    targets = ts_files()
    if options.add:
        targets.append(HERE / f"peerdesk_{options.add}.ts")
    COMPILED.mkdir(parents=True, exist_ok=True)
    for ts in targets:
        lupdate(ts)
        print(f"{ts.name} updated; compiled to {lrelease(ts).name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
