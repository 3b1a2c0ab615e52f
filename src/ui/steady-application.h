/* steady-application.h: the Steady application (single instance)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define STEADY_TYPE_APPLICATION (steady_application_get_type ())
G_DECLARE_FINAL_TYPE (SteadyApplication, steady_application, STEADY, APPLICATION, AdwApplication)

SteadyApplication *steady_application_new          (void);

/* Shows @file (or, when NULL, the program the settings name or else the
 * built-in one) in the application's window, creating it if needed.
 * A file that does not load shows the error page. */
void               steady_application_open_program (SteadyApplication *self,
                                                    GFile             *file);

/* Whether Steady runs as a kiosk (--kiosk, the kiosk-mode setting, or the
 * construct-only property "kiosk"); known once the application has started
 * up. The property is what steady-progress.c consults. */
gboolean           steady_application_get_kiosk    (SteadyApplication *self);

G_END_DECLS
