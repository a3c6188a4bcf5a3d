#!/usr/bin/env bash
# RSS and CPU of an idle daemon: the example config (examples/config.yml and its two LBs)
# with every backend live on loopback, a temp hosts file, run for a while, then VmHWM/VmRSS,
# the smaps split of the process, and its CPU time over the run after a 5 s settle (start-up
# excluded; clock ticks, 10 ms each: run 300 s for a figure near 0.05 % of a core). Usage: bench/size/idle-rss.sh [BINARY] [SECONDS]
# (defaults: artifacts/aot/redirector-shell, 60).
set -euo pipefail
cd "$(dirname "$0")/../.."
bin="$(realpath "${1:-artifacts/aot/redirector-shell}")"
secs="${2:-60}"
work="$(mktemp -d)"
backends_pid=""; daemon_pid=""
cleanup() {
  [ -n "$daemon_pid" ] && kill "$daemon_pid" 2>/dev/null && wait "$daemon_pid" 2>/dev/null
  [ -n "$backends_pid" ] && kill "$backends_pid" 2>/dev/null && wait "$backends_pid" 2>/dev/null
  rm -rf "$work"
}
trap cleanup EXIT

cp -r examples/config.yml examples/lb_configs "$work/"
# Status file and logs inside the temp folder; nothing under /run.
printf 'status_file: "%s/status.json"\n' "$work" >> "$work/config.yml"
sed -i 's/^\.\.\.$//' "$work/config.yml"
printf '127.0.0.1 localhost\n' > "$work/hosts"

python3 bench/size/backends.py 127.0.0.1:19000 127.0.0.2:19000 127.0.0.3:19000 \
  127.0.0.1:18080 '[::1]:18080' & backends_pid=$!
sleep 1
"$bin" -c "$work/config.yml" --hosts-file "$work/hosts" > "$work/out.log" 2>&1 & daemon_pid=$!
sleep 5
# User and kernel ticks of the process (the name in /proc/PID/stat may hold spaces, hence the
# split on the parenthesis that closes it); per thread: tid, name, user and kernel ticks.
cpu() { sed 's/.*) //' "$1" | awk '{print $12, $13}'; }
threads() {
  for t in /proc/"$daemon_pid"/task/*; do
    printf '%s\t%s\t%s\n' "${t##*/}" "$(cat "$t/comm")" "$(cpu "$t/stat")"
  done 2>/dev/null
}
read -r u0 k0 <<< "$(cpu "/proc/$daemon_pid/stat")"; threads > "$work/threads0"
sleep "$secs"
read -r u1 k1 <<< "$(cpu "/proc/$daemon_pid/stat")"; threads > "$work/threads1"
if ! kill -0 "$daemon_pid" 2>/dev/null; then
  echo "daemon exited early:"; cat "$work/out.log"; exit 1
fi
st=/proc/$daemon_pid/status
awk '/^(VmHWM|VmRSS|RssAnon|RssFile|Threads)/ {printf "%s %s %s  ", $1, $2, $3} END {print ""}' "$st"
# smaps: file-backed pages of the binary, other files, and anonymous memory (kB).
awk -v bin="$bin" '
  /^[0-9a-f]+-[0-9a-f]+ / { path = (NF >= 6) ? $6 : "" ; next }
  /^Rss:/ {
    if (path == bin) b += $2; else if (path ~ /^\//) f += $2; else a += $2
  }
  END { printf "smaps Rss kB: binary %d, other files %d, anonymous %d\n", b, f, a }
' "/proc/$daemon_pid/smaps"
grep -q "demo.internal" "$work/hosts" && echo "hosts block written" || echo "WARNING: no hosts block"
awk -v d="$((u1 + k1 - u0 - k0))" -v hz="$(getconf CLK_TCK)" -v s="$secs" \
  'BEGIN {printf "CPU %.2f s over %d s: %.3f %% of one core\n", d / hz, s, 100 * d / hz / s}'
# Where the CPU went: user and kernel ticks of the process, then per thread (threads that
# ended during the window are missing from this list but not from the totals above).
echo "of which user $((u1 - u0)) ticks, kernel $((k1 - k0)) ticks"
awk -F'\t' 'NR == FNR { split($3, a, " "); before[$1] = a[1] + a[2]; next }
  { split($3, a, " "); d = a[1] + a[2] - before[$1]; if (d > 0) printf "  %s: %d ticks\n", $2, d }' \
  "$work/threads0" "$work/threads1" | sort -t: -k2 -rn
ls -l "$bin" | awk '{printf "binary size %d bytes\n", $5}'
