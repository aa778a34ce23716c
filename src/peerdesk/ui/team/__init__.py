"""Team mode's screens: joining a centre's team, its status, and the second save."""
