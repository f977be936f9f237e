"""One line of advice instead of a traceback when a build stops for a reason that is no bug."""

import gzip
import logging
import pickle
import zlib

from ..content.problems import shown

# Raised by Pelican's own logger when `--fatal warnings` meets a warning.
FATAL = "Warning or error encountered"
DAMAGED_CACHE = (EOFError, pickle.UnpicklingError, zlib.error, gzip.BadGzipFile)


def advice(error: BaseException, settings: dict) -> str | None:
    """What to tell the practitioner about an error that stopped a build; None for a bug."""
    if isinstance(error, RuntimeError) and str(error) == FATAL:
        return (
            "the build stopped at the first problem above (warnings are fatal when publishing); "
            "`make check` lists every problem at once"
        )
    if type(error).__name__ == "ContentChangedError":
        return str(error)  # judging.py's own words: which files, and to build again
    if isinstance(error, DAMAGED_CACHE):
        cache = settings.get("CACHE_PATH") or "cache"
        return (
            f"the content cache in {shown(cache)}/ is damaged ({error}); run `make clean` and "
            "build again"
        )
    if isinstance(error, OSError):
        where = f"{shown(error.filename)}: " if error.filename else ""
        return (
            f"{where}{error.strerror or error}; the build could not read or write it. Check "
            "that the folder exists and that you may write to it; `make clean` removes the "
            "output and the cache"
        )
    return None


class QuietFilter(logging.Filter):
    """Rewrites Pelican's last-resort error log when its error has plain advice."""

    def __init__(self, settings):
        super().__init__("pelican")
        self.settings = settings

    def filter(self, record: logging.LogRecord) -> bool:
        if record.exc_info and record.exc_info[1] is not None:
            text = advice(record.exc_info[1], self.settings)
            if text is not None:
                record.msg, record.args = "%s", (text,)
                record.exc_info = record.exc_text = None
        return True


def quiet_tracebacks(pelican):
    """Install the filter once per process on the logger Pelican's command line reports through."""
    logger = logging.getLogger("pelican")
    for old in [f for f in logger.filters if isinstance(f, QuietFilter)]:
        logger.removeFilter(old)  # the settings of this build, not of an earlier one
    logger.addFilter(QuietFilter(pelican.settings))
