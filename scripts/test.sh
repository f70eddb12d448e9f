#!/usr/bin/env bash
# Runs the whole test suite on a fresh Debian machine that has only the .NET 10 SDK:
# installs Debian's Chromium for the browser tests when it is missing, then runs `dotnet test`.
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v chromium >/dev/null 2>&1 && [ ! -x /usr/bin/chromium ]; then
  echo "Installing Chromium (Debian package) for the browser tests..."
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium fonts-noto-cjk >/dev/null
fi
# Chinese text in screenshots and layout needs a CJK font; install it if Chromium came without one.
if ! fc-list 2>/dev/null | grep -qi "noto.*cjk"; then
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq fonts-noto-cjk >/dev/null 2>&1 || echo "(no CJK font installed; tests do not depend on it)"
fi

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
dotnet build Feedback.sln -c Release -warnaserror --nologo -v q
dotnet test Feedback.sln -c Release --no-build --nologo --logger "console;verbosity=normal" "$@"
