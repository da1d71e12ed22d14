#!/bin/bash
# How long PostgreSQL takes to recover from a crash in the middle of a rebuild of the views
# (docs/benchmarks.md, "What operations' PostgreSQL settings cost").
#
# For a benchmark machine only: it crashes the local cluster. Run as root on the database's machine while
#   mvn -B -o -pl registry-api -am test -Dsurefire.failIfNoSpecifiedTests=false -Dtest='RegistryBench#replay' \
#       -Dbench.db=postgres -Dbench.events=1000000 -Dbench.each=false -DargLine=-Xmx512m
# rebuilds the views. It polls the WAL written since the last checkpoint's redo point (what a crash makes PostgreSQL
# replay). Once that passes THRESHOLD bytes, or after LIMIT seconds at the next poll within a tenth of the largest
# distance seen (with small max_wal_size the distance never grows large), it stops the server without a shutdown
# checkpoint (stop -m immediate: a crash as far as the database's files are concerned), drops the page cache so the
# replay reads from disk, starts the server and times it until it accepts a connection. PostgreSQL's log then gives
# the redo's own figures ("redo done at ... system usage ...").
#
#   pg-crash-recovery.sh [THRESHOLD bytes, default 3500000000] [LIMIT s, default 300]
set -euo pipefail
THRESHOLD=${1:-3500000000}
LIMIT=${2:-300}
CLUSTER_VERSION=${CLUSTER_VERSION:-$(ls /etc/postgresql | head -1)}
CLUSTER_NAME=${CLUSTER_NAME:-main}
sql() { psql -h 127.0.0.1 -U postgres -Atc "$1"; }

started=$(date +%s)
largest=0
while :; do
  distance=$(sql "select pg_current_wal_lsn() - redo_lsn from pg_control_checkpoint()")
  distance=${distance%.*}
  (( distance > largest )) && largest=$distance
  (( distance > THRESHOLD )) && break
  (( $(date +%s) - started > LIMIT && distance * 10 >= largest * 9 )) && break
  sleep 0.3
done
echo "crash with $distance bytes of WAL since the redo point (largest seen $largest)"
pg_ctlcluster --skip-systemctl-redirect "$CLUSTER_VERSION" "$CLUSTER_NAME" stop -m immediate
sync
echo 3 > /proc/sys/vm/drop_caches
begun=$(date +%s.%N)
pg_ctlcluster --skip-systemctl-redirect "$CLUSTER_VERSION" "$CLUSTER_NAME" start
until psql -h 127.0.0.1 -U postgres -Atc "select 1" > /dev/null 2>&1; do sleep 0.1; done
echo "accepting connections $(echo "$(date +%s.%N) - $begun" | bc) s after the start"
grep -E "redo (starts|done)|checkpoint starting: end-of-recovery|checkpoint complete|ready to accept" \
    "/var/log/postgresql/postgresql-$CLUSTER_VERSION-$CLUSTER_NAME.log" | tail -5
