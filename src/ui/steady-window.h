/* steady-window.h: the main window: welcome, lesson, drills
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "steady-application.h"
#include "steady-checkin-view.h"
#include "steady-coach-page.h"
#include "steady-deck.h"
#include "steady-drill-page.h"
#include "steady-drills-page.h"
#include "steady-history-page.h"
#include "steady-program.h"
#include "steady-stop-card.h"

G_BEGIN_DECLS

#define STEADY_TYPE_WINDOW (steady_window_get_type ())
G_DECLARE_FINAL_TYPE (SteadyWindow, steady_window, STEADY, WINDOW, AdwApplicationWindow)

SteadyWindow     *steady_window_new             (SteadyApplication *application);

/* Shows @program from its welcome page. */
void              steady_window_set_program     (SteadyWindow      *self,
                                                 SteadyProgram     *program);
SteadyProgram    *steady_window_get_program     (SteadyWindow      *self);

/* Loads @file and shows it, or shows the error page with the parser's
 * message. Returns whether the file loaded. */
gboolean          steady_window_open_file       (SteadyWindow      *self,
                                                 GFile             *file);
/* Loads the program compiled into Steady. */
gboolean          steady_window_open_builtin    (SteadyWindow      *self);
/* The error page: what could not be loaded (@file may be NULL for the
 * built-in program) and why, with a way back to the built-in program. */
void              steady_window_show_error      (SteadyWindow      *self,
                                                 GFile             *file,
                                                 const GError      *error);

/* "welcome", "deck", "drills", "drill", "coach" or "error". */
const char       *steady_window_get_page_name   (SteadyWindow      *self);
SteadyDeck       *steady_window_get_deck        (SteadyWindow      *self);
SteadyDrillsPage *steady_window_get_drills_page (SteadyWindow      *self);
SteadyDrillPage  *steady_window_get_drill_page  (SteadyWindow      *self);
SteadyCoachPage  *steady_window_get_coach_page  (SteadyWindow      *self);
/* The message shown on the error page. */
const char       *steady_window_get_error_text  (SteadyWindow      *self);
/* progress (issue 6): the history page, or NULL until first shown. */
SteadyHistoryPage *steady_window_get_history_page (SteadyWindow *self);
SteadyCheckinView *steady_window_get_checkin_view (SteadyWindow *self);
SteadyStopCard    *steady_window_get_stop_card    (SteadyWindow *self);

G_END_DECLS
