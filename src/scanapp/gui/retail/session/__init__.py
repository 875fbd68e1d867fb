"""The session screen, one module per responsibility: `page` composes the header, the actions, the scan
controller (pipeline, device, recording) and the tabs, and keeps the session's lock."""
