/* fuzz-timeline.c: the timeline compiler under libFuzzer
 *
 * What a session is compiled from comes from outside: the drill from a
 * clinic's program file, the numbers from the settings (dconf, a keyfile,
 * Preferences). The input's first 36 bytes are the numbers, raw (reps,
 * hold, sides, breath in and out: any bit pattern, NaN and infinities
 * included); the rest is a program file, or the built-in program when it
 * does not parse. For every drill:
 *
 *  - the raw numbers either validate and compile, or fail with a message;
 *  - clamped (as the coach does with stored values), they always compile;
 *  - every timeline answers for any time: moments, segments, cues, reps.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "steady-program.h"
#include "steady-session-settings.h"
#include "steady-timeline.h"

#include "fuzz.h"

#define HEADER 36

/* Everything a running session asks of its timeline. */
static void
exercise (SteadyTimeline *timeline)
{
  double total = steady_timeline_get_total (timeline);
  const SteadySegment *segments;
  const SteadyCue *cues;
  guint n_segments, n_cues;
  const double times[] = { -1.0, 0.0, total / 3, total / 2, total - 0.001, total, total + 5,
                           NAN, INFINITY, -INFINITY, 1e300 };

  g_assert_true (isfinite (total));
  g_assert_cmpfloat (total, >, 0);
  segments = steady_timeline_get_segments (timeline, &n_segments);
  g_assert_cmpuint (n_segments, >, 0);
  g_assert_nonnull (segments);
  cues = steady_timeline_get_cues (timeline, &n_cues);
  /* Sorted by time; cues less than the timeline's epsilon (1e-9 s) apart
   * count as simultaneous and are ordered by kind, so allow for that. */
  for (guint i = 1; i < n_cues; i++)
    if (!(cues[i - 1].time <= cues[i].time + 1e-6))
      g_error ("cue %u at %.17g comes after cue %u at %.17g (reps %u, hold %.17g, breath %.17g/%.17g)",
               i - 1, cues[i - 1].time, i, cues[i].time,
               steady_timeline_get_settings (timeline)->reps, steady_timeline_get_settings (timeline)->hold,
               steady_timeline_get_settings (timeline)->breath_in,
               steady_timeline_get_settings (timeline)->breath_out);

  for (guint i = 0; i < G_N_ELEMENTS (times); i++)
    {
      SteadyMoment moment;
      guint n;
      guint segment = steady_timeline_find_segment (timeline, times[i]);

      g_assert_cmpuint (segment, <, n_segments);
      steady_timeline_get_moment (timeline, times[i], &moment);
      steady_timeline_find_cues (timeline, times[i], times[i] + 1.0, &n);
      g_assert_cmpuint (n, <=, n_cues);
      steady_timeline_next_rep_start (timeline, times[i]);
      steady_timeline_previous_rep_start (timeline, times[i]);
    }
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(SteadyProgram) program = NULL;
  g_autoptr(GError) error = NULL;
  SteadySessionSettings raw = { 0, };
  GListModel *drills;
  guint32 reps, sides;

  if (size < HEADER)
    return 0;

  memcpy (&reps, data, 4);
  memcpy (&raw.hold, data + 4, 8);
  memcpy (&sides, data + 12, 4);
  memcpy (&raw.breath_in, data + 16, 8);
  memcpy (&raw.breath_out, data + 24, 8);
  raw.reps = reps;
  /* Any integer, as an enum read from a corrupt store could be. */
  raw.sides = (SteadySide) (sides % 8);

  if (size > HEADER)
    {
      g_autoptr(GBytes) bytes = g_bytes_new_static (data + HEADER, size - HEADER);

      program = steady_program_new_from_bytes (bytes, "fuzz.xml", &error);
      g_clear_error (&error);
    }
  if (program == NULL)
    program = steady_program_new_builtin (&error);
  g_assert_no_error (error);

  drills = steady_program_get_drills (program);
  for (guint i = 0; i < g_list_model_get_n_items (drills); i++)
    {
      g_autoptr(SteadyDrill) drill = g_list_model_get_item (drills, i);
      g_autoptr(SteadyTimeline) timeline = NULL;
      g_autoptr(SteadyTimeline) clamped_timeline = NULL;
      g_autoptr(GError) raw_error = NULL;
      g_autoptr(GError) clamped_error = NULL;
      SteadySessionSettings clamped = raw;

      /* The raw numbers: a timeline, or an error in the settings' or the
       * timeline's domain, never both and never neither. */
      timeline = steady_timeline_new (drill, &raw, &raw_error);
      g_assert_true ((timeline == NULL) != (raw_error == NULL));
      if (timeline != NULL)
        exercise (timeline);
      else
        g_assert_true (g_utf8_validate (raw_error->message, -1, NULL));

      /* Clamped, as stored values are, they always compile. */
      steady_session_settings_clamp (&clamped, drill);
      g_assert_true (steady_session_settings_validate (&clamped, drill, NULL));
      clamped_timeline = steady_timeline_new (drill, &clamped, &clamped_error);
      if (clamped_error != NULL
          && g_error_matches (clamped_error, STEADY_SESSION_SETTINGS_ERROR,
                              STEADY_SESSION_SETTINGS_ERROR_UNKNOWN_MOTION))
        continue;   /* a drill the parser accepts but the timeline cannot play */
      g_assert_no_error (clamped_error);
      exercise (clamped_timeline);
    }

  return 0;
}
