#!/usr/bin/env bash
# Playwright drives Debian's Chromium (/usr/bin/chromium): Playwright's own browser
# download cannot work on these machines. Installs it when missing, and says so.
set -euo pipefail
browser="${CHROMIUM_PATH:-/usr/bin/chromium}"
if [ -x "$browser" ]; then
	exit 0
fi
echo "Chromium not found at $browser: installing Debian's chromium package (apt-get install -y chromium)..."
if [ "$(id -u)" -ne 0 ]; then
	sudo=sudo
else
	sudo=
fi
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq chromium >/dev/null
echo "Chromium installed: $("$browser" --version)"
