"""schema.org structured data (JSON-LD) for posts and condition pages; pure."""

import re
from html import unescape
from typing import NamedTuple

from jinja2.utils import htmlsafe_json_dumps
from markupsafe import Markup

CONTEXT = "https://schema.org"
_TAG = re.compile(r"<[^>]*>")  # a tag, as markupsafe's striptags finds one
HOME = ("Home", "")  # the first step of every breadcrumb trail: (name, site-relative url)


class JsonLd:
    """JSON-LD data that a template writes as Jinja's |tojson writes it."""

    __slots__ = ("_data",)

    def __init__(self, data):
        self._data = data

    def data(self):
        """The JSON-LD as Python data."""
        return self._data

    def __html__(self):
        # Compact: it is read by machines, and it counts towards every case page's weight.
        return str(htmlsafe_json_dumps(self._data, sort_keys=True, separators=(",", ":")))

    __str__ = __html__


class SharedJsonLd(JsonLd):
    """JSON-LD written on many pages (every page of a condition's list): dumped once."""

    __slots__ = ("_html",)

    def __init__(self, data):
        super().__init__(data)
        self._html = None

    def __html__(self):
        if self._html is None:
            self._html = super().__html__()
        return self._html

    __str__ = __html__


def plain(html):
    """Text of an HTML fragment, as search engines should read it: what Markup.striptags gives."""
    text = str(html or "")
    if "<!--" in text:
        return Markup(text).striptags()  # noqa: S704 - only its text is kept
    # Made for every post: without comments, one pass of a regular expression strips the
    # same tags markupsafe's loop does (up to the first `>`; an unclosed `<` is kept), in
    # a third of the time. tests/unit/test_structured.py holds the two to the same text.
    text = " ".join(_TAG.sub("", text).split())
    return unescape(text) if "&" in text else text


def summary_html(article):
    """The post's summary as HTML, without Pelican's link rewriting (its text is what counts)."""
    # Content.summary rewrites {filename} links on every read; the plain text
    # of a written summary is the same either way. Without one, Pelican's
    # summary (the opening of the post) is the only source.
    return article.metadata.get("summary") or getattr(article, "summary", "")


def absolute(siteurl, url):
    """The address of a site-relative URL; relative when the site has no SITEURL yet."""
    return f"{siteurl}/{url}" if siteurl else f"/{url}"


def medical_condition(condition, siteurl, aliases=True):
    """A MedicalCondition with its ICD-10-CM codes, and its aliases unless `aliases` is False."""
    data = {
        "@type": "MedicalCondition",
        "name": condition.name,
        "url": absolute(siteurl, condition.url),
    }
    if aliases and condition.aliases:
        data["alternateName"] = list(condition.aliases)
    if condition.codes:
        data["code"] = [
            {"@type": "MedicalCode", "codeValue": c.code, "codingSystem": "ICD-10-CM"}
            for c in condition.codes
        ]
    return data


def breadcrumbs(siteurl, trail):
    """A BreadcrumbList from (name, site-relative url) pairs, home first."""
    return {
        "@type": "BreadcrumbList",
        "itemListElement": [
            {"@type": "ListItem", "position": i, "name": name, "item": absolute(siteurl, url)}
            for i, (name, url) in enumerate(trail, start=1)
        ],
    }


def article_trail(article):
    """The breadcrumb trail of a post, as (name, site-relative url): home, then the post."""
    return [HOME, (article.title, article.url)]


def condition_trail(condition, settings):
    """The breadcrumb trail of a condition page: home, the conditions A–Z, the condition."""
    return [
        HOME,
        ("Conditions", settings.get("CONDITIONS_URL", "conditions/")),
        (condition.name, condition.url),
    ]


class PostShared(NamedTuple):
    """What every post's JSON-LD shares in one build, made once."""

    siteurl: str
    author: dict[str, str]
    home: dict[str, object]  # the first step of every post's breadcrumbs
    conditions: dict[str, dict[str, object]]  # a condition's slug -> its MedicalCondition


def post_shared(settings, conditions):
    """The shared part of the posts' JSON-LD; `conditions` maps a slug to its Condition."""
    siteurl = settings.get("SITEURL", "")
    (home,) = breadcrumbs(siteurl, [HOME])["itemListElement"]
    return PostShared(
        siteurl,
        {"@type": "Organization", "name": settings.get("AUTHOR") or settings["SITENAME"]},
        home,
        # A post names its conditions; their other names are on the condition's own page.
        {slug: medical_condition(c, siteurl, aliases=False) for slug, c in conditions.items()},
    )


def for_article(article, shared):
    """BlogPosting about the post's conditions, and its breadcrumbs (`shared`: post_shared)."""
    # Made for every post of the site: what all posts share is made once, the post's
    # address once, and its breadcrumbs are article_trail's two steps (home is shared).
    title, published = article.title, article.date.isoformat()
    address = absolute(shared.siteurl, article.url)
    modified = getattr(article, "modified", None)
    nodes, author = shared.conditions, shared.author
    posting = {
        "@type": "BlogPosting",
        "headline": title,
        "url": address,
        "mainEntityOfPage": address,
        "datePublished": published,
        "dateModified": modified.isoformat() if modified else published,
        "author": author,
        "publisher": author,
        "description": plain(summary_html(article)),
        "about": [nodes[c.slug] for c in getattr(article, "conditions", ())],
    }
    post = {"@type": "ListItem", "position": 2, "name": title, "item": address}
    trail = {"@type": "BreadcrumbList", "itemListElement": [shared.home, post]}
    return {"@context": CONTEXT, "@graph": [posting, trail]}


def list_item(article, siteurl):
    """A case page as an entry of a list of cases: its address and title, nothing claimed."""
    return {"@type": "ListItem", "url": absolute(siteurl, article.url), "name": article.title}


def case_list(condition, items):
    """An ItemList of the condition's published cases (`items`, from list_item), or None.

    Unordered: the same entry, made once per case, sits in the list of each of its conditions.
    """
    if not items:
        return None
    return {
        "@type": "ItemList",
        "name": f"Published cases: {condition.name}",
        "numberOfItems": len(items),
        "itemListOrder": "https://schema.org/ItemListUnordered",
        "itemListElement": list(items),
    }


def for_condition(condition, settings, cases=()):
    """MedicalWebPage about one MedicalCondition, its breadcrumbs, and the list of its cases.

    `cases`: the ListItems of the cases its page sums up (list_item); none, no ItemList.
    """
    siteurl = settings.get("SITEURL", "")
    page = {
        "@type": "MedicalWebPage",
        "name": condition.name,
        "url": absolute(siteurl, condition.url),
        "about": medical_condition(condition, siteurl),
        "description": plain(condition.description)[:300],
    }
    symptoms = getattr(condition, "symptoms", ())
    if symptoms:
        page["about"]["signOrSymptom"] = [
            {"@type": "MedicalSignOrSymptom", "name": sign} for sign in symptoms
        ]
    if condition.reviewed:
        page["lastReviewed"] = condition.reviewed.isoformat()
        who = getattr(condition, "entry", None) and condition.entry.reviewed_by
        who = who or (settings.get("PRACTICE") or {}).get("practitioner")
        if isinstance(who, str) and who.strip():
            page["reviewedBy"] = {"@type": "Person", "name": who.strip()}
    trail = condition_trail(condition, settings)
    graph = [page, breadcrumbs(siteurl, trail)]
    listed = case_list(condition, cases)
    if listed is not None:
        graph.append(listed)
    return {"@context": CONTEXT, "@graph": graph}
