"""The HTTP layer: transports (replay, record, live), cassettes, address safety and the verdict cache."""
