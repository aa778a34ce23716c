; PeerDesk installer for Windows (Inno Setup 6.3 or newer).
;
; Build the bundle first (packaging/README.md), then, from the repository root:
;
;     iscc /DAppVersion=0.1.0 packaging\windows\peerdesk.iss
;
; Output: dist\PeerDesk-<version>-setup.exe
;
; Installs for the current user only, without administrator rights, into
; %LOCALAPPDATA%\Programs\PeerDesk. The centre's vault is never in that folder:
; it lives in %LOCALAPPDATA%\PeerDesk (the user data folder PeerDesk uses), and
; uninstalling leaves it where it is and says so.

#ifndef AppVersion
  #error Give the version: iscc /DAppVersion=X.Y.Z packaging\windows\peerdesk.iss
#endif
#if VER < EncodeVer(6, 3, 0)
  #error This script needs Inno Setup 6.3 or newer (for x64compatible).
#endif

#define AppName "PeerDesk"
#define AppExe "peerdesk.exe"
; Relative to this script's folder.
#define Bundle "..\..\dist\peerdesk"

[Setup]
; Never change AppId: Windows knows the installed PeerDesk by it, for upgrades and uninstalling.
AppId={{3044AAF9-680A-4C25-B8E1-B80061642951}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher={#AppName}
; Per-user install: no administrator rights, nothing written outside the user's profile.
PrivilegesRequired=lowest
; {userpf} is %LOCALAPPDATA%\Programs (the per-user Program Files folder).
DefaultDirName={userpf}\{#AppName}
DisableProgramGroupPage=yes
DisableDirPage=auto
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
SetupIconFile=..\..\resources\icons\peerdesk.ico
UninstallDisplayIcon={app}\{#AppExe}
UninstallDisplayName={#AppName}
OutputDir=..\..\dist
OutputBaseFilename=PeerDesk-{#AppVersion}-setup
Compression=lzma2
SolidCompression=yes
WizardStyle=modern
; Ask a running PeerDesk to close before files are replaced or removed.
CloseApplications=yes
RestartApplications=no

[Languages]
Name: "english"; MessagesFile: "compiler:Default.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Files]
; The whole one-folder bundle: peerdesk.exe, peerdesk-cli.exe and _internal\, which
; holds the user guide the app shows offline (_internal\peerdesk\resources\help).
Source: "{#Bundle}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\{#AppExe}"; Comment: "Records and reports for the centre"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; Comment: "Records and reports for the centre"; Tasks: desktopicon

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent

; No [UninstallDelete]: the uninstaller removes only what it installed. The vault,
; its key file and backups are the centre's records and are never deleted here.

[Code]
{ Where PeerDesk keeps the centre's vault: platformdirs' user data folder on
  Windows, %LOCALAPPDATA%\PeerDesk (see src/peerdesk/app/paths.py). }
function VaultFolder(): String;
begin
  Result := ExpandConstant('{localappdata}\{#AppName}');
end;

procedure CurUninstallStepChanged(CurUninstallStep: TUninstallStep);
begin
  if (CurUninstallStep = usPostUninstall) and DirExists(VaultFolder()) then
    SuppressibleMsgBox(
      '{#AppName} has been removed from this computer, but the centre''s records have not.' + #13#10#13#10 +
      'The encrypted vault is still in:' + #13#10 + VaultFolder() + #13#10#13#10 +
      'Installing {#AppName} again opens it as before. To remove the records for good, ' +
      'first make sure you have the backups you need, then delete that folder yourself.',
      mbInformation, MB_OK, IDOK);
end;
