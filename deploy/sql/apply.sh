#!/usr/bin/env bash
# Applies deploy/sql to the SQL Server of the compose stack (run by the sql-init service, in the SQL Server image, which
# carries sqlcmd). Creates the database if missing; schema and sample data only into an empty database; procedures
# (CREATE OR ALTER), the optional alt text column (005, idempotent), the optional reference photo column (006,
# idempotent) and Data API Builder's least-privilege login
# (004-dab-login.sql, which grants that column) every time. Only this one-shot job
# knows the sa password; DAB logs in as catalog_dab.
set -euo pipefail

SQLCMD=/opt/mssql-tools18/bin/sqlcmd
SERVER="${SQL_SERVER:-sqlserver}"
DATABASE="${SQL_DATABASE:-catalog}"
DIR="$(cd "$(dirname "$0")" && pwd)"
: "${MSSQL_SA_PASSWORD:?MSSQL_SA_PASSWORD is not set}"
: "${DAB_SQL_PASSWORD:?DAB_SQL_PASSWORD is not set}"
# It is substituted into T-SQL text (a quoted literal) and into DAB's connection string: no quotes, no semicolon.
case "$DAB_SQL_PASSWORD" in
  *"'"* | *'"'* | *';'*) echo "DAB_SQL_PASSWORD must not contain ' \" or ;" >&2; exit 1 ;;
esac
export DAB_SQL_PASSWORD

run() {
  # -C trusts the container's self-signed certificate; -b stops on the first error; -f 65001 reads the files as UTF-8.
  SQLCMDPASSWORD="$MSSQL_SA_PASSWORD" "$SQLCMD" -S "$SERVER" -U sa -C -b -f 65001 "$@"
}

run -d master -Q "IF DB_ID(N'$DATABASE') IS NULL CREATE DATABASE [$DATABASE];"

existing=$(run -d "$DATABASE" -h -1 -W -Q "SET NOCOUNT ON; SELECT COUNT(*) FROM sys.tables WHERE name = N'Products';" | tr -d '[:space:]')
if [ "$existing" = "0" ]; then
  echo "Empty database $DATABASE: creating the schema and loading the sample catalog"
  run -d "$DATABASE" -i "$DIR/001-schema.sql"
  run -d "$DATABASE" -i "$DIR/002-procedures.sql"
  run -d "$DATABASE" -i "$DIR/003-sample-data.sql"
else
  echo "Database $DATABASE already has Products: applying the procedures only"
  run -d "$DATABASE" -i "$DIR/002-procedures.sql"
fi
echo "The optional alt text column (added where missing)"
run -d "$DATABASE" -i "$DIR/005-image-alt-text.sql"
echo "The optional reference photo column (added where missing)"
run -d "$DATABASE" -i "$DIR/006-source-image-url.sql"
echo "Data API Builder's login catalog_dab: created or its password set, and its grants applied"
run -d "$DATABASE" -i "$DIR/004-dab-login.sql"
