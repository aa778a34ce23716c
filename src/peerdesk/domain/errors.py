"""Errors that carry a message fit to show a user.

Every failure a person can cause or meet (a wrong password, a damaged file, a
full disk) is one of these. The message is neutral and never names a peer;
the command line prints it as one line, in English.

Translatable: a message is a fixed English template with named {values},
given separately (``ValidationError("{what} can't be empty.", field="name",
what="Name")``), never an f-string. The UI looks the template up in the
person's language (ui/errors.py ``message_for``, context "Messages"; the
catalogue ui/messages_catalogue.py is made from the templates written here,
in services and in storage by resources/translations/update.py) and fills the
values in afterwards, each one translated too when it is itself a catalogued
text (a field's name, say).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

# Set by the UI at start (ui/errors.py): (template, values) -> the message in the
# person's language. None (the command line, tests of the domain): English.
Translator = Callable[[str, Mapping[str, object]], str]
_translator: Translator | None = None


def set_translator(translator: Translator | None) -> None:
    global _translator
    _translator = translator


def english(template: str, values: Mapping[str, object]) -> str:
    return template.format(**values) if values else template


def translated(template: str, values: Mapping[str, object]) -> str:
    """A template with its values, in the person's language when the UI has set a
    translator (English otherwise, or if the translation doesn't fit the values)."""
    if _translator is None:
        return english(template, values)
    try:
        return _translator(template, values)
    except (KeyError, IndexError, ValueError):
        return english(template, values)


class Message:
    """Words for a person that are not an error raised: a password rule's reason, a
    problem on one row of an import. Written like an error's message (a fixed English
    template with named {values} apart, catalogued for translation by
    resources/translations/update.py, which finds every ``Message("...")``) and shown
    the same way: `text` is in the person's language, `english` for the command line.
    """

    __slots__ = ("template", "values")

    def __init__(self, template: str, **values: object) -> None:
        self.template = template
        self.values: dict[str, object] = values

    @classmethod
    def of_error(cls, error: PeerDeskError) -> Message:
        """An error's message, kept as its template and values (translated when shown)."""
        return cls(error.template, **error.values)

    @property
    def english(self) -> str:
        return english(self.template, self.values)

    @property
    def text(self) -> str:
        return translated(self.template, self.values)

    def error(self, field: str | None = None) -> ValidationError:
        """This message raised at a field."""
        return ValidationError(self.template, field=field, **self.values)

    def __str__(self) -> str:
        return self.text

    def __eq__(self, other: object) -> bool:
        return (isinstance(other, Message) and self.template == other.template
                and self.values == other.values)

    def __hash__(self) -> int:
        return hash(self.template)

    def __repr__(self) -> str:
        return f"Message({self.english!r})"


class PeerDeskError(Exception):
    """Base class: `user_message` is what a person sees."""

    default_message = "Something went wrong."

    def __init__(self, user_message: str | None = None, **values: object) -> None:
        # The English template and its values, kept apart so the UI can translate.
        self.template = user_message or self.default_message
        self.values = values
        self.english = english(self.template, values)
        super().__init__(self.english)

    @property
    def user_message(self) -> str:
        """What a person sees: in their language when the UI has set a translator."""
        return translated(self.template, self.values)


class ValidationError(PeerDeskError):
    """Input that can't be stored as given; `field` names the form field."""

    def __init__(self, user_message: str, field: str | None = None, **values: object) -> None:
        self.field = field
        super().__init__(user_message, **values)


class WrongCredentials(PeerDeskError):
    # One message for unknown account and wrong password alike, so the screen
    # does not confirm which accounts exist.
    default_message = "That account name and password don't match. Please try again."


class SignInDelayed(PeerDeskError):
    def __init__(self, seconds_left: int) -> None:
        self.seconds_left = seconds_left
        super().__init__(
            "Too many unsuccessful tries. You can try again in {seconds_left} seconds.",
            seconds_left=seconds_left)


class AccountInactive(PeerDeskError):
    default_message = "This account is not active. Ask an administrator to reactivate it."


class PermissionDenied(PeerDeskError):
    default_message = "Your role does not allow this."


class NotFound(PeerDeskError):
    default_message = "That record no longer exists."


class VaultError(PeerDeskError):
    """Base for problems with the vault files themselves.

    Given `file`, the message names it (`file_message`, with {file} for its
    name): a person with a vault, its casework file, its key file and a
    backup in front of them must know which one is wrong.
    """

    file_message: str | None = None

    def __init__(self, user_message: str | None = None, *, file: object = None,
                 **values: object) -> None:
        self.file = file
        if user_message is None and file is not None and self.file_message:
            super().__init__(self.file_message, file=getattr(file, "name", file))
            return
        super().__init__(user_message, **values)


class VaultNotFound(VaultError):
    default_message = "There is no PeerDesk vault at this location."


class VaultExists(VaultError):
    default_message = "A PeerDesk vault already exists at this location."


class VaultDamaged(VaultError):
    default_message = (
        "The vault file is damaged or has been changed outside PeerDesk, so it can't be "
        "opened safely. Nothing has been changed. Restore it from a backup, or ask for help."
    )
    file_message = (
        "The file {file} is damaged or has been changed outside PeerDesk, so the vault "
        "can't be opened safely. Nothing has been changed. Restore it from a backup, or ask "
        "for help."
    )


class KeyFileMismatch(VaultError):
    """The key file opens, but none of its keys opens the database beside it."""

    default_message = (
        "The key file does not belong with this vault file as it is now (it may be an old "
        "copy, or from another vault). Nothing has been changed. Put back the key file that "
        "belongs with it, or restore both from the same backup."
    )
    file_message = (
        "The key file {file} does not belong with the vault beside it as it is now (it may "
        "be an old copy, or from another vault). Nothing has been changed. Put back the key "
        "file that belongs with it, or restore both from the same backup."
    )


class KeyFileMissing(VaultError):
    default_message = (
        "The vault's key file is missing, so the vault can't be unlocked. "
        "Put the key file back beside the vault, or restore from a backup."
    )
    file_message = (
        "The vault's key file {file} is missing, so the vault can't be unlocked. "
        "Put the key file back beside the vault, or restore from a backup."
    )


class KeyFileDamaged(VaultError):
    default_message = (
        "The vault's key file is damaged, so the vault can't be unlocked. "
        "Nothing has been changed. Restore the key file from a backup."
    )
    file_message = (
        "The vault's key file {file} is damaged, so the vault can't be unlocked. "
        "Nothing has been changed. Restore the key file from a backup."
    )


class VaultTooNew(VaultError):
    default_message = (
        "This vault was made by a newer version of PeerDesk. Install the newer version "
        "to open it. Nothing has been changed."
    )


class VaultInUse(VaultError):
    default_message = (
        "This vault is already open in another PeerDesk window on this computer. "
        "Close that one first."
    )


class DiskFull(VaultError):
    default_message = (
        "There is not enough free disk space to save. Nothing was saved and the vault "
        "is unchanged. Free some space and try again."
    )


class StorageUnavailable(VaultError):
    default_message = (
        "PeerDesk's encrypted storage engine is not available, so it will not run. "
        "Reinstall PeerDesk."
    )
