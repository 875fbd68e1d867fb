"""The `--demo` data set: a store with a few thousand products (valid GTINs), local users for each role,
a directed and a hard count with sessions, and a lab with inventory and a listing config.

Deterministic (seeded), and created only once: a store that already has counts is left alone.
"""

from __future__ import annotations

import random
from datetime import timedelta

from biip.checksums import gs1_standard_check_digit
from sqlalchemy import text

from scanapp.domain.barcodes import gtin14_of
from scanapp.domain.clock import Clock, SystemClock
from scanapp.domain.counts import DEFAULT_AREAS, CountKind
from scanapp.domain.permissions import ROLES, Actor
from scanapp.services import demo_lab, pins, users
from scanapp.services.counting import Counting
from scanapp.store.database import Store
from scanapp.store.uow import SqlUnitOfWork

USERS = (
    ("alex", "Alex (associate)", "associate"),
    ("pat", "Pat (associate, pre-start)", "associate_pre_start"),
    ("morgan", "Morgan (inventory manager)", "inventory_manager"),
    ("sam", "Sam (supervisor)", "supervisor"),
    ("lee", "Lee (lab tech)", "lab_tech"),
)

# Their sign-in PINs (SPEC A1), as the README lists them: the demo is for trying, not for keeping secrets.
PINS = {"alex": "1111", "pat": "2222", "morgan": "3333", "sam": "4444", "lee": "5555"}

# The demo opens signed in as the associate (the app remembers the last user; Sign out picks another).
DEMO_SIGNED_IN = "alex"

_FAMILIES = {
    "Sparkling Water": ["Lime", "Lemon", "Grapefruit", "Plain", "Berry"],
    "Cola": ["Classic", "Zero", "Cherry", "Vanilla"],
    "Orange Juice": ["Pulp Free", "With Pulp", "Calcium"],
    "Potato Chips": ["Sea Salt", "Salt & Vinegar", "BBQ", "Sour Cream"],
    "Granola Bar": ["Oat & Honey", "Chocolate Chip", "Peanut Butter"],
    "Pasta": ["Spaghetti", "Penne", "Fusilli", "Farfalle"],
    "Coffee Beans": ["Dark Roast", "Medium Roast", "Decaf"],
    "Dish Soap": ["Lemon", "Original", "Sensitive"],
    "Shampoo": ["Daily", "Anti-Dandruff", "Volume"],
    "Toothpaste": ["Mint", "Whitening", "Kids"],
}
_BRANDS = ["Northwind", "Contoso", "Fabrikam", "Tailspin", "Adatum", "Litware", "Proseware", "Woodgrove"]
_SIZES = ["330 ml", "500 ml", "1 l", "2 l", "150 g", "250 g", "500 g", "1 kg", "6-pack", "12-pack"]


def gtin(body: str) -> str:
    return body + str(gs1_standard_check_digit(body))


def demo_products(n: int, seed: int = 7) -> list[tuple[str, str, str, list[str]]]:
    """(sku, name, parent_name, gtins): UPC-A and EAN-13 units, every fifth product with a case GTIN-14."""
    rng = random.Random(seed)
    families = list(_FAMILIES.items())
    out = []
    for i in range(n):
        family, variants = families[i % len(families)]
        brand = _BRANDS[(i // len(families)) % len(_BRANDS)]
        name = f"{brand} {family} {rng.choice(variants)} {rng.choice(_SIZES)}"
        parent = f"{brand} {family}"
        # UPC-A (12 digits) for even products, EAN-13 for odd ones.
        unit = gtin(f"0{70000 + i // 1000:05d}{i % 1000:05d}") if i % 2 == 0 else gtin(f"40{12345000 + i:010d}")
        codes = [unit]
        if i % 5 == 0:
            codes.append(gtin("1" + unit.zfill(13)[:-1]))
        out.append((f"SKU-{i + 1:05d}", name, parent, codes))
    return out


def seed_demo(store: Store, clock: Clock | None = None, products: int = 3000) -> bool:
    """Create the demo data unless the store already has counts. Returns whether it did."""
    clock = clock or SystemClock()
    with store.read() as conn:
        if conn.execute(text("SELECT count(*) FROM counts")).scalar_one():
            return False

    def uow() -> SqlUnitOfWork:
        return SqlUnitOfWork(store)

    _seed_reference_data(store, products, clock)
    _seed_counts(Counting(uow, clock), store.device_id, clock, products)
    demo_lab.seed_lab(Counting(uow, clock), store.device_id, clock)
    return True


def _seed_reference_data(store: Store, products: int, clock: Clock) -> None:
    """Users with their PINs, areas and the catalog, in one transaction."""
    with SqlUnitOfWork(store) as u:
        for user_id, name, role in USERS:
            u.users.upsert(user_id, name, ROLES[role])
            users.set_pin(u, user_id, PINS[user_id], "demo", clock.now(), pins.HASHER)
        users.remember(u, DEMO_SIGNED_IN)
        u.connection.execute(text("INSERT OR IGNORE INTO areas (name) VALUES (:n)"), [{"n": a} for a in DEFAULT_AREAS])
        batch_products = demo_products(products)
        u.catalog.import_batch(
            [(s, n, p) for s, n, p, _ in batch_products],
            [(gtin14_of(c), s) for s, _, _, codes in batch_products for c in codes],
        )
        u.commit()


def _seed_counts(counting: Counting, device: str, clock: Clock, products: int) -> None:
    """A directed and a hard count, and one already under way so every tab has something to show."""
    sam = Actor("sam", device, ROLES["supervisor"])
    now = clock.now()
    catalog = demo_products(products)
    rng = random.Random(3)
    directed = rng.sample(catalog[:600], 60)
    bev, _default = counting.create_count(
        sam,
        "Aisle 12 · Beverages",
        CountKind.DIRECTED,
        now - timedelta(hours=2),
        [(sku, float(rng.randint(1, 24))) for sku, *_ in directed],
        default_area="Display",
    )
    counting.new_session(sam, bev.id, "Backstock", "Backstock")
    tomorrow = (now + timedelta(days=1)).replace(hour=6, minute=0, second=0, microsecond=0)
    counting.create_count(sam, "Stockroom wall-to-wall", CountKind.HARD, tomorrow, default_area="Stockroom")

    # A count already under way, so the scan list, the tabs and an unmatched card have something to show.
    promo_list = rng.sample(catalog[600:1200], 25)
    _promo, promo_session = counting.create_count(
        sam,
        "Endcap promo check",
        CountKind.DIRECTED,
        now - timedelta(days=1),
        [(sku, float(rng.randint(2, 12))) for sku, *_ in promo_list],
        default_area="Endcap",
    )
    counting.start(sam, promo_session.id)
    for _sku, _, _, codes in promo_list[:12]:
        counting.record_scan(sam, promo_session.id, codes[0], source="demo")
    counting.record_scan(sam, promo_session.id, catalog[1500][3][0], source="demo")  # not on the list
    counting.record_scan(sam, promo_session.id, gtin("0" + "99999912345"), source="demo")  # unknown product
    for _sku, _, _, codes in promo_list[12:15]:
        counting.record_scan(sam, promo_session.id, codes[0], source="demo")
    counting.release(sam, promo_session.id)
