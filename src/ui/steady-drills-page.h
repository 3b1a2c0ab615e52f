/* steady-drills-page.h: the list of drills with their numbers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "steady-program.h"

G_BEGIN_DECLS

#define STEADY_TYPE_DRILLS_PAGE (steady_drills_page_get_type ())
G_DECLARE_FINAL_TYPE (SteadyDrillsPage, steady_drills_page, STEADY, DRILLS_PAGE, GtkWidget)

GtkWidget     *steady_drills_page_new         (void);
void           steady_drills_page_set_program (SteadyDrillsPage *self,
                                               SteadyProgram    *program);
SteadyProgram *steady_drills_page_get_program (SteadyDrillsPage *self);
/* Where the patient's numbers are kept (the app's GSettings): each row
 * shows them, and follows when they change. NULL shows the defaults. */
void           steady_drills_page_set_settings (SteadyDrillsPage *self,
                                                GSettings        *settings);
/* The rows, one per drill in file order (AdwActionRows activating
 * win.open-drill with the drill's id). */
GtkListBox    *steady_drills_page_get_list    (SteadyDrillsPage *self);
/* Gives the keyboard focus to the first drill. */
void           steady_drills_page_focus       (SteadyDrillsPage *self);

G_END_DECLS
