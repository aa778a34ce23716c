"""PySide6 widgets, dialogs and models. The only layer (with app) that imports Qt."""
