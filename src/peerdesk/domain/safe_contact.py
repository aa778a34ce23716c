"""How a peer can be contacted safely; shown wherever someone is about to contact them.

Each channel has three states: not asked yet (None, the default for a new peer), OK (True)
and not OK (False). Someone never asked must never look safe to call or text.
"""

from __future__ import annotations

from dataclasses import dataclass

from peerdesk.domain.text import clean_short_text

# One channel's answer: None = not asked yet, True = OK, False = not OK.
ChannelState = bool | None

NOT_ASKED_BANNER = "Ask how it's safe to contact them before calling or texting"


def state_label(state: ChannelState) -> str:
    """The words for a channel's state (English; the UI translates its own copies)."""
    return "Not asked yet" if state is None else "OK" if state else "Not OK"


@dataclass(frozen=True, slots=True)
class SafeContact:
    do_not_contact: bool = False
    calls_ok: ChannelState = None
    texts_ok: ChannelState = None
    email_ok: ChannelState = None
    voicemail_ok: ChannelState = None
    safe_times: str = ""  # e.g. "texts only after 6 pm"
    code_word: str = ""
    other: str = ""

    def validated(self) -> SafeContact:
        return SafeContact(
            do_not_contact=self.do_not_contact, calls_ok=self.calls_ok,
            texts_ok=self.texts_ok, email_ok=self.email_ok, voicemail_ok=self.voicemail_ok,
            safe_times=clean_short_text(self.safe_times, what="Safe times", field="safe_times"),
            code_word=clean_short_text(self.code_word, what="Code word", field="code_word",
                                       maximum=60),
            other=clean_short_text(self.other, what="Other safety notes", field="other",
                                   maximum=300),
        )

    def channels(self) -> tuple[ChannelState, ChannelState, ChannelState, ChannelState]:
        return (self.calls_ok, self.texts_ok, self.email_ok, self.voicemail_ok)

    @property
    def not_asked(self) -> bool:
        """True when any channel is still "not asked yet" (and contact isn't ruled out)."""
        return not self.do_not_contact and any(c is None for c in self.channels())

    def banner(self) -> str:
        """One line for the warning banner; never shows the code word itself."""
        if self.do_not_contact:
            parts = ["Do not contact"]
        else:
            parts = [NOT_ASKED_BANNER] if self.not_asked else []
            parts += [label for state, label in (
                (self.calls_ok, "No calls"), (self.texts_ok, "No texts"),
                (self.email_ok, "No email"), (self.voicemail_ok, "No voicemail"),
            ) if state is False]
            if self.safe_times:
                parts.append(self.safe_times)
        if self.code_word:
            parts.append("Code word set")
        if self.other:
            parts.append(self.other)
        return " · ".join(parts)


def stored_state(value: object) -> ChannelState:
    """A channel column as stored: NULL = not asked yet, 1 = OK, 0 = not OK."""
    return None if value is None else bool(value)


def to_column(state: ChannelState) -> int | None:
    return None if state is None else int(state)
