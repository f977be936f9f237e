"""Casebook: condition pages from post tags, follow-up links, and one rule book for all content."""


def register():
    """Pelican's entry point; the build's modules load only when Pelican asks for them."""
    from .pelican.plugin import register as connect  # noqa: PLC0415 - keep the CLIs light

    connect()
