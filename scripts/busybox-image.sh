#!/usr/bin/env bash
# Builds a FROM-scratch image holding Debian's static busybox under the given tag (default
# busybox:stable), for machines that reach no registry. Needs the docker CLI and an Engine.
set -euo pipefail
tag=${1:-busybox:stable}
busybox=/bin/busybox
[ -x "$busybox" ] || { echo "busybox-image: $busybox is missing; install busybox-static" >&2; exit 1; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/rootfs/bin" "$work/rootfs/etc" "$work/rootfs/tmp" "$work/rootfs/var/www" "$work/rootfs/root"
chmod 1777 "$work/rootfs/tmp"
cp "$busybox" "$work/rootfs/bin/busybox"
for applet in $("$busybox" --list); do
  [ "$applet" = busybox ] || ln -s busybox "$work/rootfs/bin/$applet"
done
printf 'root:x:0:0:root:/root:/bin/sh\nnobody:x:65534:65534:nobody:/nonexistent:/bin/false\n' > "$work/rootfs/etc/passwd"
printf 'root:x:0:\nnogroup:x:65534:\n' > "$work/rootfs/etc/group"
cat > "$work/Dockerfile" <<'DOCKERFILE'
FROM scratch
COPY rootfs/ /
ENV PATH=/bin:/usr/bin:/sbin:/usr/sbin
CMD ["sh"]
DOCKERFILE
DOCKER_BUILDKIT=0 docker build -q -t "$tag" "$work" >/dev/null 2>&1 || docker build -q -t "$tag" "$work" >/dev/null
echo "busybox-image: built $tag locally from $busybox (no registry reachable)" >&2
