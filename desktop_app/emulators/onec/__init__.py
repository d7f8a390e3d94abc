"""A faithful 1C:Enterprise standard OData endpoint (УТ 11 publication) on 127.0.0.1.

See emulator.py for the Python API and the modules it names for the rules they follow.
"""

from desktop_app.emulators.onec.emulator import OneCEmulator
from desktop_app.emulators.onec.faults import Fault, FaultKind, PageFault
from desktop_app.emulators.onec.server import RequestRecord

__all__ = ["Fault", "FaultKind", "OneCEmulator", "PageFault", "RequestRecord"]
