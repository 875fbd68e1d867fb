"""What the domain says to a person names no permission code (the seed's codes are for configuring accounts,
not for the person at the device), and every message has its English text, filled in for the command line."""

from __future__ import annotations

import re

from scanapp.domain.errors import NotFound, UnmatchedItemsRemain
from scanapp.domain.messages import ACTION_TEXT, TEXT, Action, Message, english
from scanapp.domain.permissions import Permission
from scanapp.domain.refusals import REFUSAL_SHORT, REFUSAL_TEXT


def test_no_message_names_a_permission_code() -> None:
    for text in [*TEXT.values(), *ACTION_TEXT.values(), *REFUSAL_TEXT.values(), *REFUSAL_SHORT.values()]:
        assert not any(p.value in text for p in Permission), text
        assert not re.search(r"\b[A-Z]+_[A-Z_]+\b", text), text


def test_english_fills_in_values_and_actions() -> None:
    assert english(Message.SESSION_HELD, {"action": Action.SCAN, "user": "pat", "device": "01a2b3c4"}) == (
        "You cannot scan: pat on device 01a2b3c4 is working on this session. Ask a supervisor to release it."
    )
    assert str(NotFound(Message.NO_PRODUCT, sku="SKU-9")) == "No product with SKU SKU-9."
    assert str(UnmatchedItemsRemain(1)).endswith("(see the Unmatched tab; 1 left).")
    assert str(NotFound("Plain text stays as it is.")) == "Plain text stays as it is."
