"""The theme's stylesheets, minified in the output once a build has copied them."""

import logging
import os
import tempfile
from pathlib import Path

import rcssmin

logger = logging.getLogger(__name__)


def minify_file(path):
    """Minify one copied stylesheet in place, written whole or not at all; True if it shrank."""
    # A link would point back at the theme's own file: never write through it.
    if path.is_symlink() or not path.is_file():
        return False
    text = path.read_text(encoding="utf-8")
    small = rcssmin.cssmin(text)
    if len(small) >= len(text):
        return False
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".", suffix=".css")
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            out.write(small)
        # os.replace gives the output a file of its own, even if it was hard-linked.
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return True


def minify_theme_css(pelican):
    """Every .css the theme copied to THEME_STATIC_DIR: comments and spaces out."""
    folder = Path(pelican.output_path) / pelican.settings.get("THEME_STATIC_DIR", "theme")
    for path in sorted(folder.glob("**/*.css")):
        try:
            if minify_file(path):
                logger.debug("Minified %s", path)
        except (OSError, UnicodeDecodeError) as err:
            logger.warning("%s: could not minify (%s); it is published as it is", path, err)
