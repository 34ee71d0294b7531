# Source this file: `apt_install <debian-package> <who>` installs a Debian package the
# scripts need (as root, or through sudo), or fails loudly saying what to install.
apt_install() {
  local package=$1 who=$2
  echo "› $who: $package not found, installing Debian's $package with apt-get" >&2
  if [ "$(id -u)" = 0 ]; then
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$package" >/dev/null) >&2 ||
      { echo "$who: apt-get install $package failed" >&2; return 1; }
  elif command -v sudo >/dev/null 2>&1; then
    (sudo apt-get update -qq && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$package" >/dev/null) >&2 ||
      { echo "$who: apt-get install $package failed" >&2; return 1; }
  else
    echo "$who: install $package (apt-get install $package) and retry" >&2
    return 1
  fi
}
