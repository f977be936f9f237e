"""What the whole privacy lint finds in a body under a short front matter, for the round tests."""

from casebook.privacy import lint_source


def _findings(body):
    return lint_source("---\ntitle: A note\n---\n" + body + "\n")


def found(body):
    """(category, text) of each error (not warning) the whole lint finds in a body."""
    return [(f.category, f.text) for f in _findings(body) if not f.warning]


def every(body):
    """(category, text) of each finding, warnings too."""
    return [(f.category, f.text) for f in _findings(body)]
