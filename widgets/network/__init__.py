"""The co-authorship network explorer shown on the review page."""
