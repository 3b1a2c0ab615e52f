#!/usr/bin/env python3
# check-spanish-tool.py STEADY_TOOL LOCALEDIR: with LANGUAGE=es, steady-tool
# prints the lesson's cards and every drill's timeline (labels, counters,
# captions, spoken words) in Spanish: each text that has words differs from
# the English one, and a few known sentences read as the translator wrote
# them. The prompts are read by the voice of the language their words are
# in: Spanish words by a Spanish voice (with the region asked for), English
# words (a language Steady is not translated into) by an English one.
import json
import os
import re
import subprocess
import sys
import tempfile

tool, localedir = sys.argv[1], sys.argv[2]
failures = []


def run(language, *args):
    env = dict(os.environ, LC_ALL="C.UTF-8", STEADY_LOCALEDIR=localedir)
    if language:
        env["LANGUAGE"] = language
    else:
        env.pop("LANGUAGE", None)
        env["LC_ALL"] = "C"
    out = subprocess.run([tool, *args], env=env, check=True, capture_output=True)
    return out.stdout.decode("utf-8")


def has_words(text):
    return re.search(r"[A-Za-z]{2,}", text or "") is not None


def compare(what, english, spanish):
    if has_words(english) and english == spanish:
        failures.append(f"{what}: still English: {english!r}")


# The cards, as text and as JSON.
text = run("es", "cards")
for expected in ("La alarma, no el fuego", "Tu cuerpo encuentra la manera"):
    if expected not in text:
        failures.append(f"cards: {expected!r} missing from:\n{text}")

en = json.loads(run(None, "cards", "--json"))
es = json.loads(run("es", "cards", "--json"))
compare("program title", en["title"], es["title"])
for card_en, card_es in zip(en["cards"], es["cards"], strict=True):
    compare(f"card {card_en['id']} title", card_en["title"], card_es["title"])
    for i, (p_en, p_es) in enumerate(zip(card_en["paragraphs"], card_es["paragraphs"], strict=True)):
        compare(f"card {card_en['id']} paragraph {i + 1}", p_en, p_es)

# Every drill's timeline: segment labels and counters, cue captions and
# speech.
text = run("es", "timeline", "clamshell")
for expected in ("Mantén 5 segundos", "Repetición 1 de 15: levanta la rodilla de arriba"):
    if expected not in text:
        failures.append(f"timeline: {expected!r} missing")

drills = ("clamshell", "quadruped-knee-circles", "supine-knee-rotation")
for drill in drills:
    en = json.loads(run(None, "timeline", drill, "--json"))
    es = json.loads(run("es", "timeline", drill, "--json"))
    compare(f"{drill} title", en["title"], es["title"])
    for s_en, s_es in zip(en["segments"], es["segments"], strict=True):
        compare(f"{drill} segment label at {s_en['start']}", s_en["label"], s_es["label"])
        compare(f"{drill} segment counter at {s_en['start']}", s_en["counter"], s_es["counter"])
    for c_en, c_es in zip(en["cues"], es["cues"], strict=True):
        compare(f"{drill} caption at {c_en['time']}", c_en["caption"], c_es["caption"])
        compare(f"{drill} speech at {c_en['time']}", c_en.get("speech"), c_es.get("speech"))

# Which voice reads the prompts.
def audio(language, *args, locale="C.UTF-8"):
    env = dict(os.environ, LC_ALL=locale, STEADY_LOCALEDIR=localedir)
    env.pop("LANGUAGE", None)
    if language:
        env["LANGUAGE"] = language
    with tempfile.TemporaryDirectory() as tmp:
        out = subprocess.run([tool, "audio", "supine-knee-rotation", "-o", os.path.join(tmp, "cues.wav"),
                              *args], env=env, capture_output=True)
        return out.returncode, out.stdout.decode("utf-8"), out.stderr.decode("utf-8")


def expect_voice(what, result, voice, note=None):
    status, out, err = result
    if status != 0 or not out.rstrip().endswith(f", {voice})"):
        failures.append(f"{what}: expected the {voice} voice, got status {status}: {out!r} {err!r}")
    if (note is None) != (err == "") or (note is not None and note not in err):
        failures.append(f"{what}: expected {note!r} on standard error, got {err!r}")


expect_voice("--lang es", audio(None, "--lang", "es"), "es")
expect_voice("--lang es-419", audio(None, "--lang", "es-419"), "es-419")
expect_voice("LANGUAGE=es_MX", audio("es_MX"), "es-mx")
expect_voice("LANGUAGE=pt_BR", audio("pt_BR"), "en", "not translated into “pt_BR”; the prompts are in “en”")
expect_voice("LANGUAGE=pt:es", audio("pt:es"), "es", "no está traducido a «pt»; los avisos están en «es»")
# In the plain C locale gettext translates nothing, whatever LANGUAGE says.
expect_voice("LC_ALL=C LANGUAGE=es", audio("es", locale="C"), "en")
# Tones have no words: any language will do.
status, out, err = audio(None, "--lang", "pt", "--mode", "tones")
if status != 0 or err:
    failures.append(f"--lang pt --mode tones: expected a render, got status {status}: {out!r} {err!r}")
status, out, err = audio(None, "--lang", "pt")
if status != 1 or "--lang “pt”: Steady’s prompts are not translated into it" not in err:
    failures.append(f"--lang pt: expected a refusal, got status {status}: {out!r} {err!r}")

for failure in failures[:40]:
    print(failure)
print(f"{len(failures)} failures" if failures else "cards and timelines are Spanish, and so is the voice that reads them")
sys.exit(1 if failures else 0)
