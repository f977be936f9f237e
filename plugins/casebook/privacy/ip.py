"""IP addresses, v4 and v6, as Python's `ipaddress` reads them.

A candidate is anything shaped like one (four numbers apart by dots, "[.]" too, spaces allowed
around them as some write to dodge a filter; or hexadecimal groups apart by colons);
`ipaddress` decides. A time (08:14:07), a version (2.0.1), a DOI or a spinal level is
none: it has too few parts, or parts `ipaddress` refuses.
"""

from __future__ import annotations

import ipaddress
import re

from .spans import Span, texts

SPACE = r"[^\S\n]?"
# A dot, or a dot "defanged" as security notes write one so it is no link: "203[.]0[.]113[.]88".
DOT = rf"{SPACE}(?:\.|\[\.\]|\(\.\)){SPACE}"
IPV4 = re.compile(
    rf"(?<![\w.:/-])(\d{{1,3}}){DOT}(\d{{1,3}}){DOT}(\d{{1,3}}){DOT}(\d{{1,3}})(?![\w:/-]|\.\d)"
)
# Two numbers and a dot between them: what every v4 candidate holds, found at a digit.
V4_HINT = re.compile(r"\d[^\S\n]?(?:\.|\[\.\]|\(\.\))[^\S\n]?\d")
IPV6 = re.compile(r"(?<![\w:.-])[0-9A-Fa-f]{0,4}(?::[0-9A-Fa-f]{0,4}){2,7}(?![\w:-])")
# A version or a section is no address: "version 1.2.3.4", "v1.2.3.4", "section 2.1.1.4".
NOT_BEFORE = re.compile(r"(?i:(?:version|v|section|chapter|figure|table|release)[^\S\n]*)$")


def _v4(text: str) -> list[Span]:
    spans = []
    for m in IPV4.finditer(text):
        address = ".".join(m.groups())
        if NOT_BEFORE.search(text[max(0, m.start() - 12) : m.start()]):
            continue
        try:
            ipaddress.IPv4Address(address)
        except ValueError:
            continue
        spans.append(m.span())
    return spans


def _v6(text: str) -> list[Span]:
    spans = []
    for m in IPV6.finditer(text):
        candidate = m.group().rstrip(".:")
        # Two groups and a "::" at least: "08:14:07" (a time) has neither hex nor "::".
        if "::" not in candidate and candidate.count(":") < 7:
            continue
        if not any(c.isdigit() for c in candidate) or len(candidate) < 7:
            continue
        try:
            ipaddress.IPv6Address(candidate)
        except ValueError:
            continue
        spans.append((m.start(), m.start() + len(candidate)))
    return spans


def ip_spans(text: str) -> list[Span]:
    """Spans of IPv4 and IPv6 addresses."""
    found = _v4(text) if "." in text and V4_HINT.search(text) else []
    if "::" in text or text.count(":") >= 7:
        found += [s for s in _v6(text) if not any(a < s[1] and s[0] < b for a, b in found)]
    return sorted(found)


def ip_addresses(text: str) -> list[str]:
    """IPv4 and IPv6 addresses."""
    return texts(text, ip_spans(text))
