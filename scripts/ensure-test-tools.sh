#!/usr/bin/env bash
# The tests need two Debian programs: Chromium (Playwright drives /usr/bin/chromium,
# since Playwright's own browser download cannot work on these machines) and the
# sqlite3 CLI (the audit-tampering test uses it as an attacker would). Installs
# whichever is missing with apt-get, and says so.
set -euo pipefail
browser="${CHROMIUM_PATH:-/usr/bin/chromium}"
missing=()
[ -x "$browser" ] || missing+=(chromium)
command -v sqlite3 >/dev/null 2>&1 || missing+=(sqlite3)
[ ${#missing[@]} -eq 0 ] && exit 0

echo "Missing for the tests: ${missing[*]}. Installing Debian's packages (apt-get install -y ${missing[*]})..."
sudo=""
[ "$(id -u)" -ne 0 ] && sudo=sudo
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
echo "Installed: ${missing[*]}."
