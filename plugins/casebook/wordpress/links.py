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

from .convert import Converted, Ref
from .images import Brought, Images, is_file_url


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

    def resolve(self, converted: Converted, post: str, notes: list[str]) -> str:
        """A converted post's Markdown with every address pointing at the new site."""
        return converted.resolve(
            lambda ref: self.address(ref, post, notes), lambda ref: self.as_text(ref)
        )

    def _absolute(self, url: str) -> tuple[str, str, str, str, str] | None:
        try:
            parts = urlsplit(urljoin(self.base_url + "/", url))
        except ValueError:
            return None
        return parts.scheme, parts.netloc.lower(), parts.path, parts.query, parts.fragment

    def as_text(self, ref: Ref) -> str:
        """An address written out as a link's text: a path here for one of the old site's."""
        found = self._absolute(ref.url)
        if found is None or found[1] not in self.hosts or ref.url.startswith(("mailto:", "tel:")):
            return ref.url
        _scheme, _host, path, query, _fragment = found
        return (path or "/") + (f"?{query}" if query else "")

    def address(self, ref: Ref, post: str, notes: list[str]) -> str:
        """Where a link or image of `post` points on the new site."""
        url = ref.url
        found = self._absolute(url)
        if found is None or url.startswith(("mailto:", "tel:", "#")):
            return url
        scheme, host, path, query, fragment = found
        if host not in self.hosts:
            if ref.is_image:
                self.elsewhere.append((post, url))
            return url
        absolute = f"{scheme}://{host}{path}" + (f"?{query}" if query else "")
        if is_file_url(path, ref.is_image):
            brought = self.images.bring(absolute)
            if brought.how == "missing":
                self.missing.append(Missing(post, absolute, brought))
            return f"{{static}}/images/{brought.name}"
        anchor = f"#{fragment}" if fragment else ""
        target = self.posts.get(address_key(path, query))
        if target:
            return f"{{filename}}/{target}{anchor}"
        local = (path or "/") + (f"?{query}" if query else "")
        if local != "/":
            notes.append(f"a link to {local[:80]} of the old site, which no imported post has")
        return local + anchor
