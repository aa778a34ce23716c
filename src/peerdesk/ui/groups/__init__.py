"""Groups: the list of groups, a group's page with its meetings, and the register."""
