"""A WordPress export (WXR) read, planned, converted and written as new content files; pure.

`wxr` reads the export, `plan` decides where each item goes, `convert` turns its HTML into
Markdown, `images` brings its images home, `report` says what became of everything.
"""
