"""How the station says where its server-only rows come from ("as of" a time, and why not live) and why a
server call did not happen, in the user's language (the service tells problems by kind)."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QCoreApplication

from scanapp.gui.widgets.formatting import day_and_time
from scanapp.services.supervisor_remote import Problem, RemoteFailed


def problem_text(problem: Problem, detail: str = "") -> str:
    if problem is Problem.NO_SERVER:
        return QCoreApplication.translate("SupervisorStation", "No sync server is set on this device.")
    if problem is Problem.OFFLINE:
        return QCoreApplication.translate("SupervisorStation", "The sync server cannot be reached.")
    if problem is Problem.SIGN_IN:
        return QCoreApplication.translate(
            "SupervisorStation",
            "You are not signed in to the sync server on this device: tap the sync state and enter your PIN.",
        )
    if problem is Problem.FORBIDDEN:
        return QCoreApplication.translate(
            "SupervisorStation", "The sync server refused: this needs a supervisor's rights there."
        )
    return QCoreApplication.translate("SupervisorStation", "The sync server refused: {detail}").format(detail=detail)


def as_of_text(live: bool, as_of: datetime | None, now: datetime, problem: Problem | None, detail: str) -> str:
    """ "As of 10:12", or the last rows read with why they are not live, or that there are none."""
    if live and as_of is not None:
        return QCoreApplication.translate("SupervisorStation", "As of {time} (from the sync server)").format(
            time=day_and_time(as_of, now)
        )
    why = problem_text(problem, detail) if problem is not None else ""
    if problem is Problem.FORBIDDEN:
        return why
    if as_of is None:
        return (
            QCoreApplication.translate("SupervisorStation", "Nothing read from the sync server yet. {why}")
            .format(why=why)
            .strip()
        )
    return (
        QCoreApplication.translate("SupervisorStation", "As of {time}, the last list read. {why}")
        .format(time=day_and_time(as_of, now), why=why)
        .strip()
    )


def failed_text(err: BaseException) -> str:
    """Why a change on the server did not happen (nothing was changed)."""
    if isinstance(err, RemoteFailed):
        why = problem_text(err.problem, err.detail)
        if err.problem in (Problem.OFFLINE, Problem.NO_SERVER):
            return QCoreApplication.translate(
                "SupervisorStation",
                "{why} This works only online: nothing was changed. Try again once the device is back online.",
            ).format(why=why)
        return QCoreApplication.translate("SupervisorStation", "{why} Nothing was changed.").format(why=why)
    return QCoreApplication.translate("SupervisorStation", "That did not work: {error}").format(error=str(err))
