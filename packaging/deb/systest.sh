#!/usr/bin/env bash
# System test of the Debian package under a real systemd: boots a minimal Debian of the build
# machine's release (debootstrap, systemd-nspawn --boot, private network, so its loopback is
# its own), installs the .deb there with apt and checks the unit and the daemon. Needs root.
#   packaging/deb/systest.sh [--deb PATH] [--binary PATH]
# --deb: test this package; otherwise packaging/deb/build.sh builds one (--binary is passed to
# it to reuse a published redirector-shell). The minimal root is cached in
# $REDIRECTOR_SYSTEST_CACHE (default /var/cache/redirector-systest) and made when missing;
# each run boots a fresh copy and removes it. KEEP_ROOT=1 keeps the copy for a post-mortem.
# Prints PASS/FAIL per check and "N passed, N failed"; exits 1 when a check failed.
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
deb=""
build_args=()
while [ $# -gt 0 ]; do
    case "$1" in
        --deb) deb="$(realpath "$2")"; shift 2 ;;
        --binary) build_args+=(--binary "$2"); shift 2 ;;
        *) echo "systest.sh: unknown argument $1 (see the header of this script)" >&2; exit 2 ;;
    esac
done
[ "$(id -u)" = 0 ] || { echo "systest.sh: needs root (debootstrap, systemd-nspawn)" >&2; exit 2; }

started=$SECONDS
need=()
command -v debootstrap >/dev/null || need+=(debootstrap)
command -v systemd-nspawn >/dev/null || need+=(systemd-container)
command -v nsenter >/dev/null || need+=(util-linux)
if [ ${#need[@]} -gt 0 ]; then
    echo "systest.sh: installing ${need[*]}"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}"
fi
if [ -z "$deb" ]; then
    "$here/build.sh" "${build_args[@]}"
    deb="$(ls -t "$here"/out/redirector_*_amd64.deb | head -1)"
fi
[ -f "$deb" ] || { echo "systest.sh: no package at $deb" >&2; exit 2; }

cache="${REDIRECTOR_SYSTEST_CACHE:-/var/cache/redirector-systest}"
release="$(. /etc/os-release && echo "$VERSION_CODENAME")"
# What the container needs besides minbase: systemd as PID 1 (and its D-Bus for busctl and
# systemd-analyze), socat for loopback backends, man-db to read the man page, and the
# package's Recommends, so that apt installs the .deb without a network.
include=systemd,systemd-sysv,dbus,socat,man-db,ca-certificates,libssl3
base="$cache/$release-$(echo "$include" | md5sum | cut -c1-8)"
root="$cache/run-root"
logs="$cache/logs"
mkdir -p "$cache" "$logs"
if [ ! -d "$base" ]; then
    echo "systest.sh: debootstrap $release into $base (once; a minute or two)"
    rm -rf "$base.partial"
    debootstrap --variant=minbase --include="$include" "$release" "$base.partial" \
        >"$logs/debootstrap.log" 2>&1 || { tail -20 "$logs/debootstrap.log" >&2; exit 1; }
    mv "$base.partial" "$base"
fi
rm -rf "$root"
cp -a "$base" "$root"
cp "$deb" "$root/root/"
debname="$(basename "$deb")"

nspawn=""
leader=""
cleanup() {
    if [ -n "$nspawn" ] && kill -0 "$nspawn" 2>/dev/null; then
        # SIGTERM makes nspawn shut the container down in order; bounded, then killed.
        kill -TERM "$nspawn" 2>/dev/null || true
        for _ in $(seq 1 100); do kill -0 "$nspawn" 2>/dev/null || break; sleep 0.2; done
        if kill -0 "$nspawn" 2>/dev/null; then
            [ -n "$leader" ] && kill -KILL "$leader" 2>/dev/null || true
            kill -KILL "$nspawn" 2>/dev/null || true
        fi
        wait "$nspawn" 2>/dev/null || true
    fi
    if [ "${KEEP_ROOT:-0}" != 1 ]; then rm -rf "$root"; fi
}
trap cleanup EXIT

systemd-nspawn --register=no --keep-unit --quiet -D "$root" --boot --private-network \
    --machine=redirector-systest --console=read-only >"$logs/console.log" 2>&1 &
nspawn=$!

# The container's PID 1 is the child of nspawn whose pid in its own namespace is 1.
for _ in $(seq 1 100); do
    for child in $(pgrep -P "$nspawn" || true); do
        if awk '/^NSpid:/ { exit !($NF == 1) }' "/proc/$child/status" 2>/dev/null; then
            leader=$child
        fi
    done
    [ -n "$leader" ] && break
    sleep 0.2
done
[ -n "$leader" ] || { echo "systest.sh: the container did not start" >&2; cat "$logs/console.log" >&2; exit 1; }

# Runs a command inside the container (all its namespaces and its root), bounded in time.
inside() {
    timeout "${T:-60}" nsenter -t "$leader" -m -u -i -n -p -C -r -w -- \
        env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin LANG=C.UTF-8 TERM=dumb SYSTEMD_COLORS=0 \
        SYSTEMD_PAGER= DEBIAN_FRONTEND=noninteractive "$@"
}

state=""
for _ in $(seq 1 120); do
    state="$(inside systemctl is-system-running 2>/dev/null || true)"
    case "$state" in running|degraded) break ;; esac
    sleep 0.5
done
case "$state" in
    running|degraded) echo "systest.sh: $release booted under systemd in the container ($state)" ;;
    *) echo "systest.sh: the container did not finish booting ($state)" >&2; exit 1 ;;
esac

# From here on a command that fails is a check's result, not the end of the run.
set +e
passed=0
failed=0
results=()
check() {   # check NAME CONDITION-EXIT-CODE [DETAIL]
    if [ "$2" = 0 ]; then
        passed=$((passed + 1)); results+=("PASS  $1")
        echo "PASS  $1${3:+ ($3)}"
    else
        failed=$((failed + 1)); results+=("FAIL  $1")
        echo "FAIL  $1${3:+ ($3)}"
    fi
}
ok() { "$@" >/dev/null 2>&1 && echo 0 || echo 1; }
hosts_sum() { inside sh -c 'if [ -e /etc/hosts ]; then sha256sum /etc/hosts; else echo absent; fi'; }
entry() { inside sh -c "grep -E '^$1[[:space:]]+$2\$' /etc/hosts" >/dev/null 2>&1; }
wait_entry() {   # wait_entry ADDRESS NAME: up to 15 s
    for _ in $(seq 1 60); do entry "$1" "$2" && return 0; sleep 0.25; done
    return 1
}
main_pid() { inside systemctl show -P MainPID redirector; }
usec_prop() {   # a unit's timestamp property in microseconds since the epoch
    inside busctl get-property org.freedesktop.systemd1 \
        /org/freedesktop/systemd1/unit/redirector_2eservice org.freedesktop.systemd1.Unit "$1" \
        | awk '{print $2}'
}
lb_file() {   # lb_file BACKEND...: the LB file naming web.test
    local list
    list="$(printf '"%s", ' "$@")"
    printf 'name: web\nlocal_host: web.test\nbackend_hosts: [%s]\nstrategy: sequential\n%s' \
        "${list%, }" \
        'healthcheck: {type: tcp, period: 1, config: {port: 18080, timeout: 1}}'
}
put() { inside sh -c "cat > '$1'"; }   # put PATH < text

# --- install -------------------------------------------------------------------------------
hosts_before="$(hosts_sum)"
T=300 inside sh -c "cd /root && apt-get install -y ./$debname" >"$logs/apt-install.log" 2>&1 \
    && rc=0 || rc=$?
check "apt-get install ./$debname with no network (Depends: $(dpkg-deb -f "$deb" Depends))" "$rc"
check "installed files: binary, unit, conffile config, empty lb_configs, schemas, man page" \
    "$(ok inside sh -c 'test -x /usr/bin/redirector-shell && test -f /lib/systemd/system/redirector.service \
        && test -f /etc/redirector/config.yml && test -d /etc/redirector/lb_configs \
        && test -f /usr/share/redirector/schema/lb.schema.json \
        && test -f /usr/share/doc/redirector/changelog.Debian.gz \
        && grep -qx /etc/redirector/config.yml /var/lib/dpkg/info/redirector.conffiles')"
check "unit enabled on install" "$(ok test "$(inside systemctl is-enabled redirector)" = enabled)"
check "started on install with no LB file: active (running), ready at once" \
    "$(ok test "$(inside systemctl is-active redirector)" = active)"
check "the daemon with no LB file, and the install, wrote nothing ($hosts_before)" \
    "$(ok test "$(hosts_sum)" = "$hosts_before")"
check "man redirector-shell works" \
    "$(ok inside sh -c 'man -P cat redirector-shell 2>/dev/null | grep -q "redirector-shell status"')"
check "/bin/kill is absent here (procps is not installed)" \
    "$(ok inside test ! -e /bin/kill -a ! -e /usr/bin/kill)"

# --- first LB file, missing hosts file, Type=notify ----------------------------------------
# Two loopback backends inside the container's own network namespace.
for ip in 127.0.0.2 127.0.0.3; do
    inside systemd-run --quiet --unit="backend-${ip##*.}" \
        socat -u "TCP-LISTEN:18080,bind=$ip,reuseaddr,fork" OPEN:/dev/null
done
for ip in 127.0.0.2 127.0.0.3; do
    for _ in $(seq 1 40); do
        inside socat -u OPEN:/dev/null "TCP:$ip:18080" 2>/dev/null && break; sleep 0.25
    done
done
# A minbase root has no /etc/hosts; made sure of here: a missing one must be created.
inside rm -f /etc/hosts
# The first LB file, as an operator adds it (README): drop it in, reload.
lb_file 127.0.0.2 127.0.0.3 | put /etc/redirector/lb_configs/web.yml
inside systemctl reload redirector && rc=0 || rc=$?
check "first LB file + systemctl reload: a missing /etc/hosts is created (0644 root) with the block" \
    "$( [ "$rc" = 0 ] && wait_entry 127.0.0.2 web.test \
        && [ "$(inside stat -c '%a %U:%G' /etc/hosts)" = "644 root:root" ] && echo 0 || echo 1)" \
    "reload exit $rc"
# A start that has to write: the block is gone again with the file.
T=30 inside systemctl stop redirector
inside rm -f /etc/hosts
T=30 inside systemctl start redirector && rc=0 || rc=$?
at_return="$(entry 127.0.0.2 web.test && echo 0 || echo 1)"
check "systemctl start returns with the block written (127.0.0.2 web.test)" \
    "$(ok test "$rc" = 0 -a "$at_return" = 0)" "exit $rc"
began="$(usec_prop InactiveExitTimestamp)"
active="$(usec_prop ActiveEnterTimestamp)"
written="$(inside stat -c '%.6Y' /etc/hosts 2>/dev/null | tr -d .)"
check "Type=notify: active only after the first hosts write (start < write <= active)" \
    "$(ok test "${began:-1}" -lt "${written:-0}" -a "${written:-0}" -le "${active:-0}")" \
    "start $began, hosts written $written, active $active µs"
inside systemctl status redirector --no-pager --lines=0 >"$logs/status.txt" 2>&1 || true
echo "----- systemctl status redirector"; cat "$logs/status.txt"; echo "-----"
check "systemctl status: active (running)" "$(ok grep -q 'Active: active (running)' "$logs/status.txt")"
check "MemoryDenyWriteExecute=yes and the AOT daemon runs under it" \
    "$(ok test "$(inside systemctl show -P MemoryDenyWriteExecute redirector)" = yes)"
# The status file is rewritten at most four times a second: poll it briefly.
for _ in $(seq 1 20); do
    inside redirector-shell status -c /etc/redirector/config.yml >"$logs/redirector-status.txt" \
        2>&1 && rc=0 || rc=$?
    grep -q 'active 127.0.0.2' "$logs/redirector-status.txt" && break
    sleep 0.25
done
echo "----- redirector-shell status -c /etc/redirector/config.yml"
cat "$logs/redirector-status.txt"; echo "-----"
check "redirector-shell status shows the active backend" \
    "$(ok test "$rc" = 0 -a -n "$(grep 'web (web.test, sequential): active 127.0.0.2' \
        "$logs/redirector-status.txt")")"

# --- reload -------------------------------------------------------------------------------
pid="$(main_pid)"
# A group other than root's, to see the unit's only capability (CAP_CHOWN) keep it.
inside chgrp adm /etc/hosts
lb_file 127.0.0.3 | put /etc/redirector/lb_configs/web.yml
inside systemctl reload redirector && rc=0 || rc=$?
check "systemctl reload (no /bin/kill) applies an edited LB file, same process" \
    "$( [ "$rc" = 0 ] && wait_entry 127.0.0.3 web.test && [ "$(main_pid)" = "$pid" ] \
        && echo 0 || echo 1)" "exit $rc"
check "the rewrite kept the hosts file's mode and group (0644 root:adm)" \
    "$(ok test "$(inside stat -c '%a %U:%G' /etc/hosts)" = "644 root:adm")"
printf 'name: web\nlocal_host: web.test\nstrategy: nonsense\n' \
    | put /etc/redirector/lb_configs/web.yml
inside systemctl reload redirector && rc=0 || rc=$?
refused=1
for _ in $(seq 1 40); do
    inside journalctl -u redirector -p err --no-pager -q | grep -q 'config reload refused' \
        && { refused=0; break; }
    sleep 0.25
done
check "an invalid LB file on reload is refused; the daemon keeps running and its entry" \
    "$( [ "$rc" = 0 ] && [ "$refused" = 0 ] && [ "$(main_pid)" = "$pid" ] \
        && [ "$(inside systemctl is-active redirector)" = active ] && entry 127.0.0.3 web.test \
        && echo 0 || echo 1)"
lb_file 127.0.0.3 | put /etc/redirector/lb_configs/web.yml
inside systemctl reload redirector || true

# --- journal priorities ---------------------------------------------------------------------
inside journalctl -u redirector --no-pager -o short-monotonic >"$logs/journal.txt" 2>&1 || true
info="$(inside journalctl -u redirector -p info..info --no-pager -q -o cat | grep -c 'started' || true)"
errors="$(inside journalctl -u redirector -p err..err --no-pager -q -o cat | grep -c 'refused' || true)"
check "journalctl -u redirector: info lines at priority 6, errors at 3" \
    "$(ok test "$info" -ge 1 -a "$errors" -ge 1)" "$info info, $errors error lines matched"
echo "----- journalctl -u redirector -o short-monotonic (last 8 lines)"
tail -8 "$logs/journal.txt"; echo "-----"

# --- security -------------------------------------------------------------------------------
inside systemd-analyze security redirector --no-pager >"$logs/security.txt" 2>&1 || true
exposure="$(sed -n 's/.*Overall exposure level for redirector.service: \([0-9.]*\).*/\1/p' \
    "$logs/security.txt")"
check "systemd-analyze security redirector: exposure ${exposure:-?} <= 2.0" \
    "$(ok awk -v e="${exposure:-99}" 'BEGIN { exit !(e <= 2.0) }')"

# --- upgrade, stop, purge -------------------------------------------------------------------
pid="$(main_pid)"
inside sh -c 'echo "# an operator edit" >> /etc/redirector/config.yml'
T=300 inside sh -c "cd /root && apt-get install -y --reinstall ./$debname" \
    >>"$logs/apt-install.log" 2>&1 || true
check "upgrade of a running service restarts it" \
    "$(ok test "$(inside systemctl is-active redirector)" = active -a "$(main_pid)" != "$pid")"
check "upgrade keeps the operator's edit of the conffile /etc/redirector/config.yml" \
    "$(ok inside grep -qx '# an operator edit' /etc/redirector/config.yml)"
T=30 inside systemctl stop redirector || true
check "systemctl stop exits cleanly (status 0, result success), the block stays" \
    "$(ok test "$(inside systemctl show -P Result -P ExecMainStatus redirector | tr '\n' ' ')" \
        = "success 0 " -a "$(entry 127.0.0.3 web.test && echo y)" = y)"
T=300 inside sh -c "cd /root && apt-get install -y --reinstall ./$debname" \
    >>"$logs/apt-install.log" 2>&1 || true
check "upgrade of a stopped service leaves it stopped" \
    "$(ok test "$(inside systemctl is-active redirector || true)" = inactive)"
hosts_last="$(hosts_sum)"
T=300 inside apt-get purge -y redirector >"$logs/apt-purge.log" 2>&1 && rc=0 || rc=$?
# dpkg keeps the LB files the operator added (files no package owns), and says so.
check "purge removes the unit, the binary and the config; /etc/hosts is as last written" \
    "$(ok test "$rc" = 0 -a "$(hosts_sum)" = "$hosts_last" \
        -a "$(inside sh -c 'ls /usr/bin/redirector-shell /lib/systemd/system/redirector.service \
            /etc/redirector/config.yml /etc/systemd/system/multi-user.target.wants/redirector.service \
            2>/dev/null | wc -l')" = 0 \
        -a "$(inside systemctl show -P LoadState redirector)" = not-found)"

echo
printf '%s\n' "${results[@]}"
echo "systest: $(( SECONDS - started )) s; logs in $logs"
echo "$passed passed, $failed failed"
[ "$failed" = 0 ]
