"""Item models over the store: plain rows from store.queries, fetched in pages, never domain objects held
in list widgets."""
