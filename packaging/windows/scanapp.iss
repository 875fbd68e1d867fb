; Inno Setup script for the Windows installer of ScanApp (SPEC P1). It cannot be built on the Linux CI
; machine; on Windows, from the repository's root:
;   py -3.11 -m venv .venv && .venv\Scripts\pip install ".[gui,package]"
;   .venv\Scripts\pyinstaller --noconfirm --clean --distpath build\dist --workpath build\pyinstaller packaging\scanapp.spec
;   build\dist\scanapp\scanapp-cli.exe --smoke-test          (exit 0: the build starts)
;   "C:\Program Files (x86)\Inno Setup 6\ISCC.exe" packaging\windows\scanapp.iss
; gives build\ScanApp-Setup-<version>.exe. scanapp.exe is windowed (no console window on a handheld);
; scanapp-cli.exe, in the same folder, is for the subcommands (decode, listen, export, sync, status).

#define AppVersion GetEnv("SCANAPP_VERSION")
#if AppVersion == ""
  #define AppVersion "0.1.0"
#endif

[Setup]
AppId={{6A2B1C9E-4D3F-4B8A-9E51-5C0F3A7D2E10}
AppName=ScanApp
AppVersion={#AppVersion}
AppPublisher=ScanApp developers
DefaultDirName={autopf}\ScanApp
DefaultGroupName=ScanApp
DisableProgramGroupPage=yes
OutputDir=..\..\build
OutputBaseFilename=ScanApp-Setup-{#AppVersion}
Compression=lzma2
SolidCompression=yes
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
PrivilegesRequired=admin
UninstallDisplayIcon={app}\scanapp.exe
; Handhelds are often updated by IT in place: close a running ScanApp first (its scans are already on disk).
CloseApplications=yes

[Files]
Source: "..\..\build\dist\scanapp\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{group}\ScanApp"; Filename: "{app}\scanapp.exe"
Name: "{autodesktop}\ScanApp"; Filename: "{app}\scanapp.exe"; Tasks: desktopicon

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"

[Registry]
; `scanapp-cli` on PATH for support staff and scripts.
Root: HKLM; Subkey: "SYSTEM\CurrentControlSet\Control\Session Manager\Environment"; ValueType: expandsz; \
  ValueName: "Path"; ValueData: "{olddata};{app}"; Check: NeedsAddPath(ExpandConstant('{app}'))

[Run]
Filename: "{app}\scanapp.exe"; Description: "{cm:LaunchProgram,ScanApp}"; Flags: nowait postinstall skipifsilent

[Code]
function NeedsAddPath(Dir: string): Boolean;
var
  Path: string;
begin
  if not RegQueryStringValue(HKEY_LOCAL_MACHINE,
    'SYSTEM\CurrentControlSet\Control\Session Manager\Environment', 'Path', Path) then
  begin
    Result := True;
    exit;
  end;
  Result := Pos(';' + Uppercase(Dir) + ';', ';' + Uppercase(Path) + ';') = 0;
end;
