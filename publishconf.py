"""Settings for the production build: `make publish` (run with --fatal warnings)."""

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from pelicanconf import *  # noqa: E402,F403

# The published address; override with SITEURL=https://… make publish.
SITEURL = os.environ.get("SITEURL", "https://www.metrowest-nmt.example")
RELATIVE_URLS = False

FEED_DOMAIN = SITEURL
FEED_ALL_ATOM = "feeds/all.atom.xml"
# One feed per condition, at an address that never changes.
CONDITION_FEED_ATOM = "conditions/{slug}/feed.atom"
CONDITION_FEED_ATOM_URL = "conditions/{slug}/feed.atom"

# Drafts stay on the practitioner's machine: a published site has no /drafts/, so a
# case without consent can wait as a draft while the rest is published.
DRAFT_SAVE_AS = ""
DRAFT_PAGE_SAVE_AS = ""

# A published build starts from an empty folder and never reuses a preview's work: its build
# cache is its own (other settings, another key); the pages it need not render again are put
# back from cache/casebook-build/pages/ into the empty folder.
DELETE_OUTPUT_DIRECTORY = True
LOAD_CONTENT_CACHE = False
CACHE_CONTENT = False

# Unknown conditions and broken follow-ups are warnings while previewing and
# failures here (the Makefile also passes --fatal warnings).
CASEBOOK_STRICT = True
