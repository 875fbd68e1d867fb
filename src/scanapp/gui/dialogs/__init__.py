"""Dialogs opened from the pages: confirmations, the session form, Match Product, Hand-Counted Items."""
