#!/bin/sh
# check-po.sh SRCDIR LANG: fails unless LANG.po translates every message
# the sources have today (a fresh template, not the stale one in po/), with
# nothing fuzzy, and passes msgfmt --check.
set -eu
src=$1 lang=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cd "$src"
GETTEXTDATADIRS="$src/data" xgettext --from-code=UTF-8 --files-from=po/POTFILES.in \
  --keyword=_ --keyword=N_ --keyword=C_:1c,2 --keyword=NC_:1c,2 \
  --keyword=g_dcgettext:2 --keyword=g_dngettext:2,3 --keyword=g_dpgettext2:2c,3 \
  --add-comments=Translators: -o "$tmp/steady.pot" 2>"$tmp/xgettext.err" || { cat "$tmp/xgettext.err"; exit 1; }
msgmerge --quiet --no-fuzzy-matching "po/$lang.po" "$tmp/steady.pot" -o "$tmp/$lang.po"
stats=$(LC_ALL=C msgfmt --check --statistics -o /dev/null "$tmp/$lang.po" 2>&1)
echo "$lang: $stats"
case "$stats" in
  *fuzzy*|*untranslated*)
    echo "$lang.po is incomplete; these messages need a translation:"
    msgattrib --untranslated --only-fuzzy "$tmp/$lang.po" 2>/dev/null | grep '^msgid' | head -50
    msgattrib --untranslated "$tmp/$lang.po" | grep '^msgid' | grep -v '^msgid ""$' | head -50
    exit 1 ;;
esac

# The code the translation gives for its own language picks the voice that
# reads its prompts: it must be LANG's (msgid "en" left as it is would have
# an English voice read the translated words).
voice=$(msgattrib --no-obsolete "$tmp/$lang.po" | awk '
  /^msgctxt "voice language"$/ { want = 1; next }
  want && /^msgstr / { gsub(/^msgstr "|"$/, ""); print; exit }')
case "$voice" in
  "${lang%%_*}"|"${lang%%_*}"_*|"${lang%%_*}"-*) echo "$lang: voice language \"$voice\"" ;;
  *) echo "$lang.po gives \"$voice\" as its voice language (msgctxt \"voice language\"); it must be $lang's code"
     exit 1 ;;
esac
