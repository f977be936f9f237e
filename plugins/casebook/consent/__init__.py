"""Consent bound to the text the client approved: what a case's `consent:` says (state), what a
reader sees of it and its fingerprint (visible), the private approved copies (store), and the
one edit `make consent` makes to a case file (frontmatter). All pure of Pelican."""
