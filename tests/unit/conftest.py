"""Unit tests load the plugin's pure modules by path: no Pelican, no package __init__."""

import importlib.util
import sys
from pathlib import Path

PLUGIN = Path(__file__).resolve().parents[2] / "plugins" / "casebook"

# By path rather than sys.path, so the plugin's other modules (settings, plugin...)
# do not become top-level names for the rest of the test session.
for name in ("vocabulary", "followups", "icd10"):
    if name not in sys.modules:
        spec = importlib.util.spec_from_file_location(name, PLUGIN / f"{name}.py")
        module = importlib.util.module_from_spec(spec)
        sys.modules[name] = module  # dataclasses look their module up while it runs
        spec.loader.exec_module(module)
