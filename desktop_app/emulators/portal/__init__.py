"""A faithful 1C-Bitrix sale exchange endpoint (`bitrix:sale.export.1c`) on 127.0.0.1.

See emulator.py for the Python API and exchange.py for the protocol rules it follows.
"""

from desktop_app.emulators.portal.emulator import PortalEmulator
from desktop_app.emulators.portal.faults import Fault, FaultKind
from desktop_app.emulators.portal.server import RequestRecord

__all__ = ["Fault", "FaultKind", "PortalEmulator", "RequestRecord"]
