"""The icon files, desktop entry, AppStream metadata and installer script agree with
the program (its version, licence, command name, app name and vault folder)."""

from __future__ import annotations

import configparser
import os
import re
import shutil
import struct
import subprocess
import sys
import tomllib
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from peerdesk import __version__
from peerdesk.app.icon import DESKTOP_FILE_NAME, icon_folder
from peerdesk.app.paths import APP_NAME

ROOT = Path(__file__).resolve().parents[2]
ICONS = ROOT / "resources" / "icons"
LINUX = ROOT / "packaging" / "linux"
DESKTOP = LINUX / f"{DESKTOP_FILE_NAME}.desktop"
METAINFO = LINUX / f"{DESKTOP_FILE_NAME}.metainfo.xml"
INNO = ROOT / "packaging" / "windows" / "peerdesk.iss"
PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))


def desktop_entry() -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None)
    parser.optionxform = str  # type: ignore[assignment,method-assign]  # keys are case-sensitive
    parser.read(DESKTOP, encoding="utf-8")
    return parser["Desktop Entry"]


# -- icons ------------------------------------------------------------------------

def png_size(path: Path) -> tuple[int, int]:
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n", path
    return struct.unpack(">II", data[16:24])


@pytest.mark.parametrize("size", [16, 32, 48, 64, 128, 256, 512])
def test_every_icon_size_is_a_png_of_that_size(size):
    assert png_size(ICONS / f"peerdesk-{size}.png") == (size, size)


def test_the_packaged_window_icons_are_the_rendered_ones():
    packaged = sorted(icon_folder().glob("peerdesk-*.png"))
    assert len(packaged) >= 4
    for png in packaged:
        assert png.read_bytes() == (ICONS / png.name).read_bytes(), png.name


def test_the_windows_icon_holds_the_sizes_up_to_256():
    data = (ICONS / "peerdesk.ico").read_bytes()
    reserved, kind, count = struct.unpack("<HHH", data[:6])
    assert (reserved, kind) == (0, 1)
    sizes = []
    for index in range(count):
        width, _, _, _, _, _, length, offset = struct.unpack(
            "<BBBBHHII", data[6 + 16 * index: 22 + 16 * index])
        assert data[offset:offset + 8] == b"\x89PNG\r\n\x1a\n"
        assert offset + length <= len(data)
        sizes.append(width or 256)
    assert sorted(sizes) == [16, 32, 48, 64, 128, 256]


def test_the_app_loads_its_window_icon(qapp):
    from peerdesk.app.icon import app_icon

    icon = app_icon()
    assert not icon.isNull()
    assert {s.width() for s in icon.availableSizes()} >= {16, 32, 48, 256}


# -- Linux desktop entry and AppStream ---------------------------------------------

def test_the_desktop_entry_starts_the_installed_command():
    entry = desktop_entry()
    assert entry["Type"] == "Application"
    assert entry["Name"] == APP_NAME
    assert entry["GenericName"] and entry["Comment"]
    assert entry["Exec"] in PYPROJECT["project"]["scripts"]
    assert entry["Icon"] == DESKTOP_FILE_NAME
    assert "Office" in entry["Categories"].split(";")
    assert entry["Terminal"] == "false"
    # Qt names the window class after the application name set in app/gui.py.
    assert entry["StartupWMClass"] == APP_NAME


def test_the_appstream_metadata_matches_the_program():
    root = ET.parse(METAINFO).getroot()
    assert root.get("type") == "desktop-application"
    assert root.findtext("id") == DESKTOP_FILE_NAME
    assert root.findtext("name") == APP_NAME
    assert root.findtext("metadata_license") == "CC0-1.0"
    assert root.findtext("project_license") == PYPROJECT["project"]["license"]["text"]
    assert root.findtext("summary")
    assert root.find("description/p") is not None
    assert root.find("content_rating").get("type", "").startswith("oars-")
    launchable = root.find("launchable")
    assert launchable.get("type") == "desktop-id"
    assert launchable.text == DESKTOP.name
    assert root.findtext("provides/binary") == desktop_entry()["Exec"]
    versions = [r.get("version") for r in root.findall("releases/release")]
    assert versions and versions[0] == __version__, "add this version to <releases>"


@pytest.mark.skipif(not shutil.which("desktop-file-validate"),
                    reason="desktop-file-validate (desktop-file-utils) is not installed")
def test_the_desktop_entry_passes_desktop_file_validate():
    done = subprocess.run(["desktop-file-validate", str(DESKTOP)],
                          capture_output=True, text=True)
    assert done.returncode == 0 and not done.stdout.strip(), done.stdout + done.stderr


@pytest.mark.skipif(not shutil.which("appstreamcli"), reason="appstreamcli is not installed")
def test_the_appstream_metadata_passes_appstreamcli():
    done = subprocess.run(["appstreamcli", "validate", "--no-net", str(METAINFO)],
                          capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr


@pytest.mark.skipif(sys.platform == "win32", reason="a shell script for Linux")
def test_install_user_puts_the_bundle_the_entry_and_the_icons_in_the_home(tmp_path):
    bundle = tmp_path / "dist" / "peerdesk"
    bundle.mkdir(parents=True)
    program = bundle / "peerdesk"
    program.write_text("#!/bin/sh\necho bundled\n")
    program.chmod(0o755)
    home = tmp_path / "home with space"
    env = {**os.environ, "HOME": str(home)}
    env.pop("XDG_DATA_HOME", None)
    done = subprocess.run(["sh", str(LINUX / "install-user.sh"), str(bundle)], env=env,
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    share = home / ".local" / "share"
    entry = (share / "applications" / DESKTOP.name).read_text(encoding="utf-8")
    assert f'Exec="{home}/.local/lib/peerdesk/peerdesk"' in entry
    assert (share / "metainfo" / METAINFO.name).exists()
    assert (share / "icons/hicolor/48x48/apps" / f"{DESKTOP_FILE_NAME}.png").exists()
    linked = subprocess.run([str(home / ".local/bin/peerdesk")], capture_output=True, text=True)
    assert linked.stdout.strip() == "bundled"


def test_install_user_refuses_a_missing_bundle(tmp_path):
    if sys.platform == "win32":
        pytest.skip("a shell script for Linux")
    done = subprocess.run(["sh", str(LINUX / "install-user.sh"), str(tmp_path / "none")],
                          env={**os.environ, "HOME": str(tmp_path)},
                          capture_output=True, text=True, timeout=60)
    assert done.returncode != 0
    assert "no built bundle" in done.stderr
    assert not (tmp_path / ".local").exists()


# -- Windows installer script -------------------------------------------------------

def inno_setup_section() -> dict[str, str]:
    text = INNO.read_text(encoding="utf-8")
    section = text.split("[Setup]", 1)[1].split("\n[", 1)[0]
    pairs = (line.split("=", 1) for line in section.splitlines()
             if "=" in line and not line.lstrip().startswith(";"))
    return {key.strip(): value.strip() for key, value in pairs}


def test_the_installer_is_per_user_and_versioned_from_the_command_line():
    setup = inno_setup_section()
    assert setup["PrivilegesRequired"] == "lowest"
    assert setup["DefaultDirName"] == r"{userpf}\{#AppName}"  # %LOCALAPPDATA%\Programs
    assert setup["AppVersion"] == "{#AppVersion}"
    assert re.fullmatch(r"\{\{[0-9A-F-]{36}\}", setup["AppId"])
    icon = setup["SetupIconFile"].replace("\\", "/")
    assert (INNO.parent / icon).resolve() == ICONS / "peerdesk.ico"


def test_the_uninstaller_points_to_the_vault_folder_and_deletes_nothing_else():
    text = INNO.read_text(encoding="utf-8")
    assert f'#define AppName "{APP_NAME}"' in text
    # platformdirs' user data folder on Windows, where app/paths.py keeps the vault.
    assert r"ExpandConstant('{localappdata}\{#AppName}')" in text
    assert "usPostUninstall" in text
    assert "[UninstallDelete]" not in text.replace("; No [UninstallDelete]", "")
    assert '#define AppExe "peerdesk.exe"' in text
