"""Resident memory of this process, read from /proc (Linux).

`resource.getrusage(...).ru_maxrss` survives `exec` on Linux: a benchmark's child process
reports at least its parent's size at fork time, which hides what the child itself used.
`VmHWM` belongs to the process's own address space and starts fresh in a new program.
"""

from __future__ import annotations


def _status_mb(field: str) -> float:
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith(field + ":"):
                return int(line.split()[1]) / 1024  # kB → MiB
    raise RuntimeError(f"{field} not in /proc/self/status")


def rss_mb() -> float:
    """Resident size now."""
    return _status_mb("VmRSS")


def peak_rss_mb() -> float:
    """Highest resident size since this program started."""
    return _status_mb("VmHWM")
