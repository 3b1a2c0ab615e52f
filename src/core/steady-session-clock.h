/* steady-session-clock.h: maps the caller's clock to session time
 *
 * The clock never reads a real clock. Every call takes "now": seconds on
 * whatever monotonic clock drives the session (the audio pipeline's clock
 * while sound plays, the frame clock otherwise). Pause, resume, seek, skip
 * and restart only move the mapping from now to session time t; the
 * timeline is never touched.
 *
 * A new clock is paused at t = 0; steady_session_clock_resume() starts it.
 * While running, t = now - origin, clamped to [0, total]; when t reaches the
 * timeline's total the session is finished (the clock keeps answering total).
 *
 * Signals:
 *  - "seeked" (double t): t jumped (seek, skip, back, restart); whoever plays
 *    the cues reschedules from t.
 *  - notify::paused: paused or resumed.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "steady-timeline.h"

G_BEGIN_DECLS

#define STEADY_TYPE_SESSION_CLOCK (steady_session_clock_get_type ())
G_DECLARE_FINAL_TYPE (SteadySessionClock, steady_session_clock, STEADY, SESSION_CLOCK, GObject)

SteadySessionClock *steady_session_clock_new          (SteadyTimeline     *timeline);

SteadyTimeline     *steady_session_clock_get_timeline (SteadySessionClock *self);
gboolean            steady_session_clock_get_paused   (SteadySessionClock *self);

/* Session time at @now, in [0, total]. */
double              steady_session_clock_get_time     (SteadySessionClock *self,
                                                       double              now);
/* TRUE once session time has reached the timeline's total. */
gboolean            steady_session_clock_is_finished  (SteadySessionClock *self,
                                                       double              now);

void                steady_session_clock_pause        (SteadySessionClock *self,
                                                       double              now);
void                steady_session_clock_resume       (SteadySessionClock *self,
                                                       double              now);
/* Moves to @t (clamped to [0, total]); paused stays paused. */
void                steady_session_clock_seek         (SteadySessionClock *self,
                                                       double              now,
                                                       double              t);
/* To the start of the next rep (see steady_timeline_next_rep_start()). */
void                steady_session_clock_skip_forward (SteadySessionClock *self,
                                                       double              now);
/* To the start of the previous rep (see steady_timeline_previous_rep_start()). */
void                steady_session_clock_skip_back    (SteadySessionClock *self,
                                                       double              now);
/* Back to t = 0; paused stays paused. */
void                steady_session_clock_restart      (SteadySessionClock *self,
                                                       double              now);
/* The caller changes clocks (sound turned on or off): session time at
 * @old_now on the old clock becomes session time at @new_now on the new one,
 * so t does not jump. */
void                steady_session_clock_switch_source (SteadySessionClock *self,
                                                        double              old_now,
                                                        double              new_now);

G_END_DECLS
