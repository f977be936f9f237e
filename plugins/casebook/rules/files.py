"""Rules of files that are not posts: where they are, what they are, SVGs that would run script."""

from __future__ import annotations

from pathlib import PurePosixPath

from lxml import etree

from ..content.corpus import File, Kind
from ..content.problems import Level, Problem
from ..content.settings import Settings
from ..content.values import cut

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
    "static": (
        Level.WARNING,
        "published exactly as it is, without any check; make sure it holds nothing about a client",
    ),
}
# Files a static host serves as pages or runs as scripts: published as they are,
# they would carry markup no rule has read.
ACTIVE_SUFFIXES = (".html", ".htm", ".xhtml", ".js", ".mjs", ".php", ".xml")
# What makes an SVG more than a picture: script, embedded HTML, or a link that runs or calls out.
SVG_ACTIVE = frozenset({"script", "foreignobject", "iframe", "embed", "object", "handler"})


def check_svg(file: File) -> list[Problem]:
    """An SVG image is published as it is: it must hold no script and call no other host."""
    # Parsed as XML with entities and network off: the file may be hostile too.
    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)
    try:
        root = etree.parse(str(file.path), parser).getroot()
    except (etree.XMLSyntaxError, OSError) as err:
        return [file.problem(f"not a readable SVG image ({err}); re-save it or remove it")]
    for element in root.iter():
        name = etree.QName(element).localname.lower() if isinstance(element.tag, str) else ""
        if name in SVG_ACTIVE:
            return [_svg_problem(file, f"a <{name}> element")]
        for attribute, value in element.attrib.items():
            attribute = etree.QName(attribute).localname.lower()
            if attribute.startswith("on"):
                return [_svg_problem(file, f"an {attribute} attribute")]
            scheme = value.strip().lower()
            if attribute == "href" and (
                scheme.startswith(("javascript:", "data:", "vbscript:", "//")) or "://" in scheme
            ):
                return [_svg_problem(file, f"a link to {cut(value)}")]
    return []


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
    level, message = FILE_MESSAGES[file.kind]
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
            ),
            level=level,
        )
    ]
