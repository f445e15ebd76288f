#!/usr/bin/env bash
# Installs the build into a temporary prefix, builds and runs a find_package(tfq) consumer against it,
# checks the pkg-config file, and builds the .deb and checks what it contains.
# Usage: check_install.sh SOURCE_DIR BUILD_DIR
set -euo pipefail
src=$1
build=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

cmake --install "$build" --prefix "$work/prefix" >/dev/null
for f in bin/tfq include/tfq/diagnostic.hpp lib/libtfq.a lib/cmake/tfq/tfqConfig.cmake \
         lib/pkgconfig/tfq.pc share/man/man1/tfq.1 share/bash-completion/completions/tfq \
         share/zsh/vendor-completions/_tfq; do
  [ -e "$work/prefix/$f" ] || { echo "not installed: $f"; exit 1; }
done

cmake -S "$src/tests/packaging/consumer" -B "$work/consumer" -DCMAKE_PREFIX_PATH="$work/prefix" >/dev/null
cmake --build "$work/consumer" >/dev/null
out=$("$work/consumer/consumer")
echo "consumer: $out"
[[ "$out" == "codes "*" first TFQ001 at 2:2" ]] || { echo "unexpected consumer output"; exit 1; }

PKG_CONFIG_PATH="$work/prefix/lib/pkgconfig" pkg-config --exists tfq
libs=$(PKG_CONFIG_PATH="$work/prefix/lib/pkgconfig" pkg-config --libs tfq)
[[ "$libs" == *"-ltfq"* ]] || { echo "pkg-config libs: $libs"; exit 1; }

(cd "$build" && cpack -G DEB -B "$work/deb" >/dev/null)
deb=$(ls "$work"/deb/tfq_*.deb)
contents=$(dpkg-deb -c "$deb")
for f in ./usr/bin/tfq ./usr/include/tfq/diagnostic.hpp ./usr/include/tfq/lint.hpp ./usr/lib/libtfq.a \
         ./usr/share/man/man1/tfq.1 ./usr/lib/cmake/tfq/tfqConfig.cmake ./usr/lib/cmake/tfq/tfqTargets.cmake \
         ./usr/lib/pkgconfig/tfq.pc ./usr/share/bash-completion/completions/tfq \
         ./usr/share/zsh/vendor-completions/_tfq; do
  grep -q " $f\$" <<<"$contents" || { echo "not in the .deb: $f"; exit 1; }
done
# Nothing of the build or the tests leaks into the package, and every file lives under /usr.
if grep -v ' \./usr/' <<<"$contents" | grep -v ' \./$' | grep -q .; then
  echo "outside /usr in the .deb:"; grep -v ' \./usr/' <<<"$contents"; exit 1
fi
if grep -Eq 'tfq_tests|/tests/|CMakeFiles' <<<"$contents"; then echo "build files in the .deb"; exit 1; fi
[ "$(dpkg-deb -f "$deb" Package)" = tfq ] || { echo "package name: $(dpkg-deb -f "$deb" Package)"; exit 1; }
[[ "$(dpkg-deb -f "$deb" Depends)" == *libcurl* ]] || { echo "Depends lacks libcurl"; exit 1; }
# The packaged binary is the one built, and runs.
dpkg-deb -x "$deb" "$work/unpacked"
[ "$("$work/unpacked/usr/bin/tfq" --version)" = "$("$build/tfq" --version)" ] || { echo "packaged tfq differs"; exit 1; }
dpkg-deb -f "$deb" Package Version Depends
echo "install, find_package consumer, pkg-config and .deb: ok"
