"""A generated, deterministic world of the wholesale company's B2B portal: buyers and orders.

Orders are domain `Order` objects holding exactly what 1C-Bitrix's sale module would put in
its `mode=query` export (schema 2.05), so the emulator writes them and the reader must get
them back. Bitrix's own arithmetic is kept, quirks included: a line's `Налог/Сумма` is the VAT
of ONE unit computed as if the price included it, the delivery line is taxed only when the
order's tax equals the lines' VAT plus the delivery's, and a line `Сумма` is price × quantity.

An order is a pure function of the world seed and its number, so 25,000 orders can be
streamed, re-generated or re-exported without being kept in memory.
"""

from __future__ import annotations

import bisect
import datetime as dt
import itertools
import random
from collections.abc import Iterator
from decimal import Decimal

from desktop_app.domain.order import Order
from desktop_app.emulators import world_goods as goods
from desktop_app.emulators.exchange_setup import ExchangeSetup
from desktop_app.emulators.world_buyers import Buyer, generate_buyers
from desktop_app.emulators.world_orders import (
    BasketItem,
    OrderDraft,
    Product,
    build_order,
    make_product,
    random_uuid,
)

DEFAULT_START = dt.date(2025, 10, 6)  # a Monday; orders of 2026 carry the 22 % VAT rate
DAY_MINUTES = 600  # the portal's busy hours, 09:00–19:00 on working days
MINUTES_PER_ORDER = 7
LINE_COUNTS = (3, 4, 5, 6, 7, 8)
LINE_CUM_WEIGHTS = tuple(itertools.accumulate((30, 26, 18, 12, 8, 6)))
DISCOUNT_PERCENTS = (3, 5, 7, 10)


class World:
    """Buyers and a catalogue made once from a seed; orders made on demand from their number."""

    __slots__ = ("_cumulative", "buyers", "catalog_id", "exchange", "products", "seed", "start")

    def __init__(
        self,
        seed: int,
        buyers: tuple[Buyer, ...],
        products: tuple[Product, ...],
        catalog_id: str,
        start: dt.date,
        exchange: ExchangeSetup = ExchangeSetup.BITRIX_MODULE,
    ) -> None:
        self.seed = seed
        self.buyers = buyers
        self.products = products
        self.catalog_id = catalog_id
        self.start = start - dt.timedelta(days=start.weekday())
        self._cumulative = list(itertools.accumulate(b.weight for b in buyers))
        self.exchange = exchange
        """How 1C takes the portal's orders (GUIDE §5): the 1C emulator follows it."""

    @classmethod
    def generate(
        cls,
        seed: int,
        buyers: int = 200,
        start: dt.date = DEFAULT_START,
        exchange: ExchangeSetup = ExchangeSetup.BITRIX_MODULE,
    ) -> World:
        """A world of `buyers` buyers; `start` is rounded back to its Monday."""
        rng = random.Random(seed)  # noqa: S311 - reproducible test data, not secrets
        people = generate_buyers(rng, buyers)
        catalog_id = random_uuid(rng)
        products = [make_product(rng, g, catalog_id) for g in goods.CATALOGUE]
        products.sort(key=lambda p: p.goods.name.casefold())  # Bitrix selects ORDER BY NAME
        return cls(seed, people, tuple(products), catalog_id, start, exchange)

    def with_exchange(self, exchange: ExchangeSetup) -> World:
        """The same buyers, goods and orders, taken by 1C through another exchange."""
        return World(self.seed, self.buyers, self.products, self.catalog_id, self.start, exchange)

    @property
    def known_buyers(self) -> tuple[Buyer, ...]:
        """The buyers 1C already has in its directory (the 1C emulator's seed)."""
        return tuple(b for b in self.buyers if b.known_in_onec)

    def orders(self, count: int, start_id: int = 1) -> Iterator[Order]:
        """`count` orders numbered from `start_id`, made lazily, oldest first."""
        for order_id in range(start_id, start_id + count):
            yield self.order(order_id)

    def order(self, order_id: int) -> Order:
        """The order with this number; the same world always gives the same order."""
        if order_id < 1:
            raise ValueError(f"order numbers start at 1: {order_id}")
        rng = random.Random(self.seed * 1_000_003 + order_id)  # noqa: S311 - reproducible
        buyer_index = bisect.bisect(self._cumulative, rng.random() * self._cumulative[-1])
        buyer = self.buyers[min(buyer_index, len(self.buyers) - 1)]
        moment = self._moment(order_id, rng)
        count = rng.choices(LINE_COUNTS, cum_weights=LINE_CUM_WEIGHTS)[0]
        chosen = [self.products[i] for i in sorted(rng.sample(range(len(self.products)), count))]
        promotion = rng.random() < 0.15
        items = tuple(
            BasketItem(p, Decimal(rng.randrange(*p.quantity_range)), _discount(rng, promotion))
            for p in chosen
        )
        draft = OrderDraft(order_id=order_id, moment=moment, buyer=buyer, items=items)
        return build_order(rng, draft)

    def _moment(self, order_id: int, rng: random.Random) -> dt.datetime:
        """Working-day minutes in order of the number, so later numbers are never older."""
        offset = (order_id - 1) * MINUTES_PER_ORDER + rng.randrange(MINUTES_PER_ORDER)
        day, minute = divmod(offset, DAY_MINUTES)
        week, weekday = divmod(day, 5)
        date = self.start + dt.timedelta(days=week * 7 + weekday)
        return dt.datetime.combine(date, dt.time(9 + minute // 60, minute % 60, rng.randrange(60)))


def _discount(rng: random.Random, promotion: bool) -> int:
    """Percent off a line: an order under a promotion has it on about 40 % of its lines."""
    return rng.choice(DISCOUNT_PERCENTS) if promotion and rng.random() < 0.4 else 0
