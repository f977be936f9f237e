"""Every link and image of an imported post, pointed at the new site instead of the old one.

An image or file of the old site becomes `{static}/images/<name>` (brought home by
`images`); a link to an imported post becomes `{filename}/<its file>`; any other address of
the old site becomes a path on this one (its redirect, if any, answers it). Links to other
sites stay; `javascript:`, `data:` and other schemes are left out.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from urllib.parse import unquote, urljoin, urlsplit

from .convert import Rewrite
from .images import Brought, Images, is_file_url

KEPT_SCHEMES = ("http", "https", "mailto", "tel")


def address_key(path: str, query: str = "") -> str:
    """An old address as the lookup key: decoded path with a trailing slash, and its query."""
    path = unquote(path or "/")
    last = path.rsplit("/", 1)[-1]
    if "." not in last and not path.endswith("/"):
        path += "/"
    return path + (f"?{query}" if query else "")


@dataclass(frozen=True)
class Missing:
    """An image a post shows that could not be brought home."""

    post: str  # the post's file, relative to content/
    url: str
    brought: Brought


@dataclass
class Links:
    """The rewriting of one import's links: the old site, its posts, its images."""

    base_url: str
    hosts: frozenset[str]
    images: Images
    posts: dict[str, str] = field(default_factory=dict)  # address key -> file under content/
    missing: list[Missing] = field(default_factory=list)
    elsewhere: list[tuple[str, str]] = field(default_factory=list)  # (post, image url)

    def add_post(self, relpath: str, old: Iterable[str]) -> None:
        """Where links to a post's old addresses lead now."""
        for address in old:
            parts = urlsplit(address)
            self.posts.setdefault(address_key(parts.path, parts.query), relpath)

    def rewriter(self, post: str, notes: list[str]) -> Rewrite:
        """The rewrite function for one post's links; what it changes goes into `notes`."""

        def rewrite(url: str, is_image: bool) -> str | None:
            return self._rewrite(url, is_image, post, notes)

        return rewrite

    def _rewrite(self, url: str, is_image: bool, post: str, notes: list[str]) -> str | None:
        try:
            parts = urlsplit(url)
            absolute = urlsplit(urljoin(self.base_url + "/", url))
        except ValueError:
            return None
        scheme = parts.scheme.lower()
        if scheme and scheme not in KEPT_SCHEMES:
            return None  # javascript:, data:, file: and the like
        if scheme in ("mailto", "tel") or url.startswith("#"):
            return url
        if absolute.netloc.lower() not in self.hosts:
            if is_image:
                self.elsewhere.append((post, url))
            return url
        if is_file_url(absolute.path, is_image):
            brought = self.images.bring(absolute.geturl())
            if brought.how == "missing":
                self.missing.append(Missing(post, absolute.geturl(), brought))
            return f"{{static}}/images/{brought.name}"
        fragment = f"#{absolute.fragment}" if absolute.fragment else ""
        found = self.posts.get(address_key(absolute.path, absolute.query))
        if found:
            return f"{{filename}}/{found}{fragment}"
        local = (absolute.path or "/") + (f"?{absolute.query}" if absolute.query else "")
        if local != "/":
            notes.append(f"a link to {local[:80]} of the old site, which no imported post has")
        return local + fragment
