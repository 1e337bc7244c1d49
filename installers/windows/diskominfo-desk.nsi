; Diskominfo Desk: Windows installer (NSIS 3, Modern UI 2), per user, no admin rights.
;
; Build with installers/windows/make_installer.py, which reads the version from
; desktop/__init__.py and passes:
;   -DVERSION=0.1.0          the application version (shown, and in Add/Remove Programs)
;   -DVERSION4=0.1.0.0       the same as four numbers (file version resource)
;   -DPAYLOAD=<folder>       the PyInstaller one-folder bundle (dist\diskominfo-desk)
;   -DOUTFILE=<file.exe>     where the installer goes
;   -DLICENSE_FILE=<file>    LICENSE with CRLF line ends (for the licence page)
;
; Installs into %LOCALAPPDATA%\Programs\Diskominfo Desk, a Start-menu shortcut and,
; if chosen, a desktop shortcut; registers an uninstaller for the user (HKCU). The
; uninstaller keeps the user's data (%LOCALAPPDATA%\diskominfo-desk: database, backups,
; settings, logs) unless its "delete my data" box is ticked.
; Pages in Indonesian (default) or English; the choice is remembered for the uninstaller.

Unicode true
ManifestDPIAware true
SetCompressor /SOLID lzma
RequestExecutionLevel user

!ifndef VERSION
  !error "pass -DVERSION=x.y.z (installers/windows/make_installer.py does)"
!endif
!ifndef VERSION4
  !define VERSION4 "0.0.0.0"
!endif
!ifndef PAYLOAD
  !define PAYLOAD "..\..\dist\diskominfo-desk"
!endif
!ifndef LICENSE_FILE
  !define LICENSE_FILE "..\..\LICENSE"
!endif
!ifndef OUTFILE
  !define OUTFILE "..\..\dist\diskominfo-desk-${VERSION}-setup.exe"
!endif

!define APP_NAME "Diskominfo Desk"
!define APP_ID "diskominfo-desk"
!define APP_EXE "diskominfo-desk.exe"
!define PUBLISHER "Diskominfo Desk"
!define UNINSTALL_KEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\${APP_ID}"
!define SETTINGS_KEY "Software\${APP_ID}"
!define ICON "..\..\resources\icons\diskominfo-desk.ico"

Name "${APP_NAME} ${VERSION}"
OutFile "${OUTFILE}"
InstallDir "$LOCALAPPDATA\Programs\${APP_NAME}"
InstallDirRegKey HKCU "${UNINSTALL_KEY}" "InstallLocation"
BrandingText "${APP_NAME} ${VERSION}"

VIProductVersion "${VERSION4}"
VIAddVersionKey /LANG=0 "ProductName" "${APP_NAME}"
VIAddVersionKey /LANG=0 "ProductVersion" "${VERSION}"
VIAddVersionKey /LANG=0 "FileVersion" "${VERSION}"
VIAddVersionKey /LANG=0 "FileDescription" "${APP_NAME} installer"
VIAddVersionKey /LANG=0 "CompanyName" "${PUBLISHER}"
VIAddVersionKey /LANG=0 "LegalCopyright" "MIT License"

!include "MUI2.nsh"
!include "nsDialogs.nsh"
!include "LogicLib.nsh"
!include "FileFunc.nsh"

!define MUI_ICON "${ICON}"
!define MUI_UNICON "${ICON}"
!define MUI_ABORTWARNING
!define MUI_UNABORTWARNING
!define MUI_COMPONENTSPAGE_NODESC
!define MUI_LANGDLL_REGISTRY_ROOT HKCU
!define MUI_LANGDLL_REGISTRY_KEY "${SETTINGS_KEY}"
!define MUI_LANGDLL_REGISTRY_VALUENAME "InstallerLanguage"

; ---------------------------------------------------------------- installer pages
!insertmacro MUI_PAGE_WELCOME
!insertmacro MUI_PAGE_LICENSE "${LICENSE_FILE}"
!insertmacro MUI_PAGE_COMPONENTS
!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_INSTFILES
!define MUI_FINISHPAGE_RUN "$INSTDIR\${APP_EXE}"
!insertmacro MUI_PAGE_FINISH

; -------------------------------------------------------------- uninstaller pages
!insertmacro MUI_UNPAGE_CONFIRM
UninstPage custom un.UserDataPage un.UserDataPageLeave
!insertmacro MUI_UNPAGE_INSTFILES

; ------------------------------------------------------------------- languages
; The first language is the default: Indonesian, like the application.
!insertmacro MUI_LANGUAGE "Indonesian"
!insertmacro MUI_LANGUAGE "English"

LangString SEC_APP ${LANG_INDONESIAN} "${APP_NAME} (wajib)"
LangString SEC_APP ${LANG_ENGLISH} "${APP_NAME} (required)"
LangString SEC_DESKTOP ${LANG_INDONESIAN} "Pintasan di Desktop"
LangString SEC_DESKTOP ${LANG_ENGLISH} "Desktop shortcut"
LangString SHORTCUT_COMMENT ${LANG_INDONESIAN} "Register aplikasi, dataset, kunjungan dan kerja sama"
LangString SHORTCUT_COMMENT ${LANG_ENGLISH} "Register of applications, datasets, visits and agreements"
LangString DATA_TITLE ${LANG_INDONESIAN} "Data Anda"
LangString DATA_TITLE ${LANG_ENGLISH} "Your data"
LangString DATA_SUBTITLE ${LANG_INDONESIAN} "Simpan atau hapus basis data, cadangan dan pengaturan."
LangString DATA_SUBTITLE ${LANG_ENGLISH} "Keep or delete the database, backups and settings."
LangString DATA_TEXT ${LANG_INDONESIAN} "Basis data, cadangan, pengaturan dan log ${APP_NAME} tetap disimpan di folder berikut, kecuali Anda mencentang kotak di bawah. Pasang kembali kapan saja untuk melanjutkan pekerjaan.$\r$\n$\r$\n$LOCALAPPDATA\${APP_ID}"
LangString DATA_TEXT ${LANG_ENGLISH} "The ${APP_NAME} database, backups, settings and logs stay in the folder below unless you tick the box. Install again at any time to carry on.$\r$\n$\r$\n$LOCALAPPDATA\${APP_ID}"
LangString DATA_DELETE ${LANG_INDONESIAN} "Hapus juga data saya (tidak dapat dibatalkan)"
LangString DATA_DELETE ${LANG_ENGLISH} "Also delete my data (cannot be undone)"

; ------------------------------------------------------------------- installer
Function .onInit
  !insertmacro MUI_LANGDLL_DISPLAY
FunctionEnd

Section "!$(SEC_APP)" SecApp
  SectionIn RO
  SetOutPath "$INSTDIR"
  ; an upgrade replaces the bundle whole: no module of an older version may linger
  RMDir /r "$INSTDIR\_internal"
  File /r "${PAYLOAD}\*.*"
  ; an installed copy keeps its data in the user's folder, never beside the program
  Delete "$INSTDIR\portable.txt"
  WriteUninstaller "$INSTDIR\uninstall.exe"

  CreateShortcut "$SMPROGRAMS\${APP_NAME}.lnk" "$INSTDIR\${APP_EXE}" "" \
      "$INSTDIR\${APP_EXE}" 0 SW_SHOWNORMAL "" "$(SHORTCUT_COMMENT)"

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

Section "$(SEC_DESKTOP)" SecDesktop
  CreateShortcut "$DESKTOP\${APP_NAME}.lnk" "$INSTDIR\${APP_EXE}" "" \
      "$INSTDIR\${APP_EXE}" 0 SW_SHOWNORMAL "" "$(SHORTCUT_COMMENT)"
SectionEnd

; ----------------------------------------------------------------- uninstaller
Var DeleteDataBox
Var DeleteData

Function un.onInit
  !insertmacro MUI_UNGETLANGUAGE
  StrCpy $DeleteData ${BST_UNCHECKED}
FunctionEnd

Function un.UserDataPage
  !insertmacro MUI_HEADER_TEXT "$(DATA_TITLE)" "$(DATA_SUBTITLE)"
  nsDialogs::Create 1018
  Pop $0
  ${If} $0 == error
    Abort
  ${EndIf}
  ${NSD_CreateLabel} 0 0 100% 60% "$(DATA_TEXT)"
  Pop $0
  ${NSD_CreateCheckbox} 0 70% 100% 12u "$(DATA_DELETE)"
  Pop $DeleteDataBox
  ${NSD_SetState} $DeleteDataBox $DeleteData
  nsDialogs::Show
FunctionEnd

Function un.UserDataPageLeave
  ${NSD_GetState} $DeleteDataBox $DeleteData
FunctionEnd

Section "Uninstall"
  Delete "$SMPROGRAMS\${APP_NAME}.lnk"
  Delete "$DESKTOP\${APP_NAME}.lnk"

  ; the program's own files only: whatever else the folder holds is not ours to delete
  RMDir /r "$INSTDIR\_internal"
  Delete "$INSTDIR\diskominfo-desk.exe"
  Delete "$INSTDIR\diskominfo-desk-cli.exe"
  Delete "$INSTDIR\uninstall.exe"

  ${If} $DeleteData == ${BST_CHECKED}
    RMDir /r "$LOCALAPPDATA\${APP_ID}"
    RMDir /r "$INSTDIR\data"  ; a portable copy's data, if one was run from here
    Delete "$INSTDIR\portable.txt"
    DeleteRegKey HKCU "${SETTINGS_KEY}"
  ${EndIf}
  RMDir "$INSTDIR"  ; only if empty

  DeleteRegKey HKCU "${UNINSTALL_KEY}"
SectionEnd
