"""Data shipped with sitrep: gazetteers, lexicons and small model weights."""
