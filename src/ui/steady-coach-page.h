/* steady-coach-page.h: coaches one drill, rep by rep, on one clock
 *
 * The page compiles the drill and the patient's settings into a timeline
 * and shows every moment of it: the figure, a big counter, a ring that
 * empties through each hold, a breathing guide, a caption for every cue
 * and the phase. While sound plays, session time is the cue engine's
 * position (the pipeline clock); with sound off or unavailable, the frame
 * clock. A tick callback exists only while a session runs.
 *
 * Actions (on the page): coach.start, coach.toggle-pause, coach.back,
 * coach.skip, coach.stop. Space pauses and resumes, Escape stops.
 *
 * Signals: "stopped" — the patient stopped the session (the window goes
 * back); "finished" — the session reached its end (the page shows Done);
 * "unit-done" (int SteadyProgressKind, int SteadySide, double seconds held)
 * — session time passed the end of a rep, circle or hold (one skipped past
 * is not done).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "steady-cue-engine.h"
#include "steady-cue-mixer.h"
#include "steady-drill.h"
#include "steady-session-settings.h"
#include "steady-timeline.h"

G_BEGIN_DECLS

typedef enum {
  STEADY_COACH_STATE_READY,     /* a drill is set, not started */
  STEADY_COACH_STATE_RUNNING,
  STEADY_COACH_STATE_PAUSED,
  STEADY_COACH_STATE_DONE,
} SteadyCoachState;

/* Seconds on a monotonic clock; replaces the frame clock (tests). */
typedef double (*SteadyCoachNowFunc) (gpointer user_data);

#define STEADY_TYPE_COACH_PAGE (steady_coach_page_get_type ())
G_DECLARE_FINAL_TYPE (SteadyCoachPage, steady_coach_page, STEADY, COACH_PAGE, GtkWidget)

GtkWidget        *steady_coach_page_new                 (void);

/* Sets the drill and the settings to coach it with (copied; clamped to
 * the drill's ranges), and makes the page ready to start. Stops a session
 * that runs. */
void              steady_coach_page_set_drill           (SteadyCoachPage             *self,
                                                         SteadyDrill                 *drill,
                                                         const SteadySessionSettings *settings);
SteadyDrill      *steady_coach_page_get_drill           (SteadyCoachPage             *self);

void              steady_coach_page_set_sound           (SteadyCoachPage             *self,
                                                         SteadyCueSoundMode           mode,
                                                         double                       volume);
/* The GStreamer sink the cue engine plays to (tests: "fakesink sync=true");
 * NULL is the audio device. */
void              steady_coach_page_set_sink_description (SteadyCoachPage            *self,
                                                          const char                 *description);

void              steady_coach_page_start               (SteadyCoachPage             *self);
void              steady_coach_page_toggle_pause        (SteadyCoachPage             *self);
void              steady_coach_page_skip                (SteadyCoachPage             *self);
void              steady_coach_page_back                (SteadyCoachPage             *self);
void              steady_coach_page_stop                (SteadyCoachPage             *self);

SteadyCoachState  steady_coach_page_get_state           (SteadyCoachPage             *self);
SteadyTimeline   *steady_coach_page_get_timeline        (SteadyCoachPage             *self);
/* The cue engine sounding the session, or NULL (benchmarks observe its
 * pipeline). */
SteadyCueEngine  *steady_coach_page_get_cue_engine      (SteadyCoachPage             *self);
/* The session time shown now. */
double            steady_coach_page_get_time            (SteadyCoachPage             *self);
/* TRUE while session time follows the cue engine's clock. */
gboolean          steady_coach_page_get_follows_audio   (SteadyCoachPage             *self);
/* TRUE while a tick callback is installed. */
gboolean          steady_coach_page_is_ticking          (SteadyCoachPage             *self);

/* What is on screen, for tests and screen readers. */
const char       *steady_coach_page_get_counter_text    (SteadyCoachPage             *self);
const char       *steady_coach_page_get_phase_text      (SteadyCoachPage             *self);
const char       *steady_coach_page_get_caption_text    (SteadyCoachPage             *self);
/* The words in the dial: the breath while breathing, else "seconds left". */
const char       *steady_coach_page_get_dial_text       (SteadyCoachPage             *self);
/* Why the sound notice is shown, in the sound engine's (technical) words,
 * which go to the log, not on screen; NULL when there is no notice. */
const char       *steady_coach_page_get_notice_text     (SteadyCoachPage             *self);
/* What screen readers were last told (phase changes, a hold's end). */
const char       *steady_coach_page_get_announcement    (SteadyCoachPage             *self);
/* The fraction of the hold's ring left, and how full the breathing guide
 * is (0..1), as drawn. */
double            steady_coach_page_get_ring_left       (SteadyCoachPage             *self);
double            steady_coach_page_get_pace_done       (SteadyCoachPage             *self);
const char       *steady_coach_page_get_done_text       (SteadyCoachPage             *self);
gboolean          steady_coach_page_is_stacked          (SteadyCoachPage             *self);
gboolean          steady_coach_page_shows_control_labels (SteadyCoachPage            *self);
double            steady_coach_page_get_breath_fullness (SteadyCoachPage             *self);

/* Replaces the frame clock with @func (tests drive time with it); then
 * brings the page to @func's now. NULL goes back to the frame clock. */
void              steady_coach_page_set_now_func        (SteadyCoachPage             *self,
                                                         SteadyCoachNowFunc           func,
                                                         gpointer                     user_data);
/* Brings the page to the current time at once (the tick callback does
 * this every frame). */
void              steady_coach_page_update              (SteadyCoachPage             *self);

/* How many reps, circles and holds the session plans, indexed by
 * SteadyProgressKind (all 0 without a drill). */
void              steady_coach_page_count_units         (SteadyCoachPage             *self,
                                                         guint                        counts[3]);

G_END_DECLS
