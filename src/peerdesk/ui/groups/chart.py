"""Attendance over time: a bar per held meeting, the anonymous head-count stacked on top."""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from peerdesk.ui.chart_parts import paper, plot_area

ATTENDED = QColor("#2f6db5")
HEAD_COUNT = QColor("#9cc3ea")


class AttendanceChart(QWidget):
    """`set_data([(held_on, attended, head_count), …])`, oldest first."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.points: list[tuple[str, int, int]] = []
        self.setMinimumHeight(180)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setAccessibleName(self.tr("Chart of attendance per meeting"))

    def sizeHint(self) -> QSize:
        return QSize(520, 240)

    def set_data(self, points: list[tuple[str, int, int]]) -> None:
        self.points = list(points)
        total = sum(a + h for _, a, h in self.points)
        self.setAccessibleDescription(
            self.tr("{meetings} meetings held, {total} people in all").format(
                meetings=len(self.points), total=total) if self.points else "")
        self.update()

    def clear(self) -> None:
        self.set_data([])

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        if not paper(painter, self, None if self.points else self.tr(
                "No registers taken yet: bars appear once a meeting is marked.")):
            return
        metrics = painter.fontMetrics()
        line_h = metrics.height()
        top = max(max(a + h for _, a, h in self.points), 1)
        step = 1 if top <= 10 else 2 if top <= 20 else 5 if top <= 50 else 10
        top = ((top + step - 1) // step) * step
        plot = plot_area(painter, self, str(top))
        left, legend_h = plot.left(), line_h + 8

        def y(value: float) -> float:
            return plot.bottom() - plot.height() * value / top

        painter.setPen(QPen(QColor("#e3e3e3"), 1))
        for v in range(0, top + 1, step):
            painter.drawLine(int(plot.left()), int(y(v)), int(plot.right()), int(y(v)))
        painter.setPen(QColor("#666"))
        for v in range(0, top + 1, step):
            painter.drawText(QRectF(0, y(v) - line_h / 2, left - 6, line_h),
                             Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, str(v))

        n = len(self.points)
        slot = plot.width() / n
        bar = max(2.0, min(slot * 0.7, 36.0))
        for i, (_, attended, head) in enumerate(self.points):
            x = plot.left() + slot * i + (slot - bar) / 2
            painter.fillRect(QRectF(x, y(attended), bar, plot.bottom() - y(attended)), ATTENDED)
            if head:
                stacked = QRectF(x, y(attended + head), bar, y(attended) - y(attended + head))
                painter.fillRect(stacked, HEAD_COUNT)
        painter.setPen(QPen(QColor("#999"), 1))
        painter.drawLine(plot.bottomLeft(), plot.bottomRight())

        # Dates under the bars, as many as fit without overlapping.
        painter.setPen(QColor("#666"))
        label_w = metrics.horizontalAdvance("2026-11-22") + 12
        every = max(1, int(label_w // max(slot, 1.0)) + 1)
        for i in range(0, n, every):
            cx = plot.left() + slot * i + slot / 2
            painter.drawText(QRectF(cx - label_w / 2, plot.bottom() + 4, label_w, line_h),
                             Qt.AlignmentFlag.AlignHCenter, self.points[i][0])

        lx, ly = plot.left(), self.height() - legend_h + 4
        for colour, text in ((ATTENDED, self.tr("Attended (on the register)")),
                             (HEAD_COUNT, self.tr("Anonymous head-count"))):
            painter.fillRect(QRectF(lx, ly + 2, 14, line_h - 4), colour)
            painter.setPen(QColor("#333"))
            painter.drawText(int(lx + 20), int(ly + metrics.ascent()), text)
            lx += 20 + metrics.horizontalAdvance(text) + 22
