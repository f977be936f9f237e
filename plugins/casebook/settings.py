"""The plugin's settings, with defaults, read at run time."""

DEFAULTS = {
    # Folder under PATH holding one Markdown file per condition.
    "CONDITIONS_PATH": "conditions",
    # Problems are errors (publish) rather than warnings (preview).
    "CASEBOOK_STRICT": False,
}


def casebook_settings(settings):
    """The plugin's settings: the site's values over DEFAULTS."""
    return {key: settings.get(key, default) for key, default in DEFAULTS.items()}
