#!/usr/bin/env bash
# Figures for the MM2 checkpoint path (decode, last-wins, translation; in memory and over the wire from the mock cluster).
# Usage: scripts/bench/mm2-decode.sh [--groups N] [--partitions N] [--iterations N] [--skip-wire]
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
exec dotnet run -c Release --project "$here/Mm2Bench/Mm2Bench.csproj" -- "$@"
