"""`python -m casebook.desk`: see main.py."""

import sys

from .main import main

sys.exit(main())
