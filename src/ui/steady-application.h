/* steady-application.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define STEADY_TYPE_APPLICATION (steady_application_get_type ())
G_DECLARE_FINAL_TYPE (SteadyApplication, steady_application, STEADY, APPLICATION, AdwApplication)

SteadyApplication *steady_application_new (void);

G_END_DECLS
