"""Plain data, rules and errors. Standard library only."""
