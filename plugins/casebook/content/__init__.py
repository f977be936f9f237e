"""Reading content: one file (source), every file (corpus), slugs, settings, problems."""
