#!/usr/bin/env bash
# Adds one migration to both providers, so SQLite and PostgreSQL never drift apart, and writes each provider's
# compiled model again (CompiledModel/, read by the site at start instead of building the model from the configurations).
# Usage: migrations/add.sh NameOfTheChange
#        migrations/add.sh --model-only      (only the compiled models, after a change that needs no migration)
set -euo pipefail
name=${1:?Usage: migrations/add.sh NameOfTheChange | --model-only}
cd "$(dirname "$0")/.."
dotnet tool restore >/dev/null
for provider in Sqlite Postgres; do
  project="migrations/Workshops.Migrations.$provider"
  if [ "$name" != "--model-only" ]; then
    dotnet ef migrations add "$name" --project "$project" --startup-project "$project" --output-dir Migrations
  fi
  rm -rf "$project/CompiledModel"
  dotnet ef dbcontext optimize --project "$project" --startup-project "$project" \
    --output-dir CompiledModel --namespace "Workshops.Migrations.$provider.CompiledModel"
done
