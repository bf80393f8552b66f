#!/usr/bin/env bash
# Lab broker vs librdkafka's mock cluster, side by side (figures, not pass/fail).
# Usage: scripts/bench/lab-vs-mock.sh [--records N] [--partitions N] [--fill-mib N]
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
dotnet run -c Release --project "$here/LabBench/LabBench.csproj" -- "$@"
