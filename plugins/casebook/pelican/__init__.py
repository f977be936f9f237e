"""The Pelican glue: register(), the reader adapter, the generators; logic is in pure modules."""
