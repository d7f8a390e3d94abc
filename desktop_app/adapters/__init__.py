"""The outside world: the portal (1C-Bitrix exchange, CommerceML), 1C (OData), XLSX."""
