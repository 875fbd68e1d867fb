"""What the domain says to a person when it refuses something, or what a scan became, each message once: an id
(a member of `Message`) and its English text (`TEXT`). Errors carry the id and their values
(`DomainError(Message.X, sku=…)`), results a `Said`; the headless commands print the English text, the screens
translate it by id through Qt (gui.widgets.error_text).

The texts are marked for Qt's lupdate with a Qt-free QT_TRANSLATE_NOOP (scripts/update-translations reads this
file too), so the English is written here and nowhere else. Values that are themselves a phrase (the action
that was refused) are `Action` members, translated the same way. No text names a permission code: a person at
the device is told what to do, not which flag their account lacks.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum

CONTEXT = "Messages"
"""The translation context of every text here."""


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    """Marks `text` for translation in `context` and returns it unchanged."""
    return text


class Message(StrEnum):
    MAY_NOT = "may not"
    SESSION_HELD = "session held"
    NOT_STARTED = "not started"
    ALREADY_STARTED = "already started"
    SUBMITTED = "submitted"
    NOT_SUBMITTED = "not submitted"
    DISCARDED = "discarded"
    STARTS_LATER = "starts later"
    ONLY_STARTER_ENDS = "only starter ends"
    ALREADY_ENDED = "already ended"
    COUNT_NAME_NEEDED = "count name needed"
    SESSION_NAME_NEEDED = "session name needed"
    HARD_COUNT_NO_LIST = "hard count has no list"
    UNMATCHED_REMAIN = "unmatched remain"
    CONFIRM_HARD_ZERO = "confirm hard count zero"
    NO_SESSION = "no session"
    NO_COUNT = "no count"
    NO_USER = "no user"
    NO_LINE = "no line"
    LINE_OF_OTHER_SESSION = "line of another session"
    LINE_ALREADY_REMOVED = "line already removed"
    REMOVED_NOTHING_TO_MATCH = "removed line cannot be matched"
    ONLY_UNMATCHED_MATCH = "only unmatched can be matched"
    NOTHING_TO_MATCH = "nothing to match"
    NO_PRODUCT = "no product"
    QUANTITY_NEGATIVE = "quantity negative"
    QUANTITY_OUT_OF_RANGE = "quantity out of range"
    NOT_ON_DIRECTED_LIST = "not on directed list"
    LEASE_HELD = "lease held"
    LEASE_LOST = "lease lost"
    LEASE_NOT_YOURS = "lease not yours"
    PIN_TOO_SHORT = "PIN too short"
    PIN_TOO_LONG = "PIN too long"
    PIN_ALREADY_SET = "PIN already set"
    REFUSED_SCAN_NOT_REMOVABLE = "refused scan not removable"
    # Barcode Tracking: the reconciliation's and the item actions' refusals.
    LAB_BAD_LOCATION_LABEL = "bad location label"
    LAB_NOT_A_RESOLUTION = "not a resolution"
    LAB_ITEM_ARCHIVED = "item archived"
    LAB_ITEM_OF_OTHER_LAB = "item of another lab"
    LAB_LOCATION_NOT_ITEM = "location label, not an item's"
    LISTING_CONFIG_NAME_NEEDED = "listing config name needed"
    LISTING_CONFIG_BAD_FILTER = "listing config bad filter"
    LISTING_CONFIG_NO_COLUMN = "listing config without columns"
    LAB_SESSION_NAME_NEEDED = "reconciliation name needed"
    LAB_CHOOSE_LAB = "choose the lab"
    LAB_PLACE_OF_OTHER_LAB = "place of another lab"
    LAB_NOTE_TOO_LONG = "note too long"
    LAB_NOT_UNKNOWN_CODE = "not an unknown code"
    LAB_CHOOSE_ITEMS = "choose items to resolve"
    LAB_NOT_IN_LISTING = "not in the listing"
    LAB_FOUND_NOT_RESOLVED = "found items are not resolved"
    LAB_SAY_WHERE_MOVED = "say where they were moved"
    LAB_ONLY_RECONCILIATION_ENDS = "only a reconciliation ends"
    LAB_UNRESOLVED_ONE = "one unresolved"
    LAB_UNRESOLVED = "unresolved left"
    LAB_COUNT_SESSION = "a count's session"
    LAB_SAY_WHERE_ITEM_GOES = "say where the item goes"
    LAB_PLACE_IS_LABEL = "place is a location label"
    LAB_ALREADY_THERE = "already there"
    LAB_QUANTITY_NEGATIVE = "lab quantity negative"
    LAB_ALREADY_ARCHIVED = "already archived"
    LAB_SPLIT_RANGE = "split out of range"
    LAB_BARCODE_IN_USE = "barcode in use"
    LAB_NO_ITEM = "no inventory item"
    LAB_ACTIONS_NEED_SESSION = "actions need a reconciliation"
    # The supervisor's station: decisions on variances, thresholds and recounts (S8, S10).
    VARIANCE_REASON_NEEDED = "variance reason needed"
    VARIANCE_NO_ITEM = "no such item in the count"
    VARIANCE_NOT_COUNTED = "variance of an item not counted"
    THRESHOLD_INVALID = "threshold invalid"
    RECOUNT_NO_ITEMS = "recount without items"
    NOT_A_RETAIL_COUNT = "not a retail count"
    # What a scan became (not refusals): the last-scan line of the session and Barcode Tracking pages.
    SCAN_REJECTED = "scan rejected"
    SCAN_UNMATCHED = "scan unmatched"
    LAB_HERE = "lab here"
    LAB_IN_SCOPE = "lab in scope"
    LAB_IN_SCOPE_NOWHERE = "lab in scope, no location"
    LAB_WRONG_LOCATION = "lab wrong location"
    LAB_OTHER_LAB = "lab item of another lab"
    LAB_ARCHIVED = "lab item archived"
    LAB_NOT_LISTED = "lab item not listed"
    LAB_UNKNOWN = "lab unknown code"


TEXT: Mapping[Message, str] = {
    Message.MAY_NOT: QT_TRANSLATE_NOOP(
        "Messages", "Your account may not {action}: ask a supervisor, or sign in as a user who may."
    ),
    Message.SESSION_HELD: QT_TRANSLATE_NOOP(
        "Messages",
        "You cannot {action}: {user} on device {device} is working on this session. Ask a supervisor to release it.",
    ),
    Message.NOT_STARTED: QT_TRANSLATE_NOOP(
        "Messages", "You cannot {action}: the session is not started. Press Start counting first."
    ),
    Message.ALREADY_STARTED: QT_TRANSLATE_NOOP("Messages", "You cannot {action}: the session is already in progress."),
    Message.SUBMITTED: QT_TRANSLATE_NOOP(
        "Messages", "You cannot {action}: the session is submitted. Re-open it first."
    ),
    Message.NOT_SUBMITTED: QT_TRANSLATE_NOOP("Messages", "You cannot {action}: the session is not submitted."),
    Message.DISCARDED: QT_TRANSLATE_NOOP("Messages", "You cannot {action}: the session is discarded."),
    Message.STARTS_LATER: QT_TRANSLATE_NOOP(
        "Messages",
        "Start counting opens at {when}. Before then only a manager, a supervisor or an associate allowed to "
        "start early can start it.",
    ),
    Message.ONLY_STARTER_ENDS: QT_TRANSLATE_NOOP("Messages", "Only {user}, who started this session, can end it."),
    Message.ALREADY_ENDED: QT_TRANSLATE_NOOP(
        "Messages",
        "This session was already ended at {at} (on another station, or here before): there is nothing left to end.",
    ),
    Message.COUNT_NAME_NEEDED: QT_TRANSLATE_NOOP("Messages", "A count needs a name."),
    Message.SESSION_NAME_NEEDED: QT_TRANSLATE_NOOP("Messages", "A session needs a name."),
    Message.HARD_COUNT_NO_LIST: QT_TRANSLATE_NOOP("Messages", "A hard count has no directed list."),
    Message.UNMATCHED_REMAIN: QT_TRANSLATE_NOOP(
        "Messages",
        "Submit is blocked: match or remove the unmatched items first (see the Unmatched tab; {count} left).",
    ),
    Message.CONFIRM_HARD_ZERO: QT_TRANSLATE_NOOP(
        "Messages",
        "This is a hard count: every product not scanned in it will be recorded as zero on hand. Confirm to submit.",
    ),
    Message.NO_SESSION: QT_TRANSLATE_NOOP("Messages", "This session is not on this device ({id})."),
    Message.NO_COUNT: QT_TRANSLATE_NOOP("Messages", "This count is not on this device ({id})."),
    Message.NO_USER: QT_TRANSLATE_NOOP("Messages", "No user {id} on this device: a supervisor must sync first."),
    Message.NO_LINE: QT_TRANSLATE_NOOP("Messages", "That scan is not in this session any more."),
    Message.LINE_OF_OTHER_SESSION: QT_TRANSLATE_NOOP("Messages", "That scan belongs to another session."),
    Message.LINE_ALREADY_REMOVED: QT_TRANSLATE_NOOP("Messages", "This scan was already removed."),
    Message.REMOVED_NOTHING_TO_MATCH: QT_TRANSLATE_NOOP(
        "Messages", "This scan was removed; there is nothing to match."
    ),
    Message.ONLY_UNMATCHED_MATCH: QT_TRANSLATE_NOOP("Messages", "Only unmatched items can be matched to a product."),
    Message.NOTHING_TO_MATCH: QT_TRANSLATE_NOOP("Messages", "There is no unmatched scan to match."),
    Message.NO_PRODUCT: QT_TRANSLATE_NOOP("Messages", "No product with SKU {sku}."),
    Message.QUANTITY_NEGATIVE: QT_TRANSLATE_NOOP("Messages", "The quantity of {sku} cannot be negative."),
    Message.QUANTITY_OUT_OF_RANGE: QT_TRANSLATE_NOOP("Messages", "A quantity of {units} is out of range."),
    Message.NOT_ON_DIRECTED_LIST: QT_TRANSLATE_NOOP(
        "Messages",
        "{sku} is not on this count's directed list; hand-counted items can only be added for listed products.",
    ),
    Message.LEASE_HELD: QT_TRANSLATE_NOOP("Messages", "The session is being worked by {user} on device {device}."),
    Message.LEASE_LOST: QT_TRANSLATE_NOOP(
        "Messages", "The lease was lost: it expired or was released by a supervisor."
    ),
    Message.LEASE_NOT_YOURS: QT_TRANSLATE_NOOP("Messages", "Only the holder can release the lease."),
    Message.PIN_TOO_SHORT: QT_TRANSLATE_NOOP("Messages", "A PIN needs at least {length} characters."),
    Message.PIN_TOO_LONG: QT_TRANSLATE_NOOP("Messages", "A PIN or password has at most {length} characters."),
    Message.PIN_ALREADY_SET: QT_TRANSLATE_NOOP("Messages", "This user already has a PIN: a supervisor can reset it."),
    Message.REFUSED_SCAN_NOT_REMOVABLE: QT_TRANSLATE_NOOP(
        "Messages", "A refused scan was never counted: there is nothing to remove."
    ),
    Message.LAB_BAD_LOCATION_LABEL: QT_TRANSLATE_NOOP(
        "Messages", "{code} looks like a location label but does not say LOC:lab:place."
    ),
    Message.LAB_NOT_A_RESOLUTION: QT_TRANSLATE_NOOP("Messages", "{text} is not a resolution; choose one of: {names}."),
    Message.LAB_ITEM_ARCHIVED: QT_TRANSLATE_NOOP(
        "Messages", "{item} is archived: an archived item cannot be moved, split or set."
    ),
    Message.LAB_ITEM_OF_OTHER_LAB: QT_TRANSLATE_NOOP(
        "Messages", "{item} belongs to {item_lab}, not {lab}: do it in a session of {item_lab}."
    ),
    Message.LAB_LOCATION_NOT_ITEM: QT_TRANSLATE_NOOP(
        "Messages",
        "{code} is the label of the location {place} ({lab}), not an item label: scan the new item's own label.",
    ),
    Message.LISTING_CONFIG_NAME_NEEDED: QT_TRANSLATE_NOOP("Messages", "A listing config needs a name."),
    Message.LISTING_CONFIG_BAD_FILTER: QT_TRANSLATE_NOOP("Messages", "Cannot filter on {unknown}; filters: {known}."),
    Message.LISTING_CONFIG_NO_COLUMN: QT_TRANSLATE_NOOP("Messages", "A listing config shows at least one column."),
    Message.LAB_SESSION_NAME_NEEDED: QT_TRANSLATE_NOOP("Messages", "A reconciliation session needs a name."),
    Message.LAB_CHOOSE_LAB: QT_TRANSLATE_NOOP("Messages", "Choose the lab where the reconciliation takes place."),
    Message.LAB_PLACE_OF_OTHER_LAB: QT_TRANSLATE_NOOP(
        "Messages", "{code} is a place in {place_lab}; this session reconciles {lab}. Scan a location of {lab}."
    ),
    Message.LAB_NOTE_TOO_LONG: QT_TRANSLATE_NOOP(
        "Messages", "A note is at most {most} characters; this one has {length}."
    ),
    Message.LAB_NOT_UNKNOWN_CODE: QT_TRANSLATE_NOOP("Messages", "{code} is not an unknown code of this session."),
    Message.LAB_CHOOSE_ITEMS: QT_TRANSLATE_NOOP("Messages", "Choose the items to resolve."),
    Message.LAB_NOT_IN_LISTING: QT_TRANSLATE_NOOP(
        "Messages", "{items}: not in this session's listing; only expected items are resolved."
    ),
    Message.LAB_FOUND_NOT_RESOLVED: QT_TRANSLATE_NOOP(
        "Messages", "{items}: found in this session; only items nobody found are resolved."
    ),
    Message.LAB_SAY_WHERE_MOVED: QT_TRANSLATE_NOOP("Messages", "Moved elsewhere: say where the items are now."),
    Message.LAB_ONLY_RECONCILIATION_ENDS: QT_TRANSLATE_NOOP(
        "Messages", "Only a reconciliation session is ended; counts are submitted."
    ),
    Message.LAB_UNRESOLVED_ONE: QT_TRANSLATE_NOOP(
        "Messages",
        "1 expected item not found yet without a resolution: resolve it (still missing, archived, moved elsewhere, "
        "not applicable) before ending.",
    ),
    Message.LAB_UNRESOLVED: QT_TRANSLATE_NOOP(
        "Messages",
        "{left} expected items not found yet without a resolution: resolve each (still missing, archived, moved "
        "elsewhere, not applicable) before ending.",
    ),
    Message.LAB_COUNT_SESSION: QT_TRANSLATE_NOOP(
        "Messages", "That is a count's session, not a reconciliation session."
    ),
    Message.LAB_SAY_WHERE_ITEM_GOES: QT_TRANSLATE_NOOP("Messages", "Say where the item goes."),
    Message.LAB_PLACE_IS_LABEL: QT_TRANSLATE_NOOP(
        "Messages", "{place} is a location label: pick or scan the place itself."
    ),
    Message.LAB_ALREADY_THERE: QT_TRANSLATE_NOOP("Messages", "{item} is recorded at {place} already."),
    Message.LAB_QUANTITY_NEGATIVE: QT_TRANSLATE_NOOP("Messages", "A quantity cannot be negative."),
    Message.LAB_ALREADY_ARCHIVED: QT_TRANSLATE_NOOP("Messages", "{item} is already archived."),
    Message.LAB_SPLIT_RANGE: QT_TRANSLATE_NOOP(
        "Messages", "Split off more than 0 and less than {most} ({item} has {most}); got {quantity}."
    ),
    Message.LAB_BARCODE_IN_USE: QT_TRANSLATE_NOOP("Messages", "Barcode {barcode} is empty or already in use."),
    Message.LAB_NO_ITEM: QT_TRANSLATE_NOOP("Messages", "No inventory item {barcode}."),
    Message.LAB_ACTIONS_NEED_SESSION: QT_TRANSLATE_NOOP(
        "Messages", "Inventory actions belong to a reconciliation session."
    ),
    Message.VARIANCE_REASON_NEEDED: QT_TRANSLATE_NOOP(
        "Messages", "Rejecting or forcing a variance needs a reason: say why, for the audit."
    ),
    Message.VARIANCE_NO_ITEM: QT_TRANSLATE_NOOP(
        "Messages", "{item} is neither on this count's list nor counted in it."
    ),
    Message.VARIANCE_NOT_COUNTED: QT_TRANSLATE_NOOP(
        "Messages", "{item} is not counted yet: there is no variance to decide. Recount it first."
    ),
    Message.THRESHOLD_INVALID: QT_TRANSLATE_NOOP(
        "Messages", "A variance threshold is a number of 0 or more (units or percent); got {value}."
    ),
    Message.RECOUNT_NO_ITEMS: QT_TRANSLATE_NOOP("Messages", "Choose the items to recount."),
    Message.NOT_A_RETAIL_COUNT: QT_TRANSLATE_NOOP(
        "Messages", "That is a lab reconciliation: variances, thresholds and recounts are for counts."
    ),
    Message.SCAN_REJECTED: QT_TRANSLATE_NOOP("Messages", "Rejected: {reason}"),
    Message.SCAN_UNMATCHED: QT_TRANSLATE_NOOP("Messages", "Unmatched: {code} matches no product"),
    Message.LAB_HERE: QT_TRANSLATE_NOOP("Messages", "Here: {place}"),
    Message.LAB_IN_SCOPE: QT_TRANSLATE_NOOP("Messages", "In Scope: {item}"),
    Message.LAB_IN_SCOPE_NOWHERE: QT_TRANSLATE_NOOP(
        "Messages", "In Scope: {item} (scan a location label to record where items are)"
    ),
    Message.LAB_WRONG_LOCATION: QT_TRANSLATE_NOOP(
        "Messages", "Wrong location: {item} is recorded at {recorded}, found at {found}"
    ),
    Message.LAB_OTHER_LAB: QT_TRANSLATE_NOOP("Messages", "Not in Scope: {item} belongs to {item_lab}, not {lab}"),
    Message.LAB_ARCHIVED: QT_TRANSLATE_NOOP(
        "Messages", "Not in Scope: {item} is archived in the inventory, yet it is here: check it"
    ),
    Message.LAB_NOT_LISTED: QT_TRANSLATE_NOOP("Messages", "Not in Scope: {item} is not in this session's listing"),
    Message.LAB_UNKNOWN: QT_TRANSLATE_NOOP(
        "Messages", "Not in Scope: {code} matches no inventory item; it is kept (add a note under Unknown codes)."
    ),
}


class Action(StrEnum):
    """What a person tried to do, as a phrase the messages above put in their {action}."""

    COUNT = "count"
    SCAN = "scan"
    CREATE_COUNT = "create count"
    START_RECONCILIATION = "start reconciliation"
    CREATE_SESSION = "create session"
    WORK_SESSION = "work session"
    OPEN_SESSION = "open session"
    START_SESSION = "start session"
    START_COUNTING = "start counting"
    EDIT_SESSION = "edit session"
    DISCARD_SESSION = "discard session"
    SUBMIT_SESSION = "submit session"
    REOPEN_SESSION = "reopen session"
    END_SESSION = "end session"
    FORCE_RELEASE = "force release"
    RESET_PIN = "reset PIN"
    SET_IDLE_LOCK = "set idle lock"
    DECIDE_VARIANCE = "decide variance"
    SET_THRESHOLD = "set threshold"
    CREATE_RECOUNT = "create recount"
    REVIEW_EVENTS = "review events"


ACTION_TEXT: Mapping[Action, str] = {
    Action.COUNT: QT_TRANSLATE_NOOP("Messages", "count"),
    Action.SCAN: QT_TRANSLATE_NOOP("Messages", "scan"),
    Action.CREATE_COUNT: QT_TRANSLATE_NOOP("Messages", "create a count"),
    Action.START_RECONCILIATION: QT_TRANSLATE_NOOP("Messages", "start a reconciliation session"),
    Action.CREATE_SESSION: QT_TRANSLATE_NOOP("Messages", "create a session"),
    Action.WORK_SESSION: QT_TRANSLATE_NOOP("Messages", "work on a session"),
    Action.OPEN_SESSION: QT_TRANSLATE_NOOP("Messages", "open the session"),
    Action.START_SESSION: QT_TRANSLATE_NOOP("Messages", "start a session"),
    Action.START_COUNTING: QT_TRANSLATE_NOOP("Messages", "start counting"),
    Action.EDIT_SESSION: QT_TRANSLATE_NOOP("Messages", "edit the session"),
    Action.DISCARD_SESSION: QT_TRANSLATE_NOOP("Messages", "discard the session"),
    Action.SUBMIT_SESSION: QT_TRANSLATE_NOOP("Messages", "submit the session"),
    Action.REOPEN_SESSION: QT_TRANSLATE_NOOP("Messages", "re-open the session"),
    Action.END_SESSION: QT_TRANSLATE_NOOP("Messages", "end the session"),
    Action.FORCE_RELEASE: QT_TRANSLATE_NOOP("Messages", "force-release another user's session"),
    Action.RESET_PIN: QT_TRANSLATE_NOOP("Messages", "reset another user's PIN"),
    Action.SET_IDLE_LOCK: QT_TRANSLATE_NOOP("Messages", "change when ScanApp locks"),
    Action.DECIDE_VARIANCE: QT_TRANSLATE_NOOP("Messages", "approve, reject or force a variance"),
    Action.SET_THRESHOLD: QT_TRANSLATE_NOOP("Messages", "change a count's variance threshold"),
    Action.CREATE_RECOUNT: QT_TRANSLATE_NOOP("Messages", "create a recount session"),
    Action.REVIEW_EVENTS: QT_TRANSLATE_NOOP("Messages", "review fenced and refused scans"),
}


@dataclass(frozen=True)
class Said:
    """A message with its values, as a result carries it: the screens translate it by id, the rest of the app
    reads `english`."""

    message: Message
    params: tuple[tuple[str, object], ...] = ()

    @staticmethod
    def of(message: Message, **params: object) -> Said:
        return Said(message, tuple(params.items()))

    @property
    def english(self) -> str:
        return english(self.message, dict(self.params))


def english(message: Message, params: Mapping[str, object]) -> str:
    """The message in English with its values filled in (an Action by its English phrase)."""
    return TEXT[message].format(**{k: ACTION_TEXT[v] if isinstance(v, Action) else v for k, v in params.items()})
