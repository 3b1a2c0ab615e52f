/* steady-coach-dial.h: the coach's hold ring and breathing guide
 *
 * A ring that empties through a hold and, inside it, a disc that grows on
 * the in-breath and shrinks on the out-breath. It only draws: the coach
 * page sets its state every frame from the timeline's moment, and puts the
 * words ("Breathe in", the seconds left) over it, so nothing is told by
 * colour or motion alone. With animations off it draws stills: the ring
 * steps once a second and the disc shows where the breath is going.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "steady-dial-layout.h"

G_BEGIN_DECLS

#define STEADY_TYPE_COACH_DIAL (steady_coach_dial_get_type ())
G_DECLARE_FINAL_TYPE (SteadyCoachDial, steady_coach_dial, STEADY, COACH_DIAL, GtkWidget)

GtkWidget *steady_coach_dial_new        (void);

/* @hold_seconds is the hold's length (for the once-a-second still). */
void       steady_coach_dial_set_state  (SteadyCoachDial  *self,
                                         gboolean          hold_active,
                                         double            hold_progress,
                                         double            hold_seconds,
                                         gboolean          pace_active,
                                         double            pace_progress,
                                         double            pace_seconds,
                                         SteadyBreath      breath,
                                         double            breath_progress);

void       steady_coach_dial_set_compact (SteadyCoachDial *self,
                                          gboolean         compact);

/* The geometry of what was last set, at the widget's size. */
void       steady_coach_dial_get_layout (SteadyCoachDial  *self,
                                         SteadyDialLayout *layout);

G_END_DECLS
