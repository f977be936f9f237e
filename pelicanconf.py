"""Settings for a preview build: `make html` and `make devserver`."""

AUTHOR = "Metro-West Neuromuscular Therapy"
SITENAME = "Metro-West Neuromuscular Therapy"
SITESUBTITLE = (
    "A casebook of neuromuscular therapy: what was found, what was done, how it turned out"
)
SITEURL = ""

# The practice, in one place: the menu's "Book a visit", the booking block on every case and
# condition page, the Contact page, the referral summaries and every printout read it. The
# privacy check accepts these values in any content file (they name the practice, not a
# client). `make check` warns when name, practitioner, credentials, phone, email, street or
# town is missing. The values below are placeholders: replace them with the practice's own.
PRACTICE = {
    "name": "Metro-West Neuromuscular Therapy",
    "practitioner": "Jordan Avery",
    "credentials": "LMT, CNMT",
    "credentials_long": "Licensed Massage Therapist (MA); Certified Neuromuscular Therapist",
    "license": "Massachusetts massage therapist license no. MT-0000 (example)",
    "street": "100 Example Street, Suite 2",
    "town": "Framingham",
    "state": "MA",
    "zip": "01702",
    "phone": "(508) 555-0100",
    "fax": "(508) 555-0101",
    "email": "office@metrowest-nmt.example",
    # An online booking page, if the practice has one (a link only: nothing is loaded from it).
    "booking_url": "",
    "hours": [
        "Monday to Friday, 9 am to 6 pm",
        "Saturday, 9 am to 1 pm",
        "Closed on Sundays and public holidays",
    ],
    "first_visit": {
        "length": "About 75 minutes; later sessions are 60 minutes.",
        "steps": [
            "A conversation about where it hurts, when it started, what makes it better or "
            "worse, your health history and any care you are already having.",
            "A look at your posture and how you move, and a check for things that load your "
            "muscles unevenly, such as a difference in leg length.",
            "Hands-on treatment on a table, lightly clothed or draped, at a pressure you control.",
            "Stretches and simple advice to take home.",
        ],
        "fee": "$120 for the first visit, $95 for a later session (example fees).",
        "insurance": "We do not bill insurance directly. You get an itemized receipt to send to "
        "your plan or use with a health savings account; ask your plan whether it covers "
        "neuromuscular therapy.",
        "bring": "A list of your medicines, and any referral or imaging report you have.",
    },
    # The home page opens with these two sentences, then a link to the About page.
    "about_nmt": "Neuromuscular therapy (NMT) is a hands-on treatment for pain that comes from "
    "muscles and the soft tissues around them. It looks for the specific sources of that pain, "
    "such as trigger points, tight muscles pressing on nerves, and the postures and habits "
    "that keep them going, and eases them muscle by muscle.",
}

PATH = "content"
ARTICLE_PATHS = ["cases", "posts"]
PAGE_PATHS = ["pages"]
# A post dated in the future stays a draft until its day: never linked early.
WITH_FUTURE_DATES = False
STATIC_PATHS = ["images"]
# Posts are Markdown, read by the casebook plugin's reader like `make check` reads
# them; an HTML or reStructuredText file would skip every rule, so it is reported
# instead of built.
READERS = {"html": None, "htm": None, "rst": None}
# Hidden files (editor backups, `.x.md`) are neither built nor checked. (Pelican's
# own "**/.*" never matches, because it is compared with bare file names.)
IGNORE_FILES = [".*"]
THEME = "theme"
TIMEZONE = "America/New_York"
DEFAULT_LANG = "en"
DEFAULT_DATE_FORMAT = "%-d %B %Y"

# Always explicit: an unset PLUGINS loads every installed pelican.plugins.* package.
# casebook comes before related_posts so related posts are scored on canonical
# condition names.
PLUGIN_PATHS = ["plugins"]
PLUGINS = ["yaml_metadata", "casebook", "related_posts", "sitemap"]

# A link shared with a doctor must never change when a title or a date does:
# post and page URLs come from the slug alone.
ARTICLE_URL = "{slug}/"
ARTICLE_SAVE_AS = "{slug}/index.html"
PAGE_URL = "{slug}/"
PAGE_SAVE_AS = "{slug}/index.html"
DRAFT_URL = "drafts/{slug}/"
DRAFT_SAVE_AS = "drafts/{slug}/index.html"
DRAFT_PAGE_URL = "drafts/pages/{slug}/"
DRAFT_PAGE_SAVE_AS = "drafts/pages/{slug}/index.html"
# A post in another language than the site's (`lang: es`) lives under its language, not at
# Pelican's default `{slug}-{lang}.html`, which broke the pattern and left a stray `-.html`.
ARTICLE_LANG_URL = "{lang}/{slug}/"
ARTICLE_LANG_SAVE_AS = "{lang}/{slug}/index.html"
PAGE_LANG_URL = "{lang}/{slug}/"
PAGE_LANG_SAVE_AS = "{lang}/{slug}/index.html"
DRAFT_LANG_URL = "drafts/{lang}/{slug}/"
DRAFT_LANG_SAVE_AS = "drafts/{lang}/{slug}/index.html"
DRAFT_PAGE_LANG_URL = "drafts/pages/{lang}/{slug}/"
DRAFT_PAGE_LANG_SAVE_AS = "drafts/pages/{lang}/{slug}/index.html"
INDEX_URL = ""
# The menu reads For clinicians, About, Contact: each page sets page_order.
PAGE_ORDER_BY = "page_order"
ARCHIVES_URL = "archives/"
ARCHIVES_SAVE_AS = "archives/index.html"

# A condition's explanation is due for review this many months after its `reviewed:` date:
# the page shows when, and `make check` warns once it is overdue.
CONDITION_REVIEW_MONTHS = 12
# Each case's one-page summary for a referring clinician (not indexed, in no list).
REFERRAL_URL = "{slug}/referral/"
REFERRAL_SAVE_AS = "{slug}/referral/index.html"
# A post with at least this many sections opens with a table of contents.
TOC_MIN_SECTIONS = 4

# Condition pages (plugins/casebook) replace core's tag pages: one URL per list.
TAG_URL = ""
TAG_SAVE_AS = ""
TAGS_URL = ""
TAGS_SAVE_AS = ""
CONDITION_URL = "conditions/{slug}/"
CONDITION_SAVE_AS = "conditions/{slug}/index.html"
CONDITIONS_URL = "conditions/"
CONDITIONS_SAVE_AS = "conditions/index.html"
# Every published case in one table for clinicians (plugins/casebook), sorted by condition;
# the same table sorted by sessions and by date is at by-sessions/ and by-date/ below it.
CASE_TABLE_URL = "case-table/"
CASE_TABLE_SAVE_AS = "case-table/index.html"

# Folders are for the author's tidiness, not separate lists; posts carry no
# author or category pages of their own.
CATEGORY_URL = ""
CATEGORY_SAVE_AS = ""
CATEGORIES_SAVE_AS = ""
AUTHOR_URL = ""
AUTHOR_SAVE_AS = ""
AUTHORS_SAVE_AS = ""
YEAR_ARCHIVE_SAVE_AS = ""
MONTH_ARCHIVE_SAVE_AS = ""
DAY_ARCHIVE_SAVE_AS = ""

# 404.html sits at the root, where static hosts look for it.
DIRECT_TEMPLATES = ["index", "archives", "search", "404"]
SEARCH_URL = "search/"
SEARCH_SAVE_AS = "search/index.html"
DEFAULT_PAGINATION = 20
PAGINATED_TEMPLATES = {"index": None, "condition": None}
PAGINATION_PATTERNS = (
    (1, "{url}", "{save_as}"),
    (2, "{base_name}/page/{number}/", "{base_name}/page/{number}/index.html"),
)

MARKDOWN = {
    "extension_configs": {
        "markdown.extensions.extra": {},
        "markdown.extensions.meta": {},
        "markdown.extensions.toc": {"permalink": False},
    },
    "output_format": "html5",
}

# Feeds are written by publishconf.py, where SITEURL is known.
FEED_ALL_ATOM = None
CATEGORY_FEED_ATOM = None
TRANSLATION_FEED_ATOM = None
AUTHOR_FEED_ATOM = None
AUTHOR_FEED_RSS = None

# Every build makes a new template environment (autoreload included), so Jinja
# need not stat each template file again at every include. Autoescape: no title,
# slug or field can become markup; the theme marks the HTML Markdown made |safe.
JINJA_ENVIRONMENT = {
    "trim_blocks": True,
    "lstrip_blocks": True,
    "auto_reload": False,
    "autoescape": True,
}

RELATED_POSTS_MAX = 4
# Search engines get content pages only: not the error page, the search box,
# or later pages of a list.
SITEMAP = {
    "format": "xml",
    "exclude": [
        r"^/?404\.html",
        r"^/?search/",
        r"(^|/)page/\d+/",
        r"^/?drafts/",
        r"/referral/",
        r"/approval/",  # a case's approval copy for its client: preview only
        r"^/?problems\.html",
        r"^/?case-table/by-",  # the case table in other orders: its canonical is the first
    ],
}

# Preview only (make html, make devserver): each page shows the problems of its own file
# at the top, and problems.html lists every problem of the site. A strict build (make
# publish) turns both off. `make devserver` adds CASEBOOK_LIVE_RELOAD itself.
CASEBOOK_PREVIEW = True
CASEBOOK_PROBLEMS_SAVE_AS = "problems.html"

# After an edit a build reads only the changed files and renders only the pages whose inputs
# changed: the casebook build cache in cache/casebook-build/ (CASEBOOK_BUILD_CACHE, on by
# default), used only while the settings, theme, plugins and packages are those it was made
# with. Pelican's own content cache stays off: it trusts a file's modification time alone.
CACHE_CONTENT = False
LOAD_CONTENT_CACHE = False
CACHE_PATH = "cache"

# Relative URLs let the preview be opened from anywhere; publish makes them absolute.
RELATIVE_URLS = False
