"""Composition root: the command line and the GUI start-up."""
