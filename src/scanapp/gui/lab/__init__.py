"""The lab screens (second seed): Barcode Tracking with its reconciliation session, the start modal and
listing-config editor, the three views, the end with resolutions, past sessions and an item's history."""
