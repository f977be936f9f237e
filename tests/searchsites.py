"""Small sites for the search-index tests, and Pagefind run as it comes, to compare with."""

import json
import os
import subprocess
import sys


def write_site(site, pages):
    """HTML files under `site`, by relative path (str, or bytes for a name that is no UTF-8)."""
    for relpath, body in pages.items():
        path = os.path.join(os.fsencode(site), os.fsencode(relpath))
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "wb") as file:
            file.write(f"<!doctype html><html lang=en><title>t</title>{body}</html>".encode())
    return site


def pagefinds_own(site, into):
    """Pagefind as it comes, every HTML file read, into a folder of its own."""
    command = [sys.executable, "-m", "pagefind", "--site", str(site), "--output-path", str(into)]
    subprocess.run([*command, "--quiet"], check=True, capture_output=True)


def page_count(index):
    """How many pages the index in folder `index` holds."""
    entry = json.loads((index / "pagefind-entry.json").read_text(encoding="utf-8"))
    return sum(language["page_count"] for language in entry["languages"].values())
