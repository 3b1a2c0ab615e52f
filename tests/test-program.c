/* test-program.c: the program file parser
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <glib/gstdio.h>

#include "steady-program.h"
#include "steady-session-settings.h"

#define HEAD "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"

/* A small valid program that the error cases below break one piece at a
 * time; its line numbers matter to the expected positions. */
#define CARD_A "    <card id=\"a\" illustration=\"safety\"><title>A</title><p>One.</p></card>\n"
#define CLAMSHELL \
  "    <drill id=\"clam\" motion=\"clamshell\">\n" \
  "      <title>Clam</title>\n" \
  "      <summary>Wake it up.</summary>\n" \
  "      <reps default=\"15\" min=\"15\" max=\"20\"/>\n" \
  "      <hold default=\"5\"/>\n" \
  "      <step>Lie down.</step>\n" \
  "    </drill>\n"

static SteadyProgram *
parse_string (const char  *xml,
              GError     **error)
{
  g_autoptr(GBytes) bytes = g_bytes_new (xml, strlen (xml));

  return steady_program_new_from_bytes (bytes, "test.xml", error);
}

static void
test_valid (void)
{
  const char *xml =
    HEAD
    "<program id=\"tiny\" version=\"1\">\n"
    "  <title>  Tiny\n   program </title>\n"
    "  <cards>\n"
    CARD_A
    "    <card id=\"b\" kind=\"drill\" drill=\"clam\" illustration=\"drill-clamshell\">\n"
    "      <title>B</title><p>First &amp; <![CDATA[second]]>.</p><p>Two.</p>\n"
    "    </card>\n"
    "  </cards>\n"
    "  <drills>\n"
    "    <drill id=\"clam\" motion=\"clamshell\" sides=\"left\">\n"
    "      <title>Clam</title>\n"
    "      <summary>Wake it up.</summary>\n"
    "      <reps default=\"15\" min=\"15\" max=\"20\"/>\n"
    "      <hold default=\"5\" min=\"3\" max=\"10\"/>\n"
    "      <timing get-ready=\"5\" lift=\"1\" lower=\"2.5\"/>\n"
    "      <motion lift-cm=\"4\"/>\n"
    "      <step>Lie down.</step><step>Lift.</step>\n"
    "      <tip>Feet together.</tip>\n"
    "    </drill>\n"
    "    <drill id=\"rot\" motion=\"supine-knee-rotation\">\n"
    "      <title>Rot</title><summary>S</summary>\n"
    "      <reps default=\"1\"/><hold default=\"30\" min=\"30\" max=\"60\"/>\n"
    "      <breath in=\"4\" out=\"6\"/>\n"
    "      <step>Lie on your back.</step>\n"
    "    </drill>\n"
    "  </drills>\n"
    "  <stop-rules pain-at-least=\"6\" pain-rise=\"3\" painful-pop=\"false\"/>\n"
    "</program>\n";
  g_autoptr(SteadyProgram) program = NULL;
  g_autoptr(GError) error = NULL;
  const SteadyStopRules *rules;
  const SteadyRange *range;
  SteadyCard *card;
  SteadyDrill *drill;
  double in, out;

  program = parse_string (xml, &error);
  g_assert_no_error (error);
  g_assert_nonnull (program);

  g_assert_cmpstr (steady_program_get_id (program), ==, "tiny");
  g_assert_cmpstr (steady_program_get_title (program), ==, "Tiny program");
  g_assert_cmpstr (steady_program_get_source_name (program), ==, "test.xml");
  g_assert_cmpuint (steady_program_get_n_cards (program), ==, 2);

  card = steady_program_get_card (program, 1);
  g_assert_cmpstr (steady_card_get_id (card), ==, "b");
  g_assert_cmpint (steady_card_get_kind (card), ==, STEADY_CARD_KIND_DRILL);
  g_assert_cmpstr (steady_card_get_drill_id (card), ==, "clam");
  g_assert_cmpstr (steady_card_get_illustration (card), ==, "drill-clamshell");
  g_assert_cmpuint (g_strv_length ((GStrv)steady_card_get_paragraphs (card)), ==, 2);
  g_assert_cmpstr (steady_card_get_paragraphs (card)[0], ==, "First & second.");
  g_assert_true (steady_program_find_card (program, "a") == steady_program_get_card (program, 0));
  g_assert_null (steady_program_find_card (program, "zzz"));
  g_assert_null (steady_card_get_drill_id (steady_program_get_card (program, 0)));

  g_assert_cmpuint (g_list_model_get_n_items (steady_program_get_drills (program)), ==, 2);
  drill = steady_program_find_drill (program, "clam");
  g_assert_nonnull (drill);
  g_assert_cmpstr (steady_drill_get_motion (drill), ==, "clamshell");
  g_assert_cmpint (steady_drill_get_sides (drill), ==, STEADY_SIDE_LEFT);
  range = steady_drill_get_reps (drill);
  g_assert_true (range->present);
  g_assert_cmpfloat (range->value, ==, 15);
  g_assert_cmpfloat (range->min, ==, 15);
  g_assert_cmpfloat (range->max, ==, 20);
  range = steady_drill_get_hold (drill);
  g_assert_cmpfloat (range->value, ==, 5);
  g_assert_cmpfloat (steady_drill_get_timing (drill, "lower", 9), ==, 2.5);
  g_assert_cmpfloat (steady_drill_get_timing (drill, "rest", 9), ==, 9);
  g_assert_cmpfloat (steady_drill_get_motion_param (drill, "lift-cm", 0), ==, 4);
  g_assert_cmpfloat (steady_drill_get_motion_param (drill, "radius-cm", 7), ==, 7);
  g_assert_false (steady_drill_get_breath (drill, &in, &out));
  g_assert_cmpuint (g_strv_length ((GStrv)steady_drill_get_steps (drill)), ==, 2);
  g_assert_cmpstr (steady_drill_get_tips (drill)[0], ==, "Feet together.");

  drill = steady_program_find_drill (program, "rot");
  g_assert_cmpint (steady_drill_get_sides (drill), ==, STEADY_SIDE_BOTH);
  g_assert_true (steady_drill_get_breath (drill, &in, &out));
  g_assert_cmpfloat (in, ==, 4);
  g_assert_cmpfloat (out, ==, 6);
  g_assert_cmpuint (g_strv_length ((GStrv)steady_drill_get_tips (drill)), ==, 0);
  g_assert_null (steady_program_find_drill (program, "nope"));

  rules = steady_program_get_stop_rules (program);
  g_assert_cmpint (rules->pain_at_least, ==, 6);
  g_assert_cmpint (rules->pain_rise, ==, 3);
  g_assert_false (rules->painful_pop);
}

typedef struct {
  const char         *name;
  const char         *xml;
  SteadyProgramError  code;
  const char         *message;  /* the whole expected problem */
} ErrorCase;

#define OPEN "<program id=\"p\" version=\"1\">\n  <title>T</title>\n"    /* lines 1–2 */
#define CARDS "  <cards>\n" CARD_A "  </cards>\n"                         /* lines 3–5 */
#define DRILLS "  <drills>\n" CLAMSHELL "  </drills>\n"                   /* lines 6–14 */

#define DRILL_OPEN "  <drills>\n    <drill id=\"clam\" motion=\"clamshell\">\n" \
  "      <title>Clam</title><summary>S</summary><reps default=\"15\"/>\n"   /* lines 6–8 */
#define KNEE_OPEN "  <drills>\n    <drill id=\"kc\" motion=\"quadruped-knee-circles\">\n" \
  "      <title>KC</title><summary>S</summary><reps default=\"5\"/><hold default=\"5\"/>\n"

static const ErrorCase error_cases[] = {
  /* The patient's numbers in a step or tip (docs/program-format.md). */
  { "unknown-number", OPEN CARDS DRILL_OPEN "      <hold default=\"5\"/><step>Hold {seconds}.</step>\n",
    STEADY_PROGRAM_ERROR_INVALID_VALUE,
    "test.xml:9:26: <step> names {seconds}, which is not a number Steady knows "
    "(it knows {reps}, {hold}, {breath-in} and {breath-out})" },
  { "number-underscore", OPEN CARDS DRILL_OPEN "      <hold default=\"5\"/><step>In for {breath_in}.</step>\n",
    STEADY_PROGRAM_ERROR_INVALID_VALUE,
    "test.xml:9:26: <step> names {breath_in}, which is not a number Steady knows "
    "(it knows {reps}, {hold}, {breath-in} and {breath-out})" },
  { "number-spaces", OPEN CARDS DRILL_OPEN "      <hold default=\"5\"/><step>Hold for { hold } s.</step>\n",
    STEADY_PROGRAM_ERROR_INVALID_VALUE,
    "test.xml:9:26: <step> names { hold }, which is not a number Steady knows "
    "(it knows {reps}, {hold}, {breath-in} and {breath-out})" },
  { "number-digit", OPEN CARDS DRILL_OPEN "      <hold default=\"5\"/><step>Do {reps1} times.</step>\n",
    STEADY_PROGRAM_ERROR_INVALID_VALUE,
    "test.xml:9:26: <step> names {reps1}, which is not a number Steady knows "
    "(it knows {reps}, {hold}, {breath-in} and {breath-out})" },
  { "number-empty", OPEN CARDS DRILL_OPEN "      <hold default=\"5\"/><step>Do {} times.</step>\n",
    STEADY_PROGRAM_ERROR_INVALID_VALUE,
    "test.xml:9:26: <step> names {}, which is not a number Steady knows "
    "(it knows {reps}, {hold}, {breath-in} and {breath-out})" },
  { "number-upper", OPEN CARDS DRILL_OPEN "      <hold default=\"5\"/><step>Do {Reps} times.</step>\n",
    STEADY_PROGRAM_ERROR_INVALID_VALUE,
    "test.xml:9:26: <step> names {Reps}, which is not a number Steady knows "
    "(it knows {reps}, {hold}, {breath-in} and {breath-out})" },
  { "number-double-braces", OPEN CARDS DRILL_OPEN "      <hold default=\"5\"/><step>Hold for {{hold}} s.</step>\n",
    STEADY_PROGRAM_ERROR_INVALID_VALUE,
    "test.xml:9:26: <step> has a “{” that belongs to no number "
    "(write {reps}, {hold}, {breath-in} or {breath-out})" },
  { "number-lone-open", OPEN CARDS DRILL_OPEN "      <hold default=\"5\"/><step>Hold { for {hold} s.</step>\n",
    STEADY_PROGRAM_ERROR_INVALID_VALUE,
    "test.xml:9:26: <step> has a “{” that belongs to no number "
    "(write {reps}, {hold}, {breath-in} or {breath-out})" },
  { "number-unclosed", OPEN CARDS DRILL_OPEN "      <hold default=\"5\"/><step>Hold for {hold</step>\n",
    STEADY_PROGRAM_ERROR_INVALID_VALUE,
    "test.xml:9:26: <step> has a “{” that belongs to no number "
    "(write {reps}, {hold}, {breath-in} or {breath-out})" },
  { "number-lone-close", OPEN CARDS DRILL_OPEN "      <hold default=\"5\"/><step>Hold } for {hold} s.</step>\n",
    STEADY_PROGRAM_ERROR_INVALID_VALUE,
    "test.xml:9:26: <step> has a “}” that belongs to no number "
    "(write {reps}, {hold}, {breath-in} or {breath-out})" },
  { "number-close-after", OPEN CARDS DRILL_OPEN "      <hold default=\"5\"/><step>Hold for {hold}} s.</step>\n",
    STEADY_PROGRAM_ERROR_INVALID_VALUE,
    "test.xml:9:26: <step> has a “}” that belongs to no number "
    "(write {reps}, {hold}, {breath-in} or {breath-out})" },
  /* Cards, titles and summaries take no numbers. */
  { "number-in-card", OPEN "  <cards>\n    <card id=\"a\" illustration=\"safety\"><title>A</title><p>That {reps} clunk.</p>",
    STEADY_PROGRAM_ERROR_INVALID_VALUE, "test.xml:4:56: <p> names {reps}; cards take no numbers" },
  { "brace-in-card-title", OPEN "  <cards>\n    <card id=\"a\" illustration=\"safety\"><title>A {</title>",
    STEADY_PROGRAM_ERROR_INVALID_VALUE, "test.xml:4:40: <title> has a “{”; cards take no numbers" },
  { "number-in-program-title", "<program id=\"p\" version=\"1\">\n  <title>T {hold}</title>\n",
    STEADY_PROGRAM_ERROR_INVALID_VALUE, "test.xml:2:3: <title> names {hold}; only <step> and <tip> take numbers" },
  { "number-in-summary", OPEN CARDS "  <drills>\n    <drill id=\"clam\" motion=\"clamshell\">\n"
    "      <title>Clam</title><summary>{reps} times</summary>",
    STEADY_PROGRAM_ERROR_INVALID_VALUE, "test.xml:8:26: <summary> names {reps}; only <step> and <tip> take numbers" },
  { "hold-without-hold", OPEN CARDS KNEE_OPEN "      <step>Hold {hold} s.</step>\n    </drill>\n",
    STEADY_PROGRAM_ERROR_INVALID_VALUE,
    "test.xml:7:5: <drill id=\"kc\" motion=\"quadruped-knee-circles\"> names {hold} in its text, "
    "but its motion has no hold" },
  { "breath-without-breath", OPEN CARDS DRILL_OPEN
    "      <hold default=\"5\"/><step>Lift.</step><tip>In for {breath-in}.</tip>\n    </drill>\n",
    STEADY_PROGRAM_ERROR_INVALID_VALUE,
    "test.xml:7:5: <drill id=\"clam\" motion=\"clamshell\"> names {breath-in} or {breath-out} in its "
    "text, but its motion has no paced breathing" },
  { "empty", "", STEADY_PROGRAM_ERROR_MALFORMED,
    "test.xml:1:1: the file is empty; a program file starts with <program>" },
  { "declaration-only", "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n", STEADY_PROGRAM_ERROR_MALFORMED,
    "test.xml:1:1: the file has no <program> element" },
  { "two-roots", OPEN CARDS DRILLS "</program>\n<program id=\"q\" version=\"1\">", STEADY_PROGRAM_ERROR_MALFORMED,
    "test.xml:16:1: a program file holds one <program>; <program> follows it" },
  { "whitespace-only", "  \n\n", STEADY_PROGRAM_ERROR_MALFORMED, NULL },
  { "not-xml", "hello", STEADY_PROGRAM_ERROR_MALFORMED, NULL },
  { "binary", "\x01\x02\xff\xfe<program", STEADY_PROGRAM_ERROR_MALFORMED, NULL },
  { "bad-utf8", "<program id=\"p\" version=\"1\">\n  <title>\xc3\x28</title>", STEADY_PROGRAM_ERROR_MALFORMED,
    "test.xml:2:10: byte 0xC3 is not UTF-8; program files must be UTF-8" },
  { "truncated", OPEN CARDS "  <drills>\n", STEADY_PROGRAM_ERROR_MALFORMED, NULL },
  { "mismatched", OPEN "  <cards>\n  </drills>\n", STEADY_PROGRAM_ERROR_MALFORMED, NULL },
  { "latin1-declared", "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>\n" OPEN CARDS DRILLS "</program>\n",
    STEADY_PROGRAM_ERROR_MALFORMED,
    "test.xml:1:1: the file declares encoding “ISO-8859-1”; program files must be UTF-8" },
  { "wrong-root", "<lesson/>", STEADY_PROGRAM_ERROR_UNKNOWN_ELEMENT,
    "test.xml:1:1: a program file starts with <program>, not <lesson>" },
  { "unknown-element", OPEN "  <bogus/>\n", STEADY_PROGRAM_ERROR_UNKNOWN_ELEMENT,
    "test.xml:3:3: <program> cannot contain <bogus>" },
  { "unknown-in-card", OPEN "  <cards>\n    <card id=\"a\" illustration=\"safety\"><img/>",
    STEADY_PROGRAM_ERROR_UNKNOWN_ELEMENT, "test.xml:4:40: <card> cannot contain <img>" },
  { "nested-in-text", OPEN "  <cards>\n    <card id=\"a\" illustration=\"safety\"><title>A <b>bold</b></title>",
    STEADY_PROGRAM_ERROR_UNKNOWN_ELEMENT, "test.xml:4:49: <title> cannot contain <b>" },
  { "text-in-container", OPEN "  <cards>hello</cards>", STEADY_PROGRAM_ERROR_UNKNOWN_ELEMENT, NULL },
  { "twice", OPEN "  <title>Again</title>\n", STEADY_PROGRAM_ERROR_UNKNOWN_ELEMENT,
    "test.xml:3:3: <title> may appear only once in <program>" },
  { "unknown-attribute", OPEN "  <cards>\n    <card id=\"a\" illustration=\"safety\" colour=\"red\">",
    STEADY_PROGRAM_ERROR_UNKNOWN_ATTRIBUTE,
    "test.xml:4:5: <card> has no attribute “colour” (it takes: id, kind, illustration, drill)" },
  { "unknown-timing", OPEN CARDS "  <drills>\n    <drill id=\"d\" motion=\"clamshell\">\n      <timing hover=\"1\"/>",
    STEADY_PROGRAM_ERROR_UNKNOWN_ATTRIBUTE,
    "test.xml:8:7: <timing> has no attribute “hover” (it takes: get-ready, lift, lower, rest, circle, drift, return, switch)" },
  { "missing-id", OPEN "  <cards>\n    <card illustration=\"safety\">", STEADY_PROGRAM_ERROR_MISSING,
    "test.xml:4:5: <card> needs id=" },
  { "missing-version", "<program id=\"p\">", STEADY_PROGRAM_ERROR_MISSING,
    "test.xml:1:1: <program> needs version=" },
  { "missing-title", "<program id=\"p\" version=\"1\">\n" CARDS DRILLS "</program>\n", STEADY_PROGRAM_ERROR_MISSING,
    "test.xml:1:1: <program> needs a <title>" },
  { "missing-paragraph", OPEN "  <cards>\n    <card id=\"a\" illustration=\"safety\"><title>A</title></card>",
    STEADY_PROGRAM_ERROR_MISSING, "test.xml:4:5: <card id=\"a\"> needs at least one <p>" },
  { "empty-paragraph", OPEN "  <cards>\n    <card id=\"a\" illustration=\"safety\"><title>A</title><p>  </p>",
    STEADY_PROGRAM_ERROR_MISSING, "test.xml:4:56: <p> in <card> is empty" },
  { "missing-reps", OPEN CARDS "  <drills>\n    <drill id=\"d\" motion=\"clamshell\"><title>D</title><summary>S</summary>"
    "<hold default=\"5\"/><step>x</step></drill>", STEADY_PROGRAM_ERROR_MISSING,
    "test.xml:7:5: <drill id=\"d\"> needs <reps>" },
  { "missing-hold", OPEN CARDS "  <drills>\n    <drill id=\"d\" motion=\"clamshell\"><title>D</title><summary>S</summary>"
    "<reps default=\"5\"/><step>x</step></drill>", STEADY_PROGRAM_ERROR_MISSING,
    "test.xml:7:5: <drill id=\"d\" motion=\"clamshell\"> needs <hold>" },
  { "missing-breath", OPEN CARDS "  <drills>\n    <drill id=\"d\" motion=\"supine-knee-rotation\"><title>D</title>"
    "<summary>S</summary><reps default=\"1\"/><hold default=\"30\"/><step>x</step></drill>", STEADY_PROGRAM_ERROR_MISSING,
    "test.xml:7:5: <drill id=\"d\" motion=\"supine-knee-rotation\"> needs <breath>" },
  { "missing-drills", OPEN CARDS "</program>\n", STEADY_PROGRAM_ERROR_MISSING,
    "test.xml:1:1: <program> needs <drills> with at least one <drill>" },
  { "missing-drill-attr", OPEN "  <cards>\n    <card id=\"a\" kind=\"drill\" illustration=\"safety\">",
    STEADY_PROGRAM_ERROR_MISSING, "test.xml:4:5: <card kind=\"drill\"> needs drill=" },
  { "reps-range", OPEN CARDS "  <drills>\n    <drill id=\"d\" motion=\"clamshell\">\n      <reps default=\"60\"/>",
    STEADY_PROGRAM_ERROR_OUT_OF_RANGE, "test.xml:8:7: <reps default=\"60\">: 60 is out of range (1 to 50)" },
  { "reps-zero", OPEN CARDS "  <drills>\n    <drill id=\"d\" motion=\"clamshell\">\n      <reps default=\"0\"/>",
    STEADY_PROGRAM_ERROR_OUT_OF_RANGE, "test.xml:8:7: <reps default=\"0\">: 0 is out of range (1 to 50)" },
  { "hold-range", OPEN CARDS "  <drills>\n    <drill id=\"d\" motion=\"clamshell\">\n      <hold default=\"5\" max=\"301\"/>",
    STEADY_PROGRAM_ERROR_OUT_OF_RANGE, "test.xml:8:7: <hold max=\"301\">: 301 is out of range (1 to 300)" },
  { "min-above-default", OPEN CARDS "  <drills>\n    <drill id=\"d\" motion=\"clamshell\">\n      <reps default=\"15\" min=\"16\"/>",
    STEADY_PROGRAM_ERROR_OUT_OF_RANGE, "test.xml:8:7: <reps>: needs min ≤ default ≤ max (here 16, 15, 15)" },
  { "breath-range", OPEN CARDS "  <drills>\n    <drill id=\"d\" motion=\"clamshell\">\n      <breath in=\"0.5\" out=\"6\"/>",
    STEADY_PROGRAM_ERROR_OUT_OF_RANGE, "test.xml:8:7: <breath in=\"0.5\">: 0.5 is out of range (3 to 20)" },
  { "motion-range", OPEN CARDS "  <drills>\n    <drill id=\"d\" motion=\"clamshell\">\n      <motion lift-cm=\"30\"/>",
    STEADY_PROGRAM_ERROR_OUT_OF_RANGE, "test.xml:8:7: <motion lift-cm=\"30\">: 30 is out of range (1 to 10)" },
  { "pain-range", OPEN CARDS DRILLS "  <stop-rules pain-at-least=\"11\"/>", STEADY_PROGRAM_ERROR_OUT_OF_RANGE,
    "test.xml:15:3: <stop-rules pain-at-least=\"11\">: 11 is out of range (0 to 10)" },
  { "not-a-number", OPEN CARDS "  <drills>\n    <drill id=\"d\" motion=\"clamshell\">\n      <reps default=\"fifteen\"/>",
    STEADY_PROGRAM_ERROR_INVALID_VALUE, "test.xml:8:7: <reps default=\"fifteen\">: “fifteen” is not a number" },
  { "nan", OPEN CARDS "  <drills>\n    <drill id=\"d\" motion=\"clamshell\">\n      <reps default=\"nan\"/>",
    STEADY_PROGRAM_ERROR_INVALID_VALUE, "test.xml:8:7: <reps default=\"nan\">: “nan” is not a number" },
  /* Whole numbers where a count is meant, plain decimals only, each
   * attribute once. */
  { "reps-fraction", OPEN CARDS "  <drills>\n    <drill id=\"d\" motion=\"clamshell\">\n      <reps default=\"15.5\"/>",
    STEADY_PROGRAM_ERROR_INVALID_VALUE, "test.xml:8:7: <reps default=\"15.5\">: “15.5” is not a whole number" },
  { "reps-max-fraction", OPEN CARDS "  <drills>\n    <drill id=\"d\" motion=\"clamshell\">\n      <reps default=\"15\" max=\"19.5\"/>",
    STEADY_PROGRAM_ERROR_INVALID_VALUE, "test.xml:8:7: <reps max=\"19.5\">: “19.5” is not a whole number" },
  { "pain-fraction", OPEN CARDS DRILLS "  <stop-rules pain-at-least=\"6.7\"/>", STEADY_PROGRAM_ERROR_INVALID_VALUE,
    "test.xml:15:3: <stop-rules pain-at-least=\"6.7\">: “6.7” is not a whole number" },
  { "hex", OPEN CARDS "  <drills>\n    <drill id=\"d\" motion=\"clamshell\">\n      <reps default=\"0x0f\"/>",
    STEADY_PROGRAM_ERROR_INVALID_VALUE, "test.xml:8:7: <reps default=\"0x0f\">: “0x0f” is not a number" },
  { "exponent", OPEN CARDS "  <drills>\n    <drill id=\"d\" motion=\"clamshell\">\n      <hold default=\"1e1\"/>",
    STEADY_PROGRAM_ERROR_INVALID_VALUE, "test.xml:8:7: <hold default=\"1e1\">: “1e1” is not a number" },
  { "lone-dot", OPEN CARDS "  <drills>\n    <drill id=\"d\" motion=\"clamshell\">\n      <hold default=\".\"/>",
    STEADY_PROGRAM_ERROR_INVALID_VALUE, "test.xml:8:7: <hold default=\".\">: “.” is not a number" },
  { "huge", OPEN CARDS "  <drills>\n    <drill id=\"d\" motion=\"clamshell\">\n      <reps default=\"99999999999999999999999\"/>",
    STEADY_PROGRAM_ERROR_OUT_OF_RANGE,
    "test.xml:8:7: <reps default=\"99999999999999999999999\">: 99999999999999999999999 is out of range (1 to 50)" },
  { "repeated-attribute", OPEN CARDS "  <drills>\n    <drill id=\"d\" motion=\"clamshell\">\n      <reps default=\"15\" default=\"99\"/>",
    STEADY_PROGRAM_ERROR_INVALID_VALUE, "test.xml:8:7: <reps> gives default= twice" },
  { "repeated-sides", OPEN CARDS "  <drills>\n    <drill id=\"d\" motion=\"clamshell\" sides=\"both\" sides=\"left\">",
    STEADY_PROGRAM_ERROR_INVALID_VALUE, "test.xml:7:5: <drill> gives sides= twice" },
  { "bad-sides", OPEN CARDS "  <drills>\n    <drill id=\"d\" motion=\"clamshell\" sides=\"up\">",
    STEADY_PROGRAM_ERROR_INVALID_VALUE, "test.xml:7:5: <drill sides=\"up\">: use “left”, “right” or “both”" },
  { "bad-kind", OPEN "  <cards>\n    <card id=\"a\" kind=\"poem\" illustration=\"safety\">",
    STEADY_PROGRAM_ERROR_INVALID_VALUE, "test.xml:4:5: <card kind=\"poem\">: use “narrative”, “drill” or “safety”" },
  { "bad-id", OPEN "  <cards>\n    <card id=\"Hello World\" illustration=\"safety\">",
    STEADY_PROGRAM_ERROR_INVALID_VALUE,
    "test.xml:4:5: <card id=\"Hello World\">: an id uses only lower-case letters, digits and “-” (at most 64)" },
  { "bad-version", "<program id=\"p\" version=\"2\">", STEADY_PROGRAM_ERROR_INVALID_VALUE,
    "test.xml:1:1: <program version=\"2\">: this Steady reads version 1" },
  { "bad-boolean", OPEN CARDS DRILLS "  <stop-rules painful-pop=\"yes\"/>", STEADY_PROGRAM_ERROR_INVALID_VALUE,
    "test.xml:15:3: <stop-rules painful-pop=\"yes\">: use “true” or “false”" },
  { "duplicate-card", OPEN "  <cards>\n" CARD_A CARD_A, STEADY_PROGRAM_ERROR_DUPLICATE_ID,
    "test.xml:5:5: <card id=\"a\">: another card already has this id" },
  { "duplicate-drill", OPEN CARDS "  <drills>\n" CLAMSHELL CLAMSHELL, STEADY_PROGRAM_ERROR_DUPLICATE_ID,
    "test.xml:14:5: <drill id=\"clam\">: another drill already has this id" },
  { "bad-drill-reference", OPEN "  <cards>\n    <card id=\"b\" kind=\"drill\" drill=\"clamshell\" illustration=\"safety\">"
    "<title>B</title><p>x</p></card>\n  </cards>\n" DRILLS "</program>\n", STEADY_PROGRAM_ERROR_BAD_REFERENCE,
    "test.xml:4:5: <card id=\"b\" drill=\"clamshell\">: there is no drill with this id" },
  { "drill-on-narrative", OPEN "  <cards>\n    <card id=\"b\" drill=\"clam\" illustration=\"safety\">",
    STEADY_PROGRAM_ERROR_UNKNOWN_ATTRIBUTE,
    "test.xml:4:5: <card drill=\"clam\">: only a card with kind=\"drill\" names a drill" },
  { "bad-illustration", OPEN "  <cards>\n    <card id=\"a\" illustration=\"kitten\">", STEADY_PROGRAM_ERROR_BAD_REFERENCE,
    "test.xml:4:5: <card illustration=\"kitten\">: there is no such illustration" },
  { "bad-motion", OPEN CARDS "  <drills>\n    <drill id=\"d\" motion=\"jumping-jacks\">", STEADY_PROGRAM_ERROR_BAD_REFERENCE,
    "test.xml:7:5: <drill motion=\"jumping-jacks\">: there is no such motion "
    "(Steady knows clamshell, quadruped-knee-circles and supine-knee-rotation)" },
};

static void
test_error_case (gconstpointer data)
{
  const ErrorCase *c = data;
  g_autoptr(SteadyProgram) program = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) lines = NULL;

  program = parse_string (c->xml, &error);
  g_assert_null (program);
  g_assert_error (error, STEADY_PROGRAM_ERROR, (int)c->code);

  /* Every message says where, in the form editors and compilers use. */
  g_assert_true (g_str_has_prefix (error->message, "test.xml:"));
  g_assert_true (g_regex_match_simple ("^test\\.xml:[0-9]+:[0-9]+: .+", error->message, 0, 0));

  /* The case's problem first and alone: a case's file stops after its
   * mistake, which GMarkup may add, and nothing else may follow from it. */
  lines = g_strsplit (error->message, "\n", -1);
  if (c->message != NULL)
    g_assert_cmpstr (lines[0], ==, c->message);
  g_assert_cmpuint (g_strv_length (lines), <=, 2);
  if (lines[0] != NULL && lines[1] != NULL)
    g_assert_nonnull (strstr (lines[1], "Document ended unexpectedly"));
}

/* Every problem of a file, a line each in the order found, and none
 * that only follows from another: a drill left out for its motion is
 * still there for the card that names it. */
static void
test_several_problems (void)
{
  const char *xml =
    "<program id=\"p\" version=\"1\">\n"
    "  <title>T</title>\n"
    "  <cards>\n"
    "    <card id=\"a\" illustration=\"safety\" colour=\"red\"><title>A</title><p>x</p></card>\n"
    "    <card id=\"b\" illustration=\"safety\" kind=\"drill\" drill=\"clam\"><title>B</title><p>y</p></card>\n"
    "    <card id=\"c\" illustration=\"safety\" kind=\"drill\" drill=\"nope\"><title>C</title><p>z</p></card>\n"
    "  </cards>\n"
    "  <drills>\n"
    "    <drill id=\"clam\" motion=\"jumping\"><title>J</title><bogus/></drill>\n"
    "    <drill id=\"d\" motion=\"clamshell\"><title>D</title><summary>S</summary>\n"
    "      <reps default=\"99\"/><hold default=\"5\"/><step>x</step><step> </step></drill>\n"
    "  </drills>\n"
    "</program>\n";
  g_autoptr(SteadyProgram) program = NULL;
  g_autoptr(GError) error = NULL;

  program = parse_string (xml, &error);
  g_assert_null (program);
  g_assert_error (error, STEADY_PROGRAM_ERROR, STEADY_PROGRAM_ERROR_UNKNOWN_ATTRIBUTE);
  g_assert_cmpstr (error->message, ==,
                   "test.xml:4:5: <card> has no attribute “colour” (it takes: id, kind, illustration, drill)\n"
                   "test.xml:9:5: <drill motion=\"jumping\">: there is no such motion "
                   "(Steady knows clamshell, quadruped-knee-circles and supine-knee-rotation)\n"
                   "test.xml:11:7: <reps default=\"99\">: 99 is out of range (1 to 50)\n"
                   "test.xml:11:60: <step> in <drill> is empty\n"
                   "test.xml:6:5: <card id=\"c\" drill=\"nope\">: there is no drill with this id");
}

/* The only card and the only drill left out for their own problems: the
 * program is not also said to have none. */
static void
test_problems_no_cascade (void)
{
  const char *xml =
    "<program id=\"p\" version=\"1\"><title>T</title>\n"
    "  <cards><card id=\"a\" illustration=\"kitten\"><title>A</title><p>x</p></card></cards>\n"
    "  <drills><drill id=\"d\" motion=\"clamshell\"><title>D</title><summary>S</summary>\n"
    "    <reps default=\"15\"/><hold default=\"5\"/></drill></drills>\n"
    "</program>\n";
  g_autoptr(SteadyProgram) program = NULL;
  g_autoptr(GError) error = NULL;

  program = parse_string (xml, &error);
  g_assert_null (program);
  g_assert_error (error, STEADY_PROGRAM_ERROR, STEADY_PROGRAM_ERROR_BAD_REFERENCE);
  g_assert_cmpstr (error->message, ==,
                   "test.xml:2:10: <card illustration=\"kitten\">: there is no such illustration\n"
                   "test.xml:3:11: <drill id=\"d\"> needs at least one <step>");
  g_clear_error (&error);

  /* A card's only paragraph, empty, and a drill's only step, with a tag
   * inside: each is wrong, not also the card and the drill for lacking one. */
  xml = "<program id=\"p\" version=\"1\"><title>T</title>\n"
        "  <cards><card id=\"a\" illustration=\"safety\"><title>A</title><p> </p></card></cards>\n"
        "  <drills><drill id=\"d\" motion=\"clamshell\"><title>D</title><summary>S</summary>\n"
        "    <reps default=\"15\"/><hold default=\"5\"/><step>Lie <b>down</b>.</step></drill></drills>\n"
        "</program>\n";
  program = parse_string (xml, &error);
  g_assert_null (program);
  g_assert_cmpstr (error->message, ==,
                   "test.xml:2:61: <p> in <card> is empty\n"
                   "test.xml:4:54: <step> cannot contain <b>");
}

/* A file wrong all through: the first 20 problems, and why no more. */
static void
test_many_problems (void)
{
  GString *xml = g_string_new ("<program id=\"p\" version=\"1\"><title>T</title><cards>\n");
  g_autoptr(SteadyProgram) program = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) lines = NULL;

  for (int i = 0; i < 30; i++)
    g_string_append_printf (xml, "<card id=\"c%d\" illustration=\"safety\" x=\"1\"><title>A</title><p>x</p></card>\n", i);
  g_string_append (xml, "</cards></program>\n");

  program = parse_string (xml->str, &error);
  g_assert_null (program);
  g_assert_error (error, STEADY_PROGRAM_ERROR, STEADY_PROGRAM_ERROR_UNKNOWN_ATTRIBUTE);
  lines = g_strsplit (error->message, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 21);
  g_assert_cmpstr (lines[0], ==, "test.xml:2:1: <card> has no attribute “x” (it takes: id, kind, illustration, drill)");
  g_assert_cmpstr (lines[19], ==, "test.xml:21:1: <card> has no attribute “x” (it takes: id, kind, illustration, drill)");
  g_assert_cmpstr (lines[20], ==, "test.xml: stopped after 20 problems; fix these and check again");
  g_string_free (xml, TRUE);
}

static void
test_bom (void)
{
  g_autofree char *xml = g_strconcat ("\xEF\xBB\xBF", OPEN CARDS DRILLS "</program>\n", NULL);
  g_autoptr(SteadyProgram) program = NULL;
  g_autoptr(GError) error = NULL;

  program = parse_string (xml, &error);
  g_assert_no_error (error);
  g_assert_nonnull (program);
}

static void
test_huge (void)
{
  gsize size = 10 * 1000 * 1000;
  g_autofree char *data = g_malloc (size);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(SteadyProgram) program = NULL;
  g_autoptr(GError) error = NULL;

  memset (data, ' ', size);
  bytes = g_bytes_new_take (g_steal_pointer (&data), size);
  program = steady_program_new_from_bytes (bytes, "huge.xml", &error);
  g_assert_null (program);
  g_assert_error (error, STEADY_PROGRAM_ERROR, STEADY_PROGRAM_ERROR_IO);
  g_assert_cmpstr (error->message, ==, "huge.xml:1:1: the file is 10.0 MB; a program file is at most 4 MB");
}

static void
test_deeply_nested (void)
{
  GString *xml = g_string_new (OPEN CARDS DRILLS);
  g_autoptr(SteadyProgram) program = NULL;
  g_autoptr(GError) error = NULL;

  for (int i = 0; i < 100000; i++)
    g_string_append (xml, "<x>");

  program = parse_string (xml->str, &error);
  g_assert_null (program);
  g_assert_error (error, STEADY_PROGRAM_ERROR, STEADY_PROGRAM_ERROR_UNKNOWN_ELEMENT);
  /* What is within the first <x> is not looked at, and the parser stops
   * where nothing is that deep (a program file nests four deep). */
  g_assert_cmpstr (error->message, ==, "test.xml:15:1: <program> cannot contain <x>\n"
                                       "test.xml:15:94: elements are nested more than 32 deep here; "
                                       "Steady stops reading the file");
  g_string_free (xml, TRUE);
}

static void
test_file_errors (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) missing = g_file_new_for_path ("/nonexistent/steady/program.xml");
  g_autoptr(GFile) folder = NULL;
  g_autofree char *tmp = g_dir_make_tmp ("steady-test-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (tmp, "good.xml", NULL);
  g_autoptr(GFile) good = g_file_new_for_path (path);
  g_autoptr(SteadyProgram) program = NULL;
  g_autofree char *latin1 = NULL;
  g_autoptr(GFile) latin1_file = NULL;

  g_assert_null (steady_program_new_from_file (missing, &error));
  g_assert_error (error, STEADY_PROGRAM_ERROR, STEADY_PROGRAM_ERROR_IO);
  g_assert_true (g_str_has_prefix (error->message, "program.xml: cannot read the file: "));
  g_clear_error (&error);

  folder = g_file_new_for_path (tmp);
  g_assert_null (steady_program_new_from_file (folder, &error));
  g_assert_error (error, STEADY_PROGRAM_ERROR, STEADY_PROGRAM_ERROR_IO);
  g_clear_error (&error);

  g_assert_true (g_file_set_contents (path, OPEN CARDS DRILLS "</program>\n", -1, NULL));
  program = steady_program_new_from_file (good, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (steady_program_get_source_name (program), ==, "good.xml");

  /* A file name that is not UTF-8 (Latin-1 "café") reaches the message
   * as valid UTF-8, never as raw bytes. */
  latin1 = g_build_filename (tmp, "caf\xe9.xml", NULL);
  g_assert_true (g_file_set_contents (latin1, "<program id=\"x\" version=\"1\">\n  <oops/>\n", -1, NULL));
  latin1_file = g_file_new_for_path (latin1);
  g_assert_null (steady_program_new_from_file (latin1_file, &error));
  g_assert_true (g_utf8_validate (error->message, -1, NULL));
  g_assert_true (g_str_has_prefix (error->message, "caf\xef\xbf\xbd.xml:2:"));
  g_clear_error (&error);

  g_unlink (latin1);
  g_unlink (path);
  g_rmdir (tmp);
}

/* Loads $STEADY_TEST_PROGRAM_PATH in a subprocess that may use at most
 * 512 MB: a loader that reads a device without end fails there instead of
 * taking the machine's memory. (AddressSanitizer reserves terabytes of
 * address space up front, so the limit is left out under it.) */
static void
load_special_file (void)
{
  g_autoptr(GFile) file = g_file_new_for_path (g_getenv ("STEADY_TEST_PROGRAM_PATH"));
  g_autoptr(GError) error = NULL;
#ifndef __SANITIZE_ADDRESS__
  struct rlimit limit = { 512 * 1024 * 1024, 512 * 1024 * 1024 };

  g_assert_cmpint (setrlimit (RLIMIT_AS, &limit), ==, 0);
#endif
  g_assert_null (steady_program_new_from_file (file, &error));
  g_assert_error (error, STEADY_PROGRAM_ERROR, STEADY_PROGRAM_ERROR_IO);
  g_printerr ("%s\n", error->message);
}

/* A named pipe would block the reader for ever and /dev/zero would fill
 * the memory: anything that is not a regular file is refused before it is
 * opened. The load runs in a subprocess with a time bound, so that a
 * broken loader fails the test instead of hanging it. */
static void
test_not_regular (void)
{
  g_autofree char *tmp = NULL;
  g_autofree char *fifo = NULL;

  if (g_test_subprocess ())
    {
      load_special_file ();
      return;
    }

  tmp = g_dir_make_tmp ("steady-test-XXXXXX", NULL);
  fifo = g_build_filename (tmp, "pipe.xml", NULL);
  g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);

  g_setenv ("STEADY_TEST_PROGRAM_PATH", fifo, TRUE);
  g_test_trap_subprocess (NULL, 30 * G_USEC_PER_SEC, G_TEST_SUBPROCESS_INHERIT_STDOUT);
  g_test_trap_assert_passed ();
  g_test_trap_assert_stderr ("pipe.xml: is not a regular file\n");

  g_setenv ("STEADY_TEST_PROGRAM_PATH", "/dev/zero", TRUE);
  g_test_trap_subprocess (NULL, 30 * G_USEC_PER_SEC, G_TEST_SUBPROCESS_INHERIT_STDOUT);
  g_test_trap_assert_passed ();
  g_test_trap_assert_stderr ("zero: is not a regular file\n");

  g_unsetenv ("STEADY_TEST_PROGRAM_PATH");
  g_unlink (fifo);
  g_rmdir (tmp);
}

/* A step or tip names the patient's numbers; braces that name nothing
 * stay as they are. */
static void
test_numbers_in_text (void)
{
  const char *xml =
    HEAD OPEN CARDS
    "  <drills>\n"
    "    <drill id=\"rot\" motion=\"supine-knee-rotation\">\n"
    "      <title>Rot</title><summary>S</summary>\n"
    "      <reps default=\"1\" max=\"3\"/><hold default=\"30\" min=\"30\" max=\"60\"/>\n"
    "      <breath in=\"4\" out=\"6\"/>\n"
    "      <step>Hold for {hold} seconds, {reps} times</step>\n"
    "      <tip>In for {breath-in}, out for {breath-out}.</tip>\n"
    "    </drill>\n"
    "  </drills>\n"
    "</program>\n";
  g_autoptr(SteadyProgram) program = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *step = NULL, *tip = NULL, *defaults_step = NULL;
  SteadySessionSettings settings;
  SteadyTextNumbers numbers = 0;
  g_autofree char *unknown = NULL;
  SteadyDrill *drill;

  program = parse_string (xml, &error);
  g_assert_no_error (error);
  drill = steady_program_find_drill (program, "rot");

  /* The text is kept as written; the numbers go in when it is shown. */
  g_assert_cmpstr (steady_drill_get_steps (drill)[0], ==,
                   "Hold for {hold} seconds, {reps} times");

  steady_session_settings_init_from_drill (&settings, drill);
  defaults_step = steady_session_settings_expand_text (&settings, steady_drill_get_steps (drill)[0]);
  g_assert_cmpstr (defaults_step, ==, "Hold for 30 seconds, 1 times");

  settings.hold = 45;
  settings.reps = 2;
  settings.breath_in = 3.5;
  settings.breath_out = 7;
  step = steady_session_settings_expand_text (&settings, steady_drill_get_steps (drill)[0]);
  tip = steady_session_settings_expand_text (&settings, steady_drill_get_tips (drill)[0]);
  g_assert_cmpstr (step, ==, "Hold for 45 seconds, 2 times");
  g_assert_cmpstr (tip, ==, "In for 3.5, out for 7.");

  g_assert_true (steady_session_settings_scan_text (steady_drill_get_steps (drill)[0], &numbers, NULL));
  g_assert_cmpint (numbers, ==, STEADY_TEXT_NUMBER_HOLD | STEADY_TEXT_NUMBER_REPS);
  g_assert_false (steady_session_settings_scan_text ("a {hold} and a {holds}", &numbers, &unknown));
  g_assert_cmpstr (unknown, ==, "{holds}");
  g_clear_pointer (&unknown, g_free);

  /* Every brace belongs to a name: a slip is never shown as it is. */
  {
    const char *bad[][2] = {
      { "In for {breath_in}", "{breath_in}" }, { "{ hold }", "{ hold }" }, { "{reps1}", "{reps1}" },
      { "a {} b", "{}" }, { "{{hold}}", "{" }, { "{hold}}", "}" }, { "x } y", "}" }, { "{hold", "{" },
    };

    for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
      {
        g_assert_false (steady_session_settings_scan_text (bad[i][0], NULL, &unknown));
        g_assert_cmpstr (unknown, ==, bad[i][1]);
        g_clear_pointer (&unknown, g_free);
      }
  }
  /* What expand does with the rest (never in a loaded program): as it is. */
  g_clear_pointer (&step, g_free);
  step = steady_session_settings_expand_text (&settings, "{x} {hold} {reps");
  g_assert_cmpstr (step, ==, "{x} 45 {reps");
}

static void
test_builtin (void)
{
  g_autoptr(SteadyProgram) program = NULL;
  g_autoptr(GError) error = NULL;

  program = steady_program_new_builtin (&error);
  g_assert_no_error (error);
  g_assert_nonnull (program);
  g_assert_cmpstr (steady_program_get_id (program), ==, "hip-stability");
}

/* The environment knobs the kiosk, tests and bench read: a whole number of
 * at least 1, or the fallback for anything else. */
static void
test_env_count (void)
{
  const struct { const char *value; guint expected; } cases[] = {
    { NULL, 7 }, { "", 7 }, { "30", 30 }, { "0", 7 }, { "-5", 7 },
    { "12s", 7 }, { " 12", 7 }, { "99999999999", 7 }, { "4294967295", G_MAXUINT },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      if (cases[i].value != NULL)
        g_setenv ("STEADY_TEST_COUNT", cases[i].value, TRUE);
      else
        g_unsetenv ("STEADY_TEST_COUNT");
      g_assert_cmpuint (steady_env_get_count ("STEADY_TEST_COUNT", 7), ==, cases[i].expected);
    }
  g_unsetenv ("STEADY_TEST_COUNT");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/program/valid", test_valid);
  g_test_add_func ("/program/bom", test_bom);
  g_test_add_func ("/program/huge", test_huge);
  g_test_add_func ("/program/deeply-nested", test_deeply_nested);
  g_test_add_func ("/program/problems/several", test_several_problems);
  g_test_add_func ("/program/problems/no-cascade", test_problems_no_cascade);
  g_test_add_func ("/program/problems/many", test_many_problems);
  g_test_add_func ("/program/file-errors", test_file_errors);
  g_test_add_func ("/program/not-regular", test_not_regular);
  g_test_add_func ("/program/builtin", test_builtin);
  g_test_add_func ("/program/numbers-in-text", test_numbers_in_text);
  g_test_add_func ("/program/env-count", test_env_count);

  for (guint i = 0; i < G_N_ELEMENTS (error_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/program/error/%s", error_cases[i].name);

      g_test_add_data_func (path, &error_cases[i], test_error_case);
    }

  return g_test_run ();
}
