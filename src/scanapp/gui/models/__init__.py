"""Table models over plain rows from the read port (scanapp.services.reads), fetched in pages, never domain
objects held in list widgets."""
