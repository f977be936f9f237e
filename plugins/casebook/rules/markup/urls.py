"""Addresses as a browser reads them: the scheme that would run, the host that would be asked."""

from __future__ import annotations

import html
import re
from collections.abc import Callable
from urllib.parse import urlsplit

from .allowed import URL_SCHEMES
from .code import line_of
from .messages import remote_image, scheme_problem

AUTOLINK = re.compile(r"<([A-Za-z][A-Za-z0-9+.-]*:[^\s<>]*|[^\s<>!@]+@[^\s<>@]+)>")


SCHEME = re.compile(r"([A-Za-z][A-Za-z0-9+.-]*):")


# The URL standard drops tabs and newlines anywhere, and C0 controls and spaces at either end.
URL_NOISE = re.compile(r"[\t\n\r]")
URL_EDGES = "".join(map(chr, range(33)))


def browser_url(value: str) -> str:
    """An attribute's value as a browser's URL parser reads it (entities already decoded)."""
    return URL_NOISE.sub("", value).strip(URL_EDGES)


def scheme_of(url: str) -> str | None:
    """The scheme a browser would read in a decoded URL, lower case; None for a relative one."""
    match = SCHEME.match(browser_url(url))
    return match.group(1).lower() if match else None


def other_host(url: str) -> str | None:
    """The host of a decoded URL that points to another site, or None for a local one."""
    text = browser_url(url).replace("\\", "/")  # browsers read \\ as / in web addresses
    scheme = scheme_of(text)
    if scheme not in (None, "http", "https"):
        return None
    if scheme is not None:
        # `https:evil.example/a.png`: a page served over http reads the host all the same.
        rest = text[len(scheme) + 1 :].lstrip("/")
        return rest.split("/", 1)[0].split("?", 1)[0].split("#", 1)[0] or None
    try:
        host = urlsplit(text).netloc
    except ValueError:
        return "an address that is not a valid URL"
    return host or None


def url_problem(url: str, where: str) -> str | None:
    """The message for a decoded URL whose scheme a page may not have, or None."""
    scheme = scheme_of(url)
    if scheme is None or scheme in URL_SCHEMES:
        return None
    return scheme_problem(scheme, where)


def autolinks(text: str, report: Callable[[int, str], None]) -> str:
    """Raw text with every <scheme:...> autolink blanked, so the tag reader skips it.

    What an autolink becomes is judged in the rendered page (rendered.py).
    """

    def blank(match: re.Match[str]) -> str:
        message = url_problem(html.unescape(match.group(1)), "autolink")
        if message:
            report(line_of(text, match.start()), message)
        return " " * len(match.group(0))

    return AUTOLINK.sub(blank, text)


__all__ = ["autolinks", "browser_url", "other_host", "remote_image", "scheme_of", "url_problem"]
