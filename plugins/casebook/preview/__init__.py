"""The preview: dev server, session, dependency recording, selective writing, live reload."""
