"""SQL <-> domain dataclasses. Each function takes the Database it works on."""
