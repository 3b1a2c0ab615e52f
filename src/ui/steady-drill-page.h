/* steady-drill-page.h: one drill's instructions and numbers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "steady-drill.h"
#include "steady-session-settings.h"

G_BEGIN_DECLS

#define STEADY_TYPE_DRILL_PAGE (steady_drill_page_get_type ())
G_DECLARE_FINAL_TYPE (SteadyDrillPage, steady_drill_page, STEADY, DRILL_PAGE, GtkWidget)

GtkWidget   *steady_drill_page_new        (void);
void         steady_drill_page_set_drill  (SteadyDrillPage *self,
                                           SteadyDrill     *drill);
SteadyDrill *steady_drill_page_get_drill  (SteadyDrillPage *self);

/* The patient's numbers for the page's drill, shown in its numbers line
 * and put into its steps and tips; NULL shows the drill's defaults. A new
 * drill starts from its defaults. */
void         steady_drill_page_set_settings (SteadyDrillPage             *self,
                                             const SteadySessionSettings *settings);

/* The animated figure (a SteadyFigureView) goes between the numbers and the
 * steps. Without one the instructions stand alone. @figure may be NULL. */
void         steady_drill_page_set_figure (SteadyDrillPage *self,
                                           GtkWidget       *figure);
GtkWidget   *steady_drill_page_get_figure (SteadyDrillPage *self);

G_END_DECLS
