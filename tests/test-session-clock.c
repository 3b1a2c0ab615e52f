/* test-session-clock.c: pause, resume, skip and restart as arithmetic
 *
 * "now" is a plain number here; the clock never reads a real one. The
 * clamshell of tests/programs/three-drills.xml has reps starting at 5, 15,
 * 25 … 145 (left) and 160 … 300 (right), total 310.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "steady-program.h"
#include "steady-session-clock.h"

typedef struct {
  SteadyTimeline     *timeline;
  SteadySessionClock *clock;
  GArray             *seeks;      /* double: t of every "seeked" */
  guint               n_paused;   /* notify::paused */
} Fixture;

static void
on_seeked (SteadySessionClock *clock,
           double              t,
           Fixture            *f)
{
  g_array_append_val (f->seeks, t);
}

static void
on_notify_paused (SteadySessionClock *clock,
                  GParamSpec         *pspec,
                  Fixture            *f)
{
  f->n_paused++;
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "programs", "three-drills.xml", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(SteadyProgram) program = NULL;
  g_autoptr(GError) error = NULL;

  program = steady_program_new_from_file (file, &error);
  g_assert_no_error (error);
  f->timeline = steady_timeline_new (steady_program_find_drill (program, "clamshell"), NULL, &error);
  g_assert_no_error (error);
  f->clock = steady_session_clock_new (f->timeline);
  f->seeks = g_array_new (FALSE, FALSE, sizeof (double));
  g_signal_connect (f->clock, "seeked", G_CALLBACK (on_seeked), f);
  g_signal_connect (f->clock, "notify::paused", G_CALLBACK (on_notify_paused), f);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_assert_finalize_object (f->clock);
  g_assert_finalize_object (f->timeline);
  g_array_unref (f->seeks);
}

#define assert_time(f, now, expected) \
  g_assert_cmpfloat (steady_session_clock_get_time ((f)->clock, (now)), ==, (expected))

static void
test_pause_resume (Fixture       *f,
                   gconstpointer  data)
{
  SteadySessionClock *clock = f->clock;

  /* A new clock waits at 0 whatever the time. */
  g_assert_true (steady_session_clock_get_paused (clock));
  g_assert_true (steady_session_clock_get_timeline (clock) == f->timeline);
  assert_time (f, 0, 0);
  assert_time (f, 1000, 0);

  steady_session_clock_resume (clock, 100);
  g_assert_false (steady_session_clock_get_paused (clock));
  g_assert_cmpuint (f->n_paused, ==, 1);
  assert_time (f, 100, 0);
  assert_time (f, 103.5, 3.5);

  /* Paused at 105: t stays 5 however long the pause. */
  steady_session_clock_pause (clock, 105);
  g_assert_true (steady_session_clock_get_paused (clock));
  g_assert_cmpuint (f->n_paused, ==, 2);
  assert_time (f, 105, 5);
  assert_time (f, 200, 5);

  /* Pausing again changes nothing and says nothing. */
  steady_session_clock_pause (clock, 250);
  g_assert_cmpuint (f->n_paused, ==, 2);
  assert_time (f, 260, 5);

  /* Resumed at 300: t carries on from 5. */
  steady_session_clock_resume (clock, 300);
  assert_time (f, 300, 5);
  assert_time (f, 301, 6);
  steady_session_clock_resume (clock, 302);
  g_assert_cmpuint (f->n_paused, ==, 3);
  assert_time (f, 302, 7);

  /* The end: t stops at the total and the session is finished. */
  g_assert_false (steady_session_clock_is_finished (clock, 604.999));
  assert_time (f, 605, 310);
  assert_time (f, 10000, 310);
  g_assert_true (steady_session_clock_is_finished (clock, 605));

  /* Pausing after the end keeps the end. */
  steady_session_clock_pause (clock, 700);
  assert_time (f, 800, 310);
  g_assert_cmpuint (f->seeks->len, ==, 0);
}

static void
test_seek (Fixture       *f,
           gconstpointer  data)
{
  SteadySessionClock *clock = f->clock;

  steady_session_clock_resume (clock, 10);
  steady_session_clock_seek (clock, 20, 100);
  assert_time (f, 20, 100);
  assert_time (f, 25, 105);
  g_assert_cmpuint (f->seeks->len, ==, 1);
  g_assert_cmpfloat (g_array_index (f->seeks, double, 0), ==, 100);

  /* Out of range seeks are clamped. */
  steady_session_clock_seek (clock, 30, -50);
  assert_time (f, 30, 0);
  assert_time (f, 31, 1);
  steady_session_clock_seek (clock, 40, 1000);
  assert_time (f, 40, 310);
  g_assert_cmpfloat (g_array_index (f->seeks, double, 2), ==, 310);

  /* A paused seek stays paused. */
  steady_session_clock_pause (clock, 50);
  steady_session_clock_seek (clock, 60, 42);
  g_assert_true (steady_session_clock_get_paused (clock));
  assert_time (f, 60, 42);
  assert_time (f, 90, 42);
  steady_session_clock_resume (clock, 100);
  assert_time (f, 101, 43);
}

static void
test_skip (Fixture       *f,
           gconstpointer  data)
{
  SteadySessionClock *clock = f->clock;

  /* Running, 22 s in: rep 2 (15–25) is holding. */
  steady_session_clock_resume (clock, 1000);
  assert_time (f, 1022, 22);

  steady_session_clock_skip_forward (clock, 1022);
  assert_time (f, 1022, 25);
  assert_time (f, 1023, 26);

  /* Back from inside rep 3 goes to rep 2's start, then rep 1's, then 0. */
  steady_session_clock_skip_back (clock, 1023);
  assert_time (f, 1023, 15);
  steady_session_clock_skip_back (clock, 1023);
  assert_time (f, 1023, 5);
  steady_session_clock_skip_back (clock, 1023);
  assert_time (f, 1023, 0);
  steady_session_clock_skip_back (clock, 1023);
  assert_time (f, 1023, 0);
  assert_time (f, 1024, 1);

  /* From get ready, forward lands on rep 1. */
  steady_session_clock_skip_forward (clock, 1024);
  assert_time (f, 1024, 5);

  /* Across the switch: from the last left rep to the first right one. */
  steady_session_clock_seek (clock, 1030, 150);
  steady_session_clock_skip_forward (clock, 1030);
  assert_time (f, 1030, 160);

  /* From the last rep, forward is the end. */
  steady_session_clock_seek (clock, 1040, 305);
  steady_session_clock_skip_forward (clock, 1040);
  assert_time (f, 1040, 310);
  g_assert_true (steady_session_clock_is_finished (clock, 1040));

  /* Skipping while paused moves t and stays paused. */
  steady_session_clock_pause (clock, 1050);
  steady_session_clock_skip_back (clock, 1060);
  g_assert_true (steady_session_clock_get_paused (clock));
  assert_time (f, 1070, 290);

  g_assert_cmpuint (f->seeks->len, ==, 11);
  g_assert_cmpfloat (g_array_index (f->seeks, double, 0), ==, 25);
  g_assert_cmpfloat (g_array_index (f->seeks, double, 10), ==, 290);
}

static void
test_restart (Fixture       *f,
              gconstpointer  data)
{
  SteadySessionClock *clock = f->clock;

  steady_session_clock_resume (clock, 50);
  assert_time (f, 130, 80);
  steady_session_clock_restart (clock, 130);
  g_assert_false (steady_session_clock_get_paused (clock));
  assert_time (f, 130, 0);
  assert_time (f, 132, 2);

  steady_session_clock_pause (clock, 140);
  steady_session_clock_restart (clock, 150);
  g_assert_true (steady_session_clock_get_paused (clock));
  assert_time (f, 150, 0);
  assert_time (f, 170, 0);
  g_assert_cmpuint (f->seeks->len, ==, 2);
}

static void
test_switch_source (Fixture       *f,
                    gconstpointer  data)
{
  SteadySessionClock *clock = f->clock;

  /* Sound turned off at 30 s into the session: the frame clock reads 7.25
   * when the audio clock read 1030; t carries on from 30 on the new clock. */
  steady_session_clock_resume (clock, 1000);
  steady_session_clock_switch_source (clock, 1030, 7.25);
  assert_time (f, 7.25, 30);
  assert_time (f, 8.25, 31);
  g_assert_cmpuint (f->seeks->len, ==, 0);

  /* Paused, a switch keeps t. */
  steady_session_clock_pause (clock, 10.25);
  steady_session_clock_switch_source (clock, 11, 5000);
  assert_time (f, 5000, 33);
  steady_session_clock_resume (clock, 5000);
  assert_time (f, 5001, 34);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/session-clock/pause-resume", Fixture, NULL, fixture_set_up, test_pause_resume, fixture_tear_down);
  g_test_add ("/session-clock/seek", Fixture, NULL, fixture_set_up, test_seek, fixture_tear_down);
  g_test_add ("/session-clock/skip", Fixture, NULL, fixture_set_up, test_skip, fixture_tear_down);
  g_test_add ("/session-clock/restart", Fixture, NULL, fixture_set_up, test_restart, fixture_tear_down);
  g_test_add ("/session-clock/switch-source", Fixture, NULL, fixture_set_up, test_switch_source, fixture_tear_down);

  return g_test_run ();
}
