"""The application icon, from PNGs shipped inside the package.

PNGs rather than the SVG so the icon needs no image-format plugin; the files
are made from resources/icons/peerdesk.svg by packaging/render_icons.py.
"""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtGui import QIcon

# Matches the Linux desktop entry's file name, so a Wayland desktop shows our icon.
DESKTOP_FILE_NAME = "org.peerdesk.PeerDesk"


def icon_folder() -> Path:
    # Beside the package's modules, as ui/i18n.py finds the translations.
    return Path(__file__).resolve().parent.parent / "resources" / "icons"


def app_icon() -> QIcon:
    """Every shipped size, so Qt picks a sharp one for each place it shows."""
    icon = QIcon()
    folder = icon_folder()
    # Listed, not globbed: a glob compiles a pattern, and this runs before the
    # sign-in window's first paint (start-up speed).
    for name in sorted(os.listdir(folder)):
        if name.startswith("peerdesk-") and name.endswith(".png"):
            icon.addFile(str(folder / name))
    return icon
