"""What can be scanned: retail products (identified by SKU, found by any of their codes) and lab
inventory items (each with its own unique barcode)."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


@dataclass(frozen=True)
class Product:
    sku: str
    name: str
    parent_name: str
    gtins: tuple[str, ...] = ()


class InventoryStatus(StrEnum):
    AVAILABLE = "available"
    IN_USE = "in use"
    QUARANTINED = "quarantined"
    ARCHIVED = "archived"


@dataclass(frozen=True)
class InventoryItem:
    barcode: str
    ingredient: str
    lab: str
    location: str
    quantity: float
    unit: str = ""
    status: str = InventoryStatus.AVAILABLE.value


@dataclass(frozen=True)
class ListingConfig:
    """A lab session's scope: which inventory columns to show and which filters select the expected items.

    Filters map a column (lab, location, ingredient, status) to the values it may take; an item is in
    scope when it matches every filter.
    """

    id: str
    name: str
    columns: tuple[str, ...] = ("barcode", "ingredient", "lab", "location", "quantity", "status")
    filters: tuple[tuple[str, tuple[str, ...]], ...] = ()

    FILTERABLE = ("lab", "location", "ingredient", "status")

    def matches(self, item: InventoryItem) -> bool:
        return all(str(getattr(item, column)) in allowed for column, allowed in self.filters)
