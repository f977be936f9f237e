"""Casebook: condition pages from post tags, and follow-up links between posts."""

from .plugin import register  # noqa: F401
