#!/usr/bin/env bash
# The package as a sysadmin installs it: build the wheel, install it into a fresh virtual environment, and
# use it from a directory that is not the checkout (so nothing can be read from the source tree by accident).
# Smoke commands: --version, rules check, doctor, demo --help, and a one-organization monitoring of a demo
# site served by the installed package itself. Called by .ci/run after the test suite.
set -euo pipefail
cd "$(dirname "$0")/.."
root="$(pwd)"
work="$(mktemp -d /tmp/nm-smoke-XXXXXX)"
server_pid=""
cleanup() {
  [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

python3 -m pip wheel -q --no-deps -w "$work/dist" "$root"
wheel="$(ls "$work"/dist/nastavnik_monitor-*.whl)"
python3 -m venv "$work/venv"
"$work/venv/bin/python" -m pip install -q --upgrade pip
"$work/venv/bin/python" -m pip install -q "${wheel}[demo]"
crawler="$work/venv/bin/crawler"

cd "$work"  # outside the checkout: rules, templates and demo data must come from the installed package
"$crawler" --version
"$crawler" rules check
"$crawler" doctor --db "$work/data/monitor.db" --out "$work/out"
"$crawler" demo --help >/dev/null

port="$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
"$crawler" demo --serve-only --port "$port" --workdir "$work/demo" >"$work/serve.log" 2>&1 &
server_pid=$!
for _ in $(seq 1 60); do
  [ -f "$work/demo/registry.yaml" ] && grep -q "Сайты работают" "$work/serve.log" && break
  sleep 0.5
done
"$crawler" run -r "$work/demo/registry.yaml" --org sosh-1 --db "$work/data/monitor.db" --out "$work/out" \
  --period 2026-05 --today 2026-05-15 --quiet
test -s "$work/out/spravka-2026-05.html"
test -s "$work/out/spravka-2026-05.docx"
grep -q "sosh-1" "$work/out/findings-2026-05.json"
echo "Установленный пакет работает: справка $work/out/spravka-2026-05.html собрана."
