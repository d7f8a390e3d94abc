"""Order Review: review B2B-portal orders with unknown counterparties before they reach 1C."""

__version__ = "0.1.0"
APP_NAME = "Order Review"
