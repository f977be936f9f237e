"""Keep Python's garbage collector from walking every post again and again during a build."""

import gc

from ..preview import session


def freeze_read_content(generator):
    """Move everything alive once the posts are read out of the collector's reach."""
    # At 5000 posts each full collection walks millions of objects that live to the end
    # of the build anyway (posts, their metadata and HTML): about 0.1 s a time, several
    # times a build, landing on whatever code happens to allocate next. Frozen objects
    # are still freed by reference counting; only cycles among them wait for thaw().
    del generator
    if session.active() is None:  # a preview server holds the collector off itself
        gc.freeze()


def thaw(*_args):
    """Give the frozen objects back to the collector: the build is over (or a new one starts)."""
    # `pelican --autoreload` builds again and again in one process: what one build froze must be
    # collectable once it is gone, and a build that failed never reached `finalized`.
    if session.active() is None:
        gc.unfreeze()
