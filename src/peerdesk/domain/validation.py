"""Input rules with messages a person can act on."""

from __future__ import annotations

import unicodedata

from peerdesk.domain.errors import Message, ValidationError

NAME_MAX = 60
CENTRE_NAME_MAX = 120
PASSWORD_MIN = 10
PASSWORD_MAX = 1024
# An export's passphrase guards every record outside the vault, under the
# zip format's own key derivation (PBKDF2-SHA1, 1,000 rounds, fixed by the
# format: far faster to guess than a staff password's Argon2id), so it must
# be longer than a password (docs/export.md).
PASSPHRASE_MIN = 16

# A short list of the passwords most often tried first; the length rule does
# most of the work, this catches the obvious long ones.
_COMMON_PASSWORDS = frozenset(
    {
        "password123", "password1234", "passw0rd123", "1234567890", "0123456789",
        "qwertyuiop", "qwerty12345", "1q2w3e4r5t", "iloveyou123", "letmein123",
        "welcome123", "administrator", "abcdefghij", "abcd123456", "peerdesk123",
        "changeme123", "trustno1234", "football123", "sunshine123", "princess123",
    }
)


def _has_control_characters(text: str) -> bool:
    return any(unicodedata.category(ch) in ("Cc", "Cf") and ch not in "\u200d" for ch in text)


def clean_name(raw: str, *, what: str = "Name", maximum: int = NAME_MAX) -> str:
    """Trim and check a one-line name; keep every other character exactly."""
    name = raw.strip()
    if not name:
        raise ValidationError("{what} can't be empty.", field="name", what=what)
    if len(name) > maximum:
        # Refused, never cut: the person sees the limit and how far over they are.
        raise ValidationError(
            "{what} can be at most {maximum:,} characters (this is {length:,}).",
            field="name", what=what, length=len(name), maximum=maximum)
    if _has_control_characters(name):
        raise ValidationError(
            "{what} contains invisible control characters; please retype it.", field="name",
            what=what)
    return name


def password_problem(password: str, *, account_name: str = "") -> Message | None:
    """Why a new password is refused (its `text` in the person's language), or None when
    it is acceptable."""
    if len(password) < PASSWORD_MIN:
        return Message("Use at least {minimum} characters (a few words together work well).",
                       minimum=PASSWORD_MIN)
    if len(password) > PASSWORD_MAX:
        return Message("Use at most {maximum:,} characters.", maximum=PASSWORD_MAX)
    if password != password.strip():
        return Message("The password starts or ends with a space; remove it so it can be "
                       "typed reliably.")
    if len(set(password)) < 5:
        return Message("Use more different characters; repeated characters are easy to "
                       "guess.")
    if password.lower() in _COMMON_PASSWORDS:
        return Message("That password is one of the first ones an attacker tries. "
                       "Choose another.")
    name = account_name.strip().lower()
    if len(name) >= 3 and name in password.lower():
        return Message("Don't include the account name in the password.")
    return None


def check_new_password(
    password: str, confirm: str | None = None, *, account_name: str = ""
) -> None:
    problem = password_problem(password, account_name=account_name)
    if problem:
        raise problem.error("password")
    if confirm is not None and confirm != password:
        raise ValidationError("The two passwords are not the same.", field="confirm")


def passphrase_problem(passphrase: str, *, account_name: str = "") -> Message | None:
    """Why an export passphrase is refused: the password rules, and longer."""
    if len(passphrase) < PASSPHRASE_MIN:
        return Message("Use at least {minimum} characters for an export's passphrase "
                       "(four or five words together work well).", minimum=PASSPHRASE_MIN)
    return password_problem(passphrase, account_name=account_name)


def check_export_passphrase(passphrase: str, confirm: str | None = None, *,
                            account_name: str = "") -> None:
    problem = passphrase_problem(passphrase, account_name=account_name)
    if problem:
        raise problem.error("passphrase")
    if confirm is not None and confirm != passphrase:
        raise ValidationError("The two passphrases are not the same.", field="confirm")


def password_strength(password: str) -> int:
    """A rough 0–4 score for the strength bar; the rules above decide acceptance."""
    if password_problem(password) is not None:
        return 0 if len(password) < PASSWORD_MIN // 2 else 1
    classes = sum(
        (
            any(c.islower() for c in password),
            any(c.isupper() for c in password),
            any(c.isdigit() for c in password),
            any(not c.isalnum() for c in password),
        )
    )
    score = 2 + (len(password) >= 16) + (classes >= 3 or len(password) >= 24)
    return min(score, 4)
