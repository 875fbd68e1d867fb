"""Products Match Product offers for an unmatched scan (C8, B2) and Hand-Counted Items finds (C9): likely
matches of the scanned code first, then what the search finds by SKU, name or code."""

from __future__ import annotations

from scanapp.domain.barcodes import BarcodeError, gtin14_of
from scanapp.domain.rows import Candidate
from scanapp.domain.suggestions import Why, suggest
from scanapp.services.reads import Reads

SEARCH_LIMIT = 50


def likely_matches(reads: Reads, code: str, count_id: str | None = None) -> list[Candidate]:
    """Catalog products whose code the scanned one is probably a mis-read or another form of (B2), the
    likeliest first. With a count, products on its directed list come first: that is what was being counted."""
    suggestions = suggest(code)
    reasons = {s.code: s for s in suggestions}
    hits = reads.products_for_codes([s.code for s in suggestions])
    listed = reads.expected_among(count_id, [h.sku for h in hits]) if count_id else set()
    found = [
        Candidate(
            h.sku,
            h.name,
            h.parent_name,
            h.code,
            reasons[h.code or ""].why,
            reasons[h.code or ""].params,
            listed=h.sku in listed,
        )
        for h in hits
    ]
    return sorted(found, key=lambda c: c.sku not in listed)  # stable: the likeliest order stays within each


def search_matches(reads: Reads, text: str, only_count: str | None = None) -> list[Candidate]:
    """Products found by what was typed: a GTIN in any form, a SKU, or a (parent) product name."""
    text = text.strip()
    if not text:
        return []
    found: list[Candidate] = []
    try:
        key = gtin14_of(text)
    except BarcodeError:
        key = None
    if key is not None:
        owners = reads.products_for_codes([key])
        found += [Candidate(h.sku, h.name, h.parent_name, h.code, Why.HAS_CODE) for h in owners]
    found += [
        Candidate(h.sku, h.name, h.parent_name, h.code, Why.MATCHES_SEARCH)
        for h in reads.search_products(text, SEARCH_LIMIT, only_count)
    ]
    return found


def candidates_for(reads: Reads, scanned_code: str, text: str, count_id: str | None = None) -> list[Candidate]:
    """What Match Product lists: likely matches of the scanned code and what the search text finds; the
    likely ones first while the search still holds the scanned code."""
    likely = likely_matches(reads, scanned_code, count_id)
    searched = search_matches(reads, text)
    ordered = likely + searched if text.strip() == scanned_code else searched + likely
    seen: set[str] = set()
    out = []
    for c in ordered:
        if c.sku not in seen:
            seen.add(c.sku)
            out.append(c)
    return out
