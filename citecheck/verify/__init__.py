"""Verification: links through HTTP transports, quotations against source texts."""
