"""Style-sheet pieces that respect the person's settings: font size, contrast, focus.

Stylesheets fix what they name. A fixed `font-size: 13pt` ignores the size the
person chose for the desktop, and a fixed colour ignores a high-contrast theme,
so style sheets in the ui take both from here:

- `font_size(factor)`: a size relative to the application's font.
- `colour(fixed, role)`: the fixed colour normally; the palette's own role
  (`palette(window-text)`, …) when the system asks for high contrast.
- `focus_rule(selector)`: a visible focus outline for widgets whose style sheet
  replaces the style's own drawing (and with it the focus frame).

Style sheets are built when a widget is made; a contrast change while PeerDesk
runs applies to windows opened after it (sign-in after a lock, new dialogs).
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette

# WCAG AAA contrast for normal text.
HIGH_CONTRAST_RATIO = 7.0
# Relative luminance near pure black or pure white (an ordinary light theme's
# window, #efefef, is about 0.86; a high-contrast white one is 1.0).
NEAR_BLACK = 0.02
NEAR_WHITE = 0.95
FOCUS_COLOUR = "#1a73e8"


def luminance(colour: QColor) -> float:
    """WCAG relative luminance, 0 (black) to 1 (white)."""

    def linear(channel: float) -> float:
        return channel / 12.92 if channel <= 0.03928 else ((channel + 0.055) / 1.055) ** 2.4

    return (0.2126 * linear(colour.redF()) + 0.7152 * linear(colour.greenF())
            + 0.0722 * linear(colour.blueF()))


def contrast_ratio(first: QColor, second: QColor) -> float:
    lighter, darker = sorted((luminance(first), luminance(second)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def is_high_contrast(palette: QPalette | None = None) -> bool:
    """The system asks for high contrast, or the palette is a high-contrast one."""
    hints = QGuiApplication.styleHints()
    if hints is not None and (hints.accessibility().contrastPreference()
                              == Qt.ContrastPreference.HighContrast):
        return True
    if palette is None:
        if QGuiApplication.instance() is None:
            return False
        palette = QGuiApplication.palette()
    window = palette.color(QPalette.ColorRole.Window)
    text = palette.color(QPalette.ColorRole.WindowText)
    background = luminance(window)
    return (contrast_ratio(window, text) >= HIGH_CONTRAST_RATIO
            and (background <= NEAR_BLACK or background >= NEAR_WHITE))


def colour(fixed: str, role: str, palette: QPalette | None = None) -> str:
    """`fixed` normally; `palette(<role>)` (e.g. "window-text") under high contrast."""
    return f"palette({role})" if is_high_contrast(palette) else fixed


def base_point_size() -> float:
    font = QGuiApplication.font()
    size = font.pointSizeF()
    return size if size > 0 else 9.0


def font_size(factor: float) -> str:
    """A `font-size` declaration `factor` times the application font's size."""
    return f"font-size: {base_point_size() * factor:.1f}pt;"


def focus_rule(selector: str, palette: QPalette | None = None) -> str:
    """A clearly visible outline on keyboard focus for `selector`."""
    outline = colour(FOCUS_COLOUR, "highlight", palette)
    return f"{selector}:focus {{ border: 2px solid {outline}; }}"
