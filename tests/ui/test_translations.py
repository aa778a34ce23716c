"""Translations: Spanish reaches the screens, English comes back, every text is marked.

The .ts files are checked against the code by running lupdate on a copy, and the
ui package's source is read for texts handed to widgets without tr()/translate().
"""

from __future__ import annotations

import ast
import importlib.util
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QLocale
from PySide6.QtWidgets import QApplication, QDialogButtonBox

from peerdesk.ui import i18n
from peerdesk.ui.sign_in import SignInWindow
from tests.ui.conftest import PASSWORDS, sign_in

ROOT = Path(__file__).resolve().parents[2]
UI = ROOT / "src" / "peerdesk" / "ui"
TRANSLATIONS = ROOT / "resources" / "translations"


@pytest.fixture
def spanish() -> Iterator[list]:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    installed = i18n.install_translators(app, QLocale(QLocale.Language.Spanish))
    try:
        yield installed
    finally:
        i18n.remove_translators(app, installed)


def test_the_compiled_spanish_file_ships_in_the_package():
    assert (i18n.translations_folder() / "peerdesk_es.qm").is_file()


def test_spanish_sign_in_window_and_english_again_without_the_translator(qtbot, spanish):
    assert spanish, "the Spanish translation loaded"
    window = SignInWindow()
    qtbot.addWidget(window)
    assert window.sign_in_button.text() == "&Entrar"
    assert window.account.accessibleName() == "Nombre de la cuenta"
    app = QApplication.instance()
    i18n.remove_translators(app, spanish)
    spanish.clear()
    english = SignInWindow()
    qtbot.addWidget(english)
    assert english.sign_in_button.text() == "&Sign in"
    assert english.account.accessibleName() == "Account name"


def test_qts_own_buttons_are_spanish_too(qtbot, spanish):
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
    qtbot.addWidget(buttons)
    assert buttons.button(QDialogButtonBox.StandardButton.Cancel).text() == "Cancelar"


def test_lang_environment_variable_chooses_the_language(qtbot, monkeypatch):
    monkeypatch.setenv(i18n.LANG_ENV, "es")
    app = QApplication.instance()
    installed = i18n.install_translators(app, QLocale(QLocale.Language.English))
    try:
        assert QCoreApplication.translate("SignInWindow", "&Sign in") == "&Entrar"
    finally:
        i18n.remove_translators(app, installed)
    assert QCoreApplication.translate("SignInWindow", "&Sign in") == "&Sign in"


def test_a_language_without_a_file_stays_in_english(qtbot):
    app = QApplication.instance()
    installed = i18n.install_translators(app, QLocale(QLocale.Language.Finnish))
    try:
        assert QCoreApplication.translate("SignInWindow", "&Sign in") == "&Sign in"
    finally:
        i18n.remove_translators(app, installed)


def test_spanish_main_window_sidebar_top_bar_and_menu(qtbot, start_gui, vault):
    gui = start_gui(vault)
    app = QApplication.instance()
    installed = i18n.install_translators(app, QLocale(QLocale.Language.Spanish))
    try:
        sign_in(qtbot, gui.sign_in_window, "Ada Admin", PASSWORDS["Ada Admin"])
        main = gui.main_window
        sidebar = [main.sidebar.item(i).text() for i in range(main.sidebar.count())]
        assert sidebar[:4] == ["Hoy", "Personas", "Sesiones", "Grupos"]
        assert main.lock_action.text() == "&Bloquear"
        assert main.hide_button.text() == "&Ocultar"
        assert [a.text() for a in main.menuBar().actions()] == ["&Cuenta", "Ay&uda"]
        # The pages keep their English keys: code and tests find them by those.
        main.show_page("Peers")
        assert main.sidebar.currentItem().text() == "Personas"
    finally:
        i18n.remove_translators(app, installed)


# -- the .ts files are in step with the code ------------------------------------------


def _update_script():
    spec = importlib.util.spec_from_file_location("translations_update",
                                                  TRANSLATIONS / "update.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_every_text_in_the_code_is_in_every_ts_file():
    update = _update_script()
    ts_files = update.ts_files()
    assert ts_files, "at least one language"
    for ts in ts_files:
        missing = update.missing_strings(ts)
        assert not missing, (f"{ts.name} lacks {len(missing)} text(s), e.g. "
                             f"{sorted(missing)[:3]}; run python resources/translations/update.py")


# -- no text reaches a widget untranslated -----------------------------------------------

# Calls whose string arguments a person reads.
UI_CALLS = {
    "QPushButton", "QLabel", "QCheckBox", "QRadioButton", "QGroupBox", "QAction",
    "QListWidgetItem", "QMessageBox", "QCommandLinkButton", "QProgressDialog",
    "setText", "setToolTip", "setPlaceholderText", "setWindowTitle", "setTitle", "setSubTitle",
    "addTab", "insertTab", "setTabText", "addRow", "insertRow", "addMenu", "addAction",
    "setAccessibleName", "setAccessibleDescription", "setStatusTip", "setWhatsThis",
    "setButtonText", "addButton", "setFormat", "setLabelText", "setHeaderLabels",
    "setHorizontalHeaderLabels", "setSpecialValueText", "setSuffix", "setPrefix",
    "addItem", "addItems", "insertItem", "setInformativeText", "setCancelButtonText",
    "show_error", "ask_to_confirm", "set_message", "muted", "heading", "drawText",
}
# QMessageBox.warning(...) and friends, not logging's warning().
MESSAGE_BOX_STATICS = {"information", "warning", "question", "critical"}
TRANSLATING = {"tr", "translate", "QT_TRANSLATE_NOOP", "QT_TR_NOOP"}
NOT_TRANSLATED = {"PeerDesk"}  # the product's name

# Files whose texts are still to go through tr()/translate(), as "peers/x.py" or a
# folder "reports/": a file being written may go here for a while. Empty now: every
# file in the ui package is converted.
NOT_YET_CONVERTED: set[str] = set()


def _call_name(call: ast.Call) -> str:
    func = call.func
    if isinstance(func, ast.Attribute):
        return func.attr
    return func.id if isinstance(func, ast.Name) else ""


def _shown_to_people(call: ast.Call) -> bool:
    name = _call_name(call)
    if name in MESSAGE_BOX_STATICS:
        func = call.func
        return (isinstance(func, ast.Attribute) and isinstance(func.value, ast.Name)
                and func.value.id == "QMessageBox")
    return name in UI_CALLS


def _has_words(node: ast.expr) -> bool:
    """A literal (or an f-string's literal parts) with letters a person would read."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value not in NOT_TRANSLATED and any(ch.isalpha() for ch in node.value)
    if isinstance(node, ast.JoinedStr):
        return any(isinstance(part, ast.Constant) and any(ch.isalpha() for ch in part.value)
                   for part in node.values)
    return False


def untranslated_literals(source: str) -> list[tuple[int, str]]:
    """(line, text) of literals handed straight to a UI call, outside tr()/translate()."""
    found: list[tuple[int, str]] = []

    def visit(node: ast.AST, translated: bool) -> None:
        if isinstance(node, ast.Call):
            inside = translated or _call_name(node) in TRANSLATING
            if not inside and _shown_to_people(node):
                arguments = [*node.args, *(keyword.value for keyword in node.keywords)]
                found.extend((arg.lineno, ast.unparse(arg)) for arg in arguments
                             if _has_words(arg))
            for child in ast.iter_child_nodes(node):
                visit(child, inside)
            return
        for child in ast.iter_child_nodes(node):
            visit(child, translated)

    visit(ast.parse(source), False)
    return found


def _not_yet_converted(relative: str) -> bool:
    return any(relative == entry or (entry.endswith("/") and relative.startswith(entry))
               for entry in NOT_YET_CONVERTED)


def test_the_literal_finder_finds_what_it_should():
    source = (
        'QPushButton("&Save")\n'
        'label.setText(f"{n} groups")\n'
        'QMessageBox.warning(None, "PeerDesk", "Disk full")\n'
        'log.warning("not for people")\n'
        'QPushButton(self.tr("&Save"))\n'
        'box.setText(QCoreApplication.translate("Ctx", "Fine"))\n'
        'label.setText("")\n'
        'label.setText(f"{a} · {b}")\n'
    )
    assert untranslated_literals(source) == [
        (1, "'&Save'"), (2, "f'{n} groups'"), (3, "'Disk full'")]


def test_no_untranslated_texts_in_widgets():
    problems = []
    for path in sorted(UI.rglob("*.py")):
        relative = path.relative_to(UI).as_posix()
        if _not_yet_converted(relative):
            continue
        problems += [f"{relative}:{line}: {text}"
                     for line, text in untranslated_literals(path.read_text(encoding="utf-8"))]
    assert not problems, "wrap these in self.tr()/QCoreApplication.translate():\n" + "\n".join(
        problems)


# -- messages from the domain and services -------------------------------------------------

def test_the_message_catalogue_is_up_to_date_with_the_code():
    update = _update_script()
    assert update.CATALOGUE.read_text(encoding="utf-8") == update.catalogue_source(), (
        "run python resources/translations/update.py")
    templates = update.message_templates()
    assert "Start time must be written as HH:MM, for example 18:30." in templates
    assert "{what} can't be empty." in templates and "Meeting date" in templates


def test_every_message_from_below_the_ui_has_its_spanish():
    import xml.etree.ElementTree as ET

    root = ET.parse(TRANSLATIONS / "peerdesk_es.ts").getroot()
    context = next(c for c in root.iter("context") if c.findtext("name") == "Messages")
    untranslated = [m.findtext("source") for m in context.iter("message")
                    if m.find("translation").get("type") == "unfinished"
                    or not (m.findtext("translation") or "").strip()]
    assert untranslated == []


def test_a_domain_message_is_english_on_the_command_line_and_spanish_on_screen(spanish):
    from peerdesk.domain.errors import ValidationError, set_translator

    error = ValidationError("{what} can't be empty.", field="name", what="Group name")
    assert str(error) == "Group name can't be empty."
    assert error.user_message == "Nombre del grupo no puede quedar vacío."
    set_translator(None)
    try:
        assert error.user_message == "Group name can't be empty."
    finally:
        set_translator(i18n.translate_message)


def test_a_spanish_validation_message_is_shown_in_spanish_at_its_field(qtbot, spanish, vault):
    from datetime import date, timedelta

    from peerdesk.domain.groups import GroupDraft
    from peerdesk.services import groups
    from peerdesk.ui.groups.dialogs import MeetingDialog
    from tests.ui.peers_helpers import signed_in

    with signed_in(vault, "Cal Worker") as cal:
        group_id = groups.create_group(cal, GroupDraft("Tuesday circle"))
        group = groups.get_group(cal, group_id)
        dialog = MeetingDialog(cal, group)
        qtbot.addWidget(dialog)
        dialog.show()
        dialog.starts_at.setText("6pm")
        dialog.accept()
        assert dialog.isVisible()
        assert dialog.error.text() == ("La hora de inicio debe escribirse como HH:MM, "
                                       "por ejemplo 18:30.")
        qtbot.waitUntil(lambda: dialog.starts_at.hasFocus())
        # A message with values: the field's name inside it is Spanish too.
        far = date.today() + timedelta(days=366 * 3)
        dialog.starts_at.setText("18:30")
        dialog.held_on.setText(far.isoformat())
        dialog.accept()
        assert dialog.error.text() == (f"Fecha de la reunión ({far.isoformat()}) está a más "
                                       "de 2 años vista; compruebe el año.")
        assert groups.meetings(cal, group_id) == []


def test_password_rules_and_import_problems_reach_a_spanish_user_in_spanish(
        qtbot, spanish, vault, tmp_path):
    from peerdesk.ui.password_fields import NewPasswordFields
    from peerdesk.ui.peers.import_dialog import ImportDialog
    from tests.services.import_helpers import GOOD_ROWS, HEADERS, row, write_csv
    from tests.ui.peers_helpers import signed_in

    # A password rule, live under the field as it is typed.
    fields = NewPasswordFields(account_name="Lee Lead")
    qtbot.addWidget(fields)
    fields.show()
    qtbot.keyClicks(fields.password, "short")
    assert fields.reason.text() == ("Use al menos 10 caracteres (unas cuantas palabras "
                                    "juntas funcionan bien).")
    fields.password.setText("password123")
    assert fields.reason.text() == ("Esa contraseña es de las primeras que prueba un "
                                    "atacante. Elija otra.")

    # Problems on an import's rows: the line, our own column names and the message in
    # Spanish; the file's own headings and values as they were typed.
    bad = row(peer_key="Z", preferred_name="Zed", first_contact="2024-02-30")
    headers = ["Client No" if h == "peer_key" else h for h in HEADERS]
    with signed_in(vault, "Lee Lead") as lead:
        for rows, heads, expected in (
                ([*GOOD_ROWS, bad], HEADERS,
                 "línea 6: first_contact: Fecha del primer contacto «2024-02-30» no es una "
                 "fecha real."),
                (GOOD_ROWS, headers,
                 "línea 1: Clave de la persona (el identificador de la hoja antigua): no se ha "
                 "elegido ninguna columna del archivo para «Clave de la persona (el "
                 "identificador de la hoja antigua)», que toda fila necesita.")):
            dialog = ImportDialog(lead)
            qtbot.addWidget(dialog)
            dialog.show()
            dialog.load(write_csv(tmp_path / f"sheet{len(rows)}.csv", rows, heads))
            qtbot.waitUntil(lambda d=dialog: not d.busy and d.preview is not None,
                            timeout=15_000)
            assert dialog.problems.item(0).text() == expected
            dialog.close()


def test_no_message_below_the_ui_is_an_f_string():
    """A message raised (or kept as a Message) below the UI is a template with its values
    apart: an f-string can't be catalogued, so it would reach a Spanish user in English."""
    import ast

    update = _update_script()
    files = sorted(path for folder in update.BELOW_UI for path in folder.rglob("*.py"))
    trees = {path: ast.parse(path.read_text(encoding="utf-8")) for path in files}
    everywhere = [ast.parse(p.read_text(encoding="utf-8"))
                  for p in sorted(update.PACKAGE.rglob("*.py"))]
    kinds = update._error_classes(everywhere) | update._MESSAGE_CALLS
    found = []
    for path, tree in trees.items():
        for node in ast.walk(tree):
            if not (isinstance(node, ast.Call) and node.args):
                continue
            name = (node.func.id if isinstance(node.func, ast.Name) else
                    node.func.attr if isinstance(node.func, ast.Attribute) else "")
            if name in kinds and any(isinstance(part, ast.JoinedStr)
                                     for part in ast.walk(node.args[0])):
                found.append(f"{path.relative_to(update.PACKAGE)}:{node.lineno}")
    assert found == []


def test_a_message_from_each_kind_is_spanish(spanish):
    """Import problems, password rules and a message kept in a constant."""
    from peerdesk.domain.errors import PermissionDenied, ValidationError
    from peerdesk.domain.import_values import parse_minutes
    from peerdesk.domain.validation import password_problem
    from peerdesk.services.session import ACCESS_BEING_SET_UP

    problem = password_problem("aaaaaaaaaaaa")
    assert problem is not None and problem.text.startswith("Use más caracteres distintos")
    assert problem.english.startswith("Use more different characters")
    with pytest.raises(ValidationError) as caught:
        parse_minutes("forty")
    assert caught.value.user_message == ("La duración «forty» debe ser un número entero "
                                         "de minutos.")
    assert PermissionDenied(ACCESS_BEING_SET_UP).user_message.startswith(
        "Se está preparando su acceso")
