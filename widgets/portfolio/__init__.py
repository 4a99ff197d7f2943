"""The analyst page: patterns across all proposals and list revisions."""
