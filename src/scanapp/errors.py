"""The two kinds of error (DESIGN rule 7).

`KnownError` is the world's doing — a locked file, a dead server, an unplugged scanner: shown in plain
words and logged. Anything else is a bug and goes to the crash handler with its traceback.
"""


class KnownError(Exception):
    """A problem in the world, explained to the user by its message."""
