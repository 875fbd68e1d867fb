"""Errors the domain raises. Each carries a message meant for the person at the device."""

from scanapp.errors import KnownError


class DomainError(KnownError):
    """A rule of the domain refused the action; the message says which and why."""


class PermissionDenied(DomainError):
    pass


class InvalidTransition(DomainError):
    pass


class SessionLocked(DomainError):
    pass


class UnmatchedItemsRemain(DomainError):
    def __init__(self, count: int) -> None:
        super().__init__(
            f"Submit is blocked: {count} unmatched item{'s' if count != 1 else ''} must be matched or "
            "removed first (see the Unmatched tab)."
        )
        self.count = count


class ConfirmationRequired(DomainError):
    """The action needs an explicit confirmation from the user (e.g. uncounted means zero)."""


class NotFound(DomainError):
    pass
