"""`python -m casebook.placeindex`: write or check the precomputed place index."""

from . import main

raise SystemExit(main())
