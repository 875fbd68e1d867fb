"""Retail counting: the counts list and the session screen (header, actions, scanning, tabs)."""
