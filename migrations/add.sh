#!/usr/bin/env bash
# Adds one migration to both providers, so SQLite and PostgreSQL never drift apart.
# Usage: migrations/add.sh NameOfTheChange
set -euo pipefail
name=${1:?Usage: migrations/add.sh NameOfTheChange}
cd "$(dirname "$0")/.."
dotnet tool restore >/dev/null
for provider in Sqlite Postgres; do
  dotnet ef migrations add "$name" \
    --project "migrations/Workshops.Migrations.$provider" \
    --startup-project "migrations/Workshops.Migrations.$provider" \
    --output-dir Migrations
done
