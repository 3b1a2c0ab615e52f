#!/usr/bin/env python3
# check-spanish-tool.py STEADY_TOOL LOCALEDIR: with LANGUAGE=es, steady-tool
# prints the lesson's cards and every drill's timeline (labels, counters,
# captions, spoken words) in Spanish: each text that has words differs from
# the English one, and a few known sentences read as the translator wrote
# them.
import json
import os
import re
import subprocess
import sys

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

for failure in failures[:40]:
    print(failure)
print(f"{len(failures)} texts left in English" if failures else "cards and timelines are Spanish")
sys.exit(1 if failures else 0)
