"""How a peer can be contacted safely; shown wherever someone is about to contact them."""

from __future__ import annotations

from dataclasses import dataclass

from peerdesk.domain.text import clean_short_text


@dataclass(frozen=True, slots=True)
class SafeContact:
    do_not_contact: bool = False
    calls_ok: bool = True
    texts_ok: bool = True
    email_ok: bool = True
    voicemail_ok: bool = False
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

    def banner(self) -> str:
        """One line for the warning banner; never shows the code word itself."""
        if self.do_not_contact:
            parts = ["Do not contact"]
        else:
            parts = [label for allowed, label in (
                (self.calls_ok, "No calls"), (self.texts_ok, "No texts"),
                (self.email_ok, "No email"), (self.voicemail_ok, "No voicemail"),
            ) if not allowed]
            if self.safe_times:
                parts.append(self.safe_times)
        if self.code_word:
            parts.append("Code word set")
        if self.other:
            parts.append(self.other)
        return " · ".join(parts)
