"""`python -m casebook.icd10_table`: write or check the precomputed ICD-10-CM table."""

from . import main

raise SystemExit(main())
