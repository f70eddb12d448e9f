#!/usr/bin/env bash
# How fast the pages people wait on answer over a large database: the manager dashboard (live and frozen
# months, filtered), the drill-down, the CSV, a department queue and the dispatcher's lists. Release build,
# Production settings (two-factor off for the demo admin), wrk on loopback with one signed-in cookie.
# Make the data first, e.g.
#   DATA=/tmp/big; mkdir -p $DATA && ASPNETCORE_ENVIRONMENT=Development Feedback__DataPath=$DATA \
#     dotnet run -c Release --project src/Feedback.Web -- seed-demo --cases 100000 --months 12
#   DATA=/tmp/big bench/pages.sh              # 10 s per page, 4 connections
#   DATA=/tmp/big DURATION=30s CONNECTIONS=8 bench/pages.sh
#   DATA=/tmp/big LIVE_SECONDS=0 bench/pages.sh # count live figures on every request (no reuse)
set -euo pipefail
cd "$(dirname "$0")/.."
: "${DATA:?set DATA to a folder holding feedback.db (made by seed-demo)}"
PORT=${PORT:-5091}
DURATION=${DURATION:-10s}
CONNECTIONS=${CONNECTIONS:-4}
LIVE_SECONDS=${LIVE_SECONDS:-60}
command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }

dotnet build -c Release src/Feedback.Web -v q --nologo >/dev/null
ASPNETCORE_ENVIRONMENT=Production ASPNETCORE_URLS="http://127.0.0.1:$PORT" Security__RequireTwoFactorForStaff=false Reports__LiveFiguresSeconds="$LIVE_SECONDS" \
  Feedback__DataPath="$DATA" Email__From=bench@feedback.local Logging__LogLevel__Default=Warning \
  dotnet src/Feedback.Web/bin/Release/net10.0/Feedback.Web.dll >"$DATA/pages-app.log" 2>&1 &
app=$!
jar=$(mktemp)
trap 'kill $app 2>/dev/null || true; rm -f "$jar"' EXIT
base="http://127.0.0.1:$PORT"
for _ in $(seq 1 120); do curl -fs "$base/healthz" >/dev/null && break; sleep 1; done

login() { # login EMAIL: signs in with the demo password, cookies in $jar
  : >"$jar"
  local token
  token=$(curl -fs -c "$jar" -b "$jar" "$base/Account/Login" | grep -o 'name="__RequestVerificationToken" type="hidden" value="[^"]*"' | head -1 | sed 's/.*value="//;s/"$//')
  curl -fs -o /dev/null -c "$jar" -b "$jar" --data-urlencode "Input.Email=$1" --data-urlencode "Input.Password=feedback-demo-2026" \
    --data-urlencode "__RequestVerificationToken=$token" "$base/Account/Login"
  awk '$6 == "feedback.auth" || $6 == ".AspNetCore.Culture" {printf "%s=%s; ", $6, $7}' "$jar"
}

measure() { # measure NAME PATH COOKIE: one cold request, then wrk
  local name=$1 path=$2 cookie=$3 status cold
  read -r status cold < <(curl -s -o /dev/null -w '%{http_code} %{time_total}\n' -H "Cookie: $cookie" "$base$path")
  [ "$status" = 200 ] || { echo "$name: HTTP $status for $path"; exit 1; }
  printf '%-34s first %6.0f ms  ' "$name" "$(echo "$cold * 1000" | bc)"
  wrk -t1 -c"$CONNECTIONS" -d"$DURATION" --latency -H "Cookie: $cookie" "$base$path" |
    awk '/Requests\/sec/ {rps=$2} /^ +50%/ {p50=$2} /^ +99%/ {p99=$2} END {printf "%8.1f req/s  p50 %8s  p99 %8s\n", rps, p50, p99}'
}

month=$(date -u +%Y-%m)
last=$(date -u -d "$(date -u +%Y-%m-01) -1 month" +%Y-%m)
echo "$(sqlite3 "$DATA/feedback.db" 'select count(*) from Cases') cases, $(du -h "$DATA/feedback.db" | cut -f1); $CONNECTIONS connections, $DURATION each; live figures reused for ${LIVE_SECONDS}s; load $(cut -d' ' -f1-3 /proc/loadavg)"
admin=$(login admin@demo.local)
measure "dashboard, live month" "/Reports?month=$month" "$admin"
measure "dashboard, frozen month" "/Reports?month=$last" "$admin"
measure "dashboard, live, by area" "/Reports?month=$month&by=Area&kind=Complaint" "$admin"
measure "CSV, department table (live)" "/Reports?month=$month&handler=Csv" "$admin"
measure "public statistics" "/Public/Statistics" ""
dispatcher=$(login dispatcher@demo.local)
# The drill-down lists only cases the viewer may open (ADR 0017): an admin opens none, the service centre all.
measure "drill-down, received (live)" "/Reports/Cases?month=$month&measure=Received" "$dispatcher"
measure "dispatcher, triage" "/Dispatch/Triage" "$dispatcher"
measure "dispatcher, all cases" "/Dispatch/Cases" "$dispatcher"
staff=$(login staff.billing@demo.local)
measure "staff queue (billing)" "/Staff/Queue" "$staff"
kill -TERM $app; wait $app 2>/dev/null || true
