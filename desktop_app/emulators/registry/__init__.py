"""An emulator of DaData's `findById/party` (the state registry), seeded from the `World`."""
