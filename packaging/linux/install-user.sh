#!/bin/sh
# Install a built PeerDesk bundle for the current user, with its menu entry.
#
#     sh packaging/linux/install-user.sh [dist/peerdesk]
#
# Copies the bundle to ~/.local/lib/peerdesk, links ~/.local/bin/peerdesk to it,
# and adds the desktop entry, icons and AppStream metadata under ~/.local/share.
# Run it again to upgrade. The vault (~/.local/share/PeerDesk) is not touched.
set -eu

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
bundle=${1:-$root/dist/peerdesk}
data=${XDG_DATA_HOME:-$HOME/.local/share}
app_id=org.peerdesk.PeerDesk

if [ ! -x "$bundle/peerdesk" ]; then
    echo "install-user.sh: no built bundle at $bundle (see packaging/README.md)" >&2
    exit 1
fi

mkdir -p "$HOME/.local/lib" "$HOME/.local/bin" "$data/applications" "$data/metainfo"
rm -rf "$HOME/.local/lib/peerdesk.new"
cp -R "$bundle" "$HOME/.local/lib/peerdesk.new"
rm -rf "$HOME/.local/lib/peerdesk"
mv "$HOME/.local/lib/peerdesk.new" "$HOME/.local/lib/peerdesk"
ln -sf "$HOME/.local/lib/peerdesk/peerdesk" "$HOME/.local/bin/peerdesk"

# The menu entry runs the full path, so it works even if ~/.local/bin is not on PATH.
sed "s|^Exec=peerdesk|Exec=\"$HOME/.local/lib/peerdesk/peerdesk\"|" \
    "$here/$app_id.desktop" > "$data/applications/$app_id.desktop"
cp "$here/$app_id.metainfo.xml" "$data/metainfo/"
for size in 16 32 48 64 128 256 512; do
    mkdir -p "$data/icons/hicolor/${size}x${size}/apps"
    cp "$root/resources/icons/peerdesk-$size.png" \
        "$data/icons/hicolor/${size}x${size}/apps/$app_id.png"
done
mkdir -p "$data/icons/hicolor/scalable/apps"
cp "$root/resources/icons/peerdesk.svg" "$data/icons/hicolor/scalable/apps/$app_id.svg"

command -v update-desktop-database >/dev/null 2>&1 \
    && update-desktop-database "$data/applications" >/dev/null 2>&1 || true
command -v gtk-update-icon-cache >/dev/null 2>&1 \
    && gtk-update-icon-cache -q -t "$data/icons/hicolor" >/dev/null 2>&1 || true
echo "PeerDesk installed: $HOME/.local/bin/peerdesk, and in the applications menu."
