"""The writing desk (`make write`): write, check, preview and publish from the browser.

Its own templates and static files live in this package: nothing of the desk is ever part
of the site Pelican builds.
"""
