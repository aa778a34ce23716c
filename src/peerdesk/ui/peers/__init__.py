"""The caseload: the list of peers, a peer's page and the dialogs that change a record."""
