"""Check and build agree on every value type: random front matter, the same clear error or a build.

A property test (hypothesis) writes one post or page with one key set to a random value of
every YAML type (text, numbers, yes/no, dates, lists and mappings of them, nested), then runs
`make check`'s function and a real Pelican build of it. Either check finds errors in the file
and the build logs those same errors (and writes no page from it at its address), or check
finds none and the build writes the page; never a traceback.
"""

import datetime
import logging
import shutil

import pytest
import yaml
from conftest import FIXTURES, ROOT
from hypothesis import HealthCheck, given, settings
from hypothesis import example as hypothesis_example
from hypothesis import strategies as st
from pelican import Pelican
from pelican.log import LimitFilter
from pelican.settings import read_settings
from pelican.utils import get_date

from casebook.cli.check import check_content
from casebook.content.problems import shown
from casebook.content.settings import load

CASE = {
    "client": "Ana R.",
    "consent": True,
    "presenting_complaint": "Neck pain at the desk.",
    "findings": "Tight upper trapezius.",
    "interventions": "Trigger point work.",
    "sessions": 4,
    "outcome": "Much better.",
    "outcome_status": "improved",
    "follow_up": "Monthly visits.",
}
POST_KEYS = [
    "title", "summary", "slug", "date", "modified", "status", "tags", "lang", "author",
    "category", "follows", "followup_announced", "redirect_from", "privacy_ok",
    "case", "case.sessions", "case.consent", "case.client", "case.outcome_status",
    "case.presenting_complaint",
]  # fmt: skip
PAGE_KEYS = ["page_order", "menu_label", "title", "slug", "lang"]
SCALARS = (
    st.none()
    | st.booleans()
    | st.integers(min_value=-(10**12), max_value=10**12)
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=12)
    | st.sampled_from(["10-06-03", "2099-01-01", "first", "2009-06-18", "", "[a", "Neck pain"])
    | st.dates(min_value=datetime.date(1900, 1, 1), max_value=datetime.date(2100, 1, 1))
    | st.datetimes(min_value=datetime.datetime(1900, 1, 1), max_value=datetime.datetime(2100, 1, 1))
)
VALUES = st.recursive(
    SCALARS,
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner, max_size=3)
    ),
    max_leaves=6,
)


def write(content, kind, key, value):
    """One post (or page) with every key sound but `key`, which is `value`."""
    if kind == "page":
        meta = {"title": "Fees and hours", "slug": "fees", "page_order": 3}
    else:
        meta = {
            "title": "Neck pain at the desk: Ana R.",
            "date": "2020-01-01",
            "slug": "neck-pain-ana-r",
            "tags": ["Scoliosis"],
            "summary": "Neck pain eased in four sessions.",
            "case": dict(CASE),
        }
    if key.startswith("case."):
        meta["case"][key.removeprefix("case.")] = value
    else:
        meta[key] = value
    folder = content / ("pages" if kind == "page" else "cases")
    folder.mkdir(parents=True, exist_ok=True)
    text = "---\n" + yaml.safe_dump(meta, allow_unicode=True, sort_keys=False) + "---\nText.\n"
    (folder / "a.md").write_text(text, encoding="utf-8")
    return f"{folder.name}/a.md"


class Logged(logging.Handler):
    def __init__(self):
        super().__init__(logging.INFO)
        self.records = []

    def emit(self, record):
        self.records.append(record)


@pytest.fixture(scope="module")
def work(tmp_path_factory):
    return tmp_path_factory.mktemp("values")


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    st.one_of(
        st.tuples(st.just("post"), st.sampled_from(POST_KEYS), VALUES),
        st.tuples(st.just("page"), st.sampled_from(PAGE_KEYS), VALUES),
    )
)
# Found by hypothesis in CI: a number where a list of old addresses belongs.
@hypothesis_example(("post", "redirect_from", 1))
@hypothesis_example(("page", "redirect_from", {"a": 1}))
@hypothesis_example(("post", "slug", 0))
# Found by hypothesis in CI: a post dated after today is held back, as pelicanconf asks.
@hypothesis_example(("post", "date", "2030-01-01"))
# ... and a key holding U+0085, a line break to YAML but not to str.split("\n").
@hypothesis_example(("post", "title", {"\x85": None}))
# ... and a number for a language: no language tag, where a real one puts the post under it.
@hypothesis_example(("post", "lang", 0))
@hypothesis_example(("post", "lang", "es"))
@hypothesis_example(("page", "lang", "pt-BR"))
@hypothesis_example(("page", "lang", None))  # no language: the site's own
def test_check_and_build_give_the_same_errors_or_a_clean_build(work, example):
    kind, key, value = example
    site = work / "site"
    shutil.rmtree(site, ignore_errors=True)
    content = site / "content"
    shutil.copytree(FIXTURES / "vocabulary", content / "conditions")
    relpath = write(content, kind, key, value)

    # Each example's privacy findings afresh.
    for cache in (work / "cache", work / "check-cache"):
        (cache / "casebook-privacy.json").unlink(missing_ok=True)
    check_settings = {**load(str(ROOT / "pelicanconf.py")), "CACHE_PATH": str(work / "check-cache")}
    problems, _files = check_content(content, check_settings)
    checked = {str(p) for p in problems if p.is_error and p.path == relpath}
    every = {str(p) for p in problems if p.path == relpath}

    settings_ = read_settings(
        str(ROOT / "pelicanconf.py"),
        override={
            "PATH": str(content),
            "OUTPUT_PATH": str(site / "output"),
            "CACHE_PATH": str(work / "cache"),
            "CACHE_CONTENT": False,
            "LOAD_CONTENT_CACHE": False,
        },
    )
    # Pelican logs a message once per process: each build of this test must log its own.
    LimitFilter._ignore.clear()
    LimitFilter._raised_messages.clear()
    LimitFilter._group_count.clear()
    logged = Logged()
    logging.getLogger().addHandler(logged)
    try:
        Pelican(settings_).run()  # a traceback fails the test here
    finally:
        logging.getLogger().removeHandler(logged)
    messages = {r.getMessage() for r in logged.records}
    prefix = shown(content / relpath)
    built_own = {m for m in messages if m.startswith(prefix + ":")}
    slug = "fees" if kind == "page" else "neck-pain-ana-r"
    if key == "slug":
        slug = str(value).strip()  # an accepted slug (`slug: 0` too) is where the page goes
    # Every error check finds, the build logs, in the same words; and nothing check did not.
    assert checked <= built_own, (key, value, checked - built_own)
    assert built_own <= every, (key, value, built_own - every)
    if not checked:
        # WITH_FUTURE_DATES = False: Pelican keeps a post dated after today as a draft.
        held = kind == "post" and key == "date" and _after_today(value)
        if key == "lang" and value is not None and str(value) != "en":
            slug = f"{value}/{slug}"  # pelicanconf's *_LANG_SAVE_AS: under its language
        where = site / "output" / ("drafts/" + slug if held else slug) / "index.html"
        assert where.is_file(), (key, value)


def _after_today(value: object) -> bool:
    """Whether a date value Pelican accepts falls after today (a future post)."""
    try:
        day = get_date(str(value)) if not isinstance(value, datetime.date) else value
    except (ValueError, OverflowError):
        return False
    day = day.date() if isinstance(day, datetime.datetime) else day
    return day > datetime.date.today()
