"""pelican-yaml-metadata's reader with PyYAML's C loader: the same front matter, read faster."""

import logging

import yaml
from pelican.plugins.yaml_metadata.yaml_metadata import YAMLMetadataReader

from .problems import shown

logger = logging.getLogger(__name__)

# libyaml parses front matter several times faster than the pure-Python loader,
# which was a third of a 1000-post build.
LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def yaml_problem(err: yaml.MarkedYAMLError) -> tuple[int | None, str]:
    """Where in the header YAML failed (0-based line) and the advice (build and check alike)."""
    mark = err.problem_mark or err.context_mark
    what = " ".join(filter(None, (err.context, err.problem)))
    advice = (
        "check this line: a value with `: ` or `#` in it, or starting with a "
        'quote, `[` or `*`, needs "double quotes"'
    )
    if err.context_mark and err.context and ("flow" in err.context or "quoted" in err.context):
        # YAML read on past a `[`, `{` or quote that was never closed and failed
        # further down: the line to fix is the one that opened it.
        mark = err.context_mark
        advice = "a `[` list, `{` or quote opened on this line is not closed; close it"
    return (mark.line if mark else None), f"front matter is not valid YAML ({what}); {advice}"


def _header_line(source_path, header):
    """The file's line number where the header text starts (its opening `---`)."""
    try:
        with open(source_path, encoding="utf-8") as file:
            text = file.read()
    except (OSError, UnicodeDecodeError):
        return 1
    return text[: max(text.find(header), 0)].count("\n") + 1


class FastYAMLMetadataReader(YAMLMetadataReader):
    """Reads YAML front matter with libyaml; anything odd goes to the original reader."""

    def _load_yaml_metadata(self, text, source_path):
        try:
            metadata = yaml.load(text, Loader=LOADER)  # noqa: S506 - a safe loader
        except yaml.MarkedYAMLError as err:
            # One line naming the file, the line and the fix, where the original
            # reader logs a traceback; the post is then skipped, as it would be.
            line, message = yaml_problem(err)
            where = shown(source_path)
            if line is not None:
                where = f"{where}:{_header_line(source_path, text) + line}"
            logger.error("%s: %s", where, message)
            return {}
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
