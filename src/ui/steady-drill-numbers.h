/* steady-drill-numbers.h: a drill's numbers as one short line of text
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "steady-drill.h"

G_BEGIN_DECLS

/* "both sides · 15 reps (15–20) · hold 5 s", translated; free with g_free(). */
char *steady_drill_numbers_format (SteadyDrill *drill);

G_END_DECLS
