"""Reports: choose a period, prepare the anonymised report, preview, save and print it."""
