"""A refusal's text as the screens show it: a domain message translated by its id (scanapp.domain.messages),
with its values filled in (an action phrase translated too); any other KnownError as its own text. A refused
scan's reason (scanapp.domain.refusals) likewise.

    label.setText(error_text(err))
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication

from scanapp.domain import stored_text
from scanapp.domain.errors import DomainError, PermissionDenied
from scanapp.domain.messages import ACTION_TEXT, CONTEXT, TEXT, Action, Message, Said
from scanapp.domain.refusals import REFUSAL_SHORT, REFUSAL_TEXT, RefusalReason
from scanapp.gui.widgets.formatting import resolution_name

log = logging.getLogger(__name__)


def message_text(message: Message, **params: object) -> str:
    """A domain message in the person's language."""

    def value(k: str, v: object) -> object:
        if isinstance(v, Action):
            return QCoreApplication.translate(CONTEXT, ACTION_TEXT[v])
        return stored_text_shown(v) if k == "reason" and isinstance(v, str) else v

    return QCoreApplication.translate(CONTEXT, TEXT[message]).format(**{k: value(k, v) for k, v in params.items()})


def said_text(said: Said) -> str:
    """A result's message (a scan's outcome) in the person's language."""
    return message_text(said.message, **dict(said.params))


def refusal_text(reason: RefusalReason, detail: str = "", short: bool = False) -> str:
    """Why a scan was refused, and what to do (`short`: in a few words), in the person's language ({title}: the
    dialog's, `detail`)."""
    text = (REFUSAL_SHORT if short else REFUSAL_TEXT)[reason]
    return QCoreApplication.translate(CONTEXT, text).format(title=detail)


def stored_text_shown(text: str) -> str:
    """Text stored in English (why a scan could not be read, an item's history line) in the person's language."""
    return stored_text.translated(
        text, lambda t: QCoreApplication.translate(CONTEXT, t), {"resolution": resolution_name}
    )


def error_text(err: BaseException) -> str:
    """What to show for a refusal (a KnownError): translated when the domain gave it an id."""
    if isinstance(err, PermissionDenied) and err.needed:
        log.info("refused for want of any of %s", ", ".join(sorted(err.needed)))  # for support, not the screen
    if isinstance(err, DomainError) and err.message is not None:
        return message_text(err.message, **err.params)
    return str(err)
