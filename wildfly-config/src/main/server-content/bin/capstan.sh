#!/usr/bin/env bash
# Starts Capstan on this WildFly server. Configuration comes from the environment:
#   CAPSTAN_DATA_DIR       where Capstan keeps its state (embedded database, timers, keys);
#                          default: <server>/capstan-data
#   CAPSTAN_DB_URL         jdbc:postgresql://host:port/database to run on PostgreSQL;
#                          unset: the embedded H2 database in CAPSTAN_DATA_DIR
#   CAPSTAN_DB_USER, CAPSTAN_DB_PASSWORD   the PostgreSQL role and its password
#   CAPSTAN_DB_MIGRATION_USER, CAPSTAN_DB_MIGRATION_PASSWORD   optional: the role that owns the
#                          schema and migrates it (two roles; see docs/operations.md); the password
#                          goes to the server in a 0600 file it deletes, not in its environment
#   CAPSTAN_HTTP_PORT      default 8080; CAPSTAN_BIND_ADDRESS default 127.0.0.1
#   CAPSTAN_AUDIT_KEY_DIR  the audit trail's keys and witness; CAPSTAN_AUDIT_ROTATE_KEYS=true rotates them once
# Any further arguments are passed to standalone.sh.
set -euo pipefail

server_home=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
data_dir=${CAPSTAN_DATA_DIR:-$server_home/capstan-data}

fail() { printf 'Capstan cannot start: %s\n' "$*" >&2; exit 2; }
make_data_dir() {
    mkdir -p "$data_dir/server" || fail "CAPSTAN_DATA_DIR '$data_dir' cannot be created."
    [ -w "$data_dir" ] || fail "CAPSTAN_DATA_DIR '$data_dir' is not writable."
}

db_options=()
if [ -n "${CAPSTAN_DB_URL:-}" ]; then
    case "$CAPSTAN_DB_URL" in
        jdbc:postgresql://?*/?*) ;;
        *) fail "CAPSTAN_DB_URL must look like jdbc:postgresql://host:5432/capstan (it is '$CAPSTAN_DB_URL')." ;;
    esac
    [ -n "${CAPSTAN_DB_USER:-}" ] || fail "CAPSTAN_DB_USER is not set; it names the PostgreSQL role Capstan signs in as."
    [ -n "${CAPSTAN_DB_PASSWORD+set}" ] || fail "CAPSTAN_DB_PASSWORD is not set (set it to an empty string for trust authentication)."
    if [ -n "${CAPSTAN_DB_MIGRATION_USER:-}" ] && [ -z "${CAPSTAN_DB_MIGRATION_PASSWORD+set}" ]; then
        fail "CAPSTAN_DB_MIGRATION_PASSWORD is not set (set it to an empty string for trust authentication)."
    fi
    java_command=${JAVA_HOME:+$JAVA_HOME/bin/}java
    "$java_command" -cp "$server_home/modules/org/postgresql/main/postgresql.jar" \
        "$server_home/bin/CapstanDatabaseCheck.java" || exit 2
    db_options+=(-Dcapstan.db.driver=postgresql)
    if [ -z "$CAPSTAN_DB_PASSWORD" ]; then
        # Trust authentication, just checked: WildFly refuses an empty datasource password, and the
        # datasource's default one is ignored by a server that trusts this client.
        unset CAPSTAN_DB_PASSWORD
    fi
    if [ -n "${CAPSTAN_DB_MIGRATION_USER:-}" ]; then
        # The owner's password reaches the server in a file only this user can read, which the server deletes
        # once read (before migrating): in the environment it would stay in /proc/<pid>/environ while it runs.
        make_data_dir
        rm -f "$data_dir"/.migration-password.*  # left by a start that failed before the server read it
        password_file=$(mktemp "$data_dir/.migration-password.XXXXXX") || fail "cannot write to CAPSTAN_DATA_DIR '$data_dir'."
        printf '%s' "$CAPSTAN_DB_MIGRATION_PASSWORD" > "$password_file"  # a builtin: not on any command line
        unset CAPSTAN_DB_MIGRATION_PASSWORD
        db_options+=("-Dcapstan.db.migration-password-file=$password_file")
    fi
fi

http_port=${CAPSTAN_HTTP_PORT:-8080}
case "$http_port" in ''|*[!0-9]*) fail "CAPSTAN_HTTP_PORT must be a port number (it is '$http_port')." ;; esac

if [ -n "${CAPSTAN_DEMO_DATA:-}" ] && [ ! -d "$CAPSTAN_DEMO_DATA" ]; then
    fail "CAPSTAN_DEMO_DATA '$CAPSTAN_DEMO_DATA' is not a folder of project YAML files."
fi

make_data_dir

# The audit keys: a missing or mismatched key file stops the start here, in one line (docs/audit.md#keys).
"${JAVA_HOME:+$JAVA_HOME/bin/}java" "$server_home/bin/CapstanKeyCheck.java" \
    "${CAPSTAN_AUDIT_KEY_DIR:-$data_dir/server/capstan/keys}" || exit 2

# A portal that fails to deploy must not leave a server running without it: watch the boot's end
# in the server log, and on "started (with errors)" say why in one line and stop the server (its
# JVM, the child of this process once it has become standalone.sh), so the command exits non-zero.
log_file="$server_home/standalone/log/server.log"
log_start=$( [ -f "$log_file" ] && wc -l < "$log_file" || echo 0 )
launcher=$$
(
    for ((second = 0; second < 1800; second++)); do
        sleep 1
        kill -0 "$launcher" 2>/dev/null || exit 0
        booted=$(tail -n +"$((log_start + 1))" "$log_file" 2>/dev/null | grep -m1 -oE 'WFLYSRV0025|WFLYSRV0026' || true)
        case "$booted" in
            WFLYSRV0025) exit 0 ;;
            WFLYSRV0026)
                new_lines=$(tail -n +"$((log_start + 1))" "$log_file")
                # The portal's own checks say why in one line already (e.g. the audit keys); otherwise, say it here.
                if ! grep -q 'Capstan cannot start: ' <<<"$new_lines"; then
                    reason=$(grep -m1 -oE 'Caused by: [^ ]+: .*CAPSTAN_.*' <<<"$new_lines" | sed -E 's/^Caused by: ([A-Za-z0-9_.$]+: )+//' || true)
                    [ -n "$reason" ] || reason=$(grep -m1 -E ' ERROR ' <<<"$new_lines" | sed 's/^.* ERROR //' | cut -c1-300 || true)
                    printf 'Capstan cannot start: the portal failed to deploy: %s (the whole story is in %s)\n' "$reason" "$log_file" >&2
                fi
                pkill -TERM -P "$launcher" java 2>/dev/null || pkill -TERM -P "$launcher"
                exit 0 ;;
        esac
    done
) &

exec "$server_home/bin/standalone.sh" \
    -Djboss.server.data.dir="$data_dir/server" \
    -Djboss.http.port="$http_port" \
    -b "${CAPSTAN_BIND_ADDRESS:-127.0.0.1}" \
    "${db_options[@]}" "$@"
