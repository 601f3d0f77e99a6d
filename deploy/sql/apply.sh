#!/usr/bin/env bash
# Applies deploy/sql to the SQL Server of the compose stack (run by the sql-init service, in the SQL Server image, which
# carries sqlcmd). Creates the database if missing; schema and sample data only into an empty database; procedures
# (CREATE OR ALTER) every time.
set -euo pipefail

SQLCMD=/opt/mssql-tools18/bin/sqlcmd
SERVER="${SQL_SERVER:-sqlserver}"
DATABASE="${SQL_DATABASE:-catalog}"
DIR="$(cd "$(dirname "$0")" && pwd)"
: "${MSSQL_SA_PASSWORD:?MSSQL_SA_PASSWORD is not set}"

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
