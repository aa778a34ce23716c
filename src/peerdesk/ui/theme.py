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

Start-up: reading the system's contrast preference loads PySide6's Qt namespace of
enums, which takes longer than painting the sign-in window. The sign-in window is
therefore styled `palette_only()` first and asks the system right after its first
paint (restyling if it asks for high contrast).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from PySide6.QtGui import QColor, QGuiApplication, QPalette

# WCAG AAA contrast for normal text.
HIGH_CONTRAST_RATIO = 7.0
# Relative luminance near pure black or pure white: an ordinary light theme's
# window (#efefef) is about 0.86 and a dark theme's (#1e1e1e) about 0.013; the
# high-contrast themes use #000000 and #ffffff.
NEAR_BLACK = 0.005
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


_palette_only = False


@contextmanager
def palette_only() -> Iterator[None]:
    """Decide high contrast from the palette alone (see the start-up note above)."""
    global _palette_only
    before, _palette_only = _palette_only, True
    try:
        yield
    finally:
        _palette_only = before


def system_asks_high_contrast() -> bool:
    """The system's accessibility settings ask for high contrast."""
    from PySide6.QtCore import Qt  # loads the Qt namespace: only when asked

    hints = QGuiApplication.styleHints()
    return hints is not None and (hints.accessibility().contrastPreference()
                                  == Qt.ContrastPreference.HighContrast)


def palette_is_high_contrast() -> bool:
    with palette_only():
        return is_high_contrast()


def is_high_contrast(palette: QPalette | None = None) -> bool:
    """The system asks for high contrast, or the palette is a high-contrast one."""
    if not _palette_only and system_asks_high_contrast():
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


def focus_rule(selector: str, fixed: str = FOCUS_COLOUR, palette: QPalette | None = None) -> str:
    """A clearly visible outline on keyboard focus for `selector` (`fixed`: its colour
    on our own backgrounds; under high contrast the palette's highlight)."""
    outline = colour(fixed, "highlight", palette)
    return f"{selector}:focus {{ border: 2px solid {outline}; }}"


# -- the main window's own chrome --------------------------------------------------------

TOP_BAR = "#24364f"
ON_TOP_BAR_FOCUS = "#ffd54f"  # amber: stands out on the dark blue bar


def top_bar_style() -> str:
    if is_high_contrast():
        return ("#topBar { background: palette(window); border-bottom: 1px solid"
                " palette(window-text); } #topBar QLabel { color: palette(window-text); }")
    return f"#topBar {{ background: {TOP_BAR}; }} #topBar QLabel {{ color: white; }}"


def top_bar_button_style() -> str:
    if is_high_contrast():
        return ("QToolButton { color: palette(window-text); border: 1px solid"
                " palette(window-text); border-radius: 3px; padding: 3px 10px; }"
                " QToolButton:hover { background: palette(highlight);"
                " color: palette(highlighted-text); } " + focus_rule("QToolButton"))
    return ("QToolButton { color: white; border: 1px solid #8fa3bf; border-radius: 3px;"
            " padding: 3px 10px; } QToolButton:hover { background: #35506f; } "
            + focus_rule("QToolButton", ON_TOP_BAR_FOCUS))


def brand_style() -> str:
    return f"font-weight: bold; {font_size(1.45)}"


def sidebar_style() -> str:
    if is_high_contrast():
        return ("QListWidget { border: none; border-right: 1px solid palette(window-text);"
                f" background: palette(window); color: palette(window-text); {font_size(1.2)}"
                " padding-top: 8px; } QListWidget::item { padding: 8px 14px; }"
                " QListWidget::item:selected { background: palette(highlight);"
                " color: palette(highlighted-text); }"
                " QListWidget::item:focus { border: 2px solid palette(window-text); }")
    return ("QListWidget { border: none; border-right: 1px solid #d0d0d0; background: #f3f4f6;"
            f" {font_size(1.2)} padding-top: 8px; }}"
            " QListWidget::item { padding: 8px 14px; }"
            " QListWidget::item:selected { background: #dbe7f7; color: #0d2f5c; }"
            f" QListWidget::item:focus {{ border: 2px solid {FOCUS_COLOUR}; }}")


def notice_bar_style() -> str:
    if is_high_contrast():
        return ("#noticeBar { background: palette(window); border-bottom: 2px solid"
                " palette(window-text); } #noticeBar QLabel { color: palette(window-text); }")
    return ("#noticeBar { background: #fff3cd; border-bottom: 1px solid #e0c36b; }"
            " #noticeBar QLabel { color: black; }")
