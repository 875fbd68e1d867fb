"""App start, the main window, sign-in: the shell around the pages."""
