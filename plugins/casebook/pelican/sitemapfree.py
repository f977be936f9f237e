"""Each build starts the sitemap plugin afresh, even after a build that stopped half-way."""

from pelican.plugins.sitemap import sitemap


def start_afresh(pelican) -> None:
    """Forget a stopped build's sitemap and bind the plugin to this one."""
    # The plugin keeps one module-level generator bound to the first build it sees until
    # that build finishes; a build that stopped at a fatal warning never does, and every
    # later build in the process (the preview, --autoreload, tests) wrote no sitemap.
    # Builds in one process run one after another, so at this point any binding is stale.
    sitemap.generator._main_pelican = None
    sitemap.generator.page_queue = []
    sitemap.generator.init(pelican)
