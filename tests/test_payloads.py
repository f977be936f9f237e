"""Known XSS and mXSS payloads through `make check` and the build: none reaches a page or feed.

The corpus (tests/fixtures/payloads/corpus.yaml, its sources cited there) is written as one
post per payload. `make check` must refuse every payload that would be markup, and both
builds (the preview and the publish settings, feeds included) are read back file by file
with an HTML5 parser, the way a browser reads them: no script, no event handler, no
javascript:/vbscript:/data: address, no SVG or MathML, nothing loaded from evil.example.
"""

from __future__ import annotations

import logging
import re
import shutil
from pathlib import Path

import html5lib
import pytest
import yaml
from conftest import FIXTURES, ROOT, build
from lxml import etree

from casebook.cli.check import check_content
from casebook.content.settings import load

CORPUS = yaml.safe_load((FIXTURES / "payloads" / "corpus.yaml").read_text(encoding="utf-8"))
SOURCES = {"html5sec", "owasp", "portswigger", "mxss", "issue20", "markdown"}
# Payloads that are text, not markup, once Markdown has escaped or quoted them (or that only
# an old Internet Explorer would read as markup): check may accept them; the pages prove
# they stay text.
HARMLESS = {
    "comment-conditional",  # a comment to every browser since Internet Explorer 10
    "comment-in-attribute",  # the rest of the line is escaped text
    "tab-in-link",  # Markdown expands the tab: a relative address with spaces
    "reference-with-tab",  # no reference definition with a tab in its target: text
    "autolink-quote",  # the quote is escaped inside the address
    "link-quote-breakout",
    "link-title-breakout",
    "image-title-breakout",
    "title-in-attribute",  # inside a quoted attribute, `<img` is text
}
SCHEMES = re.compile(r"^(javascript|vbscript|data|livescript):", re.IGNORECASE)
URL_ATTRIBUTES = {"href", "src", "action", "formaction", "data", "xlink:href", "poster", "srcdoc"}
XHTML = "http://www.w3.org/1999/xhtml"
ATOM = "{http://www.w3.org/2005/Atom}"


def browser_url(value: str) -> str:
    """A URL as the URL standard reads it: tabs and newlines dropped, ends trimmed."""
    return re.sub(r"[\t\n\r]", "", value).strip("".join(map(chr, range(33))))


def write_corpus(content: Path) -> None:
    """One post per payload, and a condition file so the site has its vocabulary."""
    shutil.copytree(FIXTURES / "vocabulary", content / "conditions")
    (content / "posts").mkdir(parents=True)
    for number, payload in enumerate(CORPUS, start=1):
        meta = {
            "title": f"Payload {payload['id']}",
            "date": f"2024-01-{number % 28 + 1:02d}",
            "slug": f"payload-{payload['id']}",
        }
        if "summary" in payload:
            meta["summary"] = payload["summary"]
        body = payload.get("body", "A body of plain words.")
        text = f"---\n{yaml.safe_dump(meta, allow_unicode=True)}---\n{body}\n"
        (content / "posts" / f"{payload['id']}.md").write_text(text, encoding="utf-8")


def dangers(fragment) -> list[str]:
    """What in a parsed tree (html5lib, etree) would run, load another host or be foreign."""
    found = []
    for element in fragment.iter():
        if not isinstance(element.tag, str):
            continue
        namespace, _, name = element.tag[1:].partition("}") if "}" in element.tag else ("", "", "")
        name = name or element.tag
        text = "".join(element.itertext())
        if namespace and namespace != XHTML:
            found.append(f"<{name}> in {namespace}")
        # JSON-LD is data, never run; a payload breaking out of it would show as markup below.
        data = element.get("type") == "application/ld+json"
        if name == "script" and ("alert(" in text and not data or "evil" in element.get("src", "")):
            found.append(f"<script {dict(element.attrib)}> {text[:60]!r}")
        if name in {"iframe", "object", "embed", "base", "frame", "applet"}:
            found.append(f"<{name}>")
        if name == "style" and ("evil.example" in text or "@import" in text):
            found.append("<style> loading another host")
        if name == "meta" and "refresh" in (element.get("http-equiv") or "").lower():
            found.append("<meta refresh>")
        for attribute, value in element.attrib.items():
            local = str(attribute).rsplit("}", 1)[-1]
            if local.lower().startswith("on"):
                found.append(f"<{name} {local}=…>")
            is_url = local in URL_ATTRIBUTES or str(attribute).endswith("}href")
            if is_url and (SCHEMES.match(browser_url(value)) or "evil.example" in value):
                found.append(f"<{name} {local}={value[:40]!r}>")
            if local == "style" and "url(" in value.replace(" ", "").lower():
                found.append(f"<{name} style=url(…)>")
    return found


def page_dangers(path: Path) -> list[str]:
    """Dangers in one HTML page, parsed as a browser parses a document."""
    tree = html5lib.parse(path.read_text(encoding="utf-8"), treebuilder="etree")
    return dangers(tree)


def feed_dangers(path: Path) -> list[str]:
    """Dangers in every entry's HTML content and summary of an Atom feed."""
    parser = etree.XMLParser(resolve_entities=False, no_network=True)
    root = etree.parse(str(path), parser).getroot()
    found = []
    for element in root.iter(f"{ATOM}content", f"{ATOM}summary", f"{ATOM}title"):
        if element.get("type") == "html" or element.tag != f"{ATOM}title":
            fragment = html5lib.parseFragment(element.text or "", treebuilder="etree")
            found += [f"{element.tag}: {d}" for d in dangers(fragment)]
    return found


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    folder = tmp_path_factory.mktemp("payloads")
    write_corpus(folder / "content")
    return folder


def test_the_corpus_is_large_and_cited():
    assert len(CORPUS) >= 100
    assert {p["from"] for p in CORPUS} == SOURCES
    assert len({p["id"] for p in CORPUS}) == len(CORPUS)
    text = (FIXTURES / "payloads" / "corpus.yaml").read_text(encoding="utf-8")
    for name in ("html5sec.org", "cheatsheetseries.owasp.org", "portswigger.net"):
        assert name in text


def test_check_refuses_every_payload_that_would_be_markup(corpus):
    settings = load(str(ROOT / "pelicanconf.py"))
    problems, _files = check_content(corpus / "content", settings)
    refused = {Path(p.path).stem for p in problems if p.is_error and p.path.startswith("posts/")}
    expected = {p["id"] for p in CORPUS} - HARMLESS
    assert expected - refused == set()
    # Every error names its file and a line of it.
    assert all(p.line for p in problems if p.is_error and p.path.startswith("posts/"))


@pytest.mark.parametrize("config", ["pelicanconf.py", "publishconf.py"])
def test_no_payload_reaches_a_page_or_a_feed_as_markup(corpus, tmp_path, caplog, config):
    site = build(corpus / "content", tmp_path, caplog, config=config)
    pages = sorted(site.output.rglob("*.html"))
    feeds = sorted(site.output.rglob("*.atom")) + sorted(site.output.rglob("*.atom.xml"))
    written = {
        p.parent.name.removeprefix("payload-") for p in site.output.glob("payload-*/index.html")
    }
    if config == "publishconf.py":
        assert feeds, "a publish build writes feeds"
        # Refused posts are never written by a publish build; the harmless ones are.
        assert written == HARMLESS
    else:
        assert written == {p["id"] for p in CORPUS}  # a stand-in page for each refused one
    found = {str(p.relative_to(site.output)): page_dangers(p) for p in pages}
    found |= {str(p.relative_to(site.output)): feed_dangers(p) for p in feeds}
    assert {where: d for where, d in found.items() if d} == {}
    # Every refused payload is logged as an error with its file and line.
    logged = "\n".join(site.messages(logging.WARNING))
    assert "posts/comment-bang.md:" in logged and "posts/attr-list-href.md:" in logged
