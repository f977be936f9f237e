"""`make bench`: the settings each builder gets for a corpus, and how a target reads."""

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PELICAN = str(Path(sys.executable).with_name("pelican"))

STOCK_CONF = """
PATH = {path!r}
TIMEZONE = "America/New_York"
PLUGINS = []
FEED_ALL_ATOM = None
CATEGORY_FEED_ATOM = None
TRANSLATION_FEED_ATOM = None
AUTHOR_FEED_ATOM = None
AUTHOR_FEED_RSS = None
LOAD_CONTENT_CACHE = False
CACHE_PATH = {cache!r}
"""

# Settings files are not named after the plugin: Pelican imports them by name.
CASEBOOK_CONF = """
import sys
sys.path.insert(0, {root!r})
from {base} import *
PATH = {path!r}
THEME = {root!r} + "/theme"
PLUGIN_PATHS = [{root!r} + "/plugins"]
CACHE_PATH = {cache!r}
CASEBOOK_TIMINGS = True
CASEBOOK_WORKERS = {workers!r}
"""

HUGO_CONF = """baseURL = "https://www.metrowest-nmt.example/"
title = "Bench"
disableKinds = ["RSS"]
[taxonomies]
tag = "tags"
"""
# The same pages Pelican writes for a post, a list and a tag, each from its own template.
HUGO_LAYOUTS = {
    "baseof.html": '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">'
    '<title>{{ .Title }}</title></head><body><main>{{ block "main" . }}{{ end }}</main>'
    "</body></html>\n",
    "single.html": '{{ define "main" }}<article><h1>{{ .Title }}</h1>'
    '<time>{{ .Date.Format "2006-01-02" }}</time>{{ .Content }}<ul>'
    "{{ range .Params.tags }}<li>{{ . }}</li>{{ end }}</ul></article>{{ end }}\n",
    "list.html": '{{ define "main" }}<h1>{{ .Title }}</h1>{{ range .Paginator.Pages }}'
    '<h2><a href="{{ .RelPermalink }}">{{ .Title }}</a></h2><p>{{ .Summary }}</p>'
    "{{ end }}{{ end }}\n",
}


def write_confs(folder, roots):
    """Settings files for every builder of one corpus: name -> path (Hugo's: its site folder)."""
    confs = {"stock": folder / "conf_stock.py"}
    confs["stock"].write_text(
        STOCK_CONF.format(path=str(roots["stock"]), cache=str(folder / "stock-cache")),
        encoding="utf-8",
    )
    for name, base, workers in (
        ("casebook", "pelicanconf", None),
        ("casebook1", "pelicanconf", 1),
        ("publish", "publishconf", None),
    ):
        confs[name] = folder / f"conf_{name}.py"
        confs[name].write_text(
            CASEBOOK_CONF.format(
                root=str(ROOT), base=base, path=str(roots["casebook"]),
                cache=str(folder / "casebook-cache"), workers=workers,
            ),
            encoding="utf-8",
        )  # fmt: skip
    site = roots["hugo"].parent
    (site / "config.toml").write_text(HUGO_CONF, encoding="utf-8")
    layouts = site / "layouts" / "_default"
    layouts.mkdir(parents=True, exist_ok=True)
    for name, text in HUGO_LAYOUTS.items():
        (layouts / name).write_text(text, encoding="utf-8")
    confs["hugo"] = site
    return confs


def verdict(ok):
    return "pass" if ok else "miss"
