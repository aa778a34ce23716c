"""Translations: Qt's own strings and ours, in the person's language.

How strings are written in the ui and app packages (so pyside6-lupdate finds them):

- Inside a QObject/QWidget subclass: ``self.tr("Text")``. The context is the class
  the call is written in, which is what lupdate records.
- In a base class that other classes subclass (RecordDialog, TableModel, …),
  and in module-level functions: ``QCoreApplication.translate("Context", "Text")``
  with the class name (or the module's name in CamelCase) as the context. Older
  PySide6 releases look ``self.tr`` up under the runtime subclass's name only,
  which would miss a string written in the base class.
- Module-level constants: mark them with ``QT_TRANSLATE_NOOP("Context", "Text")``
  (this module's, which mypy knows returns a str) and translate where they are
  shown, ``QCoreApplication.translate("Context", text)``. Table column titles
  all use the "TableHeader" context; TableModel.headerData translates them.
- Values in a sentence: translate a template with named ``{placeholders}`` and
  fill it afterwards: ``self.tr("Saved: PeerDesk locks after {minutes} idle
  minutes.").format(minutes=m)``. Never an f-string (lupdate cannot read one)
  and never a sentence glued from pieces (word order differs between languages).
- Counts: one template for one and one for many, chosen in Python
  (``plural(n, one, many)`` below), so the English text stays exactly as it was
  without an English translation file.
- Messages raised by the domain and services (PeerDeskError and its kinds) are
  English templates with their values apart; ``install_translators`` sets
  ``translate_message`` as their translator, so ``exc.user_message`` is in the
  person's language. Words from below the UI that are not errors (a password
  rule's reason, a problem on an import's row) are ``domain.errors.Message``s,
  written and translated the same way: show ``str(message)`` or ``message.text``.
  The templates are catalogued, context "Messages", in ui/messages_catalogue.py,
  which resources/translations/update.py writes.
- Not translated: the product name "PeerDesk", keyboard shortcuts ("Ctrl+L"),
  and what people typed.

Adding a language: see resources/translations/README.md. ``PEERDESK_LANG=es``
starts PeerDesk in that language whatever the system's locale (for testing).
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from peerdesk.domain import errors as domain_errors

LANG_ENV = "PEERDESK_LANG"
MESSAGES = "Messages"  # the context of ui/messages_catalogue.py
CATALOGUE = "peerdesk"


def translations_folder() -> Path:
    """The compiled .qm files, inside the package (installed or bundled alike)."""
    # Beside this package's modules (a wheel, an editable checkout, a frozen bundle
    # alike); importlib.resources would say the same but takes longer to import.
    return Path(__file__).resolve().parent.parent / "resources" / "translations"


def chosen_locale(locale: QLocale | None = None) -> QLocale:
    """PEERDESK_LANG if set (e.g. "es"), else the given locale, else the system's."""
    forced = os.environ.get(LANG_ENV, "").strip()
    if forced:
        return QLocale(forced)
    return locale if locale is not None else QLocale.system()


def install_translators(app: QCoreApplication,
                        locale: QLocale | None = None) -> list[QTranslator]:
    """Load Qt's base translations and PeerDesk's for the locale; return those installed.

    A language with no translation file simply stays in English. The translators
    are parented to the application, so they live as long as it does; pass them
    to `remove_translators` to go back to English.
    """
    chosen = chosen_locale(locale)
    installed: list[QTranslator] = []
    domain_errors.set_translator(translate_message)
    if chosen.name() == "C" or chosen.name().startswith("en"):
        return installed  # the texts are English already: nothing to look for
    qt_base = QTranslator(app)
    if qt_base.load(chosen, "qtbase", "_",
                    QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(qt_base)
        installed.append(qt_base)
    ours = QTranslator(app)
    if ours.load(chosen, CATALOGUE, "_", str(translations_folder())):
        app.installTranslator(ours)
        installed.append(ours)
    return installed


def translate_message(template: str, values: Mapping[str, object]) -> str:
    """A domain or service message in the person's language: the template looked up
    in the catalogue, then its values filled in; `what` (a field's name, catalogued
    too) is translated, every other value (what was typed, a date) is left as it is."""
    translated = QCoreApplication.translate(MESSAGES, template)
    if not values:
        return translated
    return translated.format(**{
        key: QCoreApplication.translate(MESSAGES, value)
        if key == "what" and isinstance(value, str) else value
        for key, value in values.items()})


def remove_translators(app: QCoreApplication, translators: list[QTranslator]) -> None:
    for translator in translators:
        app.removeTranslator(translator)
        translator.deleteLater()


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    """Marks `text` for translation in `context`; returns it unchanged (typed, unlike Qt's)."""
    return text


def plural(count: int, one: str, many: str, **values: object) -> str:
    """The already-translated template for `count`, filled with {n} and `values`."""
    return (one if count == 1 else many).format(n=count, **values)
