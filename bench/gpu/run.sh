#!/usr/bin/env bash
# One command for a Linux machine with an NVIDIA GPU: install, point Dawn at the NVIDIA Vulkan driver (never
# SwiftShader), then time the WebGPU package on BERT-base, seq 128, batch 1/8/32, full depth and with exits.
# Usage: bench/gpu/run.sh [--out DIR] [--reps N] [--icd FILE] [--no-install]      (see bench/gpu/README.md)
set -euo pipefail
cd "$(dirname "$0")/../.."

OUT=bench/results/gpu
REPS=7
ICD=""
INSTALL=1
while [ $# -gt 0 ]; do
  case "$1" in
    --out) OUT="$2"; shift 2 ;;
    --reps) REPS="$2"; shift 2 ;;
    --icd) ICD="$2"; shift 2 ;;
    --no-install) INSTALL=0; shift ;;
    -h|--help) sed -n '2,4p' "$0"; exit 0 ;;
    *) echo "run.sh: unknown argument $1 (see bench/gpu/README.md)" >&2; exit 2 ;;
  esac
done

START=$(date +%s)
log() { echo "[gpu-bench +$(( $(date +%s) - START ))s] $*" >&2; }
die() { echo "[gpu-bench] ERROR: $*" >&2; exit 1; }
# Runs "$@" with a time limit (seconds in $1); a step that runs out of time ends the script with its name.
limit() {
  local s=$1 rc=0; shift
  timeout --kill-after=10 "$s" "$@" || rc=$?
  if [ $rc -eq 124 ] || [ $rc -eq 137 ]; then die "'$*' took more than ${s}s"; fi
  return $rc
}
# Whether the dynamic linker finds library file $1 (ldconfig's cache, or the usual directories).
has_lib() {
  { ldconfig -p 2>/dev/null || /sbin/ldconfig -p 2>/dev/null || true; } | grep -qF "$1 (" && return 0
  for d in /usr/lib/x86_64-linux-gnu /lib/x86_64-linux-gnu /usr/lib64 /usr/lib /usr/local/lib; do [ -e "$d/$1" ] && return 0; done
  return 1
}
mkdir -p "$OUT"
OUT=$(cd "$OUT" && pwd)

# --- Tools -------------------------------------------------------------------------------------------------
command -v node >/dev/null || die "node not found: install Node 20 or newer"
command -v npm >/dev/null || die "npm not found"
command -v timeout >/dev/null || die "timeout (coreutils) not found"
# `node --import tsx` needs Node 20.6 or newer.
node -e 'const [a, b] = process.versions.node.split(".").map(Number); process.exit(a > 20 || (a === 20 && b >= 6) ? 0 : 1)' \
  || die "Node $(node -v) is too old: the benchmark needs Node 20.6 or newer (node --import)"
[ "$(uname -s)" = Linux ] || die "this script is for Linux (Dawn on Vulkan)"
log "hashee $(git rev-parse --short HEAD 2>/dev/null || echo '(not a git checkout)'), node $(node -v), npm $(npm -v), $(nproc) cpus"

# --- The GPU and its Vulkan driver ---------------------------------------------------------------------------
if command -v nvidia-smi >/dev/null; then
  nvidia-smi --query-gpu=name,driver_version,memory.total --format=csv,noheader >&2 || log "nvidia-smi failed (continuing: only the Vulkan driver matters)"
else
  log "nvidia-smi not found (continuing: only the Vulkan driver matters)"
fi

# Dawn opens the Vulkan loader libvulkan.so.1 (Debian/Ubuntu: libvulkan1).
if ! has_lib libvulkan.so.1; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    log "installing libvulkan1 (the Vulkan loader)"
    limit 150 bash -c 'apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq libvulkan1' >/dev/null \
      || die "could not install libvulkan1; install the Vulkan loader (libvulkan.so.1) by hand"
  else
    die "libvulkan.so.1 (the Vulkan loader) is missing: apt-get install libvulkan1"
  fi
fi

# Find the NVIDIA ICD manifest; the driver ships it, but containers started without the graphics capability
# lack it (then write one for the driver's Vulkan library if that library is there).
if [ -z "$ICD" ]; then
  for f in /etc/vulkan/icd.d/nvidia_icd*.json /usr/share/vulkan/icd.d/nvidia_icd*.json /usr/local/share/vulkan/icd.d/nvidia_icd*.json; do
    [ -f "$f" ] && { ICD="$f"; break; }
  done
fi
if [ -z "$ICD" ]; then
  if has_lib libGLX_nvidia.so.0; then
    ICD="$OUT/nvidia_icd.json"
    printf '{ "file_format_version": "1.0.0", "ICD": { "library_path": "libGLX_nvidia.so.0", "api_version": "1.3.0" } }\n' > "$ICD"
    log "no NVIDIA ICD manifest found; wrote $ICD for libGLX_nvidia.so.0"
  else
    die "no NVIDIA Vulkan driver found (no nvidia_icd.json, no libGLX_nvidia.so.0). In Docker, start the container with
  NVIDIA_DRIVER_CAPABILITIES=all (or graphics,compute,utility) so the driver's Vulkan parts are mounted; otherwise install the
  driver's Vulkan/GL libraries (Ubuntu: libnvidia-gl-<version>). Pass --icd FILE to use a manifest elsewhere."
  fi
fi
[ -f "$ICD" ] || die "--icd $ICD: no such file"
# Only the NVIDIA driver: no SwiftShader, lavapipe or other ICD the environment may add.
unset VK_DRIVER_FILES VK_ADD_DRIVER_FILES VK_LOADER_DRIVERS_SELECT VK_LOADER_DRIVERS_DISABLE
export VK_ICD_FILENAMES="$ICD"
# Dawn's Vulkan loader complains (harmlessly, on every start) when XDG_RUNTIME_DIR is unset.
[ -n "${XDG_RUNTIME_DIR:-}" ] || export XDG_RUNTIME_DIR="$(mktemp -d)"
log "VK_ICD_FILENAMES=$VK_ICD_FILENAMES"

# --- Install -----------------------------------------------------------------------------------------------
if [ "$INSTALL" = 1 ]; then
  log "npm ci"
  # onnxruntime-node's install script would download CUDA binaries; the benchmark does not use them.
  ONNXRUNTIME_NODE_INSTALL_CUDA=skip ONNXRUNTIME_NODE_INSTALL=skip limit 240 npm ci --no-audit --no-fund --loglevel=error
fi
[ -d node_modules/webgpu ] || die "node_modules/webgpu is missing: run without --no-install"

# --- Adapter: must be the GPU ------------------------------------------------------------------------------
log "probing the WebGPU adapter"
limit 90 node --import tsx bench/gpu/adapter.ts --require-gpu

# --- Benchmark ---------------------------------------------------------------------------------------------
log "benchmark: BERT-base seq 128, batch 1/8/32, full depth and with exits, $REPS reps"
limit 420 npm run --silent bench -- --backend webgpu --adapter gpu --spec specs/bert-base-sst2.yaml \
  --workloads seq128-b1,seq128-b8,seq128-b32 --reps "$REPS" --out "$OUT" | tee "$OUT/webgpu.md"
log "done: $OUT/webgpu.md (table), $OUT/webgpu.json (samples, adapter)"
