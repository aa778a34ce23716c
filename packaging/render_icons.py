"""Render the application icon from its SVG into PNG sizes and a Windows .ico.

    python packaging/render_icons.py

Reads resources/icons/peerdesk.svg and writes, beside it, peerdesk-<size>.png for
every size in SIZES and peerdesk.ico; the window-icon sizes are also copied into
the package (src/peerdesk/resources/icons/) so an installed PeerDesk finds them.
Run it again after changing the SVG and commit the results: the build machines
need no SVG tools.
"""

from __future__ import annotations

import os
import shutil
import struct
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCE = ROOT / "resources" / "icons" / "peerdesk.svg"
OUT = SOURCE.parent
PACKAGE_ICONS = ROOT / "src" / "peerdesk" / "resources" / "icons"
SIZES = (16, 32, 48, 64, 128, 256, 512)
# Windows shows up to 256 px; larger sizes only make the .exe bigger.
ICO_SIZES = (16, 32, 48, 64, 128, 256)
# The window icon: what Qt picks from for title bars, task bars and Alt+Tab.
WINDOW_SIZES = (16, 32, 48, 64, 128, 256)


def png_name(size: int) -> str:
    return f"peerdesk-{size}.png"


def render_png(svg: Path, size: int, target: Path) -> None:
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise SystemExit(f"render_icons: {svg} is not a valid SVG")
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    renderer.render(painter)
    painter.end()
    if not image.save(str(target), "PNG"):
        raise SystemExit(f"render_icons: could not write {target}")


def write_ico(pngs: list[tuple[int, bytes]], target: Path) -> None:
    """An .ico whose entries are PNG images (read by Windows Vista and later)."""
    header = struct.pack("<HHH", 0, 1, len(pngs))
    offset = len(header) + 16 * len(pngs)
    entries, blobs = b"", b""
    for size, data in pngs:
        side = 0 if size >= 256 else size  # 0 means 256 in an ICONDIRENTRY
        entries += struct.pack("<BBBBHHII", side, side, 0, 0, 1, 32, len(data), offset)
        blobs += data
        offset += len(data)
    target.write_bytes(header + entries + blobs)


def main() -> int:
    from PySide6.QtGui import QGuiApplication

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    assert app is not None
    for size in SIZES:
        render_png(SOURCE, size, OUT / png_name(size))
    write_ico([(size, (OUT / png_name(size)).read_bytes()) for size in ICO_SIZES],
              OUT / "peerdesk.ico")
    PACKAGE_ICONS.mkdir(parents=True, exist_ok=True)
    for size in WINDOW_SIZES:
        shutil.copyfile(OUT / png_name(size), PACKAGE_ICONS / png_name(size))
    print(f"wrote {len(SIZES)} PNGs and peerdesk.ico in {OUT.relative_to(ROOT)}; "
          f"{len(WINDOW_SIZES)} window icons in {PACKAGE_ICONS.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
