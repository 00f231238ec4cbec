#!/bin/sh
# Tesseract with its Vietnamese data (scanned PDFs) and LibreOffice Writer (.doc/.rtf/.odt), from Debian.
# Root + apt-get only; elsewhere a message says what to install and the rest of the set-up goes on.
# Another set-up may hold the dpkg lock (chromium): apt-get waits for it, and we retry a few times.
need=""
command -v tesseract >/dev/null 2>&1 && tesseract --list-langs 2>/dev/null | grep -qx vie || need="tesseract-ocr tesseract-ocr-vie"
command -v soffice >/dev/null 2>&1 || need="$need libreoffice-writer-nogui"
[ -z "$need" ] && exit 0
if [ "$(id -u)" != 0 ] || ! command -v apt-get >/dev/null 2>&1; then
  echo "make: not root or no apt-get: install $need yourself for OCR of scanned PDFs and .doc/.rtf/.odt files; those files get an error row until then"
  exit 0
fi
start=$(date +%s)
for try in 1 2 3 4 5; do
  if apt-get -o DPkg::Lock::Timeout=300 update -qq && \
     DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=300 install -y -qq --no-install-recommends $need >/dev/null; then
    echo "make: installed $need in $(( $(date +%s) - start )) s"; exit 0
  fi
  echo "make: apt-get failed (try $try, dpkg lock?); retrying in 20 s"; sleep 20
done
echo "make: could not install $need with apt-get; OCR and old-format tests will be skipped"
