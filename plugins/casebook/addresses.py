"""Old addresses of moved posts: which file of a static site answers each; pure."""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import parse_qsl, quote, unquote, urlsplit

# A query value that can become a folder name: WordPress ids and slugs.
QUERY_VALUE = re.compile(r"[A-Za-z0-9_-]+")


@dataclass(frozen=True)
class Target:
    """Where a static host answers an old address: a file, and a `_redirects` line."""

    save_as: str  # relative to the output folder
    path: str  # the address of that file, for `_redirects`
    query_rule: str | None  # the `_redirects` line sending `?key=value` to `path`


def target(old: str) -> Target | None:
    """The file that answers an old address; None if a static site cannot answer it."""
    parts = urlsplit(old)
    if parts.scheme or parts.netloc or not parts.path.startswith("/"):
        return None
    folders = [p for p in unquote(parts.path).split("/") if p]
    if any(p in (".", "..") or "\\" in p for p in folders):
        return None  # never write outside the output folder
    prefix = "/" + "".join(f"{p}/" for p in folders)
    query = parse_qsl(parts.query, keep_blank_values=True)
    if query:
        # A file cannot answer ?p=123, so it gets a folder of its own (/p/123/), and one
        # `_redirects` rule per parameter sends every ?p=N there. Netlify's rules match
        # parameters by placeholder, not by value; `!` lets the rule win over index.html.
        if len(query) != 1 or not QUERY_VALUE.fullmatch(query[0][1]):
            return None
        key, value = query[0]
        if not QUERY_VALUE.fullmatch(key):
            return None
        here = quote(f"{prefix}{key}/")
        rule = f"{quote(unquote(parts.path))} {key}=:value {here}:value/ 301!"
        return Target("/".join([*folders, key, value, "index.html"]), f"{here}{value}/", rule)
    if not folders:
        return None  # the home page is never an old address of one post
    if old.endswith("/") or "." not in folders[-1]:
        return Target("/".join([*folders, "index.html"]), quote(prefix), None)
    return Target("/".join(folders), quote(parts.path), None)
