"""scansync: the central sync service for ScanApp devices (SPEC S1–S4).

Imports the domain rules (scanapp.domain) and the wire schema (scanapp.sync.wire); never Qt, never the
device's local store. All shared state — leases, sequences, cursors, rate limits — lives in the database,
so several server processes can run behind one PostgreSQL.
"""
