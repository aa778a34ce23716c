"""The Supporters page: the register, training, checks and the competency matrix."""
