"""The screens (PySide6). One folder per thing a person does: shell (start, window, sign-in), capture
(scanner input and feedback), scanner_setup, retail (counts and sessions), models (tables), widgets (shared).
"""
