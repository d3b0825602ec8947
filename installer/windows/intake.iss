; Inno Setup 6 script: the Windows installer over the frozen one-folder build (dist\intake\).
;
;   powershell -ExecutionPolicy Bypass -File installer\windows\build.ps1
;
; builds the frozen app, runs its self-test, then compiles this script with
; ISCC /DAppVersion=<intake.__version__>, giving dist\intake-<version>-setup.exe.
; NOT built or tested on Windows yet (installer/README.md says what was).
;
; Installs per user by default (no administrator needed: %LOCALAPPDATA%\Programs\intake);
; the dialog offers all users to IT staff. Start menu entry, optional desktop icon.
; Uninstalling removes the program folder only: the clinic's records stay in the user's
; data folder (%LOCALAPPDATA%\intake\intake), as health records must.

#ifndef AppVersion
  #error Pass the version: ISCC /DAppVersion=0.1.0 installer\windows\intake.iss
#endif
#define AppName "intake"
#define Repo "..\.."

[Setup]
; Never change AppId: Windows finds the installed version by it when upgrading.
AppId={{63EC2154-B0B3-4A8D-8933-82378E7A77D5}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher=intake
DefaultDirName={autopf}\{#AppName}
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
; Qt 6 needs Windows 10 1809 or later.
MinVersion=10.0.17763
OutputDir={#Repo}\dist
OutputBaseFilename={#AppName}-{#AppVersion}-setup
SetupIconFile={#Repo}\build\icons\intake.ico
UninstallDisplayIcon={app}\intake.exe
UninstallDisplayName={#AppName} {#AppVersion}
LicenseFile={#Repo}\resources\licenses\GPL-3.0.txt
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
CloseApplications=yes

[Languages]
Name: "english"; MessagesFile: "compiler:Default.isl"
Name: "spanish"; MessagesFile: "compiler:Languages\Spanish.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[InstallDelete]
; An upgrade replaces the bundled libraries whole, so none of an older version's linger.
Type: filesandordirs; Name: "{app}\_internal"

[Files]
; intake.exe (no console) and intake-cli.exe (the command line, --self-test) share _internal\.
Source: "{#Repo}\dist\intake\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\intake.exe"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\intake.exe"; Tasks: desktopicon

[Run]
Filename: "{app}\intake.exe"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent
