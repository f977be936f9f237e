"""schema.org structured data (JSON-LD) for posts and condition pages; pure."""

from markupsafe import Markup

CONTEXT = "https://schema.org"


def plain(html):
    """Text of an HTML fragment, as search engines should read it."""
    return Markup(html or "").striptags()


def absolute(siteurl, url):
    """The address of a site-relative URL; relative when the site has no SITEURL yet."""
    return f"{siteurl}/{url}" if siteurl else f"/{url}"


def medical_condition(condition, siteurl):
    """A MedicalCondition with its aliases and ICD-10-CM codes."""
    data = {
        "@type": "MedicalCondition",
        "name": condition.name,
        "url": absolute(siteurl, condition.url),
    }
    if condition.aliases:
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


def for_article(article, settings, condition_nodes):
    """BlogPosting about the post's conditions, and its breadcrumbs.

    `condition_nodes` maps a condition's slug to its MedicalCondition, made once per build.
    """
    siteurl = settings.get("SITEURL", "")
    author = {"@type": "Organization", "name": settings.get("AUTHOR") or settings["SITENAME"]}
    url = article.url  # a property Pelican recomputes on every read
    posting = {
        "@type": "BlogPosting",
        "headline": article.title,
        "url": absolute(siteurl, url),
        "mainEntityOfPage": absolute(siteurl, url),
        "datePublished": article.date.isoformat(),
        "dateModified": getattr(article, "modified", article.date).isoformat(),
        "author": author,
        "publisher": author,
        "description": plain(getattr(article, "summary", "")),
        "about": [condition_nodes[c.slug] for c in getattr(article, "conditions", [])],
    }
    trail = [("Home", ""), (article.title, url)]
    return {"@context": CONTEXT, "@graph": [posting, breadcrumbs(siteurl, trail)]}


def for_condition(condition, settings):
    """MedicalWebPage about one MedicalCondition, and its breadcrumbs."""
    siteurl = settings.get("SITEURL", "")
    page = {
        "@type": "MedicalWebPage",
        "name": condition.name,
        "url": absolute(siteurl, condition.url),
        "about": medical_condition(condition, siteurl),
        "description": plain(condition.description)[:300],
    }
    if condition.reviewed:
        page["lastReviewed"] = condition.reviewed.isoformat()
    trail = [
        ("Home", ""),
        ("Conditions", settings.get("CONDITIONS_URL", "conditions/")),
        (condition.name, condition.url),
    ]
    return {"@context": CONTEXT, "@graph": [page, breadcrumbs(siteurl, trail)]}
