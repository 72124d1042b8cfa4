#!/usr/bin/env bash
# The system packages the build and the tests need, in one list for every
# machine, so CI, the publish workflow and `make test` cannot drift apart.
#
#   tools/system-packages.sh install   install what is missing (apt-get, Debian
#                                       or Ubuntu; sudo when not root). A no-op,
#                                       without apt-get, when nothing is missing.
#   tools/system-packages.sh check     name each missing tool and how to install
#                                       it, exit 1 (`make test` runs this first)
#
# The browser is the one tests/browser.py launches: $CHROMIUM, else
# /usr/bin/chromium (Debian's chromium package; GitHub's Ubuntu runners have a
# Chromium build there too). Ubuntu itself ships Chromium only as a snap, whose
# private /tmp hides the profile folder Playwright gives it, so on an Ubuntu
# machine without /usr/bin/chromium the script uses Google Chrome where it is
# installed and passes it on as CHROMIUM (through $GITHUB_ENV in a workflow).
set -euo pipefail

INSTALL_COMMAND="sudo tools/system-packages.sh install"

# What is missing, three parallel lists: the tool, its package, why it is needed.
tools=() packages=() reasons=()
missing() { tools+=("$1"); packages+=("$2"); reasons+=("$3"); }

distribution() {
  # "debian", "ubuntu" (Ubuntu and its derivatives) or "other"
  local ID="" ID_LIKE=""
  # shellcheck disable=SC1091
  [ -r /etc/os-release ] && . /etc/os-release
  case " $ID $ID_LIKE " in
    *" ubuntu "*) echo ubuntu ;;
    *" debian "*) echo debian ;;
    *) echo other ;;
  esac
}

chrome_on_path() {
  command -v google-chrome || command -v google-chrome-stable || true
}

find_browser() {
  if [ -n "${CHROMIUM:-}" ]; then
    [ -x "$CHROMIUM" ] || missing "CHROMIUM=$CHROMIUM" "" \
      "no such browser: point CHROMIUM at an installed Chromium or Chrome, or unset it for /usr/bin/chromium"
    return
  fi
  [ -x /usr/bin/chromium ] && return
  if [ "$(distribution)" = ubuntu ]; then
    local chrome
    chrome=$(chrome_on_path)
    if [ -n "$chrome" ]; then
      missing "CHROMIUM=$chrome" "" "Ubuntu has no usable chromium package: set CHROMIUM=$chrome for the browser tests"
    else
      missing "chromium" "" "Ubuntu's chromium is a snap the tests cannot drive: install Google Chrome and set CHROMIUM=/usr/bin/google-chrome"
    fi
  else
    missing "chromium" "chromium" "the browser tests launch /usr/bin/chromium (tests/browser.py)"
  fi
}

find_missing() {
  tools=() packages=() reasons=()
  find_browser
  command -v rsync >/dev/null || missing "rsync" "rsync" "make deploy uploads with it"
  command -v zbarimg >/dev/null || missing "zbarimg" "zbar-tools" "decodes the articles' QR codes in tests/test_qr_codes.py"
  [ -x /usr/sbin/nginx ] || command -v nginx >/dev/null || missing "nginx" "nginx" "serves the nginx redirect snippet of docs/hosting.md in tests/test_import_layouts.py"
  command -v npm >/dev/null || missing "npm" "npm" "make test installs axe-core, for the accessibility tests, with npm ci"
  if ! command -v fc-list >/dev/null; then
    missing "fc-list" "fontconfig" "finds the CJK fonts"
    missing "CJK fonts" "fonts-noto-cjk" "the layout and screenshot tests need real Chinese text widths"
  elif [ -z "$(fc-list :lang=zh)" ]; then
    missing "CJK fonts" "fonts-noto-cjk" "fc-list :lang=zh finds none; the layout and screenshot tests need real Chinese text widths"
  fi
  command -v make >/dev/null || missing "make" "make" "every command of the README is a make target"
  # make creates .venv with `python3 -m venv`, which needs ensurepip (python3-venv on Debian)
  if [ ! -x .venv/bin/python ] && ! "${PY:-python3}" -c "import ensurepip" 2>/dev/null; then
    missing "${PY:-python3} -m venv" "python3-venv" "make creates .venv with it"
  fi
}

report() {
  local i
  for i in "${!tools[@]}"; do
    if [ -n "${packages[$i]}" ]; then
      echo "  ${tools[$i]} (package ${packages[$i]}): ${reasons[$i]}"
    else
      echo "  ${tools[$i]}: ${reasons[$i]}"
    fi
  done
}

check() {
  find_missing
  [ ${#tools[@]} -eq 0 ] && return 0
  echo "make test needs system tools that are missing:"
  report
  echo "Install them with: $INSTALL_COMMAND  (Debian, Ubuntu; elsewhere install the packages named above)"
  return 1
}

use_chrome_on_ubuntu() {
  # Ubuntu with Google Chrome (GitHub's runners): the browser tests use it.
  [ -z "${CHROMIUM:-}" ] && [ ! -x /usr/bin/chromium ] && [ "$(distribution)" = ubuntu ] || return 0
  local chrome
  chrome=$(chrome_on_path)
  [ -n "$chrome" ] || return 0
  export CHROMIUM="$chrome"
  echo "Browser tests: CHROMIUM=$chrome (Ubuntu's chromium is a snap the tests cannot drive)"
  if [ -n "${GITHUB_ENV:-}" ]; then
    echo "CHROMIUM=$chrome" >>"$GITHUB_ENV"  # the workflow's later steps
  else
    echo "Set CHROMIUM=$chrome before make test."
  fi
}

install() {
  use_chrome_on_ubuntu
  find_missing
  if [ ${#tools[@]} -eq 0 ]; then
    echo "System packages: all present, nothing to install."
    return 0
  fi
  local wanted=() i
  for i in "${!tools[@]}"; do
    if [ -z "${packages[$i]}" ]; then
      echo "Cannot install ${tools[$i]}: ${reasons[$i]}." >&2
      return 1
    fi
    wanted+=("${packages[$i]}")
  done
  if ! command -v apt-get >/dev/null; then
    echo "No apt-get on this machine: install these packages with its package manager:" >&2
    report >&2
    return 1
  fi
  local sudo=()
  if [ "$(id -u)" != 0 ]; then
    command -v sudo >/dev/null || { echo "Run as root (no sudo here) to install: ${wanted[*]}" >&2; return 1; }
    sudo=(sudo)
  fi
  echo "Installing: ${wanted[*]}"
  "${sudo[@]}" apt-get update -qq
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive \
    apt-get install -y -qq --no-install-recommends "${wanted[@]}" >/dev/null
  find_missing
  if [ ${#tools[@]} -gt 0 ]; then
    echo "Still missing after apt-get install:" >&2
    report >&2
    return 1
  fi
  echo "System packages: installed ${wanted[*]}."
}

cd "$(dirname "$0")/.."
case "${1:-}" in
  install) install ;;
  check) check ;;
  *) echo "usage: $0 install|check" >&2; exit 2 ;;
esac
