"""The peers' voice code lists and the role refusals reach a Spanish user in Spanish.

On a real vault, signed in through the sign-in window with the Spanish
translation installed: the feedback form's benefits, the consultation form's
methods and statuses, the lists' columns; and a refusal built from the role
table ("Only a programme lead can run reports.") shown in a message box.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest
from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QApplication

from peerdesk.domain.errors import PermissionDenied
from peerdesk.domain.staff import Permission, needs_role_message
from peerdesk.domain.voice import (
    ActionStatus,
    Benefit,
    ConsultationDraft,
    ConsultationMethod,
    FeedbackDraft,
    FeedbackSource,
    QuoteFlag,
)
from peerdesk.reports.period import Period
from peerdesk.services import reports, voice
from peerdesk.ui import i18n
from peerdesk.ui.errors import show_error
from peerdesk.ui.voice import labels
from peerdesk.ui.voice.dialogs import ConsultationDialog, FeedbackDialog
from tests.ui.conftest import PASSWORDS, sign_in


@pytest.fixture
def spanish() -> Iterator[list]:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    installed = i18n.install_translators(app, QLocale(QLocale.Language.Spanish))
    try:
        yield installed
    finally:
        i18n.remove_translators(app, installed)


def _main(qtbot, start_gui, vault, name):
    gui = start_gui(vault)
    sign_in(qtbot, gui.sign_in_window, name, PASSWORDS[name])
    return gui.main_window


def test_the_screens_english_words_are_the_domains():
    """The words marked for translation are the same English the reports print."""
    for table, kinds in ((labels.METHODS, ConsultationMethod), (labels.STATUSES, ActionStatus),
                         (labels.SOURCES, FeedbackSource), (labels.BENEFITS, Benefit),
                         (labels.FLAGS, QuoteFlag)):
        assert list(table) == list(kinds)
        assert [table[k] for k in kinds] == [k.label for k in kinds]


def test_a_spanish_user_sees_benefits_methods_and_statuses_in_spanish(
        qtbot, start_gui, vault, spanish):
    assert spanish, "the Spanish translation loaded"
    main = _main(qtbot, start_gui, vault, "Cal Worker")
    session = main.session
    voice.add_feedback(session, FeedbackDraft(date(2025, 4, 2), FeedbackSource.ANONYMOUS,
                                              frozenset({Benefit.LESS_ISOLATION,
                                                         Benefit.TRUST})))
    voice.add_consultation(session, ConsultationDraft(
        date(2025, 4, 3), ConsultationMethod.SURVEY, "Evening hours", 8,
        action="Open on Thursdays", status=ActionStatus.DONE))
    form = FeedbackDialog(session)
    qtbot.addWidget(form)
    names = [form.benefits.item(i).text() for i in range(form.benefits.count())]
    assert names[list(Benefit).index(Benefit.LESS_ISOLATION)] == "Menos aislamiento"
    assert form.source.itemText(0) == "Rellenado de forma anónima"
    asked = ConsultationDialog(session)
    qtbot.addWidget(asked)
    assert asked.method.itemText(asked.method.findData(ConsultationMethod.SURVEY.value)) \
        == "Encuesta"
    assert asked.status.itemText(asked.status.findData(ActionStatus.WONT_DO.value)) \
        == "No se hará"
    main.show_page("Peers' voice")
    page = main.voice_page
    assert page.feedback.proxy.index(0, 2).data() == (
        "Menos aislamiento, Confianza en sí mismas y en los demás")
    assert page.feedback.proxy.index(0, 1).data() == "Rellenado de forma anónima"
    assert page.consultations.proxy.index(0, 1).data() == "Encuesta"
    assert page.consultations.proxy.index(0, 4).data() == "Hecho"
    # The search finds what the screen shows: the Spanish word.
    page.consultations.search.setText("encuesta")
    assert page.consultations.proxy.rowCount() == 1
    assert labels.warnings_text({QuoteFlag.PHONE, QuoteFlag.NAME}) == (
        "el nombre o el alias de una persona, un número de teléfono")


def test_every_role_refusal_is_one_catalogued_template_with_its_spanish():
    """One whole sentence per permission, each catalogued (so it has a Spanish line)."""
    from tests.ui.test_translations import _update_script

    templates = set(_update_script().message_templates())
    refusals = {needs_role_message(p) for p in Permission}
    assert len(refusals) == len(Permission)
    assert refusals <= templates


def test_a_refusal_reaches_a_spanish_caseworker_in_spanish(qtbot, start_gui, vault, spanish):
    """The service refuses a caseworker a report whatever the screen shows; the refusal,
    shown as the app shows every error, is in Spanish, and English without the
    translator."""
    main = _main(qtbot, start_gui, vault, "Cal Worker")
    assert "Reports" not in main.pages
    with pytest.raises(PermissionDenied) as refused:
        reports.build(main.session, Period.month(2025, 3))
    assert str(refused.value) == "Only a programme lead can run reports."
    box = show_error(main, refused.value)  # closes (and deletes) itself when dismissed
    assert box.isVisible()
    assert box.text() == "Solo un responsable del programa puede preparar informes."
    box.close()
    i18n.remove_translators(QApplication.instance(), spanish)
    spanish.clear()
    assert refused.value.user_message == "Only a programme lead can run reports."
