#!/usr/bin/env bash
# The one test command: installs what the tests need when it is missing (Debian packages; run as root),
# starts PostgreSQL on loopback, builds, and runs every suite: unit, integration on SQLite and on
# PostgreSQL (with two nodes behind nginx), and end-to-end in Chromium with a real SMTP server.
set -uo pipefail
cd "$(dirname "$0")"
root=$(pwd)
results="$root/TestResults"
rm -rf "$results"
mkdir -p "$results"

step() { printf '\n== %s\n' "$*"; }

step "System packages"
need=()
[ -x /usr/bin/chromium ] || need+=(chromium)
command -v pg_ctlcluster >/dev/null 2>&1 || need+=(postgresql)
/usr/bin/python3 -c 'import aiosmtpd' >/dev/null 2>&1 || need+=(python3-aiosmtpd)
command -v pdftoppm >/dev/null 2>&1 || need+=(poppler-utils)
command -v curl >/dev/null 2>&1 || need+=(curl)
# The scale-out test puts two nodes behind nginx, configured from deploy/nginx.
[ -x /usr/sbin/nginx ] || need+=(nginx)
# The deploy/ systemd units are checked with systemd-analyze verify.
command -v systemd-analyze >/dev/null 2>&1 || need+=(systemd)
if [ ${#need[@]} -gt 0 ]; then
  echo "installing: ${need[*]}"
  if [ "$(id -u)" -ne 0 ]; then echo "run as root, or install these Debian packages first: ${need[*]}" >&2; exit 1; fi
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null || exit 1
else
  echo "all present"
fi

step "PostgreSQL on 127.0.0.1"
pgver=$(ls /usr/lib/postgresql | sort -n | tail -1)
pg_lsclusters -h 2>/dev/null | grep -q "^$pgver main" || pg_createcluster "$pgver" main >/dev/null
# Four test hosts at a time, each with a pool of up to 30 connections, need more than the default 100.
if [ "$(pg_conftool -s "$pgver" main show max_connections 2>/dev/null || echo 100)" -lt 300 ]; then
  pg_conftool "$pgver" main set max_connections 300
  pg_ctlcluster "$pgver" main restart 2>/dev/null || true
fi
pg_ctlcluster "$pgver" main start 2>/dev/null || true
for _ in $(seq 1 30); do pg_isready -q -h 127.0.0.1 && break; sleep 1; done
pg_isready -h 127.0.0.1 || { echo "PostgreSQL did not start" >&2; exit 1; }
su postgres -c "psql -qtAc \"SELECT 1 FROM pg_roles WHERE rolname='workshops_test'\"" | grep -q 1 \
  || su postgres -c "psql -qc \"CREATE ROLE workshops_test LOGIN CREATEDB PASSWORD 'workshops_test'\""
# Test databases a killed run left behind.
su postgres -c "psql -qtAc \"SELECT datname FROM pg_database WHERE datname LIKE 'ws_test_%'\"" \
  | while read -r db; do su postgres -c "psql -qc 'DROP DATABASE IF EXISTS \"$db\" WITH (FORCE)'"; done
export WORKSHOPS_TEST_POSTGRES="Host=127.0.0.1;Port=5432;Username=workshops_test;Password=workshops_test;Include Error Detail=true"

step "Restore and build"
dotnet tool restore >/dev/null || exit 1
dotnet build Workshops.sln -c Release -nologo -v q || exit 1

# The README's two run commands, exactly as a newcomer types them, each on an empty data folder, until /healthz
# answers 200; then stopped. Either failing to come up fails the run.
smoke() {
  local name=$1; shift
  local data log pid up=""
  data=$(mktemp -d); log="$results/smoke-$name.log"
  step "Smoke: dotnet run --project src/Workshops.Web $*"
  Storage__DataDirectory="$data" setsid dotnet run --project src/Workshops.Web "$@" >"$log" 2>&1 &
  pid=$!
  for _ in $(seq 1 240); do
    if curl -fsS -o /dev/null --max-time 5 http://localhost:5080/healthz 2>/dev/null; then up=1; break; fi
    kill -0 "$pid" 2>/dev/null || break
    sleep 1
  done
  kill -TERM -- "-$pid" 2>/dev/null; wait "$pid" 2>/dev/null
  rm -rf "$data"
  if [ -n "$up" ]; then echo "came up and answered /healthz"; return 0; fi
  echo "did not come up; its output:" >&2; tail -40 "$log" >&2
  return 1
}
smoke run || exit 1
smoke demo -- --seed-demo || exit 1

failed=0
# Every text the code uses is in Text.resx (the English source translators work from), and every language has each
# one with the same placeholders; the script lists what is missing.
step "Translations"
/usr/bin/python3 tools/texts.py || failed=1
run() {
  local name=$1 project=$2; shift 2
  step "$name"
  dotnet test "$project" -c Release --no-build -nologo "$@" \
    --logger "trx;LogFileName=$name.trx" --results-directory "$results" || { failed=1; return 1; }
}
# Test hosts read their settings once and watch no files: each watcher is an inotify instance, Linux allows 128 per
# user by default, and the suites side by side start hundreds of hosts.
export DOTNET_hostBuilder__reloadConfigOnChange=false DOTNET_USE_POLLING_FILE_WATCHER=true
run unit tests/Workshops.UnitTests
# The two databases' integration runs go side by side, each in its own process: inside one process the test hosts
# run one at a time (Hangfire keeps process-wide statics, see tests/Shared/Parallelism.cs), which leaves half of
# two cores idle while a test waits for a job or an email. A third process runs the tests that start the built site
# as processes of its own (two nodes behind nginx, a backup and its restore, a node killed or drained), which
# mostly wait on those processes. Each run's output is shown whole once all are done.
WORKSHOPS_TEST_DB=Sqlite run integration-sqlite tests/Workshops.IntegrationTests --filter "Category!=Processes" >"$results/integration-sqlite.log" 2>&1 &
sqlite_run=$!
WORKSHOPS_TEST_DB=Postgres run integration-postgres tests/Workshops.IntegrationTests --filter "Category!=Processes" >"$results/integration-postgres.log" 2>&1 &
postgres_run=$!
( WORKSHOPS_TEST_DB=Postgres run processes-postgres tests/Workshops.IntegrationTests --filter "Category=Processes"; pg=$?
  WORKSHOPS_TEST_DB=Sqlite run processes-sqlite tests/Workshops.IntegrationTests --filter "Category=Processes" && [ "$pg" -eq 0 ] ) >"$results/processes.log" 2>&1 &
processes_run=$!
wait "$sqlite_run" || failed=1
wait "$postgres_run" || failed=1
wait "$processes_run" || failed=1
cat "$results/integration-sqlite.log" "$results/integration-postgres.log" "$results/processes.log"
# The browser walk runs on PostgreSQL, the production database; SQLite is covered by the integration suite.
# It keeps a rendered page of each kind of PDF under TestResults/artefacts for people to look at.
export WORKSHOPS_ARTEFACTS="$results/artefacts"
WORKSHOPS_TEST_DB=Postgres run end-to-end tests/Workshops.EndToEndTests

step "Summary"
/usr/bin/python3 - "$results" <<'PY'
import glob, sys, xml.etree.ElementTree as ET
ns = {"t": "http://microsoft.com/schemas/VisualStudio/TeamTest/2010"}
total = {"passed": 0, "failed": 0, "skipped": 0}
for path in sorted(glob.glob(sys.argv[1] + "/*.trx")):
    c = ET.parse(path).find(".//t:Counters", ns)
    p, f = int(c.get("passed")), int(c.get("failed")) + int(c.get("error")) + int(c.get("timeout")) + int(c.get("aborted"))
    s = int(c.get("total")) - p - f
    print(f"{path.split('/')[-1][:-4]:>22}: {p} passed, {f} failed, {s} skipped")
    total["passed"] += p; total["failed"] += f; total["skipped"] += s
    # Failures outside any test (a fixture's cleanup, a crashed host) fail the run without a failed test.
    for info in ET.parse(path).findall(".//t:RunInfos/t:RunInfo", ns):
        if info.get("outcome") in ("Error", "Failed"):
            print("    " + (info.findtext("t:Text", "", ns) or "").strip()[:3000])
print(f"{total['passed']} passed, {total['failed']} failed, {total['skipped']} skipped")
PY
exit $failed
