"""Monitoring of the «Наставничество» sections on the websites of a district's organizations."""

__version__ = "0.1.0"
