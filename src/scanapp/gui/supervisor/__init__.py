"""The supervisor's station (issue 12): its tabs and their dialogs."""
