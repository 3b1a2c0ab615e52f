/* test-checkin.c: the stop rules on their boundaries
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>
#include <string.h>

#include "steady-checkin.h"

static SteadyCheckin
make (SteadyCheckinMoment moment,
      int                 pain,
      int                 popped,
      int                 painful)
{
  SteadyCheckin c;

  steady_checkin_init (&c, moment);
  c.pain = pain;
  c.popped = popped;
  c.painful = painful;
  return c;
}

static void
test_init_skips_everything (void)
{
  SteadyCheckin c;
  SteadyStopRules rules;

  steady_checkin_init (&c, STEADY_CHECKIN_AFTER);
  steady_stop_rules_init_default (&rules);

  g_assert_cmpint (c.moment, ==, STEADY_CHECKIN_AFTER);
  g_assert_cmpint (c.pop_urge, ==, STEADY_CHECKIN_SKIPPED);
  g_assert_cmpint (c.pain, ==, STEADY_CHECKIN_SKIPPED);
  g_assert_cmpint (c.popped, ==, STEADY_CHECKIN_SKIPPED);
  g_assert_cmpint (c.painful, ==, STEADY_CHECKIN_SKIPPED);
  g_assert_true (steady_checkin_is_valid (&c));
  /* A fully skipped check-in never stops anything. */
  g_assert_cmpint (steady_stop_rules_check (&rules, &c, &c), ==, STEADY_STOP_NONE);
  g_assert_cmpint (steady_stop_rules_check (&rules, NULL, &c), ==, STEADY_STOP_NONE);
}

static void
test_valid_ranges (void)
{
  SteadyCheckin c;

  steady_checkin_init (&c, STEADY_CHECKIN_BEFORE);
  c.pain = 0;
  c.pop_urge = 10;
  c.popped = 0;
  c.painful = 1;
  g_assert_true (steady_checkin_is_valid (&c));

  c.pain = 11;
  g_assert_false (steady_checkin_is_valid (&c));
  c.pain = -2;
  g_assert_false (steady_checkin_is_valid (&c));
  c.pain = 5;
  c.pop_urge = 11;
  g_assert_false (steady_checkin_is_valid (&c));
  c.pop_urge = 5;
  c.popped = 2;
  g_assert_false (steady_checkin_is_valid (&c));
  c.popped = 1;
  c.painful = -3;
  g_assert_false (steady_checkin_is_valid (&c));
  c.painful = STEADY_CHECKIN_SKIPPED;
  g_assert_true (steady_checkin_is_valid (&c));
}

static void
test_pain_at_least (void)
{
  SteadyStopRules rules;
  SteadyCheckin before = make (STEADY_CHECKIN_BEFORE, 6, 0, 0);

  steady_stop_rules_init_default (&rules);
  g_assert_cmpint (rules.pain_at_least, ==, 7);

  /* 6 → 6: no rise, below 7. */
  {
    SteadyCheckin after = make (STEADY_CHECKIN_AFTER, 6, 0, 0);
    g_assert_cmpint (steady_stop_rules_check (&rules, &before, &after), ==, STEADY_STOP_NONE);
  }
  /* Exactly 7 stops, even with no "before". */
  {
    SteadyCheckin after = make (STEADY_CHECKIN_AFTER, 7, 0, 0);
    g_assert_cmpint (steady_stop_rules_check (&rules, NULL, &after), ==, STEADY_STOP_PAIN_HIGH);
    g_assert_cmpint (steady_stop_rules_check (&rules, &before, &after), ==, STEADY_STOP_PAIN_HIGH);
  }
  {
    SteadyCheckin after = make (STEADY_CHECKIN_AFTER, 10, 0, 0);
    g_assert_cmpint (steady_stop_rules_check (&rules, NULL, &after), ==, STEADY_STOP_PAIN_HIGH);
  }
  /* A "before" check-in of 7 already says: do not start. */
  {
    SteadyCheckin first = make (STEADY_CHECKIN_BEFORE, 7, STEADY_CHECKIN_SKIPPED,
                                STEADY_CHECKIN_SKIPPED);
    g_assert_cmpint (steady_stop_rules_check (&rules, NULL, &first), ==, STEADY_STOP_PAIN_HIGH);
  }
  /* A clinic's own threshold, and 0 switching the rule off. */
  rules.pain_at_least = 4;
  {
    SteadyCheckin a3 = make (STEADY_CHECKIN_AFTER, 3, 0, 0);
    SteadyCheckin a4 = make (STEADY_CHECKIN_AFTER, 4, 0, 0);
    g_assert_cmpint (steady_stop_rules_check (&rules, NULL, &a3), ==, STEADY_STOP_NONE);
    g_assert_cmpint (steady_stop_rules_check (&rules, NULL, &a4), ==, STEADY_STOP_PAIN_HIGH);
  }
  rules.pain_at_least = 0;
  {
    SteadyCheckin a10 = make (STEADY_CHECKIN_AFTER, 10, 0, 0);
    g_assert_cmpint (steady_stop_rules_check (&rules, NULL, &a10), ==, STEADY_STOP_NONE);
  }
}

static void
test_pain_rise (void)
{
  SteadyStopRules rules;
  SteadyCheckin before = make (STEADY_CHECKIN_BEFORE, 3, 0, 0);
  SteadyCheckin up1 = make (STEADY_CHECKIN_AFTER, 4, 0, 0);
  SteadyCheckin up2 = make (STEADY_CHECKIN_AFTER, 5, 0, 0);
  SteadyCheckin down = make (STEADY_CHECKIN_AFTER, 1, 0, 0);
  SteadyCheckin skipped_before = make (STEADY_CHECKIN_BEFORE, STEADY_CHECKIN_SKIPPED, 0, 0);
  SteadyCheckin skipped_after = make (STEADY_CHECKIN_AFTER, STEADY_CHECKIN_SKIPPED, 0, 0);

  steady_stop_rules_init_default (&rules);
  g_assert_cmpint (rules.pain_rise, ==, 2);

  g_assert_cmpint (steady_stop_rules_check (&rules, &before, &up1), ==, STEADY_STOP_NONE);
  g_assert_cmpint (steady_stop_rules_check (&rules, &before, &up2), ==, STEADY_STOP_PAIN_RISE);
  g_assert_cmpint (steady_stop_rules_check (&rules, &before, &down), ==, STEADY_STOP_NONE);
  /* Without a "before" pain there is nothing to rise from. */
  g_assert_cmpint (steady_stop_rules_check (&rules, NULL, &up2), ==, STEADY_STOP_NONE);
  g_assert_cmpint (steady_stop_rules_check (&rules, &skipped_before, &up2), ==, STEADY_STOP_NONE);
  g_assert_cmpint (steady_stop_rules_check (&rules, &before, &skipped_after), ==, STEADY_STOP_NONE);

  /* 0 → 2 is a rise of 2. */
  before.pain = 0;
  up2.pain = 2;
  g_assert_cmpint (steady_stop_rules_check (&rules, &before, &up2), ==, STEADY_STOP_PAIN_RISE);

  /* 5 → 7 is both: high pain is named first. */
  before.pain = 5;
  up2.pain = 7;
  g_assert_cmpint (steady_stop_rules_check (&rules, &before, &up2), ==, STEADY_STOP_PAIN_HIGH);

  rules.pain_rise = 3;
  before.pain = 2;
  up2.pain = 4;
  g_assert_cmpint (steady_stop_rules_check (&rules, &before, &up2), ==, STEADY_STOP_NONE);
  up2.pain = 5;
  g_assert_cmpint (steady_stop_rules_check (&rules, &before, &up2), ==, STEADY_STOP_PAIN_RISE);

  rules.pain_rise = 0;
  up2.pain = 6;
  g_assert_cmpint (steady_stop_rules_check (&rules, &before, &up2), ==, STEADY_STOP_NONE);
}

static void
test_painful_pop (void)
{
  SteadyStopRules rules;
  SteadyCheckin before = make (STEADY_CHECKIN_BEFORE, 2, 0, 0);
  SteadyCheckin pop_no_pain = make (STEADY_CHECKIN_AFTER, 2, 1, 0);
  SteadyCheckin pain_no_pop = make (STEADY_CHECKIN_AFTER, 2, 0, 1);
  SteadyCheckin painful_pop = make (STEADY_CHECKIN_AFTER, 2, 1, 1);
  SteadyCheckin pop_skipped = make (STEADY_CHECKIN_AFTER, 2, 1, STEADY_CHECKIN_SKIPPED);
  SteadyCheckin everything = make (STEADY_CHECKIN_AFTER, 9, 1, 1);

  steady_stop_rules_init_default (&rules);
  g_assert_true (rules.painful_pop);

  g_assert_cmpint (steady_stop_rules_check (&rules, &before, &pop_no_pain), ==, STEADY_STOP_NONE);
  g_assert_cmpint (steady_stop_rules_check (&rules, &before, &pain_no_pop), ==, STEADY_STOP_NONE);
  g_assert_cmpint (steady_stop_rules_check (&rules, &before, &pop_skipped), ==, STEADY_STOP_NONE);
  g_assert_cmpint (steady_stop_rules_check (&rules, &before, &painful_pop), ==,
                   STEADY_STOP_PAINFUL_POP);
  /* Even with pain skipped. */
  painful_pop.pain = STEADY_CHECKIN_SKIPPED;
  g_assert_cmpint (steady_stop_rules_check (&rules, NULL, &painful_pop), ==,
                   STEADY_STOP_PAINFUL_POP);
  /* The pop is named first when everything applies. */
  g_assert_cmpint (steady_stop_rules_check (&rules, &before, &everything), ==,
                   STEADY_STOP_PAINFUL_POP);

  rules.painful_pop = FALSE;
  g_assert_cmpint (steady_stop_rules_check (&rules, NULL, &painful_pop), ==, STEADY_STOP_NONE);
  g_assert_cmpint (steady_stop_rules_check (&rules, &before, &everything), ==,
                   STEADY_STOP_PAIN_HIGH);
}

static void
test_reason_strings (void)
{
  SteadyStopRules rules;
  g_autofree char *pop = NULL;
  g_autofree char *high = NULL;
  g_autofree char *rise = NULL;
  SteadyCheckinMoment moment;

  steady_stop_rules_init_default (&rules);
  pop = steady_stop_reason_describe (STEADY_STOP_PAINFUL_POP, &rules);
  high = steady_stop_reason_describe (STEADY_STOP_PAIN_HIGH, &rules);
  rise = steady_stop_reason_describe (STEADY_STOP_PAIN_RISE, &rules);

  g_assert_cmpstr (pop, ==, "painful pop");
  g_assert_cmpstr (high, ==, "pain 7 or more");
  g_assert_cmpstr (rise, ==, "pain up by 2 or more");
  g_assert_null (steady_stop_reason_describe (STEADY_STOP_NONE, &rules));

  g_assert_cmpstr (steady_stop_reason_to_string (STEADY_STOP_PAINFUL_POP), ==, "painful-pop");
  g_assert_cmpstr (steady_stop_reason_to_string (STEADY_STOP_PAIN_HIGH), ==, "pain-high");
  g_assert_cmpstr (steady_stop_reason_to_string (STEADY_STOP_PAIN_RISE), ==, "pain-rise");
  g_assert_null (steady_stop_reason_to_string (STEADY_STOP_NONE));

  g_assert_true (steady_checkin_moment_from_string ("after", &moment));
  g_assert_cmpint (moment, ==, STEADY_CHECKIN_AFTER);
  g_assert_false (steady_checkin_moment_from_string ("during", &moment));
  g_assert_false (steady_checkin_moment_from_string (NULL, &moment));
}

/* The rules come from the program file: the built-in one's, and a clinic's
 * own. */
static void
test_rules_from_program (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SteadyProgram) builtin = steady_program_new_builtin (&error);
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "data", "programs",
                                                 "hip-stability.xml", NULL);
  g_autofree char *xml = NULL;
  g_autofree char *clinic_xml = NULL;
  g_autoptr(GBytes) clinic_bytes = NULL;
  g_autoptr(SteadyProgram) clinic = NULL;
  g_autofree char *why = NULL;
  const SteadyStopRules *rules;
  SteadyStopRules defaults;
  SteadyCheckin before = make (STEADY_CHECKIN_BEFORE, 2, 0, 0);
  SteadyCheckin after = make (STEADY_CHECKIN_AFTER, 4, 1, 1);
  char *end;

  g_assert_no_error (error);
  rules = steady_program_get_stop_rules (builtin);
  steady_stop_rules_init_default (&defaults);
  g_assert_cmpint (rules->pain_at_least, ==, defaults.pain_at_least);
  g_assert_cmpint (rules->pain_rise, ==, defaults.pain_rise);
  g_assert_cmpint (rules->painful_pop, ==, defaults.painful_pop);
  g_assert_cmpint (steady_stop_rules_check (rules, &before, &after), ==, STEADY_STOP_PAINFUL_POP);

  /* A clinic's copy: stop at pain 5, or a rise of 3; a painful pop alone
   * does not stop. */
  g_file_get_contents (path, &xml, NULL, &error);
  g_assert_no_error (error);
  /* The clinic's rules replace the built-in file's own. */
  end = strstr (xml, "<stop-rules");
  if (end == NULL)
    end = strstr (xml, "</program>");
  g_assert_nonnull (end);
  *end = '\0';
  clinic_xml = g_strconcat (xml, "  <stop-rules pain-at-least=\"5\" pain-rise=\"3\""
                            " painful-pop=\"false\"/>\n</program>\n", NULL);
  clinic_bytes = g_bytes_new (clinic_xml, strlen (clinic_xml));
  clinic = steady_program_new_from_bytes (clinic_bytes, "clinic.xml", &error);
  g_assert_no_error (error);
  rules = steady_program_get_stop_rules (clinic);
  g_assert_cmpint (rules->pain_at_least, ==, 5);
  g_assert_cmpint (rules->pain_rise, ==, 3);
  g_assert_false (rules->painful_pop);

  g_assert_cmpint (steady_stop_rules_check (rules, &before, &after), ==, STEADY_STOP_NONE);
  after.pain = 5;
  g_assert_cmpint (steady_stop_rules_check (rules, &before, &after), ==, STEADY_STOP_PAIN_HIGH);
  why = steady_stop_reason_describe (STEADY_STOP_PAIN_HIGH, rules);
  g_assert_cmpstr (why, ==, "pain 5 or more");
  before.pain = 1;
  after.pain = 4;
  g_assert_cmpint (steady_stop_rules_check (rules, &before, &after), ==, STEADY_STOP_PAIN_RISE);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/checkin/init", test_init_skips_everything);
  g_test_add_func ("/checkin/valid-ranges", test_valid_ranges);
  g_test_add_func ("/checkin/stop/pain-at-least", test_pain_at_least);
  g_test_add_func ("/checkin/stop/pain-rise", test_pain_rise);
  g_test_add_func ("/checkin/stop/painful-pop", test_painful_pop);
  g_test_add_func ("/checkin/stop/reasons", test_reason_strings);
  g_test_add_func ("/checkin/stop/from-program", test_rules_from_program);

  return g_test_run ();
}
