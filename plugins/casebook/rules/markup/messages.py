"""What the markup rules say about an element or an address: once, for raw HTML and pages alike."""

from __future__ import annotations

from .allowed import BAD_SCHEMES, ELEMENTS, EMBEDS, FORMS, HEAD, HTML_ELEMENTS


def element_problem(name: str) -> str | None:
    """Why an HTML element may not be in a post (without a prefix), or None if it may."""
    tag = f"<{name}>"
    if name not in HTML_ELEMENTS:
        return (
            f"{tag} is no HTML element, so the page would be invalid; to show it "
            f"as text, put it in backticks (`{tag}`) or write &lt;{name}>"
        )
    if name == "script":
        return f"{tag} never runs on this site; remove it"
    if name == "style":
        return f"{tag} is not allowed: the theme's stylesheet styles every page; remove it"
    if name in EMBEDS:
        return (
            f"{tag} would load another page into this one (a third-party request); "
            "link to it instead"
        )
    if name in FORMS:
        return (
            f"{tag} is not allowed: a static site cannot receive a form; link to the "
            "contact page instead"
        )
    if name in HEAD:
        return f"{tag} belongs to the page's frame, which the theme writes; remove it"
    if name not in ELEMENTS:
        return (
            f"{tag} is not among the elements allowed in a post "
            "(plugins/casebook/rules/markup/allowed.py lists them); use Markdown or remove it"
        )
    return None


def scheme_problem(scheme: str, where: str) -> str:
    """The message for an address whose scheme a page may not have."""
    if scheme in BAD_SCHEMES:
        return f"{where}: a {scheme}: URL {BAD_SCHEMES[scheme]}"
    return (
        f"{where}: a {scheme}: address is not a web page, an email address or a phone "
        "number; link to an https:// address or a page of this site instead"
    )


def remote_image(host: str, where: str) -> str:
    """The message for an image another host would serve."""
    return (
        f"{where}: an image from another host ({host}) is a third-party request on every "
        "page view; save it in content/images/ and use {static}/images/<name>"
    )


NO_ALT = '<img> has no alt text; add alt="what the image shows" (alt="" if it is only decoration)'
