"""Permissions exactly as the retail seed names them, plus the lab permission.

Checked here, in the domain, and again by the server: greying out a button is only a courtesy.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from enum import StrEnum

from scanapp.domain.errors import PermissionDenied
from scanapp.domain.messages import Action, Message


class Permission(StrEnum):
    FULFILL_INVCUNT_ADMIN = "FULFILL_INVCUNT_ADMIN"
    INV_COUNT_ADMIN = "INV_COUNT_ADMIN"
    INV_COUNT_PRE_START = "INV_COUNT_PRE_START"
    COMMON_ADMIN = "COMMON_ADMIN"
    LAB_ACCESS = "LAB_ACCESS"


P = Permission

# Seed: "Open the Counts list and start sessions: any of FULFILL_INVCUNT_ADMIN or INV_COUNT_ADMIN."
OPEN_COUNTS = frozenset({P.FULFILL_INVCUNT_ADMIN, P.INV_COUNT_ADMIN})
# Seed: "Start a count before its planned start time: any of COMMON_ADMIN, INV_COUNT_ADMIN or INV_COUNT_PRE_START."
START_EARLY = frozenset({P.COMMON_ADMIN, P.INV_COUNT_ADMIN, P.INV_COUNT_PRE_START})
# Seed: "Force-release another user's active session: COMMON_ADMIN."
FORCE_RELEASE = frozenset({P.COMMON_ADMIN})
# The device's own settings (when it locks when idle): the supervisor's, like force release.
DEVICE_SETTINGS = frozenset({P.COMMON_ADMIN})
# Supervisor work: create counts, review fenced scans, reports, manage users and devices.
SUPERVISE = frozenset({P.COMMON_ADMIN, P.INV_COUNT_ADMIN})
LAB = frozenset({P.LAB_ACCESS})

ROLES: dict[str, frozenset[Permission]] = {
    "associate": frozenset({P.FULFILL_INVCUNT_ADMIN}),
    "associate_pre_start": frozenset({P.FULFILL_INVCUNT_ADMIN, P.INV_COUNT_PRE_START}),
    "inventory_manager": frozenset({P.INV_COUNT_ADMIN}),
    "supervisor": frozenset({P.INV_COUNT_ADMIN, P.COMMON_ADMIN}),
    "lab_tech": frozenset({P.LAB_ACCESS}),
    "admin": frozenset(Permission),
}


@dataclass(frozen=True)
class Actor:
    """Who is acting, from which device."""

    user_id: str
    device_id: str
    permissions: frozenset[Permission] = field(default_factory=frozenset)
    display_name: str = ""

    def has_any(self, needed: Iterable[Permission]) -> bool:
        return not self.permissions.isdisjoint(needed)


def permissions_for_roles(roles: Iterable[str]) -> frozenset[Permission]:
    perms: set[Permission] = set()
    for role in roles:
        if role not in ROLES:
            raise ValueError(f"unknown role {role!r} (known: {', '.join(sorted(ROLES))})")
        perms |= ROLES[role]
    return frozenset(perms)


def parse_permissions(text: str) -> frozenset[Permission]:
    return frozenset(Permission(p.strip()) for p in text.split(",") if p.strip())


def require(actor: Actor, needed: frozenset[Permission], action: Action | str) -> None:
    """PermissionDenied in plain words unless `actor` has one of `needed` (kept on the error as `needed`, for
    logs and supervisors: the message a person sees names no permission code)."""
    if not actor.has_any(needed):
        raise PermissionDenied(Message.MAY_NOT, needed, action=action)


def can_open_counts(actor: Actor) -> bool:
    return actor.has_any(OPEN_COUNTS)


def can_start_early(actor: Actor) -> bool:
    return actor.has_any(START_EARLY)


def can_force_release(actor: Actor) -> bool:
    return actor.has_any(FORCE_RELEASE)
