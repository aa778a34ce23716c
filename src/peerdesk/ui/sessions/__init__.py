"""One-to-one sessions: logging one, the recent list and searching notes."""
