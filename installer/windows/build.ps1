# Build the Windows installer: the frozen app (PyInstaller), its self-test, then Inno Setup.
#
#   powershell -ExecutionPolicy Bypass -File installer\windows\build.ps1
#
# Needs: Python 3.11+ for Windows (the `py` launcher) and Inno Setup 6 (ISCC.exe on PATH or
# in its default folder). Gives dist\intake\ and dist\intake-<version>-setup.exe.
# NOT run on Windows yet (installer/README.md says what was built and tested where).
$ErrorActionPreference = "Stop"

function Invoke-Checked {
    param([string]$Program, [Parameter(ValueFromRemainingArguments)][string[]]$Arguments)
    & $Program @Arguments
    if ($LASTEXITCODE -ne 0) { throw "$Program $Arguments failed (exit $LASTEXITCODE)" }
}

$Repo = Resolve-Path (Join-Path $PSScriptRoot "..\..")
Set-Location $Repo
$Venv = "build\installer-venv"
$Python = "$Venv\Scripts\python.exe"
$Started = Get-Date

if (-not (Test-Path $Python)) { Invoke-Checked py -3 -m venv $Venv }
Invoke-Checked $Python -m pip install --quiet --upgrade pip
Invoke-Checked $Python -m pip install --quiet -r installer\requirements.txt -e ".[gui]"

foreach ($Old in "dist\intake", "build\icons", "build\licenses") {
    if (Test-Path $Old) { Remove-Item -Recurse -Force $Old }
}
Invoke-Checked $Python installer\render_icons.py build\icons
Invoke-Checked $Python installer\collect_licenses.py build\licenses
Invoke-Checked "$Venv\Scripts\pyinstaller.exe" --noconfirm --log-level WARN --distpath dist `
    --workpath build\pyinstaller installer\intake.spec

# intake.exe has no console; intake-cli.exe prints the self-test's lines (also to the file).
Invoke-Checked dist\intake\intake-cli.exe --self-test build\selftest-windows.txt

$Version = (Select-String -Path src\intake\__init__.py -Pattern '^__version__ = "(.+)"').Matches[0].Groups[1].Value
$Iscc = (Get-Command ISCC.exe -ErrorAction SilentlyContinue).Source
if (-not $Iscc) { $Iscc = Join-Path ${env:ProgramFiles(x86)} "Inno Setup 6\ISCC.exe" }
Invoke-Checked $Iscc "/DAppVersion=$Version" installer\windows\intake.iss

$Size = "{0:N0} MB" -f ((Get-ChildItem -Recurse dist\intake | Measure-Object Length -Sum).Sum / 1MB)
Write-Host "installer: dist\intake ($Size) and dist\intake-$Version-setup.exe in $([int]((Get-Date) - $Started).TotalSeconds) s"
