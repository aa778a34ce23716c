"""The centre's logo on the cover: drawn as an image when the report carries one."""

from __future__ import annotations

import io
from dataclasses import replace
from pathlib import Path

import pytest
from PIL import Image
from pypdf import PdfReader

from peerdesk.reports.pdf import GENERIC_TITLE, logo_size, write_pdf
from tests.reports.sample import sample_report


def picture(kind: str = "PNG", size: tuple[int, int] = (240, 80)) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", size, (42, 127, 132)).save(buffer, format=kind)
    return buffer.getvalue()


def image_xobjects(path: Path) -> list[str]:
    """Names of the image XObjects used on every page of the PDF."""
    found = []
    for page in PdfReader(path).pages:
        resources = page.get("/Resources")
        xobjects = resources.get_object().get("/XObject") if resources else None
        if xobjects is None:
            continue
        for name, ref in xobjects.get_object().items():
            if ref.get_object().get("/Subtype") == "/Image":
                found.append(name)
    return found


@pytest.mark.parametrize("kind", ["PNG", "JPEG"])
def test_a_report_with_a_logo_draws_it_on_the_cover(tmp_path: Path, kind: str) -> None:
    with_logo = tmp_path / "with.pdf"
    write_pdf(replace(sample_report(), logo=picture(kind)), with_logo)
    reader = PdfReader(with_logo)
    first_page = reader.pages[0]
    xobjects = first_page["/Resources"]["/XObject"].get_object()
    assert any(x.get_object()["/Subtype"] == "/Image" for x in xobjects.values())
    assert len(image_xobjects(with_logo)) == 1  # on the cover only
    # Still anonymous: only the generic title in the metadata.
    meta = reader.metadata or {}
    assert meta.get("/Title") == GENERIC_TITLE
    assert not any(meta.get(key) for key in ("/Author", "/Subject", "/Keywords", "/Creator"))


def test_a_report_without_a_logo_has_no_image(tmp_path: Path) -> None:
    without = tmp_path / "without.pdf"
    write_pdf(sample_report(), without)
    assert image_xobjects(without) == []


def test_a_logo_that_no_longer_decodes_is_left_out_not_fatal(tmp_path: Path) -> None:
    path = tmp_path / "damaged.pdf"
    write_pdf(replace(sample_report(), logo=picture()[:60]), path)
    assert image_xobjects(path) == []
    assert "Monthly report" in (PdfReader(path).pages[0].extract_text() or "")


def test_logo_size_decodes_and_refuses_what_is_not_a_picture() -> None:
    assert logo_size(picture(size=(300, 120))) == (300, 120)
    assert logo_size(picture("JPEG", (50, 40))) == (50, 40)
    with pytest.raises(ValueError):
        logo_size(b"GIF89a not ours")
    with pytest.raises(ValueError):
        logo_size(picture()[:60])  # cut off after the header
