"""The review page: one proposal, its findings, evidence, judgment and export."""
