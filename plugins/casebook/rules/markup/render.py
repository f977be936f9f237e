"""The HTML a content file becomes, made as Pelican makes it, for `make check` (which builds none).

The build converts each file once (pelican/reader.py) and hands the rule book that HTML; a
check, or a file the build did not convert, is converted here with the same Markdown settings
and the same two readers (yaml_metadata's for YAML front matter, Pelican's own with the meta
extension for a `Key: value` header), so the rule book judges the same HTML either way.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from markdown import Markdown
from pelican.utils import (
    strip_toc_elements_from_html,
    truncate_html_paragraphs,
    truncate_html_words,
)

from ...content.settings import Settings
from ...content.source import Source

META = "markdown.extensions.meta"
SUMMARY_KEY = "summary"


@dataclass(frozen=True)
class Rendered:
    """What a file shows as HTML: its body, and the summary its front matter gives (if any)."""

    body: str
    summary: str | None = None


def markdown_settings(settings: Settings, meta: bool) -> dict[str, Any]:
    """The site's MARKDOWN settings as Pelican's readers complete them (with or without meta)."""
    given = settings.get("MARKDOWN") or {}
    configs = dict(given.get("extension_configs") or {})
    names = list(dict.fromkeys([*(given.get("extensions") or []), *configs]))
    names = [n for n in names if n != META] + ([META] if meta else [])
    return {**given, "extensions": names, "extension_configs": configs}


class Renderer:
    """Markdown as the build converts it, one converter of each kind per check."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self._yaml: Markdown | None = None
        self._header: Markdown | None = None

    def __call__(self, source: Source) -> Rendered:
        if source.is_yaml:
            if self._yaml is None:
                self._yaml = Markdown(**markdown_settings(self.settings, meta=False))
            body = self._yaml.reset().convert(source.body)
            summary = source.meta.get(SUMMARY_KEY)
            if summary is None:
                return Rendered(body)
            text = "\n".join(map(str, summary)) if isinstance(summary, list) else str(summary)
            return Rendered(body, self._yaml.reset().convert(text))
        # Pelican's MarkdownReader makes a new converter per file, meta extension and all.
        self._header = Markdown(**markdown_settings(self.settings, meta=True))
        body = self._header.convert(source.text)
        found = getattr(self._header, "Meta", {}).get(SUMMARY_KEY)
        if not found:
            return Rendered(body)
        self._header.preprocessors.deregister("meta")
        self._header.reset()
        return Rendered(body, self._header.convert("\n".join(found)))


def shown_summary(rendered: Rendered, settings: Settings) -> str:
    """The summary lists and feeds show: the front matter's, else Pelican's cut of the body."""
    if rendered.summary is not None:
        return rendered.summary
    content = rendered.body
    paragraphs = settings.get("SUMMARY_MAX_PARAGRAPHS")
    if paragraphs is not None:
        content = truncate_html_paragraphs(content, paragraphs)
    words = settings.get("SUMMARY_MAX_LENGTH", 50)
    if words is not None:
        content = truncate_html_words(content, words, settings.get("SUMMARY_END_SUFFIX", "…"))
    return str(strip_toc_elements_from_html(content))
