"""Errors the domain raises. Each carries a message meant for the person at the device: an id from
domain.messages with its values, which the screens translate, and its English text (str(err)), which the
headless commands print and the log keeps."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from scanapp.domain.messages import Message, english
from scanapp.errors import KnownError


class DomainError(KnownError):
    """A rule of the domain refused the action; the message says which and why.

    `DomainError(Message.X, sku=…)` is the form for anything a screen shows. A plain English string still
    works (the server's own refusals, say): it is shown as it is, untranslated."""

    def __init__(self, message: Message | str, **params: object) -> None:
        self.message: Message | None = message if isinstance(message, Message) else None
        self.params: Mapping[str, object] = params
        super().__init__(english(message, params) if isinstance(message, Message) else message)


class PermissionDenied(DomainError):
    """Refused for want of a permission. On screen the message alone (no permission code); its English text, for
    the command line, the server's verdicts and the log (supervisors configuring accounts), ends with the codes
    that would have allowed it."""

    def __init__(self, message: Message | str, needed: Iterable[str] = (), **params: object) -> None:
        super().__init__(message, **params)
        self.needed = frozenset(needed)
        """The permissions that would have allowed it (any one of them)."""
        if self.needed:
            self.args = (f"{self.args[0]} (Needs {' or '.join(sorted(self.needed))}.)",)


class InvalidTransition(DomainError):
    pass


class SessionLocked(DomainError):
    pass


class UnmatchedItemsRemain(DomainError):
    def __init__(self, count: int) -> None:
        super().__init__(Message.UNMATCHED_REMAIN, count=count)
        self.count = count


class ConfirmationRequired(DomainError):
    """The action needs an explicit confirmation from the user (e.g. uncounted means zero)."""


class NotFound(DomainError):
    pass
