/* test-content.c: the built-in program carries the whole lesson
 *
 * The parser tests check that program files are read correctly; these check
 * what the built-in one says: every card in order, every drill with the
 * narrative's numbers, text that matches those numbers, the safety card's
 * red flags, and paragraphs short enough to read from two metres.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "steady-program.h"
#include "steady-session-settings.h"

typedef struct {
  const char     *id;
  SteadyCardKind  kind;
  const char     *drill;
} ExpectedCard;

static const ExpectedCard expected_cards[] = {
  { "alarm-and-fire",          STEADY_CARD_KIND_NARRATIVE, NULL },
  { "movement-finds-a-way",    STEADY_CARD_KIND_NARRATIVE, NULL },
  { "workplace",               STEADY_CARD_KIND_NARRATIVE, NULL },
  { "sleeping-glutes",         STEADY_CARD_KIND_NARRATIVE, NULL },
  { "spinal-lockdown",         STEADY_CARD_KIND_NARRATIVE, NULL },
  { "pop-teaches-instability", STEADY_CARD_KIND_NARRATIVE, NULL },
  { "wobbly-table",            STEADY_CARD_KIND_NARRATIVE, NULL },
  { "where-it-leads",          STEADY_CARD_KIND_NARRATIVE, NULL },
  { "stop-kicking",            STEADY_CARD_KIND_NARRATIVE, NULL },
  /* Safety before any drill is shown. */
  { "safety",                  STEADY_CARD_KIND_SAFETY,    NULL },
  { "drill-clamshell",         STEADY_CARD_KIND_DRILL,     "clamshell" },
  { "drill-knee-circles",      STEADY_CARD_KIND_DRILL,     "quadruped-knee-circles" },
  { "drill-knee-rotation",     STEADY_CARD_KIND_DRILL,     "supine-knee-rotation" },
};

static SteadyProgram *
load_builtin (void)
{
  g_autoptr(GError) error = NULL;
  SteadyProgram *program = steady_program_new_builtin (&error);

  g_assert_no_error (error);
  g_assert_nonnull (program);
  return program;
}

/* Sentences end in . ! or ? followed by a space or the end of the text. */
static guint
count_sentences (const char *text)
{
  guint n = 0;

  for (const char *p = text; *p != '\0'; p++)
    if ((*p == '.' || *p == '!' || *p == '?') && (p[1] == ' ' || p[1] == '\0'))
      n++;
  return n;
}

static guint
strv_length (const char * const *strv)
{
  return g_strv_length ((char **) strv);
}

static gboolean
strv_contains_substring (const char * const *strv,
                         const char         *needle)
{
  for (guint i = 0; strv[i] != NULL; i++)
    if (strstr (strv[i], needle) != NULL)
      return TRUE;
  return FALSE;
}

static void
test_cards (void)
{
  g_autoptr(SteadyProgram) program = load_builtin ();

  g_assert_cmpstr (steady_program_get_id (program), ==, "hip-stability");
  g_assert_cmpstr (steady_program_get_title (program), !=, "");
  g_assert_cmpuint (steady_program_get_n_cards (program), ==, G_N_ELEMENTS (expected_cards));

  for (guint i = 0; i < G_N_ELEMENTS (expected_cards); i++)
    {
      SteadyCard *card = steady_program_get_card (program, i);
      const char * const *paragraphs;

      g_assert_nonnull (card);
      g_assert_cmpstr (steady_card_get_id (card), ==, expected_cards[i].id);
      g_assert_cmpint (steady_card_get_kind (card), ==, expected_cards[i].kind);
      g_assert_cmpstr (steady_card_get_drill_id (card), ==, expected_cards[i].drill);
      g_assert_cmpstr (steady_card_get_illustration (card), ==, expected_cards[i].id);
      if (expected_cards[i].drill != NULL)
        g_assert_nonnull (steady_program_find_drill (program, expected_cards[i].drill));

      /* Large type, read from two metres: a short title, two to four short
       * paragraphs of one or two sentences each. */
      g_assert_cmpuint (strlen (steady_card_get_title (card)), >, 0);
      g_assert_cmpuint (g_utf8_strlen (steady_card_get_title (card), -1), <=, 45);
      paragraphs = steady_card_get_paragraphs (card);
      g_assert_cmpuint (strv_length (paragraphs), >=, 2);
      g_assert_cmpuint (strv_length (paragraphs), <=, 4);
      for (guint p = 0; paragraphs[p] != NULL; p++)
        {
          if (g_test_verbose ())
            g_test_message ("%s[%u]: %s", expected_cards[i].id, p, paragraphs[p]);
          g_assert_cmpuint (g_utf8_strlen (paragraphs[p], -1), <=, 160);
          g_assert_cmpuint (count_sentences (paragraphs[p]), >=, 1);
          g_assert_cmpuint (count_sentences (paragraphs[p]), <=, 2);
        }
    }
}

static void
assert_range (const SteadyRange *range,
              double             value,
              double             min,
              double             max)
{
  g_assert_true (range->present);
  g_assert_cmpfloat (range->value, ==, value);
  g_assert_cmpfloat (range->min, ==, min);
  g_assert_cmpfloat (range->max, ==, max);
}

static void
assert_steps_and_tips (SteadyDrill *drill)
{
  g_assert_cmpstr (steady_drill_get_title (drill), !=, "");
  g_assert_cmpstr (steady_drill_get_summary (drill), !=, "");
  g_assert_cmpuint (strv_length (steady_drill_get_steps (drill)), >=, 4);
  g_assert_cmpuint (strv_length (steady_drill_get_steps (drill)), <=, 6);
  g_assert_cmpuint (strv_length (steady_drill_get_tips (drill)), >=, 2);
  g_assert_cmpuint (strv_length (steady_drill_get_tips (drill)), <=, 4);
}

/* The numbers the text quotes are the numbers the coach uses. */
static void
assert_card_says (SteadyProgram *program,
                  const char    *card_id,
                  const char    *text)
{
  SteadyCard *card = steady_program_find_card (program, card_id);

  g_assert_nonnull (card);
  if (!strv_contains_substring (steady_card_get_paragraphs (card), text))
    g_error ("card %s does not say “%s”", card_id, text);
}

/* The steps (or tips) as a patient with the drill's default numbers reads
 * them. */
static GStrv
expanded (SteadyDrill        *drill,
          const char * const *texts)
{
  SteadySessionSettings settings;
  GStrv out = g_new0 (char *, g_strv_length ((GStrv) texts) + 1);

  steady_session_settings_init_from_drill (&settings, drill);
  for (guint i = 0; texts[i] != NULL; i++)
    out[i] = steady_session_settings_expand_text (&settings, texts[i]);

  return out;
}

static void
assert_steps_say (SteadyDrill *drill,
                  const char  *text)
{
  g_auto(GStrv) steps = expanded (drill, steady_drill_get_steps (drill));

  if (!strv_contains_substring ((const char * const *) steps, text))
    g_error ("the steps of %s do not say “%s”", steady_drill_get_id (drill), text);
}

static void
test_clamshell (void)
{
  g_autoptr(SteadyProgram) program = load_builtin ();
  SteadyDrill *drill = steady_program_find_drill (program, "clamshell");
  g_autofree char *hold = NULL;
  g_autofree char *reps = NULL;

  g_assert_nonnull (drill);
  g_assert_cmpstr (steady_drill_get_motion (drill), ==, "clamshell");
  g_assert_cmpint (steady_drill_get_sides (drill), ==, STEADY_SIDE_BOTH);
  assert_range (steady_drill_get_reps (drill), 15, 15, 20);
  g_assert_true (steady_drill_get_hold (drill)->present);
  g_assert_cmpfloat (steady_drill_get_hold (drill)->value, ==, 5);
  g_assert_false (steady_drill_get_breath (drill, NULL, NULL));
  g_assert_cmpfloat (steady_drill_get_timing (drill, "get-ready", -1), ==, 5);
  g_assert_cmpfloat (steady_drill_get_timing (drill, "lift", -1), ==, 1);
  g_assert_cmpfloat (steady_drill_get_timing (drill, "lower", -1), ==, 2);
  g_assert_cmpfloat (steady_drill_get_timing (drill, "rest", -1), ==, 2);
  g_assert_cmpfloat (steady_drill_get_timing (drill, "switch", -1), ==, 5);
  /* "a mere inch or two": 2.5–5 cm. */
  g_assert_cmpfloat (steady_drill_get_motion_param (drill, "lift-cm", -1), >=, 2);
  g_assert_cmpfloat (steady_drill_get_motion_param (drill, "lift-cm", -1), <=, 5);
  assert_steps_and_tips (drill);

  hold = g_strdup_printf ("%g seconds", steady_drill_get_hold (drill)->value);
  reps = g_strdup_printf ("%g to %g", steady_drill_get_reps (drill)->min,
                          steady_drill_get_reps (drill)->max);
  /* The steps give the patient's own numbers (here the defaults); the
   * card teaches the narrative's range. */
  assert_steps_say (drill, hold);
  assert_steps_say (drill, "Do 15,");
  assert_steps_say (drill, "2.5–5\302\240cm");
  assert_steps_say (drill, "gluteus medius");
  assert_steps_say (drill, "behind and above your hip bone");
  assert_steps_say (drill, "feet");
  assert_card_says (program, "drill-clamshell", hold);
  assert_card_says (program, "drill-clamshell", reps);
  assert_card_says (program, "drill-clamshell", "2.5–5\302\240cm");
}

static void
test_knee_circles (void)
{
  g_autoptr(SteadyProgram) program = load_builtin ();
  SteadyDrill *drill = steady_program_find_drill (program, "quadruped-knee-circles");

  g_assert_nonnull (drill);
  g_assert_cmpstr (steady_drill_get_motion (drill), ==, "quadruped-knee-circles");
  g_assert_cmpint (steady_drill_get_sides (drill), ==, STEADY_SIDE_BOTH);
  assert_range (steady_drill_get_reps (drill), 5, 3, 10);
  g_assert_false (steady_drill_get_hold (drill)->present);
  g_assert_cmpfloat (steady_drill_get_timing (drill, "circle", -1), ==, 4);
  g_assert_cmpfloat (steady_drill_get_motion_param (drill, "radius-cm", -1), ==, 7);
  assert_steps_and_tips (drill);

  assert_steps_say (drill, "glass of water");
  assert_steps_say (drill, "one way, then the other");
  assert_card_says (program, "drill-knee-circles", "glass of water");
  assert_card_says (program, "drill-knee-circles", "harder than it looks");
}

static void
test_knee_rotation (void)
{
  g_autoptr(SteadyProgram) program = load_builtin ();
  SteadyDrill *drill = steady_program_find_drill (program, "supine-knee-rotation");
  double in = 0, out = 0;
  g_autofree char *hold = NULL;
  g_autofree char *breath = NULL;
  g_auto(GStrv) tips = NULL;

  g_assert_nonnull (drill);
  g_assert_cmpstr (steady_drill_get_motion (drill), ==, "supine-knee-rotation");
  g_assert_cmpint (steady_drill_get_sides (drill), ==, STEADY_SIDE_BOTH);
  assert_range (steady_drill_get_reps (drill), 1, 1, 3);
  assert_range (steady_drill_get_hold (drill), 30, 30, 60);
  g_assert_true (steady_drill_get_breath (drill, &in, &out));
  g_assert_cmpfloat (in, ==, 4);
  g_assert_cmpfloat (out, ==, 6);
  g_assert_cmpfloat (steady_drill_get_timing (drill, "drift", -1), ==, 4);
  g_assert_cmpfloat (steady_drill_get_timing (drill, "return", -1), ==, 4);
  g_assert_cmpfloat (steady_drill_get_motion_param (drill, "angle-deg", -1), ==, 60);
  assert_steps_and_tips (drill);

  hold = g_strdup_printf ("%g to %g seconds", steady_drill_get_hold (drill)->min,
                          steady_drill_get_hold (drill)->max);
  breath = g_strdup_printf ("in for %g seconds and out for %g", in, out);
  assert_steps_say (drill, "Hold for 30 seconds");
  assert_steps_say (drill, "opposite shoulder starts to lift");
  assert_steps_say (drill, "shoulder blades on the floor");
  assert_card_says (program, "drill-knee-rotation", hold);
  tips = expanded (drill, steady_drill_get_tips (drill));
  if (!strv_contains_substring ((const char * const *) tips, breath))
    g_error ("the tips of supine-knee-rotation do not say “%s”", breath);
}

static void
test_safety (void)
{
  g_autoptr(SteadyProgram) program = load_builtin ();
  const SteadyStopRules *rules = steady_program_get_stop_rules (program);
  const char *red_flags[] = {
    "education, not a diagnosis", "sharp pain", "numbness", "weakness",
    "after a fall or injury", "fever", "pain at night", "worse",
    "bladder", "bowel",
  };

  g_assert_nonnull (rules);
  g_assert_cmpint (rules->pain_at_least, ==, 7);
  g_assert_cmpint (rules->pain_rise, ==, 2);
  g_assert_true (rules->painful_pop);

  for (guint i = 0; i < G_N_ELEMENTS (red_flags); i++)
    assert_card_says (program, "safety", red_flags[i]);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/content/cards", test_cards);
  g_test_add_func ("/content/clamshell", test_clamshell);
  g_test_add_func ("/content/knee-circles", test_knee_circles);
  g_test_add_func ("/content/knee-rotation", test_knee_rotation);
  g_test_add_func ("/content/safety", test_safety);

  return g_test_run ();
}
