"""Products by SKU, by code or by what was typed, and which of them a count expects."""

from __future__ import annotations

from sqlalchemy import Connection, bindparam, text

from scanapp.domain.rows import ProductHit


def product_names(conn: Connection, skus: list[str]) -> dict[str, str]:
    if not skus:
        return {}
    rows = conn.execute(
        text("SELECT sku, name FROM products WHERE sku IN :skus").bindparams(bindparam("skus", expanding=True)),
        {"skus": skus},
    )
    return {r.sku: r.name for r in rows}


def search_products(conn: Connection, query: str, limit: int = 50, only_count: str | None = None) -> list[ProductHit]:
    """Products by code, SKU or (parent) product name; exact code and SKU hits first.

    `only_count` restricts the result to a count's directed list (hand counts in directed counts, C9)."""
    query = query.strip()
    if not query:
        return []
    scope = ""
    params: dict[str, object] = {"q": query, "prefix": query.upper() + "%", "like": f"%{query}%", "limit": limit}
    if only_count:
        scope = " AND p.sku IN (SELECT item_key FROM expected_items WHERE count_id = :count)"
        params["count"] = only_count
    rows = conn.execute(
        text(
            "SELECT p.sku, p.name, p.parent_name, (SELECT min(code) FROM product_codes c WHERE c.sku = p.sku) AS code,"
            " CASE WHEN p.sku = :q OR EXISTS (SELECT 1 FROM product_codes c WHERE c.code = :q AND c.sku = p.sku)"
            " THEN 0 WHEN upper(p.sku) LIKE :prefix THEN 1 ELSE 2 END AS rank"
            " FROM products p WHERE (p.sku = :q OR upper(p.sku) LIKE :prefix OR p.name LIKE :like"
            " OR p.parent_name LIKE :like OR p.sku IN (SELECT sku FROM product_codes WHERE code = :q))"
            f"{scope} ORDER BY rank, p.parent_name, p.name LIMIT :limit"
        ),
        params,
    ).fetchall()
    return [ProductHit(r.sku, r.name, r.parent_name, r.code) for r in rows]


def expected_among(conn: Connection, count_id: str, item_keys: list[str]) -> set[str]:
    """Which of these items are on the count's expected (directed) list."""
    if not item_keys:
        return set()
    rows = conn.execute(
        text("SELECT item_key FROM expected_items WHERE count_id = :count AND item_key IN :keys").bindparams(
            bindparam("keys", expanding=True)
        ),
        {"count": count_id, "keys": item_keys},
    )
    return {str(r[0]) for r in rows}


def products_for_codes(conn: Connection, codes: list[str]) -> list[ProductHit]:
    """Products owning any of the given codes (likely-match candidates, B2), in the order of `codes`."""
    if not codes:
        return []
    rows = conn.execute(
        text(
            "SELECT c.code, p.sku, p.name, p.parent_name FROM product_codes c JOIN products p ON p.sku = c.sku"
            " WHERE c.code IN :codes"
        ).bindparams(bindparam("codes", expanding=True)),
        {"codes": codes},
    ).fetchall()
    by_code = {r.code: ProductHit(r.sku, r.name, r.parent_name, r.code) for r in rows}
    return [by_code[c] for c in codes if c in by_code]
