/* steady-preferences-window.h: the patient's settings for every drill
 *
 * Sound (silent, tones, voice; volume) and, per drill of the program, the
 * reps, hold seconds, breath pattern and sides, within the ranges the
 * program file allows. Every change is stored in GSettings at once (see
 * steady-coach-settings.h for the keys).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "steady-program.h"

G_BEGIN_DECLS

#define STEADY_TYPE_PREFERENCES_WINDOW (steady_preferences_window_get_type ())
G_DECLARE_FINAL_TYPE (SteadyPreferencesWindow, steady_preferences_window, STEADY, PREFERENCES_WINDOW, AdwPreferencesWindow)

/* @program may be NULL (then only the sound settings are shown). */
GtkWidget *steady_preferences_window_new         (GSettings               *settings,
                                                  SteadyProgram           *program);

/* The control that edits GSettings key @key (a GtkSpinButton, GtkScale or
 * AdwComboRow), or NULL when the window has none (tests). */
GtkWidget *steady_preferences_window_get_control (SteadyPreferencesWindow *self,
                                                  const char              *key);

G_END_DECLS
