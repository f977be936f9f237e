"""Rules of files that are not posts: where they are, what they are, SVGs that would run script."""

from __future__ import annotations

import re
from pathlib import PurePosixPath

from lxml import etree

from ..content.corpus import File, Kind
from ..content.problems import Level, Problem
from ..content.settings import Settings
from ..content.values import cut
from ..privacy.files import pdf_has_images

FILE_MESSAGES = {
    "elsewhere": (
        Level.ERROR,
        "not in a folder the site builds, so it is never published; move it into {folders}",
    ),
    "format": (
        Level.ERROR,
        "the site reads posts written in Markdown only, so this file is never published; "
        "convert it (e.g. `pandoc -t gfm -o post.md {name}`) and add YAML front matter",
    ),
    "unused": (
        Level.WARNING,
        "not used by the site (not a post, a page, a condition or in {static}); "
        "move it out of the content folder",
    ),
    "escapes": (
        Level.ERROR,
        "a link to a file outside the content folder, which a build would publish; "
        "copy the file in instead of linking to it",
    ),
    "hidden": (
        Level.NOTE,
        "hidden file (its name starts with a dot): neither built nor checked; rename it "
        "without the dot to use it, or delete it",
    ),
    "odd": (
        Level.ERROR,
        "{why}, not a file: the site never opens or follows it and cannot publish it; remove it",
    ),
    "static": (
        Level.WARNING,
        "published exactly as it is, without any check; make sure it holds nothing about a client",
    ),
    # The privacy lint reads a PDF's text and properties, not its pictures or scanned pages:
    # said of a PDF that holds an image (a PDF of text alone is checked whole).
    "pdf": (
        Level.WARNING,
        "published as it is: its text and properties are checked for client details, but not "
        "its pictures or scanned pages; make sure those hold nothing about a client",
    ),
}
# Files a static host serves as pages or runs as scripts: published as they are,
# they would carry markup no rule has read.
ACTIVE_SUFFIXES = (".html", ".htm", ".xhtml", ".js", ".mjs", ".php", ".xml")
# What makes an SVG more than a picture: script, embedded HTML or other documents.
SVG_ACTIVE = frozenset({"script", "foreignobject", "iframe", "embed", "object", "handler"})
# SMIL animations can set any attribute, an address or a handler included, while the image
# is shown.
SVG_ANIMATIONS = frozenset({"set", "animate", "animatemotion", "animatetransform", "animatecolor"})
# An address to another host, or one that runs: in an attribute, a url() or an @import.
SVG_URL = re.compile(r"url\(\s*['\"]?([^'\")]*)", re.IGNORECASE)
SVG_IMPORT = re.compile(r"@import\s+(?:url\(\s*)?['\"]?([^'\")\s;]*)", re.IGNORECASE)
SCRIPT_SCHEMES = ("javascript:", "vbscript:", "data:", "livescript:")
RASTER_DATA = re.compile(r"data:image/(?:png|jpeg|gif|webp)[;,]", re.IGNORECASE)


def check_svg(file: File) -> list[Problem]:
    """An SVG image is published as it is: it must hold no script and call no other host."""
    # Parsed as XML with entities, DTDs and network off: the file may be hostile too.
    parser = etree.XMLParser(
        resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False
    )
    try:
        tree = etree.parse(str(file.path), parser)
    except (etree.XMLSyntaxError, OSError) as err:
        return [file.problem(f"not a readable SVG image ({err}); re-save it or remove it")]
    what = _svg_danger(tree)
    return [_svg_problem(file, what)] if what else []


def _svg_danger(tree: etree._ElementTree) -> str | None:
    """What in an SVG would run script or ask another host for something, or None."""
    dtd = tree.docinfo.internalDTD
    if dtd is not None and any(True for _ in dtd.iterentities()):
        # A browser expands them even where this parser does not: `&x;` may be any markup.
        return "an entity declaration (<!ENTITY>)"
    root = tree.getroot()
    for node in (*root.itersiblings(preceding=True), *root.iter()):
        if isinstance(node, etree._ProcessingInstruction):
            if node.target.lower() == "xml-stylesheet":
                return "a stylesheet instruction (<?xml-stylesheet?>)"
            continue
        if isinstance(node, etree._Entity):
            return "an entity reference (&name;)"
        if not isinstance(node.tag, str):
            continue
        name = etree.QName(node).localname.lower()
        if name in SVG_ACTIVE:
            return f"a <{name}> element"
        if name == "style" and _css_danger("".join(node.itertext())):
            return f"a stylesheet that {_css_danger(''.join(node.itertext()))}"
        for attribute, value in node.attrib.items():
            attribute = etree.QName(attribute).localname.lower()
            found = _attribute_danger(name, attribute, value)
            if found:
                return found
    return None


def _attribute_danger(element: str, attribute: str, value: str) -> str | None:
    if attribute.startswith("on"):
        return f"an {attribute} attribute"
    plain = _browser_value(value)
    if RASTER_DATA.match(plain):
        return None  # a picture embedded in the drawing, as Inkscape saves one
    if plain.lower().startswith(SCRIPT_SCHEMES) or any(
        s in plain.lower() for s in ("javascript:", "vbscript:")
    ):
        return f"a script address in {attribute}= ({cut(value)})"
    animated = plain.lower()
    if (
        element in SVG_ANIMATIONS
        and attribute == "attributename"
        and (animated.endswith("href") or animated.startswith("on"))
    ):
        return f"an animation that changes {cut(value)}"
    if attribute in ("href", "src") and _other_host(plain):
        return f"a link to {cut(value)}"
    if _css_danger(value):
        return f"a {attribute}= that {_css_danger(value)}"
    return None


def _css_danger(css: str) -> str | None:
    """What a stylesheet or style value would load from elsewhere, or None."""
    for pattern, what in ((SVG_IMPORT, "imports"), (SVG_URL, "loads")):
        for found in pattern.finditer(css):
            address = _browser_value(found.group(1))
            if (
                what == "imports"
                or _other_host(address)
                or address.lower().startswith(SCRIPT_SCHEMES)
            ):
                return f"{what} {cut(found.group(1)) or 'another stylesheet'}"
    return None


def _browser_value(value: str) -> str:
    """An attribute's value as a URL parser reads it: tabs and newlines dropped, ends cut."""
    return re.sub(r"[\t\n\r]", "", value).strip("".join(map(chr, range(33))))


def _other_host(address: str) -> bool:
    """Whether an address leaves the image's own site (a scheme or `//`), fragments aside."""
    lower = address.lower().replace("\\", "/")
    return lower.startswith("//") or bool(re.match(r"[a-z][a-z0-9+.-]*:", lower))


def _svg_problem(file: File, what: str) -> Problem:
    return file.problem(
        f"this SVG holds {what}, which runs script or calls another site when the image is "
        "opened; export it again as a plain drawing, or use a PNG",
    )


def check_file(file: File, settings: Settings) -> list[Problem]:
    """What becomes of a file that is not a post, a page or a condition."""
    if file.kind in (Kind.STATIC, Kind.IMAGE) and file.suffix == ".svg":
        return check_svg(file)
    if file.kind == Kind.STATIC and file.suffix in ACTIVE_SUFFIXES:
        return [
            file.problem(
                f"a {file.suffix} file in a static folder is published as it is, markup and "
                "scripts included; put the content in a Markdown post, or remove the file",
            )
        ]
    if file.kind not in FILE_MESSAGES:
        return []
    pdf = file.kind == Kind.STATIC and file.suffix == ".pdf"
    if pdf and not pdf_has_images(file.path):
        return []  # its text and properties are all it holds, and the privacy lint reads them
    level, message = FILE_MESSAGES["pdf" if pdf else file.kind]
    folders = [
        *settings["ARTICLE_PATHS"],
        *settings["PAGE_PATHS"],
        settings.get("CONDITIONS_PATH", "conditions"),
    ]
    return [
        file.problem(
            message.format(
                folders=", ".join(f"{f.strip('/')}/" for f in folders if f.strip("/")),
                name=PurePosixPath(file.relpath).name,
                static=", ".join(f"{f}/" for f in settings.get("STATIC_PATHS") or ()),
                why=file.why,
            ),
            level=level,
        )
    ]
