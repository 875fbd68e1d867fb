"""ScanApp: offline-first barcode counting for retail cycle counts and lab inventory reconciliation."""

__version__ = "0.1.0"
