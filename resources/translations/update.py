"""Refresh the translation sources and compile them for the package.

    python resources/translations/update.py          # lupdate, then lrelease
    python resources/translations/update.py --check  # fail if a .ts misses a string

Each resources/translations/peerdesk_<lang>.ts gets every string marked in
src/peerdesk/ui and src/peerdesk/app (existing translations are kept; strings no
longer in the code are marked obsolete), then compiles to
src/peerdesk/resources/translations/peerdesk_<lang>.qm, which ships in the package.

A new language: python resources/translations/update.py --add fr

Messages raised below the UI (domain, services, storage, reports: PeerDeskError and
its kinds) can't call tr(); their English templates are gathered from the source
first into src/peerdesk/ui/messages_catalogue.py (context "Messages"), which
lupdate then reads like any other file (see peerdesk/ui/i18n.py).
"""

from __future__ import annotations

import argparse
import ast
import json
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
PACKAGE = ROOT / "src" / "peerdesk"
BELOW_UI = [PACKAGE / name for name in ("domain", "services", "storage", "reports")]
CATALOGUE = PACKAGE / "ui" / "messages_catalogue.py"
_TEMPLATE_ATTRIBUTES = ("default_message", "file_message")
# Messages that are not errors (domain/errors.py Message): a password rule, an import
# row's problem. And the columns an import names in its problems: their labels (the
# second argument) are put into messages as {what}.
_MESSAGE_CALLS = {"Message"}
_LABEL_CALLS = {"ImportField", "Column"}


def _literal(node: ast.expr | None) -> str | None:
    return node.value if isinstance(node, ast.Constant) and isinstance(node.value, str) else None


def _error_classes(trees: list[ast.Module]) -> set[str]:
    """Names of PeerDeskError and every class that derives from it, anywhere in src."""
    bases: dict[str, set[str]] = {}
    for tree in trees:
        for node in ast.walk(tree):
            if isinstance(node, ast.ClassDef):
                bases.setdefault(node.name, set()).update(
                    b.id if isinstance(b, ast.Name) else b.attr
                    for b in node.bases if isinstance(b, ast.Name | ast.Attribute))
    found = {"PeerDeskError"}
    while True:
        more = {name for name, of in bases.items() if of & found} - found
        if not more:
            return found
        found |= more


def message_templates() -> list[str]:
    """Every message template a person may see from below the UI: the first argument of
    an error raised there or of a Message, a kind's default message, an import column's
    label, and every `what=` (a field's name put into a message), wherever it is
    written."""
    files = sorted(path for folder in BELOW_UI for path in folder.rglob("*.py"))
    everywhere = sorted(PACKAGE.rglob("*.py"))
    trees = {path: ast.parse(path.read_text(encoding="utf-8")) for path in everywhere}
    errors = _error_classes(list(trees.values())) | _MESSAGE_CALLS
    # A message kept in a module-level constant (ACCESS_BEING_SET_UP = "…") and raised by
    # its name, in any module below the UI.
    constants = {target.id: node.value.value
                 for path, tree in trees.items() if path in files
                 for node in tree.body if isinstance(node, ast.Assign)
                 and isinstance(node.value, ast.Constant) and isinstance(node.value.value, str)
                 for target in node.targets if isinstance(target, ast.Name)}
    found: set[str] = set()
    for path, tree in trees.items():
        below = path in files
        for node in ast.walk(tree):
            if isinstance(node, ast.Call):
                name = (node.func.id if isinstance(node.func, ast.Name) else
                        node.func.attr if isinstance(node.func, ast.Attribute) else "")
                if below and name in errors and node.args:
                    first = node.args[0]
                    # A literal, a constant's name, or a choice between constants.
                    choices = [first.body, first.orelse] if isinstance(first, ast.IfExp) \
                        else [first]
                    found.update(_literal(c) or (constants.get(c.id, "")
                                                 if isinstance(c, ast.Name) else "")
                                 for c in choices)
                if below and name in _LABEL_CALLS and len(node.args) > 1:
                    found.add(_literal(node.args[1]) or "")
                for keyword in node.keywords:
                    if keyword.arg == "what":
                        found.add(_literal(keyword.value) or "")
            elif below and isinstance(node, ast.Assign) and any(
                    isinstance(t, ast.Name) and t.id in _TEMPLATE_ATTRIBUTES
                    for t in node.targets):
                found.add(_literal(node.value) or "")
    # Not texts: empty, or a field's key passed where a name was wanted.
    return sorted(t for t in found if t and not t.isidentifier())


def catalogue_source() -> str:
    lines = ['"""Generated by resources/translations/update.py: the message templates raised',
             'below the UI, for lupdate (see peerdesk/ui/i18n.py). Do not edit by hand."""',
             "# ruff: noqa: E501", "",
             "from peerdesk.ui.i18n import QT_TRANSLATE_NOOP", "",
             "MESSAGES = ("]
    lines += [f'    QT_TRANSLATE_NOOP("Messages", {json.dumps(t, ensure_ascii=False)}),'
              for t in message_templates()]
    lines.append(")")
    return "\n".join(lines) + "\n"


def write_catalogue() -> None:
    text = catalogue_source()
    if not CATALOGUE.exists() or CATALOGUE.read_text(encoding="utf-8") != text:
        CATALOGUE.write_text(text, encoding="utf-8")


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
    write_catalogue()
    for ts in targets:
        lupdate(ts)
        print(f"{ts.name} updated; compiled to {lrelease(ts).name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
