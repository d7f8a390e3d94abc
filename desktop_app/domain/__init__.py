"""Plain data and pure functions of the product: no Qt, no I/O, nothing of the outside world."""
