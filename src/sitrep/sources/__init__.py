"""Sources: where raw documents come from (files, directories, archives, feeds, URLs, stdin)."""

from sitrep.sources.files import DEFAULT_MAX_BYTES, iter_raw, read_path, record_to_raw, walk

__all__ = ["DEFAULT_MAX_BYTES", "iter_raw", "read_path", "record_to_raw", "walk"]
