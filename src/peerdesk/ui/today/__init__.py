"""The Today page: follow-ups, sessions logged today and consent reviews due."""
