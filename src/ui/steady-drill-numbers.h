/* steady-drill-numbers.h: a drill's numbers as one short line of text
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "steady-drill.h"
#include "steady-session-settings.h"

G_BEGIN_DECLS

/* "both sides · 15 reps (15–20) · hold 5 s", translated: @settings'
 * numbers (the patient's), or the drill's defaults when NULL, each with the
 * range it may be chosen in. Free with g_free(). */
char *steady_drill_numbers_format (SteadyDrill                 *drill,
                                   const SteadySessionSettings *settings);

G_END_DECLS
