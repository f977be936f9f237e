"""Reading content: one file (source), every file of the folder (corpus), slugs, settings, problems."""
