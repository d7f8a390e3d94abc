"""How the app reads the portal: the one list of modes the settings choose from and the
store records with every fetch (`fetches.page_mode`).

It lives in the domain because both sides need it and neither may import the other: the
store may not import services, and the settings are a service. The values are written into
`settings.json` and the database, so they stay as they are.
"""

from __future__ import annotations

from enum import StrEnum

__all__ = ["PortalMode"]


class PortalMode(StrEnum):
    OWN_PAGE = "own-page"
    """The app has its own exchange page on the portal and confirms what it received."""
    PEEK = "peek"
    """The app reads through 1C's page and never confirms (never moves 1C's cursor)."""
