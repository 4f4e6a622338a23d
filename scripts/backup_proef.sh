#!/usr/bin/env bash
# Proves the backup and restore procedure of the README on this machine's PostgreSQL:
# a database with the real reference data, the demo users and the example afweging is
# backed up with pg_dump, restored with pg_restore into an empty database, and every
# table's row count and the example afweging's full JSON export must be the same in both.
# Run by .ci/run; leaves nothing behind.
set -euo pipefail
cd "$(dirname "$0")/.."

PY=${PY:-.venv/bin/python}
SERVER=${BACKUP_PROEF_SERVER:-postgres://postgres@127.0.0.1:5432}
BRON=fusietoets_backupproef
DOEL=fusietoets_herstelproef
MAP=$(mktemp -d)
PG="psql -q -v ON_ERROR_STOP=1 $SERVER/postgres"
export PGOPTIONS="-c client_min_messages=warning"

weg() {
  $PG -c "DROP DATABASE IF EXISTS $BRON WITH (FORCE)" -c "DROP DATABASE IF EXISTS $DOEL WITH (FORCE)"
}
trap 'weg; rm -rf "$MAP"' EXIT
weg
$PG -c "CREATE DATABASE $BRON"

export DATABASE_URL=$SERVER/$BRON EMAIL_BACKEND=django.core.mail.backends.locmem.EmailBackend
unset PRODUCTIE DEBUG
$PY manage.py migrate --noinput -v 0
$PY manage.py laad_referentiedata >/dev/null
$PY manage.py maak_demogebruikers >/dev/null
$PY manage.py maak_voorbeeldafweging >/dev/null
unset PGOPTIONS

SAMENVATTING='
from django.apps import apps
from afweging.models import Afweging
for model in sorted(apps.get_models(), key=lambda m: m._meta.label):
    print(model._meta.label, model.objects.count())
print(Afweging.objects.get(is_voorbeeld=True).pk)
'
samenvatting() {
  DATABASE_URL=$SERVER/$1 $PY manage.py shell --no-imports -c "$SAMENVATTING" > "$MAP/$1.txt"
  local id
  id=$(tail -n1 "$MAP/$1.txt")
  DATABASE_URL=$SERVER/$1 $PY manage.py exporteer_afweging "$id" > "$MAP/$1.json"
}
samenvatting $BRON

# The procedure of the README, section "Back-up en herstel".
pg_dump --format=custom --no-owner --dbname="$SERVER/$BRON" --file="$MAP/fusietoets.dump"
$PG -c "CREATE DATABASE $DOEL"
pg_restore --no-owner --exit-on-error --dbname="$SERVER/$DOEL" "$MAP/fusietoets.dump"
DATABASE_URL=$SERVER/$DOEL $PY manage.py migrate --check -v 0

samenvatting $DOEL
diff -u "$MAP/$BRON.txt" "$MAP/$DOEL.txt"
diff -u "$MAP/$BRON.json" "$MAP/$DOEL.json"
echo "backup-proef: $(wc -l < "$MAP/$DOEL.txt") tabellen en de voorbeeldafweging gelijk na pg_dump en pg_restore"
