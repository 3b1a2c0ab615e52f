/* steady-window.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "steady-application.h"

G_BEGIN_DECLS

#define STEADY_TYPE_WINDOW (steady_window_get_type ())
G_DECLARE_FINAL_TYPE (SteadyWindow, steady_window, STEADY, WINDOW, AdwApplicationWindow)

SteadyWindow *steady_window_new (SteadyApplication *application);

G_END_DECLS
