"""The states a device source reports with `state_changed(state, message)`."""

CONNECTED = "connected"
"""Open and reading."""
DISCONNECTED = "disconnected"
"""Not there (unplugged, not found, no permission, busy); the source keeps trying and says why."""
STOPPED = "stopped"
"""Not started, or stopped on purpose."""
