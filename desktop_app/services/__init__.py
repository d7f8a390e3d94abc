"""Use cases: fetch, review decisions, push to 1C, export."""
