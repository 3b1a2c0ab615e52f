/* steady-timeline.h: a drill and a patient's settings compiled into time
 *
 * A SteadyTimeline is immutable. It is built once from a drill and the
 * settings, and then answers, for any session time t in seconds, everything
 * the coach shows and plays: the phase, side, rep n of N, the hold's seconds
 * left, the breath, the figure's SteadyMotionState, the caption, and the
 * cues. It never reads a clock: the caller maps its clock to t with a
 * SteadySessionClock.
 *
 * The session is a list of segments that tile [0, total]: get ready, then
 * for each side the reps with their phases, a side switch between sides,
 * and a final zero-length "done" segment that starts at total.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "steady-cue.h"
#include "steady-drill.h"
#include "steady-session-settings.h"
#include "steady-types.h"

G_BEGIN_DECLS

typedef enum {
  STEADY_PHASE_GET_READY,
  STEADY_PHASE_LIFT,           /* clamshell: open the knee */
  STEADY_PHASE_HOLD,           /* clamshell and rotation */
  STEADY_PHASE_LOWER,          /* clamshell: close the knee with control */
  STEADY_PHASE_REST,           /* after a rep; knee circles: between directions */
  STEADY_PHASE_CIRCLE,         /* knee circles: one circle */
  STEADY_PHASE_DRIFT,          /* rotation: knees drift to the side */
  STEADY_PHASE_RETURN,         /* rotation: knees come back to the middle */
  STEADY_PHASE_SWITCH_SIDES,
  STEADY_PHASE_DONE,
} SteadyPhase;

typedef enum {
  STEADY_BREATH_NONE,
  STEADY_BREATH_IN,
  STEADY_BREATH_OUT,
} SteadyBreath;

/* One stretch of the session. Strings belong to the timeline. */
typedef struct {
  double       start;      /* seconds */
  double       duration;   /* seconds; 0 only for the final DONE segment */
  SteadyPhase  phase;
  SteadySide   side;       /* LEFT or RIGHT: the side working, or (get ready,
                            * switch) about to work; done: the last side */
  guint        rep;        /* 1-based rep (knee circles: circle in this
                            * direction); 0 outside reps (get ready, the rest
                            * between circle directions, switch, done) */
  guint        reps;       /* N of "rep n of N"; 0 when rep is 0 */
  int          direction;  /* knee circles: +1 clockwise, -1 anticlockwise; else 0 */
  gboolean     rep_start;  /* the first segment of a rep (where skips land) */
  const char  *counter;    /* translated: "Rep 7 of 15", "Circle 3 of 8 · clockwise",
                            * "Left side", "Done" */
  const char  *label;      /* translated phase label: "Lift", "Hold"… */
} SteadySegment;

/* Everything about one moment. Strings belong to the timeline. */
typedef struct {
  guint             segment;          /* index into the segments */
  double            t;                /* the time asked for, clamped to [0, total] */
  SteadyPhase       phase;
  const char       *label;            /* translated phase label */
  const char       *counter;          /* translated counter text, see SteadySegment */
  SteadySide        side;
  guint             rep;              /* see SteadySegment */
  guint             reps;
  int               direction;
  double            segment_elapsed;  /* seconds into the segment */
  double            segment_left;     /* seconds left in the segment */
  double            segment_progress; /* 0..1 */
  double            hold_left;        /* seconds left in the hold; 0 outside a hold */
  double            hold_progress;    /* 0 at the hold's start .. 1 at its end; 0 outside */
  SteadyBreath      breath;           /* paced breathing (rotation holds); NONE elsewhere */
  double            breath_progress;  /* 0..1 through the current in- or out-breath */
  guint             breath_number;    /* 1-based breath in this hold; 0 outside */
  guint             n_breaths;        /* breaths in this hold; 0 outside */
  SteadyMotionState motion;           /* the figure's pose parameters */
  const char       *caption;          /* the caption shown: that of the latest cue at
                                       * or before t that is not a TICK (ticks are
                                       * shown by the hold ring, not as text); cues
                                       * sounding at the same moment share one
                                       * caption naming each ("Release · Lower…") */
} SteadyMoment;

#define STEADY_TYPE_TIMELINE (steady_timeline_get_type ())
G_DECLARE_FINAL_TYPE (SteadyTimeline, steady_timeline, STEADY, TIMELINE, GObject)

/* Validates @settings against @drill (see steady_session_settings_validate())
 * and compiles them; NULL (settings = the drill's defaults) is allowed. */
SteadyTimeline              *steady_timeline_new          (SteadyDrill                 *drill,
                                                           const SteadySessionSettings *settings,
                                                           GError                     **error);

SteadyDrill                 *steady_timeline_get_drill    (SteadyTimeline *self);
const SteadySessionSettings *steady_timeline_get_settings (SteadyTimeline *self);
const char                  *steady_timeline_get_side_label (SteadyTimeline *self,
                                                             SteadySide      side);
double                       steady_timeline_get_total    (SteadyTimeline *self);

const SteadySegment         *steady_timeline_get_segments (SteadyTimeline *self,
                                                           guint          *n_segments);
/* Index of the segment playing at @t (clamped to [0, total]): the last one
 * starting at or before t, so t exactly at a boundary is in the later one. */
guint                        steady_timeline_find_segment (SteadyTimeline *self,
                                                           double          t);

/* A pure function of t; t < 0 answers as 0 and t >= total as the DONE
 * segment. */
void                         steady_timeline_get_moment   (SteadyTimeline *self,
                                                           double          t,
                                                           SteadyMoment   *out);

/* Every cue, sorted by time (cues at the same time keep a meaningful order:
 * the release chime before the next phase's prompt). Every cue has a
 * caption; a PROMPT whose speech is NULL is a caption with nothing to say. */
const SteadyCue             *steady_timeline_get_cues     (SteadyTimeline *self,
                                                           guint          *n_cues);
/* The cues due in [@from, @to): what became due since the last frame.
 * Returns a pointer into the cue array (or NULL when there are none). */
const SteadyCue             *steady_timeline_find_cues    (SteadyTimeline *self,
                                                           double          from,
                                                           double          to,
                                                           guint          *n_cues);

/* Where "skip" and "back" land: the start of the first rep that starts
 * after @t (total when there is none), and the start of the rep before the
 * one that contains @t (the one whose start is the latest at or before t;
 * 0 when there is none). */
double                       steady_timeline_next_rep_start     (SteadyTimeline *self,
                                                                 double          t);
double                       steady_timeline_previous_rep_start (SteadyTimeline *self,
                                                                 double          t);

/* A stable name for files and JSON ("get-ready", "lift", "hold", "lower",
 * "rest", "circle", "drift", "return", "switch-sides", "done") and a
 * translated label ("Get ready", "Lift"…). */
const char                  *steady_phase_get_name        (SteadyPhase phase);
const char                  *steady_phase_get_label       (SteadyPhase phase);
gboolean                     steady_phase_is_movement     (SteadyPhase phase);
gboolean                     steady_phase_is_countdown    (SteadyPhase phase);

G_END_DECLS
