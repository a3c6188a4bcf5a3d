#!/usr/bin/env bash
# Builds redirector_<version>_amd64.deb from the Native AOT binary, then runs lintian on it.
#   packaging/deb/build.sh [--binary PATH] [--out DIR]
# --binary: package an already published redirector-shell instead of publishing one (the
# publish takes minutes; it is kept in OUT/publish/); --out: where the .deb goes (default
# packaging/deb/out).
# Needs root only to install missing build tools (apt-get); the version comes from
# Directory.Build.props.
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
out="$here/out"
binary=""
while [ $# -gt 0 ]; do
    case "$1" in
        --binary) binary="$(realpath "$2")"; shift 2 ;;
        --out) mkdir -p "$2"; out="$(realpath "$2")"; shift 2 ;;
        *) echo "build.sh: unknown argument $1 (see the header of this script)" >&2; exit 2 ;;
    esac
done

# Tools: dpkg-deb and dpkg-shlibdeps (dpkg-dev), pandoc for the man page, lintian; clang
# and zlib for the Native AOT link. Installed only when missing, so a warm machine stays
# offline.
need=()
for pair in dpkg-shlibdeps:dpkg-dev pandoc:pandoc lintian:lintian gzip:gzip; do
    command -v "${pair%%:*}" >/dev/null || need+=("${pair#*:}")
done
if [ -z "$binary" ]; then
    command -v clang >/dev/null || need+=(clang)
    [ -e /usr/include/zlib.h ] || need+=(zlib1g-dev)
fi
if [ ${#need[@]} -gt 0 ]; then
    echo "build.sh: installing ${need[*]}"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}"
fi

upstream="$(sed -n 's:.*<Version>\(.*\)</Version>.*:\1:p' "$repo/Directory.Build.props")"
[ -n "$upstream" ] || { echo "build.sh: no <Version> in Directory.Build.props" >&2; exit 1; }
# Debian version: the program's version and the packaging revision (raise it for a package
# change without a program change).
revision=1
version="$upstream-$revision"
# File dates and the changelog date come from the last commit, so a rebuild is identical.
export SOURCE_DATE_EPOCH="${SOURCE_DATE_EPOCH:-$(git -C "$repo" log -1 --format=%ct 2>/dev/null \
    || date +%s)}"
work="$(mktemp -d "${TMPDIR:-/var/tmp}/redirector-deb.XXXXXX")"
trap 'rm -rf "$work"' EXIT

if [ -z "$binary" ]; then
    echo "build.sh: publishing the Native AOT binary (a few minutes)"
    export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
    # Kept in the output folder, so a rebuild of the package can reuse it with --binary.
    mkdir -p "$out"
    dotnet publish "$repo/Redirector.Shell" -c Release -r linux-x64 -p:PublishAot=true \
        -o "$out/publish" >"$out/publish.log" 2>&1 \
        || { cat "$out/publish.log" >&2; exit 1; }
    binary="$out/publish/redirector-shell"
fi
[ -x "$binary" ] || { echo "build.sh: $binary is not an executable" >&2; exit 1; }

# Staged where debhelper would stage it; DEBIAN/ marks the package root for dpkg-shlibdeps.
root="$work/src/debian/redirector"
install -d -m 0755 "$root/DEBIAN"
doc="$root/usr/share/doc/redirector"
install -D -m 0755 "$binary" "$root/usr/bin/redirector-shell"
# The repository's unit names the from-source path; the package installs to /usr/bin.
install -d -m 0755 "$root/lib/systemd/system"
sed 's:/usr/local/bin/redirector-shell:/usr/bin/redirector-shell:g' \
    "$repo/examples/redirector.service" >"$root/lib/systemd/system/redirector.service"
chmod 0644 "$root/lib/systemd/system/redirector.service"
if grep -q /usr/local "$root/lib/systemd/system/redirector.service"; then
    echo "build.sh: the unit still names /usr/local" >&2; exit 1
fi
install -D -m 0644 "$here/debian/config.yml" "$root/etc/redirector/config.yml"
install -d -m 0755 "$root/etc/redirector/lb_configs"
install -d -m 0755 "$root/usr/share/redirector/schema"
install -m 0644 "$repo"/examples/schema/*.schema.json "$root/usr/share/redirector/schema/"
install -d -m 0755 "$doc/examples"
cp -R "$repo/examples/config.yml" "$repo/examples/lb_configs" "$repo/examples/original" \
    "$repo/examples/reference" "$repo/examples/schema" "$doc/examples/"
install -m 0644 "$here/debian/copyright" "$doc/copyright"
install -m 0644 "$repo/README.md" "$doc/README.md"
sed -e "s/@VERSION@/$version/" -e "s/@DATE@/$(date -R -u -d "@$SOURCE_DATE_EPOCH")/" \
    "$here/debian/changelog" | gzip -9n >"$doc/changelog.Debian.gz"
install -d -m 0755 "$root/usr/share/man/man8"
pandoc -s -f markdown -t man "$repo/man/redirector-shell.8.md" \
    -M "footer=Redirector $upstream" -M "date=$(date -u -d "@$SOURCE_DATE_EPOCH" +%Y-%m-%d)" \
    | gzip -9n >"$root/usr/share/man/man8/redirector-shell.8.gz"
install -D -m 0644 "$here/debian/lintian-overrides" \
    "$root/usr/share/lintian/overrides/redirector"
find "$root" -type d -exec chmod 0755 {} +
find "$root/usr/share" "$root/etc" -type f -exec chmod 0644 {} +

# Depends from the binary's ELF NEEDED entries, as debhelper would compute them.
printf 'Source: redirector\n\nPackage: redirector\nArchitecture: amd64\n' \
    >"$work/src/debian/control"
depends="$(cd "$work/src" && dpkg-shlibdeps -O debian/redirector/usr/bin/redirector-shell \
    | sed -n 's/^shlibs:Depends=//p')"

sed -e "s/@VERSION@/$version/" -e "s/@DEPENDS@/$depends/" \
    -e "s/@SIZE@/$(du -sk --exclude=DEBIAN "$root" | cut -f1)/" \
    "$here/debian/control.in" >"$root/DEBIAN/control"
install -m 0644 "$here/debian/conffiles" "$root/DEBIAN/conffiles"
install -m 0755 "$here/debian/postinst" "$here/debian/prerm" "$here/debian/postrm" \
    "$root/DEBIAN/"
(cd "$root" && find . -path ./DEBIAN -prune -o -type f -printf '%P\0' | sort -z \
    | xargs -0 md5sum) >"$root/DEBIAN/md5sums"
chmod 0644 "$root/DEBIAN/md5sums"

mkdir -p "$out"
deb="$out/redirector_${version}_amd64.deb"
dpkg-deb --root-owner-group -Zxz --build "$root" "$deb" >/dev/null
echo "build.sh: built $deb ($(du -h "$deb" | cut -f1))"

# lintian: errors fail the build; the warnings kept are listed, with reasons, in
# debian/lintian-overrides.
echo "build.sh: lintian"
lintian --fail-on error --display-info "$deb"
echo "build.sh: lintian passed (no errors)"
