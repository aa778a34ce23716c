"""Anonymised reports: figures, disclosure control, PDF and CSV writers."""
