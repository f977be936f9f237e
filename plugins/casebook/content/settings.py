"""The plugin's settings, with defaults, read at run time."""

import datetime
import os
from typing import Any
from zoneinfo import ZoneInfo

# A site's settings, as Pelican reads them.
Settings = dict[str, Any]

# A condition is due for review this many months after `reviewed:`, unless the site says.
REVIEW_MONTHS = 12

DEFAULTS = {
    # Folder under PATH holding one Markdown file per condition.
    "CONDITIONS_PATH": "conditions",
    # Problems are errors (publish) rather than warnings (preview).
    "CASEBOOK_STRICT": False,
    # A condition's explanation is due for review this many months after `reviewed:`.
    "CONDITION_REVIEW_MONTHS": REVIEW_MONTHS,
    # "Today" for the review dates (YYYY-MM-DD); unset: the environment's CASEBOOK_TODAY,
    # else the real date. Tests set it so they never depend on the day they run.
    "CASEBOOK_TODAY": None,
    # The one-page referral summary of each case; an empty SAVE_AS writes none.
    "REFERRAL_URL": "{slug}/referral/",
    "REFERRAL_SAVE_AS": "{slug}/referral/index.html",
    # Each case's approval copy for its client: in a preview (and `make consent`) only.
    "CASEBOOK_APPROVAL_URL": "{slug}/approval/",
    "CASEBOOK_APPROVAL_SAVE_AS": "{slug}/approval/index.html",
    # Set by `make consent` alone: {"slug", "text" (its fingerprint), "printed" (a date)}.
    "CASEBOOK_APPROVAL_OF": None,
    # The private approved copies, relative to the folder that holds the content folder.
    "CONSENTS_PATH": "consents",
    # Processes a build reads, judges and renders in (forked; the output is the same as one
    # process makes): None, one per core; 1, everything in the one process.
    "CASEBOOK_WORKERS": None,
    # Keep what each build read and rendered in CACHE_PATH/casebook-build/, so the next build
    # reads only changed files and renders only pages whose inputs changed.
    "CASEBOOK_BUILD_CACHE": True,
}
TODAY_VARIABLE = "CASEBOOK_TODAY"
SETTINGS_FILE = "pelicanconf.py"


def casebook_settings(settings):
    """The plugin's settings: the site's values over DEFAULTS."""
    return {key: settings.get(key, default) for key, default in DEFAULTS.items()}


def site_today(settings: Settings) -> datetime.date:
    """Today on the practice's clock (the site's TIMEZONE, as Pelican reads dates)."""
    return datetime.datetime.now(ZoneInfo(settings.get("TIMEZONE") or "UTC")).date()


def today(settings: Settings) -> tuple[datetime.date, str | None]:
    """The day review dates are judged against, and the text of a "today" that is no date."""
    given = settings.get("CASEBOOK_TODAY") or os.environ.get(TODAY_VARIABLE)
    if isinstance(given, datetime.datetime):
        return given.date(), None
    if isinstance(given, datetime.date):
        return given, None
    real = site_today(settings)
    if not given:
        return real, None
    try:
        return datetime.date.fromisoformat(str(given).strip()), None
    except ValueError:
        return real, str(given)[:40]


def page_order_key(settings: Settings) -> str | None:
    """The key pages must carry when the site orders them by one (PAGE_ORDER_BY)."""
    order_by = settings.get("PAGE_ORDER_BY")
    if not isinstance(order_by, str):
        return None
    key = order_by.removeprefix("reversed-")
    # Pelican sorts by file name for 'basename'; every page has a slug and a title.
    return None if key in ("basename", "slug", "title", "") else key


def review_months(settings: Settings) -> int:
    """CONDITION_REVIEW_MONTHS, or its default when it is not a whole number."""
    months = settings.get("CONDITION_REVIEW_MONTHS", REVIEW_MONTHS)
    return REVIEW_MONTHS if isinstance(months, bool) or not isinstance(months, int) else months


def load(path=None):
    """The site's settings from a settings file (./pelicanconf.py if there is one) and DEFAULTS."""
    # Imported here: the command-line tools start faster when they need no settings.
    from pelican.settings import read_settings  # noqa: PLC0415

    path = path or (SETTINGS_FILE if os.path.exists(SETTINGS_FILE) else None)
    settings = read_settings(path)
    return {**settings, **casebook_settings(settings)}
