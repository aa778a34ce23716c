"""Use cases: one function or class per action, with permission checks and audit events."""
