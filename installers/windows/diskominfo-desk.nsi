; Diskominfo Desk: Windows installer (NSIS 3, Modern UI 2), per user, no admin rights.
;
; Build with installers/windows/make_installer.py, which reads the version from
; desktop/__init__.py and passes:
;   -DVERSION=0.1.0          the application version (shown, and in Add/Remove Programs)
;   -DVERSION4=0.1.0.0       the same as four numbers (file version resource)
;   -DPAYLOAD=<folder>       the PyInstaller one-folder bundle (dist\diskominfo-desk)
;   -DOUTFILE=<file.exe>     where the installer goes
;   -DLICENSE_FILE=<file>    LICENSE with CRLF line ends (for the licence page)
;   -DUNINST_SIGN_CMD=<cmd>  optional: sign the uninstaller (installers/windows/sign.ps1)
;
; Installs into %LOCALAPPDATA%\Programs\Diskominfo Desk, a Start-menu shortcut and,
; if chosen, a desktop shortcut; registers an uninstaller for the user (HKCU). The
; uninstaller keeps the user's data (%LOCALAPPDATA%\diskominfo-desk: database, backups,
; settings, logs) unless its "delete my data" box is ticked.
; Pages in Indonesian (default) or English; the choice is remembered for the uninstaller.
;
; Safe upgrades (issue 22, point 1):
; - Running program: the window holds the mutex Local\DiskominfoDesk-<USERNAME>
;   (desktop/core/single_instance.py). Installer and uninstaller OpenMutex it before they
;   touch a file and ask "close it, then Retry" (Retry/Cancel). Silent (/S): wait up to
;   SILENT_WAIT_SECONDS, then give up with exit code 3 and no file changed.
; - Never old and new files mixed: the new program is first extracted into a staging
;   folder beside the old one; then the old program's top-level entries are renamed into
;   _old (a rename fails on a file a running copy holds: the CLI, or an older version
;   without the mutex, is caught here, before anything changed) and the staged entries
;   renamed into place. Any failure puts the old entries back ("rolled back") and says so.
; - Per user only: RequestExecutionLevel user, and the folder page (and /D= in silent
;   mode) refuses Program Files, Windows and any folder the user cannot write in.
; - Uninstall with "delete my data" also runs `diskominfo-desk-cli.exe forget-secrets`,
;   which removes the program's credentials from Windows Credential Manager.
;
; Exit codes (SetErrorLevel): 0 done; 1 cancelled by the user on a page; 3 the program
; is running (silent: still running after the wait); 4 folder refused; 5 the new files
; could not be written (the installed version unchanged); 6 moving the new files into
; place failed (the previous version restored).

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
!define CLI_EXE "diskominfo-desk-cli.exe"
; desktop/core/single_instance.py MUTEX_PREFIX (tests/test_single_instance.py compares them)
!define MUTEX_PREFIX "Local\DiskominfoDesk-"
!define SYNCHRONIZE 0x00100000
!ifndef SILENT_WAIT_SECONDS
  !define SILENT_WAIT_SECONDS 30
!endif
!define STAGING "_installing"
!define OLD "_old"
!define SWAP_MARK ".swap-in-progress"
!define EXIT_RUNNING 3
!define EXIT_FOLDER 4
!define EXIT_COPY 5
!define EXIT_SWAP 6

!ifdef UNINST_SIGN_CMD
  ; make_installer.py --sign-command: the uninstaller signed as makensis writes it
  !uninstfinalize `${UNINST_SIGN_CMD} "%1"` = 0
!endif

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
!define MUI_PAGE_CUSTOMFUNCTION_LEAVE DirectoryLeave
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
LangString APP_RUNNING ${LANG_INDONESIAN} "${APP_NAME} sedang berjalan. Tutup lalu pilih Coba lagi.$\r$\n$\r$\n(Tutup juga perintah diskominfo-desk-cli yang sedang berjalan, misalnya pencadangan terjadwal.)"
LangString APP_RUNNING ${LANG_ENGLISH} "${APP_NAME} is running. Close it, then choose Retry.$\r$\n$\r$\n(Also let any running diskominfo-desk-cli command finish, such as a scheduled backup.)"
LangString APP_RUNNING_ABORT ${LANG_INDONESIAN} "${APP_NAME} masih berjalan: tidak ada berkas yang diubah."
LangString APP_RUNNING_ABORT ${LANG_ENGLISH} "${APP_NAME} is still running: no file was changed."
LangString DIR_NEEDS_ADMIN ${LANG_INDONESIAN} "Folder ini hanya dapat diubah oleh administrator:$\r$\n$INSTDIR$\r$\n$\r$\n${APP_NAME} dipasang per pengguna, tanpa hak administrator. Pilih folder milik Anda, misalnya$\r$\n$LOCALAPPDATA\Programs\${APP_NAME}"
LangString DIR_NEEDS_ADMIN ${LANG_ENGLISH} "Only an administrator may change this folder:$\r$\n$INSTDIR$\r$\n$\r$\n${APP_NAME} installs per user, without administrator rights. Choose a folder of your own, for example$\r$\n$LOCALAPPDATA\Programs\${APP_NAME}"
LangString DIR_NOT_WRITABLE ${LANG_INDONESIAN} "Anda tidak dapat menulis di folder ini:$\r$\n$INSTDIR$\r$\n$\r$\nPilih folder lain, misalnya$\r$\n$LOCALAPPDATA\Programs\${APP_NAME}"
LangString DIR_NOT_WRITABLE ${LANG_ENGLISH} "You cannot write in this folder:$\r$\n$INSTDIR$\r$\n$\r$\nChoose another one, for example$\r$\n$LOCALAPPDATA\Programs\${APP_NAME}"
LangString COPY_FAILED ${LANG_INDONESIAN} "Berkas program baru tidak dapat ditulis (disk penuh, atau diblokir antivirus?). Versi yang terpasang tidak diubah."
LangString COPY_FAILED ${LANG_ENGLISH} "The new program files could not be written (disk full, or blocked by antivirus?). The installed version is unchanged."
LangString SWAP_FAILED ${LANG_INDONESIAN} "Berkas program baru tidak dapat dipindahkan ke tempatnya. Versi sebelumnya telah dipulihkan; coba lagi setelah memulai ulang komputer."
LangString SWAP_FAILED ${LANG_ENGLISH} "The new program files could not be moved into place. The previous version has been restored; try again after restarting the computer."
LangString ROLLED_BACK ${LANG_INDONESIAN} "Pemasangan sebelumnya terputus: versi lama dipulihkan dulu."
LangString ROLLED_BACK ${LANG_ENGLISH} "An earlier installation was interrupted: the old version was restored first."
LangString FORGET_SECRETS ${LANG_INDONESIAN} "Menghapus kata sandi dan token tersimpan dari Windows Credential Manager..."
LangString FORGET_SECRETS ${LANG_ENGLISH} "Removing stored passwords and tokens from Windows Credential Manager..."
LangString FORGET_SECRETS_FAILED ${LANG_INDONESIAN} "Kata sandi tersimpan tidak dapat dihapus (kode $0). Hapus entri diskominfo-desk di Credential Manager secara manual."
LangString FORGET_SECRETS_FAILED ${LANG_ENGLISH} "The stored passwords could not be removed (code $0). Delete the diskominfo-desk entries in Credential Manager by hand."

; --------------------------------------------------------- running program check
; The same code for installer and uninstaller (NSIS needs un.-prefixed copies).
Var Running
Var Waited
Var Entry
Var Found
Var Failed

!macro RUNNING_FUNCTIONS UN
; $Running = 1 while any copy of the window runs for this user (its mutex exists)
Function ${UN}ProgramRunning
  ReadEnvStr $0 USERNAME
  System::Call 'kernel32::OpenMutexW(i ${SYNCHRONIZE}, i 0, w "${MUTEX_PREFIX}$0") p.r1'
  ${If} $1 P<> 0
    System::Call 'kernel32::CloseHandle(p r1)'
    StrCpy $Running 1
  ${Else}
    StrCpy $Running 0
  ${EndIf}
FunctionEnd

; Ask until the user closed it (Retry) or gave up (Cancel: exit code 3, nothing changed);
; silent: look again every second for SILENT_WAIT_SECONDS, then give up the same way.
Function ${UN}AskToClose
  IfSilent 0 ask
    ${If} $Waited >= ${SILENT_WAIT_SECONDS}
      Goto give_up
    ${EndIf}
    Sleep 1000
    IntOp $Waited $Waited + 1
    Return
  ask:
  MessageBox MB_RETRYCANCEL|MB_ICONEXCLAMATION "$(APP_RUNNING)" /SD IDCANCEL IDRETRY retry
  give_up:
  DetailPrint "$(APP_RUNNING_ABORT)"
  MessageBox MB_OK|MB_ICONSTOP "$(APP_RUNNING_ABORT)" /SD IDOK
  SetErrorLevel ${EXIT_RUNNING}
  Abort "$(APP_RUNNING_ABORT)"
  retry:
FunctionEnd

Function ${UN}WaitUntilClosed
  StrCpy $Waited 0
  ${Do}
    Call ${UN}ProgramRunning
    ${IfThen} $Running == 0 ${|} Return ${|}
    Call ${UN}AskToClose
  ${Loop}
FunctionEnd
!macroend
!insertmacro RUNNING_FUNCTIONS ""
!insertmacro RUNNING_FUNCTIONS "un."

; ------------------------------------------------------------ folder (per user)
Var Refusal

; $Found = 1 when $INSTDIR is the folder $0 or inside it (StrCmp ignores case)
Function IsInside
  StrCpy $Found 0
  StrCmp $0 "" done
  StrLen $1 $0
  StrCpy $2 $INSTDIR $1
  StrCmp $2 $0 0 done
  StrCpy $2 $INSTDIR 1 $1
  StrCmp $2 "" inside
  StrCmp $2 "\" inside done
  inside:
  StrCpy $Found 1
  done:
FunctionEnd

; $Refusal = "" when $INSTDIR is a folder this user may install into, else the message
Function CheckFolder
  StrCpy $Refusal ""
  ${ForEach} $3 0 2 + 1
    ${If} $3 == 0
      StrCpy $0 $PROGRAMFILES
    ${ElseIf} $3 == 1
      StrCpy $0 $PROGRAMFILES64
    ${Else}
      StrCpy $0 $WINDIR
    ${EndIf}
    Call IsInside
    ${If} $Found == 1
      StrCpy $Refusal "$(DIR_NEEDS_ADMIN)"
      Return
    ${EndIf}
  ${Next}
  ; test-write a file: a folder of another user, a read-only share, a locked-down disk
  StrCpy $3 0
  ${IfNot} ${FileExists} "$INSTDIR\*.*"
    ClearErrors
    CreateDirectory "$INSTDIR"
    ${If} ${Errors}
      StrCpy $Refusal "$(DIR_NOT_WRITABLE)"
      Return
    ${EndIf}
    StrCpy $3 1
  ${EndIf}
  ClearErrors
  FileOpen $4 "$INSTDIR\.diskominfo-desk-write-test" w
  ${If} ${Errors}
    StrCpy $Refusal "$(DIR_NOT_WRITABLE)"
  ${Else}
    FileClose $4
    Delete "$INSTDIR\.diskominfo-desk-write-test"
  ${EndIf}
  ${If} $3 == 1
    RMDir "$INSTDIR"  ; made only for the test: leave no empty folder behind
  ${EndIf}
FunctionEnd

Function DirectoryLeave
  Call CheckFolder
  ${If} $Refusal != ""
    MessageBox MB_OK|MB_ICONSTOP "$Refusal"
    Abort  ; stay on the folder page
  ${EndIf}
FunctionEnd

; ------------------------------------------------------- swap without mixing files
; The top-level entries of ${STAGING} (the new program) replace the same entries of
; $INSTDIR; the old ones wait in ${OLD} until every new one is in place.

; Move the old program's entries aside; $Failed = 1 if one could not be moved (in use)
Function MoveOldAside
  StrCpy $Failed 0
  CreateDirectory "$INSTDIR\${OLD}"
  FileOpen $0 "$INSTDIR\${OLD}\${SWAP_MARK}" w
  FileClose $0
  FindFirst $1 $Entry "$INSTDIR\${STAGING}\*"
  ${DoWhile} $Entry != ""
    ${If} $Entry != "."
    ${AndIf} $Entry != ".."
      ${If} ${FileExists} "$INSTDIR\$Entry"
        ClearErrors
        Rename "$INSTDIR\$Entry" "$INSTDIR\${OLD}\$Entry"
        ${If} ${Errors}
          StrCpy $Failed 1
          ${Break}
        ${EndIf}
      ${Else}
        ; new in this version: remembered, so that a roll-back removes it again
        FileOpen $0 "$INSTDIR\${OLD}\$Entry.added" w
        FileClose $0
      ${EndIf}
    ${EndIf}
    FindNext $1 $Entry
  ${Loop}
  FindClose $1
FunctionEnd

; Move every staged entry into place; $Failed = 1 if one could not be moved
Function MoveNewIn
  StrCpy $Failed 0
  ${Do}
    ; enumerate afresh each time: the folder shrinks as entries leave it
    FindFirst $1 $Entry "$INSTDIR\${STAGING}\*"
    ${Do}
      ${If} $Entry == "."
      ${OrIf} $Entry == ".."
        FindNext $1 $Entry
      ${Else}
        ${Break}
      ${EndIf}
    ${Loop}
    FindClose $1
    ${If} $Entry == ""
      Return
    ${EndIf}
    ; an antivirus scanning the file just written may hold it for a moment: try again
    ; for up to 5 s before calling it a failure
    StrCpy $2 0
    ${Do}
      ClearErrors
      Rename "$INSTDIR\${STAGING}\$Entry" "$INSTDIR\$Entry"
      ${IfNot} ${Errors}
        ${Break}
      ${EndIf}
      IntOp $2 $2 + 1
      ${If} $2 >= 10
        StrCpy $Failed 1
        Return
      ${EndIf}
      Sleep 500
    ${Loop}
  ${Loop}
FunctionEnd

; Put the old program back as it was: what the new version added goes, what was moved
; aside returns. Also used at the start when an earlier run was cut off mid-swap.
Function RestoreOld
  ${Do}
    FindFirst $1 $Entry "$INSTDIR\${OLD}\*"
    ${Do}
      ${If} $Entry == "."
      ${OrIf} $Entry == ".."
      ${OrIf} $Entry == "${SWAP_MARK}"
        FindNext $1 $Entry
      ${Else}
        ${Break}
      ${EndIf}
    ${Loop}
    FindClose $1
    ${If} $Entry == ""
      ${Break}
    ${EndIf}
    StrCpy $0 $Entry "" -6
    ${If} $0 == ".added"
      StrCpy $0 $Entry -6
      RMDir /r "$INSTDIR\$0"
      Delete "$INSTDIR\$0"
      Delete "$INSTDIR\${OLD}\$Entry"
    ${Else}
      RMDir /r "$INSTDIR\$Entry"
      Delete "$INSTDIR\$Entry"
      ClearErrors
      Rename "$INSTDIR\${OLD}\$Entry" "$INSTDIR\$Entry"
      ${If} ${Errors}
        Return  ; nothing more we can do: the entry stays safe in ${OLD}, marked
      ${EndIf}
    ${EndIf}
  ${Loop}
  Delete "$INSTDIR\${OLD}\${SWAP_MARK}"
  RMDir "$INSTDIR\${OLD}"
FunctionEnd

Function RollBack
  Call RestoreOld
  RMDir /r "$INSTDIR\${STAGING}"
FunctionEnd

; ------------------------------------------------------------------- installer
Function .onInit
  !insertmacro MUI_LANGDLL_DISPLAY
FunctionEnd

Function .onInstFailed
  ; whatever stopped us, the installed version is as it was: drop the unused new copy
  RMDir /r "$INSTDIR\${STAGING}"
FunctionEnd

Section "!$(SEC_APP)" SecApp
  SectionIn RO
  ; silent installs never saw the folder page: /D= gets the same check
  Call CheckFolder
  ${If} $Refusal != ""
    MessageBox MB_OK|MB_ICONSTOP "$Refusal" /SD IDOK
    SetErrorLevel ${EXIT_FOLDER}
    Abort "$Refusal"
  ${EndIf}
  Call WaitUntilClosed  ; before any file is touched

  ; an earlier run cut off mid-swap: restore its old program first, then start clean
  ${If} ${FileExists} "$INSTDIR\${OLD}\${SWAP_MARK}"
    DetailPrint "$(ROLLED_BACK)"
    Call RollBack
  ${EndIf}
  RMDir /r "$INSTDIR\${OLD}"
  RMDir /r "$INSTDIR\${STAGING}"

  ; 1. the new program beside the old one; a file that cannot be written is an error,
  ;    not a question (SetOverwrite try), and leaves the installed version alone
  SetOutPath "$INSTDIR\${STAGING}"
  SetOverwrite try
  ClearErrors
  File /r "${PAYLOAD}\*.*"
  ${If} ${Errors}
    SetOutPath "$INSTDIR"
    RMDir /r "$INSTDIR\${STAGING}"
    MessageBox MB_OK|MB_ICONSTOP "$(COPY_FAILED)" /SD IDOK
    SetErrorLevel ${EXIT_COPY}
    Abort "$(COPY_FAILED)"
  ${EndIf}
  SetOverwrite on
  SetOutPath "$INSTDIR"
  ; an installed copy keeps its data in the user's folder, never beside the program
  Delete "$INSTDIR\${STAGING}\portable.txt"

  ; 2. the old program aside: a file held open by a running copy (the CLI, or an old
  ;    version without the mutex) refuses the rename, and nothing has changed yet
  StrCpy $Waited 0
  ${Do}
    Call MoveOldAside
    ${If} $Failed == 0
      ${Break}
    ${EndIf}
    Call RestoreOld  ; what was moved goes back; the staged program waits for a retry
    DetailPrint "$(APP_RUNNING)"
    Call AskToClose  ; Cancel (or the silent wait over) ends here: exit code 3
  ${Loop}

  ; 3. the new program into place, or the old one back
  Call MoveNewIn
  ${If} $Failed == 1
    Call RollBack
    MessageBox MB_OK|MB_ICONSTOP "$(SWAP_FAILED)" /SD IDOK
    SetErrorLevel ${EXIT_SWAP}
    Abort "$(SWAP_FAILED)"
  ${EndIf}
  Delete "$INSTDIR\${OLD}\${SWAP_MARK}"
  RMDir /r "$INSTDIR\${OLD}"
  RMDir "$INSTDIR\${STAGING}"
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
  Call un.WaitUntilClosed  ; before any file is touched

  ; the credentials go while the program (its CLI) is still here to remove them
  ${If} $DeleteData == ${BST_CHECKED}
    DetailPrint "$(FORGET_SECRETS)"
    ; nsExec: the console program runs hidden, its lines go to the details list
    nsExec::ExecToLog '"$INSTDIR\${CLI_EXE}" forget-secrets'
    Pop $0  ; its exit code, or "error" when it could not be started
    ${If} $0 != 0
      DetailPrint "$(FORGET_SECRETS_FAILED)"
      MessageBox MB_OK|MB_ICONEXCLAMATION "$(FORGET_SECRETS_FAILED)" /SD IDOK
    ${EndIf}
  ${EndIf}

  ; the program aside first: a file a running copy holds (the CLI, an old version
  ; without the mutex) refuses the rename, and then nothing has been deleted yet
  RMDir /r "$INSTDIR\_removing"  ; left by an uninstall cut off earlier: in the way
  StrCpy $Waited 0
  ${Do}
    ClearErrors
    ${If} ${FileExists} "$INSTDIR\_internal\*.*"
      Rename "$INSTDIR\_internal" "$INSTDIR\_removing"
    ${EndIf}
    ${IfNot} ${Errors}
      ${Break}
    ${EndIf}
    DetailPrint "$(APP_RUNNING)"
    Call un.AskToClose  ; Cancel (or the silent wait over) ends here: exit code 3
  ${Loop}

  Delete "$SMPROGRAMS\${APP_NAME}.lnk"
  Delete "$DESKTOP\${APP_NAME}.lnk"

  ; the program's own files only: whatever else the folder holds is not ours to delete
  RMDir /r "$INSTDIR\_removing"
  RMDir /r "$INSTDIR\${OLD}"
  RMDir /r "$INSTDIR\${STAGING}"
  Delete "$INSTDIR\${APP_EXE}"
  Delete "$INSTDIR\${CLI_EXE}"
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
