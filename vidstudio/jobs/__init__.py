"""Jobs: the SQLite job store and the Qt job runner (no widgets here)."""
