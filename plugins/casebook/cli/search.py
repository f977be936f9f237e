"""`make html`'s last step: the search index of the built site (Pagefind, searchindex.py)."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from ..searchindex import index
from . import guarded


@guarded("the search index")
def main(argv: Sequence[str] | None = None) -> int:
    """Index the site in `--site`; Pagefind's own exit status."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--site", required=True, help="the built site, e.g. output")
    args = parser.parse_args(argv)
    site = Path(args.site)
    if not (site / "index.html").is_file():
        print(
            f"the search index: {site}/ holds no built site (no index.html); build it first "
            "with make html",
            file=sys.stderr,
        )
        return 1
    return index(site).returncode


if __name__ == "__main__":
    sys.exit(main())
