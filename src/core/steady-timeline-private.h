/* steady-timeline-private.h: what the timeline's compiler and its queries share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "steady-timeline.h"

G_BEGIN_DECLS

/* Cue times are sums of durations; this absorbs their rounding. */
#define STEADY_TIMELINE_EPSILON 1e-9

typedef enum {
  MOTION_CLAMSHELL,
  MOTION_KNEE_CIRCLES,
  MOTION_KNEE_ROTATION,
} SteadyTimelineMotion;

/* How the breaths of a hold are laid out. A hold of H seconds with breaths
 * of in + out seconds gets n = floor (H / (in + out)) breaths at the chosen
 * pace. When H is not a whole number of breaths, the remainder does not
 * become a short gasp at the end: it stretches the last breath, keeping the
 * in:out ratio, so the hold always ends at the end of an out-breath, just
 * as the patient releases. A hold shorter than one breath is one breath
 * shrunk to fit. */
typedef struct {
  guint  n;
  double in;
  double out;
  double last_in;
  double last_out;
} SteadyBreathPlan;

struct _SteadyTimeline
{
  GObject                parent_instance;

  SteadyDrill           *drill;
  SteadySessionSettings  settings;
  SteadyTimelineMotion   motion;
  SteadyBreathPlan       breath;
  double                 total;

  GArray                *segments;   /* SteadySegment */
  GArray                *cues;       /* SteadyCue */
  GArray                *shown;      /* const char *: caption shown from cue i on */
  GStringChunk          *strings;
};

/* Fills the segments, the sorted cues and the captions shown of a timeline
 * whose drill, settings, motion and breath plan are set
 * (steady-timeline-compile.c). */
void steady_timeline_compile         (SteadyTimeline         *self);

void steady_breath_plan_init         (SteadyBreathPlan       *plan,
                                      double                  hold,
                                      double                  in,
                                      double                  out);
/* Breath @k (0-based) of a hold: its offset from the hold's start and its
 * in- and out-breath. */
void steady_breath_plan_get          (const SteadyBreathPlan *plan,
                                      guint                   k,
                                      double                 *offset,
                                      double                 *in,
                                      double                 *out);

G_END_DECLS
