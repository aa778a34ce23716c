"""The peers' voice code lists as a person reads them, in their language.

The domain's `.label` of each (domain/voice.py) stays the English word the
reports and the command line print; here the same words are marked for
translation (context "VoiceLabels") and translated where they are shown,
the way ui/peers/peer_dialog.py shows genders. tests/ui/test_voice_spanish.py
keeps these English words the domain's.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QCoreApplication

from peerdesk.domain.voice import (
    ActionStatus,
    Benefit,
    ConsultationMethod,
    FeedbackSource,
    QuoteFlag,
)
from peerdesk.ui.i18n import QT_TRANSLATE_NOOP

CONTEXT = "VoiceLabels"

METHODS = {
    ConsultationMethod.GROUP_DISCUSSION: QT_TRANSLATE_NOOP("VoiceLabels", "Group discussion"),
    ConsultationMethod.SURVEY: QT_TRANSLATE_NOOP("VoiceLabels", "Survey"),
    ConsultationMethod.FEEDBACK_BOX: QT_TRANSLATE_NOOP("VoiceLabels", "Feedback box"),
}
STATUSES = {
    ActionStatus.PLANNED: QT_TRANSLATE_NOOP("VoiceLabels", "Planned"),
    ActionStatus.DONE: QT_TRANSLATE_NOOP("VoiceLabels", "Done"),
    ActionStatus.WONT_DO: QT_TRANSLATE_NOOP("VoiceLabels", "Won't do"),
}
SOURCES = {
    FeedbackSource.ANONYMOUS: QT_TRANSLATE_NOOP("VoiceLabels", "Filled in anonymously"),
    FeedbackSource.STAFF: QT_TRANSLATE_NOOP("VoiceLabels", "Entered by staff with the peer"),
}
BENEFITS = {
    Benefit.SELF_ESTEEM: QT_TRANSLATE_NOOP("VoiceLabels", "Self-confidence and self-esteem"),
    Benefit.LESS_DEPRESSION_ANXIETY: QT_TRANSLATE_NOOP("VoiceLabels",
                                                       "Less depression and anxiety"),
    Benefit.LESS_ISOLATION: QT_TRANSLATE_NOOP("VoiceLabels", "Less isolation"),
    Benefit.RELATIONSHIPS: QT_TRANSLATE_NOOP("VoiceLabels", "Relationships"),
    Benefit.ANGER: QT_TRANSLATE_NOOP("VoiceLabels", "Anger"),
    Benefit.ALCOHOL_DRUGS: QT_TRANSLATE_NOOP("VoiceLabels", "Alcohol or drugs"),
    Benefit.UNDERSTANDING_ABUSE: QT_TRANSLATE_NOOP("VoiceLabels",
                                                   "Understanding the impact of abuse"),
    Benefit.TRUST: QT_TRANSLATE_NOOP("VoiceLabels", "Trust in themselves and others"),
    Benefit.LESS_SELF_DESTRUCTIVE: QT_TRANSLATE_NOOP("VoiceLabels",
                                                     "Less self-destructive behaviour"),
}
FLAGS = {
    QuoteFlag.NAME: QT_TRANSLATE_NOOP("VoiceLabels", "a person's name or alias"),
    QuoteFlag.REFERENCE: QT_TRANSLATE_NOOP("VoiceLabels", "a reference code"),
    QuoteFlag.PHONE: QT_TRANSLATE_NOOP("VoiceLabels", "a phone number"),
    QuoteFlag.EMAIL: QT_TRANSLATE_NOOP("VoiceLabels", "an email address"),
}


def _shown(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def method_label(method: ConsultationMethod) -> str:
    return _shown(METHODS[method])


def status_label(status: ActionStatus) -> str:
    return _shown(STATUSES[status])


def source_label(source: FeedbackSource) -> str:
    return _shown(SOURCES[source])


def benefit_label(benefit: Benefit) -> str:
    return _shown(BENEFITS[benefit])


def benefits_text(benefits: Iterable[Benefit]) -> str:
    """The benefits named, in the form's order, separated by commas."""
    held = set(benefits)
    return ", ".join(benefit_label(b) for b in Benefit if b in held)


def warnings_text(flags: Iterable[QuoteFlag]) -> str:
    """What the name check found, for "it contains …"."""
    held = set(flags)
    return ", ".join(_shown(FLAGS[f]) for f in QuoteFlag if f in held)


__all__ = ["BENEFITS", "FLAGS", "METHODS", "SOURCES", "STATUSES", "benefit_label",
           "benefits_text", "method_label", "source_label", "status_label", "warnings_text"]
