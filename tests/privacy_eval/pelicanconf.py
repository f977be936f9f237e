"""The site's own settings, for scoring the privacy corpus: a cache of its own, the real theme."""

import importlib.util
import os

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
# Pelican loads this file as the module `pelicanconf`, so `from pelicanconf import *` would
# import this very file: the site's settings are loaded by path, under a name of their own.
_spec = importlib.util.spec_from_file_location("casebook_site_settings", f"{ROOT}/pelicanconf.py")
_site = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(_site)
globals().update({k: v for k, v in vars(_site).items() if k.isupper()})

PATH = os.path.join(ROOT, "content")  # check is given the corpus folder itself
THEME = os.path.join(ROOT, "theme")
# Each scoring run starts with an empty cache: a score must never come from an old run.
CACHE_PATH = os.environ.get("CASEBOOK_CORPUS_CACHE") or os.path.join(ROOT, "cache", "corpus")
