; Inno Setup 6 script: a Windows installer around the PyInstaller bundle folder.
;
; NOT TESTED: written on Linux, where neither Windows nor Inno Setup runs. Build and try it on
; Windows first (docs/it-beheer.md, "Wat hier niet getest is").
;
; Build on Windows, after the bundle (py packaging\build.py --smoke --dist dist):
;     "C:\Program Files (x86)\Inno Setup 6\ISCC.exe" packaging\gebiedsapp.iss
; or with another bundle folder:  ISCC /DBundleDir=C:\pad\naar\gebiedsapp packaging\gebiedsapp.iss
; Result: dist\installer\gebiedsapp-<versie>-setup.exe. Sign the executables in the bundle
; before this step and the setup.exe after it (see docs/it-beheer.md, "Ondertekenen").
;
; Silent install for all users (software distribution, as administrator):
;     gebiedsapp-<versie>-setup.exe /VERYSILENT /SUPPRESSMSGBOXES /NORESTART /LOG="%TEMP%\gebiedsapp-setup.log"
; Silent uninstall:
;     "C:\Program Files\Gebiedsapp\unins000.exe" /VERYSILENT /SUPPRESSMSGBOXES /NORESTART
; The users' data (database, backups, logs in %LOCALAPPDATA%\Gemeente Oldambt\gebiedsapp) is
; never touched by installing, upgrading or uninstalling.

#ifndef BundleDir
  #define BundleDir "..\dist\gebiedsapp"
#endif
; The version comes from the executable's version resource, which build_installer.spec fills
; from pyproject.toml: it is written down in one place only.
#define AppVersion GetVersionNumbersString(AddBackslash(BundleDir) + "gebiedsapp.exe")

[Setup]
; AppId identifies the app for upgrades and uninstall: never change it.
AppId={{6C1F2B7E-3D4A-4F5B-9E8C-1A2B3C4D5E6F}
AppName=Gebiedsapp
AppVersion={#AppVersion}
AppVerName=Gebiedsapp {#AppVersion}
AppPublisher=Gemeente Oldambt
DefaultDirName={autopf}\Gebiedsapp
DefaultGroupName=Gebiedsapp
DisableProgramGroupPage=yes
DisableDirPage=auto
; For all users of the computer, in Program Files: needs administrator rights.
PrivilegesRequired=admin
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0
OutputDir=..\dist\installer
OutputBaseFilename=gebiedsapp-{#AppVersion}-setup
SetupIconFile=..\resources\icons\gebiedsapp.ico
UninstallDisplayIcon={app}\gebiedsapp-gui.exe
UninstallDisplayName=Gebiedsapp {#AppVersion}
LicenseFile=..\LICENSE
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
; Close a running Gebiedsapp before replacing its files (silent installs too).
CloseApplications=force
RestartApplications=no
VersionInfoVersion={#AppVersion}
VersionInfoCompany=Gemeente Oldambt
VersionInfoProductName=Gebiedsapp

[Languages]
Name: "dutch"; MessagesFile: "compiler:Languages\Dutch.isl"

[InstallDelete]
; An upgrade replaces the whole bundle: no library of an older version stays behind.
Type: filesandordirs; Name: "{app}\_internal"

[Files]
Source: "{#BundleDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
; The Start menu entry starts the windowed executable: no console window behind the app.
Name: "{autoprograms}\Gebiedsapp"; Filename: "{app}\gebiedsapp-gui.exe"; WorkingDir: "{app}"; Comment: "Gebiedsgericht werken in Oldambt"

[Run]
; After an interactive install only (not in silent mode): offer to start the app.
Filename: "{app}\gebiedsapp-gui.exe"; Description: "Gebiedsapp starten"; Flags: nowait postinstall skipifsilent
