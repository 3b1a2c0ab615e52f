#!/usr/bin/env python3
"""Fails when a user-visible string is not marked for translation.

- .ui files: every text property a person reads (label, title, subtitle,
  description, tooltip-text, placeholder-text, text) must carry
  translatable="yes", unless it is empty or a lone symbol.
- C files under src/ui: a string literal passed straight to a function
  that shows text (gtk_label_new, *_set_title, *_set_label, …) must be
  wrapped in _() / N_() / C_() / g_dngettext.
"""
import re
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

TEXT_PROPERTIES = {
    "label", "title", "subtitle", "description", "tooltip-text",
    "placeholder-text", "text", "heading", "body", "primary-text",
    "secondary-text", "accessible-label",
}
# Words that are not language: icon-only glyphs, numbers, the product name.
NEUTRAL = re.compile(r"^\s*([0-9\W_]*|Steady)\s*$")

SHOWS_TEXT = re.compile(
    r"\b(gtk_label_new|gtk_label_set_text|gtk_label_set_label|gtk_label_set_markup|"
    r"gtk_button_new_with_label|gtk_button_set_label|gtk_check_button_new_with_label|"
    r"gtk_window_set_title|gtk_widget_set_tooltip_text|gtk_widget_set_tooltip_markup|"
    r"adw_[a-z_]*_set_title|adw_[a-z_]*_set_subtitle|adw_[a-z_]*_set_description|"
    r"adw_[a-z_]*_set_body|adw_[a-z_]*_set_heading|adw_toast_new|adw_status_page_set_title)"
    r"\s*\(([^;]*?)\"")


def check_ui(path, problems):
    try:
        tree = ET.parse(path)
    except ET.ParseError as e:
        problems.append(f"{path}: not well-formed: {e}")
        return
    for prop in tree.iter():
        if prop.tag not in ("property", "attribute"):
            continue
        name = prop.get("name", "")
        text = (prop.text or "").strip()
        if name in TEXT_PROPERTIES and text and not NEUTRAL.match(text):
            if prop.get("translatable") != "yes":
                problems.append(f'{path}: <{prop.tag} name="{name}">{text}</{prop.tag}> '
                                f'is not translatable="yes"')


def check_c(path, problems):
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        for m in SHOWS_TEXT.finditer(line):
            # The argument text before the first literal: a literal that is
            # not inside _( … ) is untranslated.
            before = m.group(2)
            if not re.search(r"(\b_|N_|C_|g_dngettext|ngettext|g_dpgettext2)\s*\(\s*$", before) \
               and not re.search(r"(\b_|N_|C_)\s*\($", before.rstrip()):
                literal = line[m.end() - 1:]
                lit = re.match(r'"((?:[^"\\]|\\.)*)"', literal)
                if lit and not NEUTRAL.match(lit.group(1)):
                    problems.append(f"{path}:{n}: \"{lit.group(1)}\" shown without _()")


def main():
    root = Path(sys.argv[1])
    problems = []
    for ui in sorted(root.glob("src/**/*.ui")):
        check_ui(ui, problems)
    for c in sorted((root / "src" / "ui").glob("*.c")):
        check_c(c, problems)
    for p in problems:
        print(p)
    print(f"{len(problems)} untranslatable user-visible strings")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
