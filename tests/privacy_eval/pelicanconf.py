"""The site's own settings, for scoring the privacy corpus: a cache of its own, the real theme."""

import os
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
sys.path.insert(0, ROOT)
from pelicanconf import *  # noqa: E402,F403

THEME = os.path.join(ROOT, "theme")
# Each scoring run starts with an empty cache: a score must never come from an old run.
CACHE_PATH = os.environ.get("CASEBOOK_CORPUS_CACHE") or os.path.join(ROOT, "cache", "corpus")
