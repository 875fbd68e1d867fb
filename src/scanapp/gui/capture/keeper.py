"""Keeping a refused scan (domain.refusals) as the router asks: read through the decoding pipeline with the
active scanner's settings (so the log says how it decodes), by whoever is signed in, in the session given."""

from __future__ import annotations

from collections.abc import Callable

from scanapp.domain.permissions import Actor
from scanapp.gui.capture.router import Refusal
from scanapp.scanners.pipeline import ScanPipeline
from scanapp.scanners.read import ScanRead
from scanapp.scanners.settings import ScannerSettings
from scanapp.services.refusals import RefusedScans


class RefusalKeeper:
    def __init__(
        self, refusals: RefusedScans, who: Callable[[], Actor | None], settings: Callable[[], ScannerSettings]
    ) -> None:
        """`who` is whoever is signed in (None at the sign-in page); `settings` the active scanner's."""
        self.refusals = refusals
        self.who = who
        self.settings = settings

    def __call__(self, read: ScanRead, refusal: Refusal, session_id: str | None) -> None:
        """Raises KnownError when the store cannot keep it (said to the person with the refusal)."""
        # A pipeline of its own: a refused read must not open the session pipeline's double-read window.
        result = ScanPipeline(self.settings()).process(read)
        actor = self.who()
        self.refusals.keep(
            session_id,
            actor.user_id if actor is not None else None,
            result.raw,
            result.to_dict(),
            refusal.reason,
            read.source,
            read.manual,
            refusal.detail,
        )
