"""The documents' links all lead somewhere, and the help the app shows is what docs/ says.

The README and docs/*.md are read on GitHub and in a clone; the guides are also
shipped inside the package (src/peerdesk/resources/help/) for the Help window,
which can only follow links to files shipped beside them.
"""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import pytest

from peerdesk.ui.help_window import GUIDES, help_folder

ROOT = Path(__file__).resolve().parents[2]
DOCS = ROOT / "docs"
SHIPPED = ROOT / "src" / "peerdesk" / "resources" / "help"
MARKDOWN = [ROOT / "README.md", *sorted(DOCS.glob("*.md"))]

# [text](target), ![alt](target), and [label]: target definitions.
INLINE = re.compile(r"!?\[(?:[^\[\]]|\[[^\]]*\])*\]\(\s*<?([^)\s>]+)>?(?:\s+\"[^\"]*\")?\s*\)")
DEFINITION = re.compile(r"^\s{0,3}\[[^\]]+\]:\s*<?(\S+?)>?(?:\s+\"[^\"]*\")?\s*$", re.MULTILINE)
FENCE = re.compile(r"^(```|~~~).*?^\1", re.MULTILINE | re.DOTALL)


def links(markdown: str) -> list[str]:
    text = FENCE.sub("", markdown)  # examples in code blocks are not links
    text = re.sub(r"`[^`\n]*`(?!\])", "", text)  # nor are `code spans` outside a link's text
    return INLINE.findall(text) + DEFINITION.findall(text)


def relative_targets(markdown: str) -> list[str]:
    """Links to files: not websites or e-mail, not anchors within the same page."""
    found = []
    for target in links(markdown):
        if re.match(r"^[a-zA-Z][a-zA-Z0-9+.-]*:", target) or target.startswith("#"):
            continue
        found.append(target.split("#", 1)[0])
    return found


def test_the_link_finder_finds_what_it_should():
    sample = (
        "See [the guide](docs/user-guide.md) and ![a picture](shots/a.png \"title\").\n"
        "[`template`](import-template.csv) · [site](https://example.org) · [top](#top)\n"
        "[ref]: other.md#part\n"
        "```\n[not a link](nowhere.md)\n```\n"
        "`[also not](nowhere.md)`\n"
    )
    assert relative_targets(sample) == ["docs/user-guide.md", "shots/a.png",
                                        "import-template.csv", "other.md"]


@pytest.mark.parametrize("document", MARKDOWN, ids=lambda p: p.relative_to(ROOT).as_posix())
def test_every_relative_link_resolves_to_a_file_in_the_repository(document):
    targets = relative_targets(document.read_text(encoding="utf-8"))
    broken = []
    for target in targets:
        path = (document.parent / target).resolve()
        if not path.exists() or ROOT not in path.parents:
            broken.append(target)
    assert broken == [], f"{document.name} links to missing files"


def test_the_readme_links_the_architecture_notes_and_no_missing_design_file():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "docs/architecture.md" in relative_targets(readme)
    assert "DESIGN" not in readme


# -- the help shipped inside the package ---------------------------------------------

def shipped_files() -> list[Path]:
    return sorted(p for p in SHIPPED.iterdir() if p.is_file())


def test_the_package_ships_the_guides_the_help_window_offers():
    assert help_folder().resolve() == SHIPPED.resolve()
    assert {name for name, _ in GUIDES} <= {p.name for p in shipped_files()}


@pytest.mark.parametrize("name", ["user-guide.md", "import.md", "import-template.csv",
                                  "call-log-template.csv", "peers-voice.png"])
def test_the_shipped_copies_are_the_documents_in_docs(name):
    assert (SHIPPED / name).read_bytes() == (DOCS / name).read_bytes(), (
        f"docs/{name} changed: copy it to src/peerdesk/resources/help/ "
        f"(cp docs/{name} src/peerdesk/resources/help/)")


def test_every_link_in_the_shipped_guides_stays_among_the_shipped_files():
    """The Help window can show only what ships beside the guides (pictures too)."""
    shipped = {p.name for p in shipped_files()}
    for guide in SHIPPED.glob("*.md"):
        for target in relative_targets(guide.read_text(encoding="utf-8")):
            assert "/" not in target and target in shipped, (guide.name, target)


def test_pyproject_and_the_bundle_spec_take_every_shipped_file():
    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    patterns = pyproject["tool"]["setuptools"]["package-data"]["peerdesk"]
    package = ROOT / "src" / "peerdesk"
    taken = {path for pattern in patterns for path in package.glob(pattern)}
    assert set(shipped_files()) <= taken
    spec = (ROOT / "packaging" / "peerdesk.spec").read_text(encoding="utf-8")
    assert '"resources/help"' in spec
