"""Faithful stand-ins for the 1C-Bitrix portal and 1C OData.

They serve the demo, the tests and the benchmarks, and listen on loopback only.
"""
