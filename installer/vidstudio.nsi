; vidstudio installer: NSIS 3, Modern UI 2, Unicode.
;
; Built by scripts/build_installer.py, which reads the version from pyproject.toml
; and passes (all paths absolute):
;   /DVERSION=0.1.0 /DVERSION_QUAD=0.1.0.0
;   /DDIST_DIR=<the PyInstaller bundle, dist/vidstudio>
;   /DOUT_FILE=<the setup .exe to write> /DICON=<resources/icons/vidstudio.ico>
;   /DCOMPRESSION=lzma|zlib|none   (lzma for releases; the others for quick checks)
;
; What it does, for the person at the keyboard (no administrator rights needed):
; - installs for this Windows user only, into %LOCALAPPDATA%\Programs\vidstudio;
; - a Start-menu shortcut; a desktop shortcut (can be unticked);
; - "Open with vidstudio" for photos (off unless ticked), all under HKCU;
; - an uninstaller (Settings > Apps) that removes the program files, shortcuts
;   and registry entries, and keeps the user's videos (Videos\vidstudio), history
;   and settings (%LOCALAPPDATA%\vidstudio), which never live in the program folder;
; - installing over an older version replaces the program files, keeps that data,
;   and remembers the shortcut and "Open with" choices made last time.

; 64-bit, Unicode: vidstudio is 64-bit only, so its installer costs no user anything,
; and a 64-bit Wine (the project's Windows lane) runs only a 64-bit installer.  The
; amd64 stubs come with Debian's and Ubuntu's nsis; NSIS's own Windows download has
; only x86 ones, so the release workflow compiles this on Linux.
Target amd64-unicode
ManifestDPIAware true

!ifndef VERSION
  !error "Pass /DVERSION=x.y.z (scripts/build_installer.py reads it from pyproject.toml)"
!endif
!ifndef VERSION_QUAD
  !error "Pass /DVERSION_QUAD=x.y.z.w"
!endif
!ifndef DIST_DIR
  !error "Pass /DDIST_DIR=<the PyInstaller bundle folder>"
!endif
!ifndef OUT_FILE
  !define OUT_FILE "vidstudio-${VERSION}-setup.exe"
!endif
!ifndef ICON
  !define ICON "..\resources\icons\vidstudio.ico"
!endif
!ifndef COMPRESSION
  !define COMPRESSION "lzma"
!endif

!define APP_NAME "vidstudio"
!define APP_EXE "vidstudio.exe"
!define CLI_EXE "vidstudio-cli.exe"
!define PUBLISHER "vidstudio"
; Installer bookkeeping only; the app keeps its settings in files, not here.
!define INSTALLER_KEY "Software\vidstudio\Installer"
!define UNINSTALL_KEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\vidstudio"
!define PROGID "vidstudio.Photo"

!include "MUI2.nsh"
!include "LogicLib.nsh"
!include "FileFunc.nsh"
!include "Sections.nsh"

; ------------------------------------------------------------------ general
Name "${APP_NAME}"
OutFile "${OUT_FILE}"
RequestExecutionLevel user
InstallDir "$LOCALAPPDATA\Programs\vidstudio"
InstallDirRegKey HKCU "${INSTALLER_KEY}" "InstallDir"
BrandingText "${APP_NAME} ${VERSION}"
ShowInstDetails hide
ShowUninstDetails hide

!if "${COMPRESSION}" == "none"
  SetCompress off
!else if "${COMPRESSION}" == "zlib"
  SetCompressor zlib
!else
  SetCompressor /SOLID lzma
  SetCompressorDictSize 64
!endif

VIProductVersion "${VERSION_QUAD}"
VIFileVersion "${VERSION_QUAD}"
VIAddVersionKey /LANG=0 "ProductName" "${APP_NAME}"
VIAddVersionKey /LANG=0 "ProductVersion" "${VERSION}"
VIAddVersionKey /LANG=0 "FileVersion" "${VERSION}"
VIAddVersionKey /LANG=0 "FileDescription" "${APP_NAME} setup"
VIAddVersionKey /LANG=0 "CompanyName" "${PUBLISHER}"
VIAddVersionKey /LANG=0 "LegalCopyright" "${PUBLISHER}"

; ---------------------------------------------------------------- interface
!define MUI_ICON "${ICON}"
!define MUI_UNICON "${ICON}"
!define MUI_ABORTWARNING
!define MUI_COMPONENTSPAGE_SMALLDESC
!define MUI_FINISHPAGE_RUN "$INSTDIR\${APP_EXE}"
!define MUI_FINISHPAGE_RUN_TEXT "$(RunNow)"

!insertmacro MUI_PAGE_WELCOME
!insertmacro MUI_PAGE_COMPONENTS
!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_INSTFILES
!insertmacro MUI_PAGE_FINISH

!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_INSTFILES

; The first language is the fallback; Windows' own language picks the other.
!insertmacro MUI_LANGUAGE "English"
!insertmacro MUI_LANGUAGE "Spanish"

LangString SecAppName ${LANG_ENGLISH} "vidstudio (required)"
LangString SecAppName ${LANG_SPANISH} "vidstudio (obligatorio)"
LangString SecAppDesc ${LANG_ENGLISH} "The vidstudio program and its Start menu shortcut."
LangString SecAppDesc ${LANG_SPANISH} "El programa vidstudio y su acceso directo en el menú Inicio."
LangString SecDesktopName ${LANG_ENGLISH} "Desktop shortcut"
LangString SecDesktopName ${LANG_SPANISH} "Acceso directo en el escritorio"
LangString SecDesktopDesc ${LANG_ENGLISH} "Put a vidstudio icon on the desktop."
LangString SecDesktopDesc ${LANG_SPANISH} "Poner un icono de vidstudio en el escritorio."
LangString SecOpenWithName ${LANG_ENGLISH} "$\"Open with vidstudio$\" for photos"
LangString SecOpenWithName ${LANG_SPANISH} "$\"Abrir con vidstudio$\" para fotos"
LangString SecOpenWithDesc ${LANG_ENGLISH} "Right-click a photo in File Explorer, choose Open with, then vidstudio. Photos keep opening where they open now."
LangString SecOpenWithDesc ${LANG_SPANISH} "Haga clic derecho en una foto en el Explorador, elija Abrir con y luego vidstudio. Las fotos se siguen abriendo donde se abren ahora."
LangString PhotoType ${LANG_ENGLISH} "Photo"
LangString PhotoType ${LANG_SPANISH} "Foto"
LangString OpenVerb ${LANG_ENGLISH} "Make a video with vidstudio"
LangString OpenVerb ${LANG_SPANISH} "Crear un vídeo con vidstudio"
LangString RunNow ${LANG_ENGLISH} "Start vidstudio now"
LangString RunNow ${LANG_SPANISH} "Iniciar vidstudio ahora"
LangString StillRunning ${LANG_ENGLISH} "vidstudio is open. Close it, then click OK to continue."
LangString StillRunning ${LANG_SPANISH} "vidstudio está abierto. Ciérrelo y luego haga clic en Aceptar para continuar."

; ------------------------------------------------------------------ helpers
; The photo types vidstudio reads: keep in step with
; vidstudio/render/images.py SUPPORTED_SUFFIXES (a test checks this list).
!macro ForEachPhotoType MACRO
  !insertmacro ${MACRO} ".jpg"
  !insertmacro ${MACRO} ".jpeg"
  !insertmacro ${MACRO} ".jfif"
  !insertmacro ${MACRO} ".png"
  !insertmacro ${MACRO} ".webp"
  !insertmacro ${MACRO} ".bmp"
  !insertmacro ${MACRO} ".tif"
  !insertmacro ${MACRO} ".tiff"
  !insertmacro ${MACRO} ".gif"
!macroend

!macro AddOpenWith EXT
  ; Listed under "Open with" for this type; the default program is not changed.
  WriteRegStr HKCU "Software\Classes\${EXT}\OpenWithProgids" "${PROGID}" ""
  WriteRegStr HKCU "Software\Classes\Applications\${APP_EXE}\SupportedTypes" "${EXT}" ""
!macroend

!macro RemoveOpenWith EXT
  ; Only our value: the type's key and other programs' entries stay as they are.
  DeleteRegValue HKCU "Software\Classes\${EXT}\OpenWithProgids" "${PROGID}"
!macroend

!macro UnregisterOpenWith
  !insertmacro ForEachPhotoType RemoveOpenWith
  DeleteRegKey HKCU "Software\Classes\${PROGID}"
  DeleteRegKey HKCU "Software\Classes\Applications\${APP_EXE}"
  ; SHCNE_ASSOCCHANGED: Explorer reloads its "Open with" lists.
  System::Call 'shell32::SHChangeNotify(i 0x08000000, i 0, p 0, p 0)'
!macroend

; Files of the program: everything else in the folder is left alone, so a
; folder chosen by mistake (Documents, say) never loses anything.
!macro RemoveProgramFiles
  Delete "$INSTDIR\${APP_EXE}"
  Delete "$INSTDIR\${CLI_EXE}"
  RMDir /r "$INSTDIR\_internal"
!macroend

!macro WaitUntilClosed
  ; Windows locks a running program's .exe: while it is locked, vidstudio is
  ; open (its files cannot be replaced), so ask the user to close it.
  ${If} ${FileExists} "$INSTDIR\${APP_EXE}"
    ${Do}
      ClearErrors
      FileOpen $0 "$INSTDIR\${APP_EXE}" a
      ${IfNot} ${Errors}
        FileClose $0
        ${Break}
      ${EndIf}
      ${If} ${Cmd} `MessageBox MB_OKCANCEL|MB_ICONEXCLAMATION "$(StillRunning)" /SD IDCANCEL IDCANCEL`
        Abort
      ${EndIf}
    ${Loop}
  ${EndIf}
!macroend

; ----------------------------------------------------------------- sections
Section "$(SecAppName)" SecApp
  SectionIn RO
  SetShellVarContext current
  SetOutPath "$INSTDIR"
  !insertmacro WaitUntilClosed
  ; Upgrade: the old version's program files go first, so no stale module stays.
  !insertmacro RemoveProgramFiles
  File /r "${DIST_DIR}\*"
  WriteUninstaller "$INSTDIR\uninstall.exe"

  CreateShortcut "$SMPROGRAMS\${APP_NAME}.lnk" "$INSTDIR\${APP_EXE}" "" "$INSTDIR\${APP_EXE}" 0

  WriteRegStr HKCU "${INSTALLER_KEY}" "InstallDir" "$INSTDIR"
  WriteRegStr HKCU "${INSTALLER_KEY}" "Version" "${VERSION}"

  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayName" "${APP_NAME}"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayVersion" "${VERSION}"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "Publisher" "${PUBLISHER}"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayIcon" "$INSTDIR\${APP_EXE},0"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "InstallLocation" "$INSTDIR"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "UninstallString" '"$INSTDIR\uninstall.exe"'
  WriteRegStr HKCU "${UNINSTALL_KEY}" "QuietUninstallString" '"$INSTDIR\uninstall.exe" /S'
  WriteRegDWORD HKCU "${UNINSTALL_KEY}" "NoModify" 1
  WriteRegDWORD HKCU "${UNINSTALL_KEY}" "NoRepair" 1
  ${GetSize} "$INSTDIR" "/S=0K" $0 $1 $2
  IntFmt $0 "0x%08X" $0
  WriteRegDWORD HKCU "${UNINSTALL_KEY}" "EstimatedSize" "$0"
SectionEnd

Section "$(SecDesktopName)" SecDesktop
  SetShellVarContext current
  CreateShortcut "$DESKTOP\${APP_NAME}.lnk" "$INSTDIR\${APP_EXE}" "" "$INSTDIR\${APP_EXE}" 0
SectionEnd

Section /o "$(SecOpenWithName)" SecOpenWith
  WriteRegStr HKCU "Software\Classes\${PROGID}" "" "$(PhotoType)"
  WriteRegStr HKCU "Software\Classes\${PROGID}\DefaultIcon" "" "$INSTDIR\${APP_EXE},0"
  WriteRegStr HKCU "Software\Classes\${PROGID}\shell\open" "" "$(OpenVerb)"
  WriteRegStr HKCU "Software\Classes\${PROGID}\shell\open\command" "" '"$INSTDIR\${APP_EXE}" "%1"'
  WriteRegStr HKCU "Software\Classes\Applications\${APP_EXE}" "FriendlyAppName" "${APP_NAME}"
  WriteRegStr HKCU "Software\Classes\Applications\${APP_EXE}\shell\open\command" "" '"$INSTDIR\${APP_EXE}" "%1"'
  !insertmacro ForEachPhotoType AddOpenWith
  System::Call 'shell32::SHChangeNotify(i 0x08000000, i 0, p 0, p 0)'
SectionEnd

; Runs last: an upgrade where a choice was unticked takes back what it added before,
; and the choices are remembered for the next upgrade.
Section "-Remember choices"
  SetShellVarContext current
  ${If} ${SectionIsSelected} ${SecDesktop}
    WriteRegDWORD HKCU "${INSTALLER_KEY}" "DesktopShortcut" 1
  ${Else}
    Delete "$DESKTOP\${APP_NAME}.lnk"
    WriteRegDWORD HKCU "${INSTALLER_KEY}" "DesktopShortcut" 0
  ${EndIf}
  ${If} ${SectionIsSelected} ${SecOpenWith}
    WriteRegDWORD HKCU "${INSTALLER_KEY}" "OpenWith" 1
  ${Else}
    ReadRegDWORD $0 HKCU "${INSTALLER_KEY}" "OpenWith"
    ${If} $0 == 1
      !insertmacro UnregisterOpenWith
    ${EndIf}
    WriteRegDWORD HKCU "${INSTALLER_KEY}" "OpenWith" 0
  ${EndIf}
SectionEnd

!insertmacro MUI_FUNCTION_DESCRIPTION_BEGIN
  !insertmacro MUI_DESCRIPTION_TEXT ${SecApp} "$(SecAppDesc)"
  !insertmacro MUI_DESCRIPTION_TEXT ${SecDesktop} "$(SecDesktopDesc)"
  !insertmacro MUI_DESCRIPTION_TEXT ${SecOpenWith} "$(SecOpenWithDesc)"
!insertmacro MUI_FUNCTION_DESCRIPTION_END

Function .onInit
  ; An upgrade starts from the choices made last time.
  ClearErrors
  ReadRegDWORD $0 HKCU "${INSTALLER_KEY}" "DesktopShortcut"
  ${IfNot} ${Errors}
  ${AndIf} $0 == 0
    !insertmacro UnselectSection ${SecDesktop}
  ${EndIf}
  ReadRegDWORD $0 HKCU "${INSTALLER_KEY}" "OpenWith"
  ${If} $0 == 1
    !insertmacro SelectSection ${SecOpenWith}
  ${EndIf}
FunctionEnd

; ---------------------------------------------------------------- uninstall
Section "Uninstall"
  SetShellVarContext current
  !insertmacro WaitUntilClosed
  !insertmacro RemoveProgramFiles
  Delete "$INSTDIR\uninstall.exe"
  RMDir "$INSTDIR"  ; only when empty

  Delete "$SMPROGRAMS\${APP_NAME}.lnk"
  Delete "$DESKTOP\${APP_NAME}.lnk"
  !insertmacro UnregisterOpenWith

  DeleteRegKey HKCU "${UNINSTALL_KEY}"
  DeleteRegKey HKCU "${INSTALLER_KEY}"
  DeleteRegKey /ifempty HKCU "Software\vidstudio"
  ; Deliberately kept: %LOCALAPPDATA%\vidstudio (history, settings, logs) and
  ; Videos\vidstudio (the user's renders); keys stay in the Windows keyring.
SectionEnd
