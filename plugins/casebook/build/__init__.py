"""Pelican glue: the reader, signal handlers and generators that call the pure modules."""
