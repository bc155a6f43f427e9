#!/usr/bin/env bash
# Publishes the site and the bare Kestrel baseline in Release, measures both in one run and writes
# tests/Benchmarks/RESULTS.md. Installs wrk, nginx and curl (Debian packages) when missing; run as root for that.
# The registration rush runs on SQLite, and on PostgreSQL too when WORKSHOPS_BENCH_POSTGRES names a server
# (for example the test server: Host=127.0.0.1;Port=5432;Username=workshops_test;Password=workshops_test).
# PACKS_ONLY=1 does the same for the attendee-pack benchmark (PDFs built in process).
# RUSH_ONLY=1 runs only the registration rush (SQLite, and PostgreSQL with WORKSHOPS_BENCH_POSTGRES) and puts its tables into
# RESULTS.md in place of their last figures.
# LANGUAGES_ONLY=1 runs only the pages in Spanish beside English (workshop page, agenda cached and uncached, search) and
# puts its section into RESULTS.md in place of its last figures.
# COMMUNITY_ONLY=1 runs only the home page (with the map) and /community with 60 installations, cached and built for every
# request, and puts its section into RESULTS.md in place of its last figures.
# API_ONLY=1 runs only the API's agenda (304 with its ETag, cached, built for every request) beside the HTML agenda page and
# puts its section into RESULTS.md in place of its last figures.
# SCALE_ONLY=1 runs only the site as one node and as two nodes behind nginx (PostgreSQL, so WORKSHOPS_BENCH_POSTGRES is needed):
# the registration rush and the visitors' workshop page, and puts its section into RESULTS.md in place of its last figures.
# MEMORY_ONLY=1 runs only the site's memory as shipped against lean runtime settings and tiered compilation off (memory idle and after pages, and the
# throughput they cost) and puts its section into RESULTS.md in place of its last figures; MEMORY_BEFORE=path/to/Workshops.Web.dll
# adds an earlier build, published apart, to the same alternating rounds.
# SEARCH_ONLY=1 runs only the archive's search over 10,000 materials (SQLite, and PostgreSQL with WORKSHOPS_BENCH_POSTGRES)
# and puts its section into RESULTS.md in place of its last figures; SEARCH_DATA=folder keeps the seeded archives for the next run.
# EMAIL_ONLY=1 runs only the announcements benchmark (a campaign of 10,000 emails to a local SMTP server) and puts
# its section into RESULTS.md in place of its last figures.
set -euo pipefail
cd "$(dirname "$0")"
here=$(pwd)
root=$(cd ../.. && pwd)
missing=()
for tool in wrk nginx curl; do command -v "$tool" >/dev/null 2>&1 || missing+=("$tool"); done
/usr/bin/python3 -c 'import aiosmtpd' >/dev/null 2>&1 || missing+=(python3-aiosmtpd)
if [ ${#missing[@]} -gt 0 ]; then
  [ "$(id -u)" -eq 0 ] || { echo "install the Debian packages ${missing[*]} first (or run as root)" >&2; exit 1; }
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
fi
out="$here/out"
rm -rf "$out"
dotnet publish "$root/src/Workshops.Web" -c Release -o "$out/site" -nologo -v q
dotnet publish "$here/BareKestrel" -c Release -o "$out/bare" -nologo -v q
dotnet publish "$here/StackFloor" -c Release -o "$out/floor" -nologo -v q
dotnet build "$here/Workshops.Benchmarks" -c Release -nologo -v q
dotnet run --project "$here/Workshops.Benchmarks" -c Release --no-build -- \
  "$out/site/Workshops.Web.dll" "$out/bare/BareKestrel.dll" "$here/RESULTS.md" "${ROUNDS:-5}" "${SECONDS_PER_RUN:-10}"
