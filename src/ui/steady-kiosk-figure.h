/* steady-kiosk-figure.h: the kiosk's figure, posed by whoever drives it
 *
 * The kiosk drives every moving thing from one clock (its own, or the one
 * a test injects), so its figure has no tick callback of its own: it shows
 * a drill's motion in a given SteadyMotionState, or a card's illustration
 * at a given time, and redraws when told. It uses the one core painter.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "steady-drill.h"
#include "steady-types.h"

G_BEGIN_DECLS

#define STEADY_TYPE_KIOSK_FIGURE (steady_kiosk_figure_get_type ())
G_DECLARE_FINAL_TYPE (SteadyKioskFigure, steady_kiosk_figure, STEADY, KIOSK_FIGURE, GtkWidget)

GtkWidget *steady_kiosk_figure_new              (void);
/* Shows @drill's motion (with its <motion> numbers) in @state. */
void       steady_kiosk_figure_set_motion       (SteadyKioskFigure       *self,
                                                 SteadyDrill             *drill,
                                                 const SteadyMotionState *state);
/* Shows illustration @id at @t seconds. */
void       steady_kiosk_figure_set_illustration (SteadyKioskFigure       *self,
                                                 const char              *id,
                                                 double                   t);
/* Figures alive now, for the soak's leak check. */
guint      steady_kiosk_figure_get_n_live       (void);

G_END_DECLS
