"""What the small charts (a group's attendance, a peer's ratings) share: the white paper,
the sentence shown while there is nothing to plot, and where the plot goes."""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import QWidget


def paper(painter: QPainter, widget: QWidget, empty_text: str | None) -> bool:
    """Paint `widget` white; with `empty_text` (nothing to plot) say it in grey at the
    centre. True when there is a plot to draw."""
    painter.fillRect(widget.rect(), QColor("white"))
    if empty_text is None:
        return True
    painter.setPen(QColor("#777"))
    painter.drawText(widget.rect(), Qt.AlignmentFlag.AlignCenter, empty_text)
    return False


def plot_area(painter: QPainter, widget: QWidget, widest_axis_label: str) -> QRectF:
    """The plot's rectangle: room at the left for the axis labels, below for the date
    labels and for a line of legend."""
    metrics = painter.fontMetrics()
    line_h = metrics.height()
    left = metrics.horizontalAdvance(widest_axis_label) + 14
    legend_h = line_h + 8
    return QRectF(left, 10, widget.width() - left - 16,
                  widget.height() - 10 - line_h - 10 - legend_h)
