/* test-timeline.c: the session timeline, its moments and its cues
 *
 * The numbers come from tests/programs/three-drills.xml, where every
 * timing is set, so the expected totals below can be checked by hand.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "steady-program.h"
#include "steady-timeline.h"

#define EPS 1e-9

static SteadyProgram *
load_program (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "programs", "three-drills.xml", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  SteadyProgram *program = steady_program_new_from_file (file, &error);

  g_assert_no_error (error);
  return program;
}

static SteadyTimeline *
new_timeline (const char                  *drill_id,
              const SteadySessionSettings *settings)
{
  g_autoptr(SteadyProgram) program = load_program ();
  g_autoptr(GError) error = NULL;
  SteadyDrill *drill = steady_program_find_drill (program, drill_id);
  SteadyTimeline *timeline;

  g_assert_nonnull (drill);
  timeline = steady_timeline_new (drill, settings, &error);
  g_assert_no_error (error);
  g_assert_nonnull (timeline);

  return timeline;
}

static void
defaults_for (const char            *drill_id,
              SteadySessionSettings *settings)
{
  g_autoptr(SteadyProgram) program = load_program ();

  steady_session_settings_init_from_drill (settings, steady_program_find_drill (program, drill_id));
}

/* Sum of the durations of every segment of @phase. */
static double
phase_time (SteadyTimeline *timeline,
            SteadyPhase     phase,
            guint          *count)
{
  const SteadySegment *segments;
  guint n;
  double sum = 0;

  segments = steady_timeline_get_segments (timeline, &n);
  *count = 0;
  for (guint i = 0; i < n; i++)
    if (segments[i].phase == phase)
      {
        sum += segments[i].duration;
        (*count)++;
      }

  return sum;
}

/* Segments tile [0, total] and end with a zero-length DONE at total. */
static void
assert_tiles (SteadyTimeline *timeline)
{
  const SteadySegment *segments;
  guint n;
  double t = 0;

  segments = steady_timeline_get_segments (timeline, &n);
  g_assert_cmpuint (n, >=, 2);
  for (guint i = 0; i < n; i++)
    {
      g_assert_cmpfloat_with_epsilon (segments[i].start, t, EPS);
      g_assert_nonnull (segments[i].label);
      g_assert_nonnull (segments[i].counter);
      if (i + 1 < n)
        g_assert_cmpfloat (segments[i].duration, >, 0);
      t += segments[i].duration;
    }
  g_assert_cmpint (segments[n - 1].phase, ==, STEADY_PHASE_DONE);
  g_assert_cmpfloat (segments[n - 1].duration, ==, 0);
  g_assert_cmpfloat_with_epsilon (steady_timeline_get_total (timeline), t, EPS);
}

static void
assert_phase (SteadyTimeline *timeline,
              SteadyPhase     phase,
              guint           count,
              double          seconds)
{
  guint n;
  double sum = phase_time (timeline, phase, &n);

  g_assert_cmpuint (n, ==, count);
  g_assert_cmpfloat_with_epsilon (sum, seconds, EPS);
}

/* Durations */

static void
test_clamshell_default (void)
{
  g_autoptr(SteadyTimeline) timeline = new_timeline ("clamshell", NULL);
  const SteadySegment *segments;
  guint n;

  /* get ready 5 + 2 sides × 15 reps × (lift 1 + hold 5 + lower 2 + rest 2) + switch 5 */
  g_assert_cmpfloat (steady_timeline_get_total (timeline), ==, 5 + 2 * 15 * (1 + 5 + 2 + 2) + 5);
  g_assert_cmpfloat (steady_timeline_get_total (timeline), ==, 310);
  assert_tiles (timeline);
  assert_phase (timeline, STEADY_PHASE_GET_READY, 1, 5);
  assert_phase (timeline, STEADY_PHASE_LIFT, 30, 30);
  assert_phase (timeline, STEADY_PHASE_HOLD, 30, 150);
  assert_phase (timeline, STEADY_PHASE_LOWER, 30, 60);
  assert_phase (timeline, STEADY_PHASE_REST, 30, 60);
  assert_phase (timeline, STEADY_PHASE_SWITCH_SIDES, 1, 5);
  assert_phase (timeline, STEADY_PHASE_DONE, 1, 0);

  segments = steady_timeline_get_segments (timeline, &n);
  g_assert_cmpuint (n, ==, 1 + 2 * 15 * 4 + 1 + 1);
  /* The first rep: lift at 5, hold at 6, lower at 11, rest at 13. */
  g_assert_cmpint (segments[1].phase, ==, STEADY_PHASE_LIFT);
  g_assert_cmpfloat (segments[1].start, ==, 5);
  g_assert_true (segments[1].rep_start);
  g_assert_cmpint (segments[2].phase, ==, STEADY_PHASE_HOLD);
  g_assert_cmpfloat (segments[2].start, ==, 6);
  g_assert_cmpfloat (segments[2].duration, ==, 5);
  g_assert_false (segments[2].rep_start);
  g_assert_cmpint (segments[3].phase, ==, STEADY_PHASE_LOWER);
  g_assert_cmpfloat (segments[3].start, ==, 11);
  g_assert_cmpint (segments[4].phase, ==, STEADY_PHASE_REST);
  g_assert_cmpfloat (segments[4].start, ==, 13);
  g_assert_cmpuint (segments[4].rep, ==, 1);
  g_assert_cmpuint (segments[4].reps, ==, 15);
  g_assert_cmpstr (segments[4].counter, ==, "Rep 1 of 15");
  /* Left side first, then the switch at 5 + 150, then the right side. */
  g_assert_cmpint (segments[60].side, ==, STEADY_SIDE_LEFT);
  g_assert_cmpint (segments[61].phase, ==, STEADY_PHASE_SWITCH_SIDES);
  g_assert_cmpfloat (segments[61].start, ==, 155);
  g_assert_cmpint (segments[61].side, ==, STEADY_SIDE_RIGHT);
  g_assert_cmpstr (segments[61].counter, ==, "Right hip, lying on your left side");
  g_assert_cmpint (segments[62].side, ==, STEADY_SIDE_RIGHT);
  g_assert_cmpfloat (segments[62].start, ==, 160);
  g_assert_cmpuint (segments[62].rep, ==, 1);
}

static void
test_clamshell_edited (void)
{
  SteadySessionSettings settings;
  g_autoptr(SteadyTimeline) timeline = NULL;
  const SteadySegment *segments;
  guint n;

  defaults_for ("clamshell", &settings);
  settings.reps = 20;
  settings.hold = 10;
  settings.sides = STEADY_SIDE_RIGHT;
  timeline = new_timeline ("clamshell", &settings);

  /* One side: no switch. 5 + 20 × (1 + 10 + 2 + 2) */
  g_assert_cmpfloat (steady_timeline_get_total (timeline), ==, 305);
  assert_tiles (timeline);
  assert_phase (timeline, STEADY_PHASE_HOLD, 20, 200);
  assert_phase (timeline, STEADY_PHASE_SWITCH_SIDES, 0, 0);

  segments = steady_timeline_get_segments (timeline, &n);
  for (guint i = 0; i < n; i++)
    g_assert_cmpint (segments[i].side, ==, STEADY_SIDE_RIGHT);

  /* A fractional hold and the file's fallback timings (left-clam sets none:
   * get ready 5, lift 1, lower 2, rest 2). 5 + 3 × (1 + 5.5 + 2 + 2) */
  g_clear_object (&timeline);
  timeline = new_timeline ("left-clam", NULL);
  g_assert_cmpfloat (steady_timeline_get_total (timeline), ==, 36.5);
  assert_tiles (timeline);
}

static void
test_circles (void)
{
  SteadySessionSettings settings;
  g_autoptr(SteadyTimeline) timeline = new_timeline ("knee-circles", NULL);
  const SteadySegment *segments;
  guint n;

  /* 5 + 2 sides × (8 circles × 4 + rest 3 + 8 × 4) + switch 5 */
  g_assert_cmpfloat (steady_timeline_get_total (timeline), ==, 144);
  assert_tiles (timeline);
  assert_phase (timeline, STEADY_PHASE_CIRCLE, 32, 128);
  assert_phase (timeline, STEADY_PHASE_REST, 2, 6);
  assert_phase (timeline, STEADY_PHASE_HOLD, 0, 0);

  segments = steady_timeline_get_segments (timeline, &n);
  g_assert_cmpint (segments[1].direction, ==, 1);
  g_assert_cmpuint (segments[8].rep, ==, 8);
  g_assert_cmpint (segments[9].phase, ==, STEADY_PHASE_REST);
  g_assert_cmpuint (segments[9].rep, ==, 0);
  g_assert_cmpint (segments[10].direction, ==, -1);
  g_assert_cmpuint (segments[10].rep, ==, 1);
  g_assert_cmpstr (segments[10].counter, ==, "Circle 1 of 8 · anticlockwise");

  g_clear_object (&timeline);
  defaults_for ("knee-circles", &settings);
  settings.reps = 12;
  settings.sides = STEADY_SIDE_LEFT;
  timeline = new_timeline ("knee-circles", &settings);
  /* 5 + 12 × 4 + 3 + 12 × 4 */
  g_assert_cmpfloat (steady_timeline_get_total (timeline), ==, 104);
  assert_tiles (timeline);
}

static void
test_rotation (void)
{
  SteadySessionSettings settings;
  g_autoptr(SteadyTimeline) timeline = new_timeline ("knee-rotation", NULL);

  /* 5 + 2 sides × 2 reps × (drift 3 + hold 30 + return 3 + rest 2) + switch 5 */
  g_assert_cmpfloat (steady_timeline_get_total (timeline), ==, 162);
  assert_tiles (timeline);
  assert_phase (timeline, STEADY_PHASE_DRIFT, 4, 12);
  assert_phase (timeline, STEADY_PHASE_HOLD, 4, 120);
  assert_phase (timeline, STEADY_PHASE_RETURN, 4, 12);
  assert_phase (timeline, STEADY_PHASE_REST, 4, 8);

  g_clear_object (&timeline);
  defaults_for ("knee-rotation", &settings);
  settings.reps = 1;
  settings.hold = 60;
  settings.sides = STEADY_SIDE_RIGHT;
  settings.breath_in = 5;
  settings.breath_out = 7;
  timeline = new_timeline ("knee-rotation", &settings);
  /* 5 + 3 + 60 + 3 + 2 */
  g_assert_cmpfloat (steady_timeline_get_total (timeline), ==, 73);
  assert_tiles (timeline);
}

static void
test_invalid_settings (void)
{
  g_autoptr(SteadyProgram) program = load_program ();
  SteadyDrill *clamshell = steady_program_find_drill (program, "clamshell");
  SteadyDrill *circles = steady_program_find_drill (program, "knee-circles");
  SteadyDrill *rotation = steady_program_find_drill (program, "knee-rotation");
  SteadyDrill *left = steady_program_find_drill (program, "left-clam");
  SteadySessionSettings settings;
  g_autoptr(GError) error = NULL;
  SteadyTimeline *timeline;

  steady_session_settings_init_from_drill (&settings, clamshell);
  settings.reps = 60;
  timeline = steady_timeline_new (clamshell, &settings, &error);
  g_assert_null (timeline);
  g_assert_error (error, STEADY_SESSION_SETTINGS_ERROR, STEADY_SESSION_SETTINGS_ERROR_OUT_OF_RANGE);
  g_assert_cmpstr (error->message, ==, "reps 60 is out of range for clamshell (15 to 20)");
  g_clear_error (&error);

  /* Clamping brings it back, and keeps what was in range. */
  settings.hold = 7;
  steady_session_settings_clamp (&settings, clamshell);
  g_assert_cmpuint (settings.reps, ==, 20);
  g_assert_cmpfloat (settings.hold, ==, 7);
  g_assert_true (steady_session_settings_validate (&settings, clamshell, &error));
  g_assert_no_error (error);

  steady_session_settings_init_from_drill (&settings, clamshell);
  settings.hold = 2.5;
  g_assert_false (steady_session_settings_validate (&settings, clamshell, &error));
  g_assert_cmpstr (error->message, ==, "hold 2.5 s is out of range for clamshell (3 to 10)");
  g_clear_error (&error);

  settings.hold = NAN;
  g_assert_false (steady_session_settings_validate (&settings, clamshell, &error));
  g_assert_error (error, STEADY_SESSION_SETTINGS_ERROR, STEADY_SESSION_SETTINGS_ERROR_OUT_OF_RANGE);
  g_clear_error (&error);
  steady_session_settings_clamp (&settings, clamshell);
  g_assert_cmpfloat (settings.hold, ==, 5);

  /* A clamshell has no paced breathing; knee circles have no hold. */
  settings.breath_in = 4;
  settings.breath_out = 6;
  g_assert_false (steady_session_settings_validate (&settings, clamshell, &error));
  g_assert_error (error, STEADY_SESSION_SETTINGS_ERROR, STEADY_SESSION_SETTINGS_ERROR_NOT_ALLOWED);
  g_clear_error (&error);

  steady_session_settings_init_from_drill (&settings, circles);
  g_assert_cmpfloat (settings.hold, ==, 0);
  settings.hold = 5;
  g_assert_false (steady_session_settings_validate (&settings, circles, &error));
  g_assert_cmpstr (error->message, ==, "knee-circles has no hold (hold 5 s was asked for)");
  g_clear_error (&error);

  /* A left-only drill cannot be done on both sides. */
  steady_session_settings_init_from_drill (&settings, left);
  g_assert_cmpint (settings.sides, ==, STEADY_SIDE_LEFT);
  settings.sides = STEADY_SIDE_BOTH;
  g_assert_false (steady_session_settings_validate (&settings, left, &error));
  g_assert_cmpstr (error->message, ==, "side both is not allowed for left-clam (it works left)");
  g_clear_error (&error);
  steady_session_settings_clamp (&settings, left);
  g_assert_cmpint (settings.sides, ==, STEADY_SIDE_LEFT);

  steady_session_settings_init_from_drill (&settings, rotation);
  g_assert_cmpfloat (settings.breath_in, ==, 4);
  g_assert_cmpfloat (settings.breath_out, ==, 6);
  settings.breath_out = 25;
  g_assert_false (steady_session_settings_validate (&settings, rotation, &error));
  g_assert_cmpstr (error->message, ==, "breath 4,25 s is out of range for knee-rotation (3 to 20 s each)");
  g_clear_error (&error);
  settings.hold = 61;
  steady_session_settings_clamp (&settings, rotation);
  g_assert_cmpfloat (settings.hold, ==, 60);
  g_assert_cmpfloat (settings.breath_out, ==, 20);
}

/* Moments */

static void
test_moment_boundaries (void)
{
  g_autoptr(SteadyTimeline) timeline = new_timeline ("clamshell", NULL);
  const SteadySegment *segments;
  SteadyMoment m;
  guint n;

  segments = steady_timeline_get_segments (timeline, &n);

  /* Before the start answers as 0. */
  steady_timeline_get_moment (timeline, -3, &m);
  g_assert_cmpuint (m.segment, ==, 0);
  g_assert_cmpfloat (m.t, ==, 0);
  g_assert_cmpint (m.phase, ==, STEADY_PHASE_GET_READY);
  g_assert_cmpint (m.side, ==, STEADY_SIDE_LEFT);
  g_assert_cmpfloat (m.segment_left, ==, 5);
  g_assert_cmpstr (m.caption, ==, "Get ready: Left hip, lying on your right side");
  g_assert_cmpstr (m.counter, ==, "Left hip, lying on your right side");
  g_assert_cmpstr (m.label, ==, "Get ready");

  steady_timeline_get_moment (timeline, NAN, &m);
  g_assert_cmpuint (m.segment, ==, 0);

  /* Exactly at a segment's start is in that segment. */
  for (guint i = 0; i < n; i++)
    {
      steady_timeline_get_moment (timeline, segments[i].start, &m);
      g_assert_cmpuint (m.segment, ==, i);
      g_assert_cmpint (m.phase, ==, segments[i].phase);
      g_assert_cmpfloat (m.segment_elapsed, ==, 0);
      g_assert_cmpuint (steady_timeline_find_segment (timeline, segments[i].start), ==, i);
    }

  /* Lift of rep 1. */
  steady_timeline_get_moment (timeline, 5, &m);
  g_assert_cmpint (m.phase, ==, STEADY_PHASE_LIFT);
  g_assert_cmpuint (m.rep, ==, 1);
  g_assert_cmpuint (m.reps, ==, 15);
  g_assert_cmpstr (m.counter, ==, "Rep 1 of 15");
  g_assert_cmpstr (m.caption, ==, "Rep 1 of 15: lift your top knee");
  g_assert_cmpfloat (m.motion.amount, ==, 0);
  g_assert_true (m.motion.working);
  g_assert_cmpfloat (m.hold_left, ==, 0);

  steady_timeline_get_moment (timeline, 5.5, &m);
  g_assert_cmpfloat_with_epsilon (m.motion.amount, 0.5, EPS);
  g_assert_cmpfloat_with_epsilon (m.segment_progress, 0.5, EPS);

  /* The hold: the knee fully open, the ring empties over 5 s. */
  steady_timeline_get_moment (timeline, 6, &m);
  g_assert_cmpint (m.phase, ==, STEADY_PHASE_HOLD);
  g_assert_cmpfloat (m.motion.amount, ==, 1);
  g_assert_cmpfloat (m.hold_left, ==, 5);
  g_assert_cmpfloat (m.hold_progress, ==, 0);
  g_assert_cmpstr (m.caption, ==, "Hold for 5 seconds");

  steady_timeline_get_moment (timeline, 7.5, &m);
  g_assert_cmpfloat (m.hold_left, ==, 3.5);
  g_assert_cmpfloat_with_epsilon (m.hold_progress, 0.3, EPS);
  g_assert_cmpfloat (m.motion.amount, ==, 1);
  g_assert_true (m.motion.working);
  /* A tick (at 7) does not replace the caption. */
  g_assert_cmpstr (m.caption, ==, "Hold for 5 seconds");
  g_assert_cmpint (m.breath, ==, STEADY_BREATH_NONE);
  g_assert_cmpfloat (m.motion.breath, ==, 0);

  steady_timeline_get_moment (timeline, 8, &m);
  g_assert_cmpstr (m.caption, ==, "3");
  steady_timeline_get_moment (timeline, 10.999, &m);
  g_assert_cmpstr (m.caption, ==, "1");
  g_assert_cmpfloat_with_epsilon (m.hold_left, 0.001, 1e-6);

  /* The hold's end is the lower's start; the release chime and the
   * prompt share the time and the prompt is what stays on screen. */
  steady_timeline_get_moment (timeline, 11, &m);
  g_assert_cmpint (m.phase, ==, STEADY_PHASE_LOWER);
  g_assert_cmpfloat (m.motion.amount, ==, 1);
  g_assert_cmpfloat (m.hold_left, ==, 0);
  g_assert_cmpstr (m.caption, ==, "Release · Lower slowly, with control");

  steady_timeline_get_moment (timeline, 12, &m);
  g_assert_cmpfloat_with_epsilon (m.motion.amount, 0.5, EPS);

  steady_timeline_get_moment (timeline, 13, &m);
  g_assert_cmpint (m.phase, ==, STEADY_PHASE_REST);
  g_assert_cmpfloat (m.motion.amount, ==, 0);
  g_assert_false (m.motion.working);
  g_assert_cmpstr (m.caption, ==, "Rest");

  /* The switch: the side is the one about to work. */
  steady_timeline_get_moment (timeline, 157, &m);
  g_assert_cmpint (m.phase, ==, STEADY_PHASE_SWITCH_SIDES);
  g_assert_cmpint (m.side, ==, STEADY_SIDE_RIGHT);
  g_assert_cmpint (m.motion.side, ==, STEADY_SIDE_RIGHT);
  g_assert_cmpstr (m.caption, ==, "Switch sides: Right hip, lying on your left side");
  g_assert_cmpuint (m.rep, ==, 0);

  steady_timeline_get_moment (timeline, 160, &m);
  g_assert_cmpint (m.phase, ==, STEADY_PHASE_LIFT);
  g_assert_cmpint (m.side, ==, STEADY_SIDE_RIGHT);
  g_assert_cmpuint (m.rep, ==, 1);

  /* The end, and after it. */
  steady_timeline_get_moment (timeline, 309.999, &m);
  g_assert_cmpint (m.phase, ==, STEADY_PHASE_REST);
  g_assert_cmpuint (m.rep, ==, 15);
  for (guint k = 0; k < 2; k++)
    {
      steady_timeline_get_moment (timeline, k == 0 ? 310 : 1e6, &m);
      g_assert_cmpuint (m.segment, ==, n - 1);
      g_assert_cmpint (m.phase, ==, STEADY_PHASE_DONE);
      g_assert_cmpfloat (m.t, ==, 310);
      g_assert_cmpfloat (m.segment_left, ==, 0);
      g_assert_cmpstr (m.caption, ==, "Done. Well done!");
      g_assert_cmpint (m.side, ==, STEADY_SIDE_RIGHT);
    }
}

static void
test_moment_circles (void)
{
  g_autoptr(SteadyTimeline) timeline = new_timeline ("knee-circles", NULL);
  SteadyMoment m;
  double previous = -1;

  /* Circle 2 (5 + 4 = 9 to 13): the angle goes round once, clockwise. */
  for (double t = 9; t < 13; t += 0.25)
    {
      steady_timeline_get_moment (timeline, t, &m);
      g_assert_cmpint (m.phase, ==, STEADY_PHASE_CIRCLE);
      g_assert_cmpuint (m.rep, ==, 2);
      g_assert_cmpint (m.direction, ==, 1);
      g_assert_cmpint (m.motion.direction, ==, 1);
      g_assert_cmpfloat (m.motion.angle, >, previous);
      g_assert_cmpfloat (m.motion.amount, ==, 1);
      g_assert_true (m.motion.working);
      previous = m.motion.angle;
    }
  steady_timeline_get_moment (timeline, 10, &m);
  g_assert_cmpfloat_with_epsilon (m.motion.angle, G_PI / 2, EPS);
  steady_timeline_get_moment (timeline, 11, &m);
  g_assert_cmpfloat_with_epsilon (m.motion.angle, G_PI, EPS);
  g_assert_cmpstr (m.counter, ==, "Circle 2 of 8 · clockwise");
  g_assert_cmpstr (m.caption, ==, "Circle 2 of 8 · clockwise");

  /* The first circle eases the knee out onto the circle; the last eases it back. */
  steady_timeline_get_moment (timeline, 5, &m);
  g_assert_cmpfloat (m.motion.amount, ==, 0);
  steady_timeline_get_moment (timeline, 5.5, &m);
  g_assert_cmpfloat_with_epsilon (m.motion.amount, 0.5, EPS);
  steady_timeline_get_moment (timeline, 6, &m);
  g_assert_cmpfloat (m.motion.amount, ==, 1);
  steady_timeline_get_moment (timeline, 36.5, &m);
  g_assert_cmpfloat_with_epsilon (m.motion.amount, 0.5, EPS);

  /* The rest between directions, then anticlockwise: the angle goes down. */
  steady_timeline_get_moment (timeline, 38, &m);
  g_assert_cmpint (m.phase, ==, STEADY_PHASE_REST);
  g_assert_cmpfloat (m.motion.amount, ==, 0);
  g_assert_cmpstr (m.caption, ==, "Rest, then circle the other way");
  steady_timeline_get_moment (timeline, 45, &m);
  g_assert_cmpint (m.direction, ==, -1);
  g_assert_cmpuint (m.rep, ==, 2);
  g_assert_cmpfloat_with_epsilon (m.motion.angle, -G_PI / 2, EPS);
  g_assert_cmpstr (m.counter, ==, "Circle 2 of 8 · anticlockwise");
}

static void
test_moment_breath (void)
{
  g_autoptr(SteadyTimeline) timeline = new_timeline ("knee-rotation", NULL);
  SteadyMoment m;

  /* Drift 5–8, hold 8–38 with 3 breaths of 4 s in and 6 s out. */
  steady_timeline_get_moment (timeline, 6.5, &m);
  g_assert_cmpint (m.phase, ==, STEADY_PHASE_DRIFT);
  g_assert_cmpfloat_with_epsilon (m.motion.amount, 0.5, EPS);
  g_assert_cmpstr (m.caption, ==, "Rep 1 of 2: let your knees drift to the left");

  steady_timeline_get_moment (timeline, 8, &m);
  g_assert_cmpint (m.phase, ==, STEADY_PHASE_HOLD);
  g_assert_cmpint (m.breath, ==, STEADY_BREATH_IN);
  g_assert_cmpfloat (m.breath_progress, ==, 0);
  g_assert_cmpfloat (m.motion.breath, ==, 0);
  g_assert_cmpuint (m.breath_number, ==, 1);
  g_assert_cmpuint (m.n_breaths, ==, 3);
  g_assert_cmpfloat (m.motion.amount, ==, 1);
  g_assert_false (m.motion.working);
  g_assert_cmpstr (m.caption, ==, "Hold for 30 seconds · Breathe in");

  steady_timeline_get_moment (timeline, 10, &m);
  g_assert_cmpint (m.breath, ==, STEADY_BREATH_IN);
  g_assert_cmpfloat_with_epsilon (m.breath_progress, 0.5, EPS);
  g_assert_cmpfloat_with_epsilon (m.motion.breath, 0.5, EPS);

  steady_timeline_get_moment (timeline, 12, &m);
  g_assert_cmpint (m.breath, ==, STEADY_BREATH_OUT);
  g_assert_cmpfloat (m.breath_progress, ==, 0);
  g_assert_cmpfloat (m.motion.breath, ==, 1);
  g_assert_cmpstr (m.caption, ==, "Breathe out");

  steady_timeline_get_moment (timeline, 15, &m);
  g_assert_cmpfloat_with_epsilon (m.breath_progress, 0.5, EPS);
  g_assert_cmpfloat_with_epsilon (m.motion.breath, 0.5, EPS);

  steady_timeline_get_moment (timeline, 18, &m);
  g_assert_cmpint (m.breath, ==, STEADY_BREATH_IN);
  g_assert_cmpuint (m.breath_number, ==, 2);

  steady_timeline_get_moment (timeline, 37.9, &m);
  g_assert_cmpint (m.breath, ==, STEADY_BREATH_OUT);
  g_assert_cmpuint (m.breath_number, ==, 3);
  g_assert_cmpfloat_with_epsilon (m.hold_left, 0.1, 1e-9);
  g_assert_cmpfloat (m.motion.breath, <, 0.01);

  steady_timeline_get_moment (timeline, 38, &m);
  g_assert_cmpint (m.phase, ==, STEADY_PHASE_RETURN);
  g_assert_cmpint (m.breath, ==, STEADY_BREATH_NONE);
  g_assert_cmpfloat (m.motion.amount, ==, 1);
  g_assert_true (m.motion.working);
}

/* Cues */

static void
count_cues (SteadyTimeline *timeline,
            guint           counts[STEADY_CUE_PROMPT + 1])
{
  const SteadyCue *cues;
  guint n;

  memset (counts, 0, sizeof (guint) * (STEADY_CUE_PROMPT + 1));
  cues = steady_timeline_get_cues (timeline, &n);
  for (guint i = 0; i < n; i++)
    {
      counts[cues[i].kind]++;
      g_assert_nonnull (cues[i].caption);
      g_assert_cmpstr (cues[i].caption, !=, "");
      g_assert_cmpfloat (cues[i].time, >=, 0);
      g_assert_cmpfloat (cues[i].time, <=, steady_timeline_get_total (timeline));
      if (i > 0)
        g_assert_cmpfloat (cues[i].time, >=, cues[i - 1].time);
    }
}

/* For every hold: one beat per whole second inside it, the last three the
 * countdown 3-2-1 at end - 3, end - 2, end - 1, and the release at the end. */
static void
assert_hold_beats (SteadyTimeline *timeline)
{
  const SteadySegment *segments;
  guint n_segments, n_holds = 0;

  segments = steady_timeline_get_segments (timeline, &n_segments);
  for (guint i = 0; i < n_segments; i++)
    {
      const SteadySegment *hold = &segments[i];
      double end = hold->start + hold->duration;
      const SteadyCue *cues;
      guint n, ticks = 0, expected_beats = (guint) ceil (hold->duration) - 1;
      int next_countdown = MIN (3, (int) expected_beats);
      gboolean released = FALSE;

      if (hold->phase != STEADY_PHASE_HOLD)
        continue;
      n_holds++;

      /* The hold's own cues: (start, end]. */
      cues = steady_timeline_find_cues (timeline, nextafter (hold->start, G_MAXDOUBLE),
                                        nextafter (end, G_MAXDOUBLE), &n);
      for (guint j = 0; j < n; j++)
        {
          if (cues[j].kind == STEADY_CUE_TICK)
            {
              /* Ticks come before the countdown and say the seconds left. */
              g_assert_cmpint (next_countdown, ==, MIN (3, (int) expected_beats));
              g_assert_cmpfloat_with_epsilon (end - cues[j].time, expected_beats - ticks, EPS);
              ticks++;
            }
          else if (cues[j].kind == STEADY_CUE_COUNTDOWN)
            {
              g_assert_cmpint (cues[j].number, ==, next_countdown);
              g_assert_cmpfloat_with_epsilon (cues[j].time, end - next_countdown, EPS);
              g_assert_nonnull (cues[j].speech);
              next_countdown--;
            }
          else if (cues[j].kind == STEADY_CUE_RELEASE)
            {
              g_assert_cmpfloat (cues[j].time, ==, end);
              released = TRUE;
            }
        }
      g_assert_cmpuint (ticks + MIN (3, expected_beats), ==, expected_beats);
      g_assert_cmpint (next_countdown, ==, 0);
      g_assert_true (released);
    }
  g_assert_cmpuint (n_holds, >, 0);
}

static void
test_cues_clamshell (void)
{
  g_autoptr(SteadyTimeline) timeline = new_timeline ("clamshell", NULL);
  guint counts[STEADY_CUE_PROMPT + 1];
  const SteadyCue *cues;
  guint n;

  count_cues (timeline, counts);
  /* 30 holds of 5 s: 4 beats each, 1 tick then 3-2-1. */
  g_assert_cmpuint (counts[STEADY_CUE_TICK], ==, 30);
  g_assert_cmpuint (counts[STEADY_CUE_COUNTDOWN], ==, 90);
  g_assert_cmpuint (counts[STEADY_CUE_RELEASE], ==, 30);
  g_assert_cmpuint (counts[STEADY_CUE_BREATH_IN], ==, 0);
  g_assert_cmpuint (counts[STEADY_CUE_BREATH_OUT], ==, 0);
  g_assert_cmpuint (counts[STEADY_CUE_SWITCH_SIDES], ==, 1);
  g_assert_cmpuint (counts[STEADY_CUE_DONE], ==, 1);
  /* Get ready, and per rep: lift, hold, lower, rest. */
  g_assert_cmpuint (counts[STEADY_CUE_PROMPT], ==, 1 + 30 * 4);
  assert_hold_beats (timeline);

  cues = steady_timeline_get_cues (timeline, &n);
  g_assert_cmpint (cues[0].kind, ==, STEADY_CUE_PROMPT);
  g_assert_cmpfloat (cues[0].time, ==, 0);
  g_assert_cmpstr (cues[0].speech, ==, "Get ready");
  g_assert_cmpint (cues[n - 1].kind, ==, STEADY_CUE_DONE);
  g_assert_cmpfloat (cues[n - 1].time, ==, 310);

  /* The rep prompt carries the rep number and says it. */
  cues = steady_timeline_find_cues (timeline, 75, 76, &n);
  g_assert_cmpuint (n, ==, 1);
  g_assert_cmpint (cues[0].kind, ==, STEADY_CUE_PROMPT);
  g_assert_cmpint (cues[0].number, ==, 8);
  g_assert_cmpstr (cues[0].speech, ==, "Rep 8, lift");
  g_assert_cmpstr (cues[0].caption, ==, "Rep 8 of 15: lift your top knee");

  /* At the hold's end: the chime first, then the next prompt. */
  cues = steady_timeline_find_cues (timeline, 11, 12, &n);
  g_assert_cmpuint (n, ==, 2);
  g_assert_cmpint (cues[0].kind, ==, STEADY_CUE_RELEASE);
  g_assert_cmpint (cues[1].kind, ==, STEADY_CUE_PROMPT);
  g_assert_cmpstr (cues[1].speech, ==, "Lower");

  /* The switch. */
  cues = steady_timeline_find_cues (timeline, 155, 156, &n);
  g_assert_cmpuint (n, ==, 1);
  g_assert_cmpint (cues[0].kind, ==, STEADY_CUE_SWITCH_SIDES);
  g_assert_cmpstr (cues[0].speech, ==, "Switch sides");

  /* Nothing due in an empty range or a backwards one. */
  g_assert_null (steady_timeline_find_cues (timeline, 13.5, 14.5, &n));
  g_assert_cmpuint (n, ==, 0);
  g_assert_null (steady_timeline_find_cues (timeline, 20, 10, &n));
  g_assert_cmpuint (n, ==, 0);
}

static void
test_cues_fractional_hold (void)
{
  g_autoptr(SteadyTimeline) timeline = new_timeline ("left-clam", NULL);
  const SteadyCue *cues;
  guint counts[STEADY_CUE_PROMPT + 1];
  guint n;

  /* Hold 5.5 s from 6 to 11.5: ticks at 6.5 and 7.5, 3-2-1 at 8.5, 9.5,
   * 10.5, release at 11.5. */
  count_cues (timeline, counts);
  g_assert_cmpuint (counts[STEADY_CUE_TICK], ==, 3 * 2);
  g_assert_cmpuint (counts[STEADY_CUE_COUNTDOWN], ==, 3 * 3);
  g_assert_cmpuint (counts[STEADY_CUE_SWITCH_SIDES], ==, 0);
  assert_hold_beats (timeline);

  cues = steady_timeline_find_cues (timeline, 6.1, 11.6, &n);
  g_assert_cmpuint (n, ==, 7);
  g_assert_cmpfloat (cues[0].time, ==, 6.5);
  g_assert_cmpstr (cues[0].caption, ==, "5 seconds left");
  g_assert_cmpfloat (cues[1].time, ==, 7.5);
  g_assert_cmpfloat (cues[2].time, ==, 8.5);
  g_assert_cmpint (cues[2].number, ==, 3);
  g_assert_cmpfloat (cues[5].time, ==, 11.5);
  g_assert_cmpint (cues[5].kind, ==, STEADY_CUE_RELEASE);
}

/* Every breath cue lasts exactly its phase: the moment at its start is
 * that breath at progress 0, and it ends where the next one starts or the
 * hold ends. */
static void
assert_breaths (SteadyTimeline *timeline,
                guint           expected_per_hold,
                double          last_in,
                double          last_out)
{
  const SteadySegment *segments;
  guint n_segments;

  segments = steady_timeline_get_segments (timeline, &n_segments);
  for (guint i = 0; i < n_segments; i++)
    {
      const SteadySegment *hold = &segments[i];
      double end = hold->start + hold->duration;
      double t;
      const SteadyCue *cues;
      guint n, breaths = 0;
      const SteadyCue *last_cue_in = NULL, *last_cue_out = NULL;

      if (hold->phase != STEADY_PHASE_HOLD)
        continue;

      t = hold->start;
      cues = steady_timeline_find_cues (timeline, hold->start, end, &n);
      for (guint j = 0; j < n; j++)
        {
          SteadyMoment m;

          if (cues[j].kind != STEADY_CUE_BREATH_IN && cues[j].kind != STEADY_CUE_BREATH_OUT)
            continue;

          /* They follow each other with no gap: in, out, in, out… */
          g_assert_cmpfloat_with_epsilon (cues[j].time, t, EPS);
          g_assert_cmpint (cues[j].kind, ==, (breaths % 2) ? STEADY_CUE_BREATH_OUT : STEADY_CUE_BREATH_IN);
          g_assert_nonnull (cues[j].speech);
          steady_timeline_get_moment (timeline, cues[j].time, &m);
          g_assert_cmpint (m.breath, ==, cues[j].kind == STEADY_CUE_BREATH_IN ? STEADY_BREATH_IN : STEADY_BREATH_OUT);
          g_assert_cmpfloat_with_epsilon (m.breath_progress, 0, EPS);
          steady_timeline_get_moment (timeline, cues[j].time + cues[j].duration * 0.999, &m);
          g_assert_cmpint (m.breath, ==, cues[j].kind == STEADY_CUE_BREATH_IN ? STEADY_BREATH_IN : STEADY_BREATH_OUT);
          g_assert_cmpfloat_with_epsilon (m.breath_progress, 0.999, 1e-6);

          t += cues[j].duration;
          if (cues[j].kind == STEADY_CUE_BREATH_IN)
            last_cue_in = &cues[j];
          else
            last_cue_out = &cues[j];
          breaths++;
        }

      /* The hold ends at the end of an out-breath. */
      g_assert_cmpfloat_with_epsilon (t, end, EPS);
      g_assert_cmpuint (breaths, ==, 2 * expected_per_hold);
      g_assert_cmpfloat_with_epsilon (last_cue_in->duration, last_in, EPS);
      g_assert_cmpfloat_with_epsilon (last_cue_out->duration, last_out, EPS);
    }
}

static void
test_cues_breath (void)
{
  SteadySessionSettings settings;
  g_autoptr(SteadyTimeline) timeline = new_timeline ("knee-rotation", NULL);
  guint counts[STEADY_CUE_PROMPT + 1];

  /* 4 holds of 30 s: 3 whole breaths of 4 + 6 each. */
  count_cues (timeline, counts);
  g_assert_cmpuint (counts[STEADY_CUE_BREATH_IN], ==, 12);
  g_assert_cmpuint (counts[STEADY_CUE_BREATH_OUT], ==, 12);
  g_assert_cmpuint (counts[STEADY_CUE_TICK], ==, 4 * 26);
  g_assert_cmpuint (counts[STEADY_CUE_COUNTDOWN], ==, 4 * 3);
  g_assert_cmpuint (counts[STEADY_CUE_RELEASE], ==, 4);
  assert_breaths (timeline, 3, 4, 6);
  assert_hold_beats (timeline);

  /* 45 s of 4 + 6: four breaths, the last stretched to 15 s (6 in, 9 out). */
  g_clear_object (&timeline);
  defaults_for ("knee-rotation", &settings);
  settings.hold = 45;
  timeline = new_timeline ("knee-rotation", &settings);
  assert_breaths (timeline, 4, 6, 9);

  /* 60 s of 5 + 7: five breaths, exactly. */
  g_clear_object (&timeline);
  settings.hold = 60;
  settings.breath_in = 5;
  settings.breath_out = 7;
  timeline = new_timeline ("knee-rotation", &settings);
  assert_breaths (timeline, 5, 5, 7);

  /* 31 s of 20 + 20: one breath shrunk to fit. */
  g_clear_object (&timeline);
  settings.hold = 31;
  settings.breath_in = 20;
  settings.breath_out = 20;
  timeline = new_timeline ("knee-rotation", &settings);
  assert_breaths (timeline, 1, 15.5, 15.5);
}

static void
test_cues_circles (void)
{
  g_autoptr(SteadyTimeline) timeline = new_timeline ("knee-circles", NULL);
  guint counts[STEADY_CUE_PROMPT + 1];
  const SteadyCue *cues;
  guint n;

  count_cues (timeline, counts);
  g_assert_cmpuint (counts[STEADY_CUE_TICK], ==, 0);
  g_assert_cmpuint (counts[STEADY_CUE_COUNTDOWN], ==, 0);
  /* Get ready, 32 circles, 2 rests. */
  g_assert_cmpuint (counts[STEADY_CUE_PROMPT], ==, 1 + 32 + 2);
  g_assert_cmpuint (counts[STEADY_CUE_SWITCH_SIDES], ==, 1);
  g_assert_cmpuint (counts[STEADY_CUE_DONE], ==, 1);

  cues = steady_timeline_find_cues (timeline, 40, 48, &n);
  g_assert_cmpuint (n, ==, 2);
  g_assert_cmpint (cues[0].number, ==, 1);
  g_assert_cmpstr (cues[0].speech, ==, "Circle anticlockwise");
  g_assert_cmpint (cues[1].number, ==, 2);
  g_assert_cmpstr (cues[1].speech, ==, "2");
  g_assert_cmpstr (cues[1].caption, ==, "Circle 2 of 8 · anticlockwise");
}

/* Skips */

static void
test_rep_starts (void)
{
  g_autoptr(SteadyTimeline) clamshell = new_timeline ("clamshell", NULL);
  g_autoptr(SteadyTimeline) circles = new_timeline ("knee-circles", NULL);

  /* Clamshell reps start at 5, 15, 25 … 145 (left), 160 … 300 (right). */
  g_assert_cmpfloat (steady_timeline_next_rep_start (clamshell, 0), ==, 5);
  g_assert_cmpfloat (steady_timeline_next_rep_start (clamshell, 5), ==, 15);
  g_assert_cmpfloat (steady_timeline_next_rep_start (clamshell, 14.9), ==, 15);
  g_assert_cmpfloat (steady_timeline_next_rep_start (clamshell, 150), ==, 160);
  g_assert_cmpfloat (steady_timeline_next_rep_start (clamshell, 300), ==, 310);
  g_assert_cmpfloat (steady_timeline_next_rep_start (clamshell, 310), ==, 310);

  g_assert_cmpfloat (steady_timeline_previous_rep_start (clamshell, 0), ==, 0);
  g_assert_cmpfloat (steady_timeline_previous_rep_start (clamshell, 4), ==, 0);
  g_assert_cmpfloat (steady_timeline_previous_rep_start (clamshell, 8), ==, 0);
  g_assert_cmpfloat (steady_timeline_previous_rep_start (clamshell, 15), ==, 5);
  g_assert_cmpfloat (steady_timeline_previous_rep_start (clamshell, 24), ==, 5);
  g_assert_cmpfloat (steady_timeline_previous_rep_start (clamshell, 157), ==, 135);
  g_assert_cmpfloat (steady_timeline_previous_rep_start (clamshell, 161), ==, 145);
  g_assert_cmpfloat (steady_timeline_previous_rep_start (clamshell, 310), ==, 290);

  /* Circles: each circle is a rep; the rest between directions is not. */
  g_assert_cmpfloat (steady_timeline_next_rep_start (circles, 34), ==, 40);
  g_assert_cmpfloat (steady_timeline_previous_rep_start (circles, 41), ==, 33);
}

/* Timings of 0 leave their segments out; a clinic may want no rests. */
static void
test_zero_timings (void)
{
  const char *xml =
    "<program id=\"z\" version=\"1\"><title>Z</title>\n"
    "<cards><card id=\"a\" illustration=\"safety\"><title>A</title><p>x</p></card></cards>\n"
    "<drills>\n"
    "<drill id=\"clam\" motion=\"clamshell\"><title>C</title><summary>S</summary>\n"
    "<reps default=\"2\"/><hold default=\"3\"/>\n"
    "<timing get-ready=\"0\" lift=\"0.5\" lower=\"1.5\" rest=\"0\" switch=\"0\"/><step>x</step></drill>\n"
    "<drill id=\"circ\" motion=\"quadruped-knee-circles\" sides=\"right\"><title>C</title><summary>S</summary>\n"
    "<reps default=\"2\"/><timing get-ready=\"2\" circle=\"2.5\" rest=\"0\"/><step>x</step></drill>\n"
    "</drills></program>\n";
  g_autoptr(GBytes) bytes = g_bytes_new_static (xml, strlen (xml));
  g_autoptr(GError) error = NULL;
  g_autoptr(SteadyProgram) program = steady_program_new_from_bytes (bytes, "zero.xml", &error);
  g_autoptr(SteadyTimeline) clam = NULL;
  g_autoptr(SteadyTimeline) circ = NULL;
  const SteadySegment *segments;
  const SteadyCue *cues;
  guint n, counts[STEADY_CUE_PROMPT + 1];

  g_assert_no_error (error);
  clam = steady_timeline_new (steady_program_find_drill (program, "clam"), NULL, &error);
  g_assert_no_error (error);

  /* 2 sides × 2 × (0.5 + 3 + 1.5): no get ready, rests or switch segment. */
  g_assert_cmpfloat (steady_timeline_get_total (clam), ==, 20);
  assert_tiles (clam);
  segments = steady_timeline_get_segments (clam, &n);
  g_assert_cmpuint (n, ==, 2 * 2 * 3 + 1);
  g_assert_cmpint (segments[0].phase, ==, STEADY_PHASE_LIFT);
  g_assert_cmpint (segments[6].side, ==, STEADY_SIDE_RIGHT);
  g_assert_cmpfloat (segments[6].start, ==, 10);

  /* The first cue is rep 1's, not a "Get ready" talking over it; the side
   * switch is still said. */
  count_cues (clam, counts);
  cues = steady_timeline_get_cues (clam, &n);
  g_assert_cmpint (cues[0].kind, ==, STEADY_CUE_PROMPT);
  g_assert_cmpint (cues[0].number, ==, 1);
  g_assert_cmpuint (counts[STEADY_CUE_SWITCH_SIDES], ==, 1);
  g_assert_cmpuint (counts[STEADY_CUE_PROMPT], ==, 2 * 2 * 3);
  assert_hold_beats (clam);

  circ = steady_timeline_new (steady_program_find_drill (program, "circ"), NULL, &error);
  g_assert_no_error (error);
  /* 2 + 2 × 2.5 + 2 × 2.5, straight from one direction to the other. */
  g_assert_cmpfloat (steady_timeline_get_total (circ), ==, 12);
  assert_tiles (circ);
  segments = steady_timeline_get_segments (circ, &n);
  g_assert_cmpuint (n, ==, 1 + 4 + 1);
  g_assert_cmpint (segments[3].direction, ==, -1);
  g_assert_cmpint (segments[3].side, ==, STEADY_SIDE_RIGHT);
}

/* The figure never jumps: amount, breath and the point on the knee circle
 * are continuous across every segment boundary of every drill. */
static void
test_motion_continuous (void)
{
  static const char * const drills[] = { "clamshell", "knee-circles", "knee-rotation", "left-clam" };

  for (guint d = 0; d < G_N_ELEMENTS (drills); d++)
    {
      g_autoptr(SteadyTimeline) timeline = new_timeline (drills[d], NULL);
      const SteadySegment *segments;
      guint n;

      segments = steady_timeline_get_segments (timeline, &n);
      for (guint i = 1; i < n; i++)
        {
          SteadyMoment before, after;
          double dt = 1e-7;

          steady_timeline_get_moment (timeline, segments[i].start - dt, &before);
          steady_timeline_get_moment (timeline, segments[i].start, &after);
          g_assert_cmpuint (before.segment, ==, i - 1);
          g_assert_cmpuint (after.segment, ==, i);
          g_assert_cmpfloat_with_epsilon (before.motion.amount, after.motion.amount, 1e-3);
          g_assert_cmpfloat_with_epsilon (before.motion.breath, after.motion.breath, 1e-3);
          /* The knee's point on the circle: amount × (cos, sin) of the angle. */
          g_assert_cmpfloat_with_epsilon (before.motion.amount * cos (before.motion.angle),
                                          after.motion.amount * cos (after.motion.angle), 1e-3);
          g_assert_cmpfloat_with_epsilon (before.motion.amount * sin (before.motion.angle),
                                          after.motion.amount * sin (after.motion.angle), 1e-3);
        }
    }
}

/* A caption for every sound: at each cue's moment, the caption shown
 * names it, also where several cues sound together. Ticks are shown by the
 * hold ring instead. */
static void
test_every_cue_captioned (void)
{
  const char * const ids[] = { "clamshell", "knee-circles", "knee-rotation" };
  g_autoptr(SteadyProgram) builtin = steady_program_new_builtin (NULL);
  GListModel *drills = steady_program_get_drills (builtin);
  g_autoptr(GPtrArray) timelines = g_ptr_array_new_with_free_func (g_object_unref);
  guint together = 0;

  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    g_ptr_array_add (timelines, new_timeline (ids[i], NULL));
  for (guint i = 0; i < g_list_model_get_n_items (drills); i++)
    {
      g_autoptr(SteadyDrill) drill = g_list_model_get_item (drills, i);

      g_ptr_array_add (timelines, steady_timeline_new (drill, NULL, NULL));
    }

  for (guint i = 0; i < timelines->len; i++)
    {
      SteadyTimeline *timeline = g_ptr_array_index (timelines, i);
      const SteadyCue *cues;
      guint n;

      g_assert_nonnull (timeline);
      cues = steady_timeline_get_cues (timeline, &n);
      for (guint c = 0; c < n; c++)
        {
          SteadyMoment m;

          if (cues[c].kind == STEADY_CUE_TICK)
            continue;
          steady_timeline_get_moment (timeline, cues[c].time, &m);
          g_assert_nonnull (m.caption);
          if (strstr (m.caption, cues[c].caption) == NULL)
            g_error ("%s at %.3f s: the caption “%s” does not name the cue “%s”",
                     steady_drill_get_id (steady_timeline_get_drill (timeline)),
                     cues[c].time, m.caption, cues[c].caption);
          if (!g_str_equal (m.caption, cues[c].caption))
            together++;
        }
    }
  /* The built-in clamshell's release and lower sound together, and so on. */
  g_assert_cmpuint (together, >, 0);
}

/* Every phase but the end is either counted down (the ring empties) or
 * moved through at a pace (the pace arc grows), never both. */
static void
test_phase_kinds (void)
{
  for (SteadyPhase phase = STEADY_PHASE_GET_READY; phase <= STEADY_PHASE_DONE; phase++)
    {
      gboolean movement = steady_phase_is_movement (phase);
      gboolean countdown = steady_phase_is_countdown (phase);

      if (phase == STEADY_PHASE_DONE)
        g_assert_false (movement || countdown);
      else
        g_assert_true (movement != countdown);
    }
  g_assert_true (steady_phase_is_movement (STEADY_PHASE_LIFT));
  g_assert_true (steady_phase_is_movement (STEADY_PHASE_CIRCLE));
  g_assert_true (steady_phase_is_countdown (STEADY_PHASE_REST));
  g_assert_true (steady_phase_is_countdown (STEADY_PHASE_HOLD));
}

/* Each drill names its side by what the patient does with it, the same
 * in the counter, the get-ready and switch captions and the query. */
static void
test_side_labels (void)
{
  const struct {
    const char *drill, *left, *right;
  } cases[] = {
    { "clamshell", "Left hip, lying on your right side", "Right hip, lying on your left side" },
    { "knee-circles", "Left knee circles", "Right knee circles" },
    { "knee-rotation", "Knees to your left", "Knees to your right" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(SteadyTimeline) timeline = new_timeline (cases[i].drill, NULL);
      g_autofree char *ready = g_strdup_printf ("Get ready: %s", cases[i].left);
      g_autofree char *change = g_strdup_printf ("Switch sides: %s", cases[i].right);
      const SteadySegment *segments;
      gboolean switched = FALSE;
      SteadyMoment m;
      guint n;

      g_assert_cmpstr (steady_timeline_get_side_label (timeline, STEADY_SIDE_LEFT), ==, cases[i].left);
      g_assert_cmpstr (steady_timeline_get_side_label (timeline, STEADY_SIDE_RIGHT), ==, cases[i].right);
      g_assert_cmpstr (steady_timeline_get_side_label (timeline, STEADY_SIDE_NONE), ==, "");

      steady_timeline_get_moment (timeline, 0, &m);
      g_assert_cmpstr (m.caption, ==, ready);
      g_assert_cmpstr (m.counter, ==, cases[i].left);

      segments = steady_timeline_get_segments (timeline, &n);
      for (guint k = 0; k < n && !switched; k++)
        if (segments[k].phase == STEADY_PHASE_SWITCH_SIDES)
          {
            steady_timeline_get_moment (timeline, segments[k].start + segments[k].duration / 2, &m);
            g_assert_cmpstr (m.caption, ==, change);
            g_assert_cmpstr (m.counter, ==, cases[i].right);
            switched = TRUE;
          }
      g_assert_true (switched);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/timeline/phase-kinds", test_phase_kinds);
  g_test_add_func ("/timeline/side-labels", test_side_labels);
  g_test_add_func ("/timeline/duration/clamshell-default", test_clamshell_default);
  g_test_add_func ("/timeline/duration/clamshell-edited", test_clamshell_edited);
  g_test_add_func ("/timeline/duration/knee-circles", test_circles);
  g_test_add_func ("/timeline/duration/knee-rotation", test_rotation);
  g_test_add_func ("/timeline/duration/zero-timings", test_zero_timings);
  g_test_add_func ("/timeline/settings/invalid", test_invalid_settings);
  g_test_add_func ("/timeline/moment/boundaries", test_moment_boundaries);
  g_test_add_func ("/timeline/moment/circles", test_moment_circles);
  g_test_add_func ("/timeline/moment/breath", test_moment_breath);
  g_test_add_func ("/timeline/moment/continuous", test_motion_continuous);
  g_test_add_func ("/timeline/cues/clamshell", test_cues_clamshell);
  g_test_add_func ("/timeline/cues/fractional-hold", test_cues_fractional_hold);
  g_test_add_func ("/timeline/cues/breath", test_cues_breath);
  g_test_add_func ("/timeline/cues/knee-circles", test_cues_circles);
  g_test_add_func ("/timeline/rep-starts", test_rep_starts);
  g_test_add_func ("/timeline/cues/every-cue-captioned", test_every_cue_captioned);

  return g_test_run ();
}
