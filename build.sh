#!/usr/bin/env bash
# Entry point for Linux and macOS: needs only the .NET SDK. It restores pwsh as a dotnet local tool, then runs
# build.ps1, which does the work (./build.sh test, ./build.sh demo, ./build.sh bench, ./build.sh clean).
set -euo pipefail
cd "$(dirname "$0")"

if ! command -v dotnet >/dev/null 2>&1; then
    echo "build.sh: the .NET SDK (dotnet) is required: https://dotnet.microsoft.com/download" >&2
    exit 2
fi

dotnet tool restore >/dev/null
exec dotnet pwsh -NoProfile -NonInteractive -File ./build.ps1 "$@"
