"""The state registry (ЕГРЮЛ/ЕГРИП) as DaData serves it: `findById/party` (issue 17)."""
