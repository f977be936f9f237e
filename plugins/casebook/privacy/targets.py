"""What the targets of a file's links and images give away: addresses, numbers, names in paths."""

from __future__ import annotations

from . import links, people, slugs
from .document import Document
from .findings import EMAIL, PHONE, URL, Finding, finding
from .seen import seen
from .wordlists import COMMON


def target_findings(
    doc: Document, own_sites: tuple[str, ...]
) -> tuple[list[Finding], list[Finding]]:
    """What the targets of links and images give away: (addresses and numbers, names in paths)."""
    found: list[Finding] = []
    local: list[Finding] = []
    given = people.GIVEN - COMMON
    for start, end in doc.targets:
        target = seen(doc.text[start:end])
        line = doc.line_at(start)
        kind = links.target_kind(target)
        if kind == "mailto":
            found += [
                finding(line, "email", target[s:e], EMAIL)
                for s, e in links.mailto_addresses(target)
            ]
        elif kind == "tel":
            number = links.tel_number(target)
            if number:
                text = target[number[0] : number[1]]
                found.append(finding(line, "phone", text, PHONE))
        elif kind == "web":
            if links.url_identifier(target, own_sites, given) or (
                links.called_own(doc.text, start) and links.host(target) not in own_sites
            ):
                found.append(finding(line, "url", target, URL))
        else:
            path = target.split("#", 1)[0].split("?", 1)[0]
            local += [
                Finding(
                    line, f.kind, f.text, f.message.replace("file name", "link target"), f.category
                )
                for f in slugs.lint_path(path)
            ]
    return found, local
