"""The benchmark suite (DESIGN.md §8). Run with `python -m tests.perf`; never
collected by pytest (no test_*.py files here)."""
