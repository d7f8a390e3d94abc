"""A generated, deterministic world of the wholesale company's B2B portal: buyers and orders.

Orders are domain `Order` objects holding exactly what 1C-Bitrix's sale module would put in
its `mode=query` export (schema 2.05), so the emulator writes them and the reader must get
them back. Bitrix's own arithmetic is kept, quirks included: a line's `Налог/Сумма` is the VAT
of ONE unit computed as if the price included it, the delivery line is taxed only when the
order's tax equals the lines' VAT plus the delivery's, and a line `Сумма` is price × quantity.

An order is a pure function of the world seed and its number, so 25,000 orders can be
streamed, re-generated or re-exported without being kept in memory. A `flawed` world gives a
few of its oldest orders of new legal entities the flaws the checks exist for
(`world_flaws`): the demo shows each finding once.
"""

from __future__ import annotations

import bisect
import datetime as dt
import itertools
import random
from collections.abc import Iterator
from decimal import Decimal

from desktop_app.domain.counterparty import Counterparty
from desktop_app.domain.order import Order
from desktop_app.emulators import world_goods as goods
from desktop_app.emulators.exchange_setup import ExchangeSetup
from desktop_app.emulators.world_buyers import Buyer, PayerType, generate_buyers
from desktop_app.emulators.world_flaws import FLAWS, Flaw, flawed_order
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
FLAW_SEARCH = 400
"""How many of the oldest orders are looked through for new legal entities to flaw."""


class World:
    """Buyers and a catalogue made once from a seed; orders made on demand from their number."""

    __slots__ = (
        "_cumulative", "_flaws", "buyers", "catalog_id", "exchange", "flawed", "products",
        "seed", "start",
    )  # fmt: skip

    def __init__(
        self,
        seed: int,
        buyers: tuple[Buyer, ...],
        products: tuple[Product, ...],
        catalog_id: str,
        start: dt.date,
        exchange: ExchangeSetup = ExchangeSetup.BITRIX_MODULE,
        flawed: bool = False,
    ) -> None:
        self.seed = seed
        self.buyers = buyers
        self.products = products
        self.catalog_id = catalog_id
        self.start = start - dt.timedelta(days=start.weekday())
        self._cumulative = list(itertools.accumulate(b.weight for b in buyers))
        self.exchange = exchange
        """How 1C takes the portal's orders (GUIDE §5): the 1C emulator follows it."""
        self.flawed = flawed
        self._flaws = self._place_flaws() if flawed else {}

    def _place_flaws(self) -> dict[int, tuple[Flaw, Counterparty]]:
        """Each flaw on the next oldest order of a legal entity that is not a branch (the
        branches keep their story), with another legal entity for the flaws that need one.
        A company 1C knows, with a typo in its ИНН, is met by its name among the candidates."""
        placed: dict[int, tuple[Flaw, Counterparty]] = {}
        legal = [b for b in self.buyers if b.payer_type is PayerType.LEGAL and not b.is_branch]
        flaws = iter(FLAWS)
        flaw = next(flaws, None)
        for number in range(1, FLAW_SEARCH + 1):
            if flaw is None:
                break
            buyer = self._buyer_of(random.Random(self.seed * 1_000_003 + number))  # noqa: S311
            if buyer in legal:
                other = next(b for b in legal if b is not buyer).counterparty
                placed[number] = (flaw, other)
                flaw = next(flaws, None)
        return placed

    @classmethod
    def generate(
        cls,
        seed: int,
        buyers: int = 200,
        start: dt.date = DEFAULT_START,
        exchange: ExchangeSetup = ExchangeSetup.BITRIX_MODULE,
        *,
        flawed: bool = False,
    ) -> World:
        """A world of `buyers` buyers; `start` is rounded back to its Monday; `flawed`: with
        an order of each flaw the checks find (`world_flaws`)."""
        rng = random.Random(seed)  # noqa: S311 - reproducible test data, not secrets
        people = generate_buyers(rng, buyers)
        catalog_id = random_uuid(rng)
        products = [make_product(rng, g, catalog_id) for g in goods.CATALOGUE]
        products.sort(key=lambda p: p.goods.name.casefold())  # Bitrix selects ORDER BY NAME
        return cls(seed, people, tuple(products), catalog_id, start, exchange, flawed)

    def with_exchange(self, exchange: ExchangeSetup) -> World:
        """The same buyers, goods and orders, taken by 1C through another exchange."""
        return World(
            self.seed, self.buyers, self.products, self.catalog_id, self.start, exchange,
            self.flawed,
        )  # fmt: skip

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
        buyer = self._buyer_of(rng)
        moment = self._moment(order_id, rng)
        count = rng.choices(LINE_COUNTS, cum_weights=LINE_CUM_WEIGHTS)[0]
        chosen = [self.products[i] for i in sorted(rng.sample(range(len(self.products)), count))]
        promotion = rng.random() < 0.15
        items = tuple(
            BasketItem(p, Decimal(rng.randrange(*p.quantity_range)), _discount(rng, promotion))
            for p in chosen
        )
        draft = OrderDraft(order_id=order_id, moment=moment, buyer=buyer, items=items)
        order = build_order(rng, draft)
        flaw = self._flaws.get(order_id)
        return order if flaw is None else flawed_order(order, *flaw)

    def _buyer_of(self, rng: random.Random) -> Buyer:
        """The buyer of an order: the first draw of the order's own generator."""
        index = bisect.bisect(self._cumulative, rng.random() * self._cumulative[-1])
        return self.buyers[min(index, len(self.buyers) - 1)]

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
