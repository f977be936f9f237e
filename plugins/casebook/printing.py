"""Paper: URLs that wrap after a slash, never at a hyphen; the Chromium that prints them."""

from __future__ import annotations

from markupsafe import Markup, escape

# Debian's Chromium, never a downloaded one. The flags tooling.md found necessary: no sandbox
# as root, and no background calls to Google that a closed network would refuse.
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def url_chunks(url: str) -> list[str]:
    """A URL cut after each slash of its path; the scheme and host stay one piece.

    `https://example.org/a-b/c/` gives `https://example.org/`, `a-b/`, `c/`: a line may end
    after any of them, and a reader retyping a wrapped address never wonders whether a hyphen
    at the end of a line is part of it.
    """
    scheme, found, rest = url.partition("://")
    head, rest = (scheme + found, rest) if found else ("", url)
    host, slash, path = rest.partition("/")
    chunks = [head + host + slash]
    while path:
        piece, slash, path = path.partition("/")
        chunks.append(piece + slash)
    return [c for c in chunks if c]


def breakable_url(url: object) -> Markup:
    """The URL as HTML: each chunk unbreakable (`.url-part`), a break allowed between them."""
    text = str(url or "")
    parts = [f'<span class="url-part">{escape(chunk)}</span>' for chunk in url_chunks(text)]
    return Markup('<span class="url">' + "<wbr>".join(parts) + "</span>")  # noqa: S704 - escaped
