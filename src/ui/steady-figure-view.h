/* steady-figure-view.h: shows a drill's figure or a card's illustration
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "steady-drill.h"
#include "steady-types.h"

G_BEGIN_DECLS

#define STEADY_TYPE_FIGURE_VIEW (steady_figure_view_get_type ())
G_DECLARE_FINAL_TYPE (SteadyFigureView, steady_figure_view, STEADY, FIGURE_VIEW, GtkWidget)

GtkWidget   *steady_figure_view_new              (void);

/* Loops the drill's demo (both sides, both directions) while playing. */
void         steady_figure_view_set_drill        (SteadyFigureView        *self,
                                                  SteadyDrill             *drill);
SteadyDrill *steady_figure_view_get_drill        (SteadyFigureView        *self);
/* Shows a card's illustration (an illustration id; the built-in cards'
 * ids are their illustration ids). */
void         steady_figure_view_set_illustration (SteadyFigureView        *self,
                                                  const char              *illustration);
const char  *steady_figure_view_get_illustration (SteadyFigureView        *self);
/* For the coach: the figure takes @state (of the drill set before) and no
 * longer moves by itself. */
void         steady_figure_view_set_motion_state (SteadyFigureView        *self,
                                                  const SteadyMotionState *state);
/* For the coach with animations off: a still of the movement from @from
 * to @to, the way it goes shown by an arrow, instead of the figure
 * gliding. */
void         steady_figure_view_set_motion_arrow (SteadyFigureView        *self,
                                                  const SteadyMotionState *from,
                                                  const SteadyMotionState *to);
gboolean     steady_figure_view_get_motion_arrow (SteadyFigureView        *self);
void         steady_figure_view_set_playing      (SteadyFigureView        *self,
                                                  gboolean                 playing);
gboolean     steady_figure_view_get_playing      (SteadyFigureView        *self);
/* Back to the drill's default camera. */
void         steady_figure_view_reset_view       (SteadyFigureView        *self);
void         steady_figure_view_get_orbit        (SteadyFigureView        *self,
                                                  double                  *yaw,
                                                  double                  *pitch);
/* Jumps the demo loop or the illustration's motion to @seconds. */
void         steady_figure_view_set_time         (SteadyFigureView        *self,
                                                  double                   seconds);
/* Cycles through @drills (a GListModel of SteadyDrill), each one's demo
 * for @seconds_per_drill, as the kiosk's attract loop does; "drill" notifies
 * as the cycle moves on. steady_figure_view_set_drill() or _illustration()
 * stop the cycle. */
void         steady_figure_view_set_drills       (SteadyFigureView        *self,
                                                  GListModel              *drills);
GListModel  *steady_figure_view_get_drills       (SteadyFigureView        *self);
void         steady_figure_view_set_seconds_per_drill (SteadyFigureView   *self,
                                                       double              seconds);
double       steady_figure_view_get_seconds_per_drill (SteadyFigureView   *self);
/* TRUE while a tick callback is installed (something moves). */
gboolean     steady_figure_view_is_animating     (SteadyFigureView        *self);

/* Puts @figure (any widget, or NULL) into @slot, a GtkBox, in place of
 * *@current, filling it, and shows the slot only while it holds one (the
 * card and drill pages' figure slots). Returns FALSE when @figure was
 * already there. */
gboolean steady_figure_slot_set (GtkWidget  *slot,
                                 GtkWidget **current,
                                 GtkWidget  *figure);

G_END_DECLS
