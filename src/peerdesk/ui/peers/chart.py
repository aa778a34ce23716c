"""A small line chart of ratings over time, painted with QPainter (no QtCharts needed)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from itertools import pairwise

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from peerdesk.ui.chart_parts import paper, plot_area

PALETTE = ("#2f6db5", "#2e8b57", "#c27c0e", "#b03a48")


@dataclass(frozen=True, slots=True)
class Series:
    label: str
    points: tuple[tuple[date, float], ...]


class LineChart(QWidget):
    """Values between `low` and `high` against dates; one line per series."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.series: list[Series] = []
        self.low, self.high = 0.0, 10.0
        self.note = ""
        self.setMinimumHeight(200)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setAccessibleName(self.tr("Chart of ratings over time"))

    def sizeHint(self) -> QSize:
        return QSize(520, 240)

    def set_data(self, series: list[Series], low: float, high: float, note: str = "") -> None:
        self.series = [s for s in series if s.points]
        self.low, self.high = low, high
        self.note = note
        self.update()

    def clear(self) -> None:
        self.set_data([], 0, 10)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        if not paper(painter, self, None if self.series else self.tr(
                "No ratings of this kind yet.")):
            return
        metrics = painter.fontMetrics()
        line_h = metrics.height()
        plot = plot_area(painter, self, str(int(self.high)))
        left, legend_h = plot.left(), line_h + 8
        days = [d for s in self.series for d, _ in s.points]
        first, last = min(days), max(days)
        span = max((last - first).days, 1)

        def x(day: date) -> float:
            if first == last:
                return plot.center().x()
            return plot.left() + plot.width() * (day - first).days / span

        def y(value: float) -> float:
            return plot.bottom() - plot.height() * (value - self.low) / (self.high - self.low)

        # Grid and scale.
        steps = int(self.high - self.low)
        every = 1 if steps <= 10 else 2
        painter.setPen(QPen(QColor("#e3e3e3"), 1))
        for v in range(int(self.low), int(self.high) + 1, every):
            painter.drawLine(QPointF(plot.left(), y(v)), QPointF(plot.right(), y(v)))
        painter.setPen(QColor("#666"))
        for v in range(int(self.low), int(self.high) + 1, every):
            painter.drawText(QRectF(0, y(v) - line_h / 2, left - 6, line_h),
                             Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, str(v))
        painter.setPen(QPen(QColor("#999"), 1))
        painter.drawLine(plot.bottomLeft(), plot.bottomRight())
        painter.setPen(QColor("#666"))
        axis_y = plot.bottom() + 4
        painter.drawText(QRectF(plot.left(), axis_y, plot.width() / 2, line_h),
                         Qt.AlignmentFlag.AlignLeft, first.isoformat())
        if last != first:
            painter.drawText(QRectF(plot.center().x(), axis_y, plot.width() / 2, line_h),
                             Qt.AlignmentFlag.AlignRight, last.isoformat())

        # Lines and points.
        for i, series in enumerate(self.series):
            colour = QColor(PALETTE[i % len(PALETTE)])
            points = [QPointF(x(d), y(v)) for d, v in sorted(series.points)]
            painter.setPen(QPen(colour, 2))
            for a, b in pairwise(points):
                painter.drawLine(a, b)
            painter.setBrush(colour)
            for p in points:
                painter.drawEllipse(p, 3.5, 3.5)

        # Legend.
        lx = plot.left()
        ly = self.height() - legend_h + 4
        for i, series in enumerate(self.series):
            colour = QColor(PALETTE[i % len(PALETTE)])
            painter.setPen(QPen(colour, 3))
            painter.drawLine(QPointF(lx, ly + line_h / 2), QPointF(lx + 16, ly + line_h / 2))
            painter.setPen(QColor("#333"))
            text = series.label
            painter.drawText(QPointF(lx + 22, ly + metrics.ascent()), text)
            lx += 22 + metrics.horizontalAdvance(text) + 18
        if self.note:
            painter.setPen(QColor("#777"))
            painter.drawText(QRectF(lx, ly, self.width() - lx - 8, line_h),
                             Qt.AlignmentFlag.AlignRight, self.note)
