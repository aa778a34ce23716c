"""Help › User guide (F1): the guides shipped inside the package, read offline.

The guides are the Markdown files in `peerdesk/resources/help/` (copies of
docs/user-guide.md and docs/import.md), rendered by Qt's own Markdown reader.
Links between the guides are followed; the import template can be saved as a
copy; nothing opens a web browser or the network: a link to a website only
shows its address.
"""

from __future__ import annotations

import shutil
from importlib import resources
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, QUrl
from PySide6.QtGui import QKeySequence, QShortcut, QTextCursor, QTextDocument
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from peerdesk.ui.i18n import QT_TRANSLATE_NOOP
from peerdesk.ui.theme import colour

USER_GUIDE = "user-guide.md"
IMPORT_GUIDE = "import.md"
GUIDES = (
    (USER_GUIDE, QT_TRANSLATE_NOOP("HelpWindow", "User guide")),
    (IMPORT_GUIDE, QT_TRANSLATE_NOOP("HelpWindow", "Importing from a spreadsheet")),
)


def help_folder() -> Path:
    """The shipped guides, inside the package (installed or bundled alike)."""
    return Path(str(resources.files("peerdesk") / "resources" / "help"))


class HelpWindow(QDialog):
    """A guide beside the work: not modal, closed (like every dialog) by a lock."""

    def __init__(self, guide: str = USER_GUIDE, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("PeerDesk help"))
        self.setWindowFlag(Qt.WindowType.WindowContextHelpButtonHint, False)
        self.setModal(False)
        self.resize(760, 680)
        self.folder = help_folder()

        self.guide_choice = QComboBox()
        self.guide_choice.setAccessibleName(self.tr("Guide"))
        for name, title in GUIDES:
            self.guide_choice.addItem(QCoreApplication.translate("HelpWindow", title), name)
        self.back_button = QPushButton(self.tr("&Back"))
        self.back_button.setEnabled(False)
        self.find_field = QLineEdit()
        self.find_field.setPlaceholderText(self.tr("Find in this guide"))
        self.find_field.setAccessibleName(self.tr("Find in this guide"))
        self.find_field.setClearButtonEnabled(True)
        self.browser = QTextBrowser()
        self.browser.setAccessibleName(self.tr("Guide text"))
        # Every link goes through _follow: nothing may open a browser or leave the guides.
        self.browser.setOpenLinks(False)
        self.browser.setOpenExternalLinks(False)
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.note.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.note.setStyleSheet(f"color: {colour('#555', 'window-text')};")
        self.note.setVisible(False)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.close)

        choose = QLabel(self.tr("&Guide:"))
        choose.setBuddy(self.guide_choice)
        bar = QHBoxLayout()
        bar.addWidget(choose)
        bar.addWidget(self.guide_choice)
        bar.addWidget(self.back_button)
        bar.addStretch(1)
        bar.addWidget(self.find_field, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.browser, 1)
        layout.addWidget(self.note)
        layout.addWidget(buttons)

        self.guide_choice.activated.connect(
            lambda index: self.show_guide(self.guide_choice.itemData(index)))
        self.back_button.clicked.connect(self.browser.backward)
        self.browser.backwardAvailable.connect(self.back_button.setEnabled)
        self.browser.anchorClicked.connect(self._follow)
        self.browser.sourceChanged.connect(self._source_changed)
        self.find_field.returnPressed.connect(self.find_next)
        QShortcut(QKeySequence.StandardKey.Find, self, self.find_field.setFocus)
        QShortcut(QKeySequence.StandardKey.FindNext, self, self.find_next)
        self.show_guide(guide)

    # -- showing ------------------------------------------------------------------------

    def show_guide(self, name: str) -> None:
        path = self.folder / name
        if not path.is_file():
            # A damaged install: say so rather than show an empty page.
            self.browser.setPlainText(self.tr(
                "This guide is missing from this installation of PeerDesk ({name}). "
                "Reinstalling PeerDesk puts it back.").format(name=name))
            return
        self.browser.setSource(QUrl.fromLocalFile(str(path)),
                               QTextDocument.ResourceType.MarkdownResource)
        self.browser.setFocus()

    @property
    def current_guide(self) -> str:
        return Path(self.browser.source().toLocalFile()).name

    def _source_changed(self, url: QUrl) -> None:
        self.browser.document().setDocumentMargin(12)
        index = self.guide_choice.findData(Path(url.toLocalFile()).name)
        if index >= 0:
            self.guide_choice.setCurrentIndex(index)
        self.note.setVisible(False)

    def find_next(self) -> None:
        text = self.find_field.text()
        if not text:
            return
        if not self.browser.find(text):
            # From the top again, once.
            self.browser.moveCursor(QTextCursor.MoveOperation.Start)
            if not self.browser.find(text):
                self._say(self.tr("“{text}” is not in this guide.").format(text=text))

    # -- links --------------------------------------------------------------------------

    def _follow(self, url: QUrl) -> None:
        if url.scheme() not in ("", "file"):
            self._say(self.tr("PeerDesk doesn't open websites or e-mail. The link is: {url}")
                      .format(url=url.toString()))
            return
        target = self.browser.source().resolved(url)
        path = Path(target.toLocalFile())
        if path.parent.resolve() != self.folder.resolve() or not path.is_file():
            self._say(self.tr("That link leads outside the guides that come with PeerDesk."))
            return
        if path.suffix == ".md":
            self.browser.setSource(target, QTextDocument.ResourceType.MarkdownResource)
        else:
            self.save_copy(path)

    def save_copy(self, path: Path) -> QFileDialog:
        """A file shipped with the guides (the import template): save a copy to fill in."""
        dialog = QFileDialog(self, self.tr("Save a copy of {name}").format(name=path.name))
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.selectFile(path.name)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.fileSelected.connect(lambda chosen: self._copy(path, Path(chosen)))
        dialog.open()
        return dialog

    def _copy(self, source: Path, target: Path) -> None:
        try:
            shutil.copyfile(source, target)
        except OSError as exc:
            self._say(self.tr("The copy could not be saved there ({reason}). Choose another "
                              "folder.").format(reason=exc.strerror or type(exc).__name__))
            return
        self._say(self.tr("Saved a copy: {path}").format(path=target))

    def _say(self, text: str) -> None:
        self.note.setText(text)
        self.note.setVisible(True)


def show_help(parent: QWidget, guide: str = USER_GUIDE) -> HelpWindow:
    """Open the guide beside `parent`, or bring forward the help already open there."""
    for child in parent.findChildren(HelpWindow):
        if child.isVisible():
            if child.current_guide != guide:
                child.show_guide(guide)
            child.raise_()
            child.activateWindow()
            return child
    window = HelpWindow(guide, parent)
    window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    window.show()
    return window
