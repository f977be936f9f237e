"""pelican-yaml-metadata's reader with PyYAML's C loader: the same front matter, read faster."""

import yaml
from pelican.plugins.yaml_metadata.yaml_metadata import YAMLMetadataReader

# libyaml parses front matter several times faster than the pure-Python loader,
# which was a third of a 1000-post build.
LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class FastYAMLMetadataReader(YAMLMetadataReader):
    """Reads YAML front matter with libyaml; anything odd goes to the original reader."""

    def _load_yaml_metadata(self, text, source_path):
        try:
            metadata = yaml.load(text, Loader=LOADER)  # noqa: S506 - a safe loader
        except Exception:  # noqa: BLE001 - the original reader reports it its own way
            return super()._load_yaml_metadata(text, source_path)
        if not isinstance(metadata, dict):
            return super()._load_yaml_metadata(text, source_path)
        return self._parse_yaml_metadata(metadata, source_path)


def use_fast_reader(generator):
    """Swap the generator's YAML readers for the fast one, whatever order plugins loaded in."""
    readers = generator.readers.readers
    for extension, reader in list(readers.items()):
        if type(reader) is YAMLMetadataReader:
            readers[extension] = FastYAMLMetadataReader(generator.settings)
