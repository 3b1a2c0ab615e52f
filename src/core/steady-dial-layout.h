/* steady-dial-layout.h: where the coach's hold ring and breathing guide go
 *
 * The coach page draws one dial: a ring that empties through a hold (the
 * arc left is the time left, running clockwise from twelve o'clock), a
 * fainter arc that grows clockwise through a movement at the pace the body
 * is to move (a lift, a circle), and, inside the ring, a disc that grows
 * while breathing in and shrinks while breathing out. This computes that geometry for a widget of a given size
 * from a SteadyMoment's numbers, so that it can be tested without a display.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "steady-timeline.h"

G_BEGIN_DECLS

typedef struct {
  double   center_x;
  double   center_y;
  double   ring_radius;     /* the middle of the ring's stroke */
  double   ring_width;      /* the stroke's width */
  gboolean ring_visible;    /* a hold is running */
  double   ring_start;      /* radians, cairo's convention (0 = three o'clock,
                             * clockwise); always twelve o'clock */
  double   ring_end;        /* radians: ring_start + the fraction of the
                             * hold left × 2π; equal to ring_start when empty */
  double   ring_left;       /* the fraction of the hold left, 0..1 */
  gboolean pace_visible;    /* a movement is running */
  double   pace_start;      /* radians: twelve o'clock, as ring_start */
  double   pace_end;        /* radians: pace_start + the fraction of the
                             * movement done × 2π */
  double   pace_done;       /* the fraction of the movement done, 0..1 */
  gboolean disc_visible;    /* paced breathing is running */
  double   disc_radius;     /* the breathing disc's radius */
  double   disc_min_radius; /* the disc when the lungs are empty … */
  double   disc_max_radius; /* … and when they are full */
  double   fullness;        /* 0 = empty lungs, 1 = full; eased */
} SteadyDialLayout;

/* Lays the dial out in a @width × @height box. @hold_active says whether a
 * hold is running (its @hold_progress goes 0 → 1); @pace_active whether a
 * movement is (its @pace_progress goes 0 → 1); @breath and
 * @breath_progress are the moment's breath. */
void   steady_dial_layout_compute  (SteadyDialLayout *layout,
                                    double            width,
                                    double            height,
                                    gboolean          hold_active,
                                    double            hold_progress,
                                    gboolean          pace_active,
                                    double            pace_progress,
                                    SteadyBreath      breath,
                                    double            breath_progress);

/* How full the lungs are: rises 0 → 1 through an in-breath and falls
 * 1 → 0 through an out-breath, eased so that it starts and ends gently. */
double steady_dial_layout_fullness (SteadyBreath      breath,
                                    double            breath_progress);

G_END_DECLS
