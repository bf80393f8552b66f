#!/usr/bin/env bash
# Entry point for Linux and macOS: needs only the .NET SDK. It restores pwsh as a dotnet local tool, then runs
# build.ps1, which does the work (./build.sh test, ./build.sh demo, ./build.sh bench, ./build.sh clean).
set -euo pipefail
cd "$(dirname "$0")"

if ! command -v dotnet >/dev/null 2>&1; then
    echo "build.sh: the .NET SDK (dotnet) is required: https://dotnet.microsoft.com/download" >&2
    exit 2
fi

# The interoperability tests need kcat (Debian's independent Kafka client). Install it where that is possible.
if [ "${1:-}" = "test" ] && ! command -v kcat >/dev/null 2>&1; then
    if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
        echo "build.sh: installing kcat for the interoperability tests" >&2
        (export DEBIAN_FRONTEND=noninteractive; apt-get install -y -qq kcat >/dev/null 2>&1 || { apt-get update -qq >/dev/null && apt-get install -y -qq kcat >/dev/null; }) \
            || echo "build.sh: could not install kcat; the kcat interoperability tests will fail" >&2
    else
        echo "build.sh: kcat is not installed; the interoperability tests will fail (sudo apt-get install -y kcat)" >&2
    fi
fi

dotnet tool restore >/dev/null
exec dotnet pwsh -NoProfile -NonInteractive -File ./build.ps1 "$@"
