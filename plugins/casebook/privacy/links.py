"""Links: URLs that carry an identifier, and the targets of Markdown and HTML links.

A link target is text a reader sees (in the status bar, when copied, in a
printout's URL) and a mailto: or tel: target is an address or a number.
"""

import re
from urllib.parse import parse_qsl, unquote, urlsplit

from .spans import Span, blank, match_spans, texts
from .wordlists import ID_PARAMS

URL = re.compile(r"(?:https?://|www\.)[^\s<>()\[\]\"'`]+")
# Where a site links for reference: public health and research sites, whose numbers name a
# publication and whose pages name no client. A link there passes unless its query names
# someone (documented in the plugin README).
REFERENCE_HOSTS = (
    "ncbi.nlm.nih.gov", "nih.gov", "doi.org", "clinicaltrials.gov", "who.int", "cdc.gov",
    "medlineplus.gov", "nhs.uk", "cochranelibrary.com", "cochrane.org", "bmj.com",
    "thelancet.com", "nejm.org", "jamanetwork.com", "mayoclinic.org", "clevelandclinic.org",
    "hopkinsmedicine.org", "aaos.org", "icd10data.com", "cms.gov", "hhs.gov", "mass.gov",
    "wikipedia.org", "pubmed.gov", "sciencedirect.com", "springer.com", "wiley.com",
    "ama-assn.org", "amtamassage.org", "nccih.nih.gov",
)  # fmt: skip
LONG_DIGITS = re.compile(r"\d{5,}")
# A link to someone's profile, channel, fundraiser or shop names them, whatever the path.
PROFILE_HOSTS = {
    "facebook.com": "a social media profile",
    "fb.com": "a social media profile",
    "instagram.com": "a social media profile",
    "twitter.com": "a social media profile",
    "x.com": "a social media profile",
    "linkedin.com": "a social media profile",
    "tiktok.com": "a social media profile",
    "threads.net": "a social media profile",
    "bsky.app": "a social media profile",
    "mastodon.social": "a social media profile",
    "pinterest.com": "a social media profile",
    "reddit.com": "a social media profile",
    "snapchat.com": "a social media profile",
    "strava.com": "a fitness profile",
    "garmin.com": "a fitness profile",
    "youtube.com": "a video channel",
    "youtu.be": "a video",
    "vimeo.com": "a video channel",
    "twitch.tv": "a video channel",
    "gofundme.com": "a fundraiser",
    "justgiving.com": "a fundraiser",
    "givebutter.com": "a fundraiser",
    "patreon.com": "a fundraiser",
    "venmo.com": "a payment profile",
    "paypal.me": "a payment profile",
    "cash.app": "a payment profile",
    "etsy.com": "a shop",
    "medium.com": "a personal page",
    "substack.com": "a personal page",
    "github.com": "a personal page",
    "yelp.com": "a review profile",
}
# A path or query that tracks the reader: "/t/click?uid=...", "/track/...".
TRACKING_PATH = re.compile(r"(?i:/(?:t|c|click|track|tracking|trk|open|redirect|r)(?:/|$))")
PARAM_WORDS = re.compile(r"[-_]|(?<=[a-z])(?=[A-Z])")
URL_WORDS = re.compile(r"[A-Za-z]+")


def url_identifier(
    url: str, own_sites: tuple[str, ...] = (), given_names: frozenset[str] = frozenset()
) -> str | None:
    """What in `url` looks like an identifier, or None if it is a plain link.

    `own_sites` are the practice's own hosts (they pass); `given_names` are first names
    a host or path may start with ("denisebakes.example.com" is Denise's site).
    """
    try:
        parts = urlsplit(url if "://" in url else "http://" + url)
        host = (parts.hostname or "").lower()
    except ValueError:  # a malformed port or IPv6 host: not a link a reader can follow
        return None
    for key, value in parse_qsl(parts.query, keep_blank_values=True):
        # user_id, patientId and client-name all name a person.
        words = [w.lower() for w in PARAM_WORDS.split(key)]
        if "".join(words) in ID_PARAMS or any(w in ID_PARAMS for w in words):
            return f"parameter {key}="
        if "@" in value:
            return "an email address"
    for site, what in PROFILE_HOSTS.items():
        if (host == site or host.endswith("." + site)) and parts.path.strip("/"):
            return what  # before "@": a channel's address is "/@name", no email
    if "@" in parts.path or "%40" in (parts.path + parts.query).lower():
        return "an email address"
    if host.removeprefix("www.") in own_sites or any(host.endswith("." + s) for s in own_sites):
        return None
    if parts.query and TRACKING_PATH.search(parts.path):
        return "a tracking link"
    if host.endswith(REFERENCE_HOSTS):
        return None
    if LONG_DIGITS.search(parts.path + parts.query):
        return "a long number"
    if PERSONAL_PATH.search(parts.path):
        return "a personal page"
    person = _named(host, parts.path, given_names)
    return f"the name {person!r}" if person else None


# A path that leads to one person on any host: "/@name", "/~name", "/in/name", "/u/name",
# "/members/name", "/profile/name", "/f/name" (a fundraiser), whatever the site.
PERSONAL_PATH = re.compile(
    r"(?i:/(?:@|~)[\w.-]+|/(?:in|u|user|users|member|members|profile|profiles|people|person|"
    r"f|fundraiser|fundraisers|athlete|runner|participant|participants)/[\w.%-]*[a-z][\w.%-]*)"
)


def host(url: str) -> str:
    """The host of a URL, lower case, without "www."; "" if it has none."""
    try:
        parts = urlsplit(url if "://" in url else "http://" + url)
        return (parts.hostname or "").lower().removeprefix("www.")
    except ValueError:
        return ""


def _named(host: str, path: str, given_names: frozenset[str]) -> str | None:
    """A given name that a host label or the first path segment starts with, if any."""
    labels = host.split(".")[:-1]  # the top-level domain names nobody
    first, *rest = path.strip("/").split("/")
    for label in [*(x for x in labels if x != "www"), first]:
        for word in URL_WORDS.findall(label):
            lower = word.lower()
            for size in range(min(len(lower), 10), 3, -1):
                # "denisebakes": a first name and more letters run together.
                if lower[:size] in given_names and len(lower) - size != 1:
                    return str(word[:size])
    # Deeper in the path, a slug word that is a given name ("/f/carl-knee-fund").
    for segment in rest:
        for word in URL_WORDS.findall(segment):
            if len(word) > 3 and word.lower() in given_names:
                return str(word)
    return None


# A web address written without its scheme, with a path: "linkedin.com/in/jo-smith".
# Without a path ("example.org") it is a site's name, and no scheme-less host is read alone.
BARE_URL = re.compile(
    r"(?<![\w@./:-])(?:[A-Za-z0-9-]+\.)+(?i:com|org|net|edu|gov|io|me|app|co|tv|social|net|us|uk"
    r"|ca|info|biz|page|site|link|ly|be)/[^\s<>()\[\]\"'`]+"
)


# Every scheme-less address holds its top-level domain and a slash: looked for first,
# as the full pattern would be tried at every position of every text.
BARE_URL_HINT = re.compile(
    r"\.(?i:com|org|net|edu|gov|io|me|app|co|tv|social|us|uk|ca|info|biz|page|site|link|ly|be)/"
)


# A host alone, without scheme or path: "priyankaholt-lmt.example.com". Read only where a
# given name starts one of its labels (`named_host`) or it holds a name the file names:
# "pubmed.gov" is a site's name.
BARE_HOST = re.compile(
    r"(?<![\w@./:-])(?:[A-Za-z0-9-]+\.)+(?i:com|org|net|edu|io|me|app|co|us|info|biz|page|site)"
    r"(?![\w@/-]|\.[A-Za-z0-9])"
)


# Every host holds its top-level domain after a dot: looked for first, as the full pattern
# would be tried at every word of every text.
HOST_HINT = re.compile(r"\.(?i:com|org|net|edu|io|me|app|co|us|info|biz|page|site)\b")


def host_spans(text: str) -> list[Span]:
    """Spans of hosts written alone."""
    if "." not in text or not HOST_HINT.search(text):
        return []
    return [m.span() for m in BARE_HOST.finditer(text)]


def named_host(host: str, given_names: frozenset[str]) -> bool:
    """Whether a label of a host written alone starts with a given name."""
    return _named(host.lower(), "", given_names) is not None


def url_words(url: str) -> set[str]:
    """The letter runs of a URL's host labels and path, lower case: what a name may hide in."""
    try:
        parts = urlsplit(url if "://" in url else "http://" + url)
        host = (parts.hostname or "").lower()
    except ValueError:
        return set()
    labels = [x for x in host.split(".")[:-1] if x != "www"]
    return {w.lower() for part in [*labels, parts.path] for w in URL_WORDS.findall(part)}


def url_spans(text: str) -> list[Span]:
    """Spans of every URL written out in `text`."""
    found = match_spans(URL, text) if "www." in text or "://" in text else []
    if "/" in text and BARE_URL_HINT.search(text):
        found += [s for s in match_spans(BARE_URL, text) if not _overlaps(s, found)]
    return sorted(_trimmed(text, s) for s in found)


def _overlaps(span: Span, spans: list[Span]) -> bool:
    return any(a < span[1] and span[0] < b for a, b in spans)


def _trimmed(text: str, span: Span) -> Span:
    """A URL without the sentence's full stop or comma after it."""
    start, end = span
    while end > start and text[end - 1] in ".,;:!?":
        end -= 1
    return start, end


def urls(text: str) -> list[str]:
    """URLs whose path or query carries an id, a name, an email or a long number."""
    return [u for u in texts(text, url_spans(text)) if url_identifier(u)]


# A link the words around it call someone's own: "[his website](...)", "her blog at".
OWN_SITE = re.compile(
    r"(?i:\b(?:her|his|their|my)[^\S\n]+(?:own[^\S\n]+)?(?:[\w-]+[^\S\n]+)?(?:website|site|blog|"
    r"page|shop|store|channel|profile|business|feed|newsletter|podcast|portfolio|videos?)\b)"
)


def called_own(text: str, start: int) -> bool:
    """Whether the words just before a link (in its sentence) call it someone's own site."""
    before = text[max(0, start - 60) : start]
    return OWN_SITE.search(before.rsplit(". ", 1)[-1]) is not None


# --- link targets ------------------------------------------------------------------------------

# Each pattern starts at a fixed character ([, <, ]) and its repeated parts stop
# at the delimiters that end them, so a long line is read in one pass.
AUTOLINK = re.compile(r"<((?:https?|mailto|tel|sms|ftp):[^<>\s]*|[\w.+-]+@[\w-]+(?:\.[\w-]+)+)>")
# The tag name and an attribute name are possessive (*+): the characters after
# them could match them too, and a long name without `>` or `=` must fail at once.
TAG = re.compile(r"</?[A-Za-z][\w:-]*+([^<>]*)>")
ATTRIBUTE = re.compile(r"(?<![\w:-])([\w:-]++)[ \t\n]*+=[ \t\n]*(\"[^\"]*\"|'[^']*'|[^\s\"'>]+)")
INLINE_TARGET = re.compile(
    r"\]\([ \t]*(<[^<>\n]*>|[^()\s<>]*)"
    r"(?:[ \t\n]+(\"[^\"\n]*\"|'[^'\n]*'|\([^()\n]*\)))?[ \t]*\)"
)
REFERENCE_DEFINITION = re.compile(
    r"^[ ]{0,3}\[[^\]\n]+\]:[ \t]*(<[^<>\n]*>|\S+)"
    r"(?:[ \t]+(\"[^\"\n]*\"|'[^'\n]*'|\([^()\n]*\)))?[ \t]*$",
    re.MULTILINE,
)
COMMENT_MARKS = re.compile(r"<!--|-->")
# Attributes whose values a reader sees as text, and those that are addresses.
TEXT_ATTRIBUTES = frozenset({"alt", "title", "aria-label", "placeholder", "value", "content"})
TARGET_ATTRIBUTES = frozenset({"href", "src", "action", "cite", "poster", "data"})


def _inner(span: Span, text: str) -> Span:
    """The span without the quotes or angle brackets around it."""
    start, end = span
    if end - start >= 2 and text[start] in "\"'<" and text[end - 1] in "\"'>":
        return start + 1, end - 1
    return span


def _tags(work: str) -> tuple[list[Span], list[Span]]:
    """(targets, markup) of every HTML tag: attribute addresses, and all but visible text."""
    targets, markup = [], []
    for tag in TAG.finditer(work):
        keep = []
        for attr in ATTRIBUTE.finditer(work, tag.start(1), tag.end(1)):
            name = attr.group(1).lower()
            value = _inner(attr.span(2), work)
            if name in TEXT_ATTRIBUTES:
                keep.append(value)
            elif name in TARGET_ATTRIBUTES:
                targets.append(value)
        last = tag.start()
        for start, end in keep:
            markup.append((last, start))
            last = end
        markup.append((last, tag.end()))
    return targets, markup


def split_links(work: str) -> tuple[list[Span], str]:
    """Spans of every link and image target in `work`, and `work` with all link syntax blanked.

    Link text, image alt text, link titles and the alt/title attributes of HTML
    stay in the returned text; everything else of a tag or link goes.
    """
    targets: list[Span] = []
    if "<" in work:
        work = blank(work, [m.span() for m in COMMENT_MARKS.finditer(work)])
        links = list(AUTOLINK.finditer(work))
        targets += [m.span(1) for m in links]
        work = blank(work, [m.span() for m in links])
        found, markup = _tags(work)
        targets += found
        work = blank(work, markup)
    if "](" in work:
        syntax = []
        for m in INLINE_TARGET.finditer(work):
            targets.append(_inner(m.span(1), work))
            title = m.span(2) if m.group(2) else (m.end(1), m.end(1))
            syntax += [(m.start(), title[0]), (title[1], m.end())]
        work = blank(work, syntax)
    if "]:" in work:
        syntax = []
        for m in REFERENCE_DEFINITION.finditer(work):
            targets.append(_inner(m.span(1), work))
            title = m.span(2) if m.group(2) else (m.end(), m.end())
            syntax += [(m.start(), title[0])]
        work = blank(work, syntax)
    work = blank(work, targets)
    return sorted(t for t in targets if t[1] > t[0]), work


SCHEME = re.compile(r"^([a-zA-Z][\w+.-]*):")


def target_kind(target: str) -> str:
    """'mailto', 'tel', 'web' (an address on another site) or 'local' (a page of this site)."""
    scheme = SCHEME.match(target)
    name = scheme.group(1).lower() if scheme else ""
    if name == "mailto":
        return "mailto"
    if name in ("tel", "sms", "fax", "callto"):
        return "tel"
    if name or target.startswith(("//", "www.")):
        return "web"
    return "local"


def mailto_addresses(target: str) -> list[Span]:
    """Spans, within a mailto: target, of its addresses."""
    start = target.index(":") + 1
    end = target.find("?", start)
    end = len(target) if end < 0 else end
    spans = []
    for piece in re.finditer(r"[^,;]+", target[start:end]):
        left = piece.group()
        text = left.strip()
        if "@" in unquote(text):
            offset = start + piece.start() + left.index(text)
            spans.append((offset, offset + len(text)))
    return spans


def tel_number(target: str) -> Span | None:
    """The span, within a tel: target, of its number, if it has digits."""
    start = target.index(":") + 1
    end = target.find("?", start)
    end = len(target) if end < 0 else end
    return (start, end) if any(c.isdigit() for c in target[start:end]) else None
