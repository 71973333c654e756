#!/usr/bin/env bash
# Installs everything the tool and its tests need on a fresh Debian/Ubuntu machine:
# Debian packages (OCR, legacy .doc/.xls readers, fonts, Chromium for the brief's browser test, LibreOffice for
# the held-out document corpus) and a Python virtual environment in .venv with the project and its test tools.
# Needs root for apt-get (run as root, or as a user with sudo). tests/test_setup.py checks that this list
# covers every program the code and the tests call; `crawler doctor` checks a machine against the same list.
set -euo pipefail
cd "$(dirname "$0")/.."

DEB_PACKAGES=(tesseract-ocr tesseract-ocr-rus antiword catdoc fonts-dejavu-core chromium libreoffice-writer-nogui)

PYTHON="${PYTHON:-python3}"
# Debian's own python3 needs python3-venv for `python3 -m venv`; a Python built elsewhere carries it
if ! "$PYTHON" -c 'import ensurepip, venv' >/dev/null 2>&1; then
  DEB_PACKAGES+=(python3-venv)
fi

missing=()
for pkg in "${DEB_PACKAGES[@]}"; do
  dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "Устанавливаю пакеты Debian: ${missing[*]}"
  SUDO=""
  if [ "$(id -u)" -ne 0 ]; then
    if ! command -v sudo >/dev/null 2>&1; then
      echo "Ошибка: для установки пакетов нужны права root (sudo не найден). Запустите от root:" >&2
      echo "  apt-get install -y --no-install-recommends ${missing[*]}" >&2
      exit 1
    fi
    SUDO="sudo"
  fi
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

if [ ! -x .venv/bin/python ]; then
  echo "Создаю виртуальное окружение .venv"
  "$PYTHON" -m venv .venv
fi
.venv/bin/python -m pip install -q --upgrade pip
.venv/bin/python -m pip install -q -e '.[test]'
echo "Окружение готово."
