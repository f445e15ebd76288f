#!/usr/bin/env bash
# Installs the Debian packages tfq needs to build and test, only those that are missing.
# Extra package names as arguments are installed too (tools/fuzz asks for clang, tools/test for valgrind).
set -euo pipefail
packages=(cmake g++ make pkg-config tao-pegtl-dev nlohmann-json3-dev catch2 libcurl4-openssl-dev
  libcli11-dev libsqlite3-dev python3 python3-jsonschema openssl clang-format zsh "$@")
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "tfq: installing ${missing[*]}" >&2
  sudo_cmd=()
  [ "$(id -u)" -eq 0 ] || sudo_cmd=(sudo)
  "${sudo_cmd[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2
fi
