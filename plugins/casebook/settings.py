"""The plugin's settings, with defaults, read at run time."""

import os
from typing import Any

# A site's settings, as Pelican reads them.
Settings = dict[str, Any]

DEFAULTS = {
    # Folder under PATH holding one Markdown file per condition.
    "CONDITIONS_PATH": "conditions",
    # Problems are errors (publish) rather than warnings (preview).
    "CASEBOOK_STRICT": False,
}
SETTINGS_FILE = "pelicanconf.py"


def casebook_settings(settings):
    """The plugin's settings: the site's values over DEFAULTS."""
    return {key: settings.get(key, default) for key, default in DEFAULTS.items()}


def load(path=None):
    """The site's settings from a settings file (./pelicanconf.py if there is one) and DEFAULTS."""
    # Imported here: the command-line tools start faster when they need no settings.
    from pelican.settings import read_settings  # noqa: PLC0415

    path = path or (SETTINGS_FILE if os.path.exists(SETTINGS_FILE) else None)
    settings = read_settings(path)
    return {**settings, **casebook_settings(settings)}
