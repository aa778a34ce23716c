"""The register of published reports: each release and revision, newest first."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QTreeWidget, QTreeWidgetItem, QWidget

from peerdesk.services.releases import Publication, ReleaseSummary


class ReleaseHistory(QTreeWidget):
    """Release, period, when published, and what a revision changed."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setColumnCount(4)
        self.setHeaderLabels([self.tr("Release"), self.tr("Period"), self.tr("Published"),
                              self.tr("What changed")])
        self.setRootIsDecorated(False)
        self.setAlternatingRowColors(True)
        self.setAccessibleName(self.tr("Published reports"))
        self.setToolTip(self.tr("Every report published, with its revisions. Publishing a "
                                "period again prints the same figures unless they changed."))

    def show_releases(self, releases: list[ReleaseSummary]) -> None:
        self.clear()
        for release in releases:
            note = release.note or (self.tr("First release") if release.revision == 1 else "")
            item = QTreeWidgetItem([release.code, release.period_label,
                                    release.published_at[:16].replace("T", " "), note])
            item.setToolTip(3, note)
            self.addTopLevelItem(item)
        for column in range(3):
            self.resizeColumnToContents(column)

    def codes(self) -> list[str]:
        items = (self.topLevelItem(i) for i in range(self.topLevelItemCount()))
        return [item.text(0) for item in items if item is not None]


def publication_said(done: Publication, published: str) -> str:
    """What a page says of a publication: `published` ("Published release %s.", as
    the page puts it) when new, else that it was published before; and any
    release revised with it."""
    text = (published if done.new else QCoreApplication.translate(
        "ReportsPage", "Release %s was published before and its figures have not changed: "
                       "here it is again.")) % done.report.release_code
    if done.revised:
        text += " " + QCoreApplication.translate("ReportsPage", "Revised with it: %s.") % (
            ", ".join(done.revised))
    return text


__all__ = ["ReleaseHistory", "publication_said"]
