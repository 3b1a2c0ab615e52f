/* steady-illustration.h: a drawing for every card of the lesson
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>
#include <glib-object.h>

#include "steady-painter.h"

G_BEGIN_DECLS

gboolean            steady_illustration_is_known    (const char *id);
/* NULL-terminated list of the illustration ids. */
const char * const *steady_illustration_list        (void);
/* What the drawing shows, for screen readers (translated); NULL if unknown. */
const char         *steady_illustration_describe    (const char *id);
/* TRUE when the drawing moves gently with time. */
gboolean            steady_illustration_is_animated (const char *id);

/* Paints illustration @id at @t seconds (finite; 0 for a still) into the rectangle
 * (0, 0, @width, @height). Returns FALSE for an unknown id. */
gboolean            steady_illustration_paint       (cairo_t                  *cr,
                                                     const char               *id,
                                                     double                    t,
                                                     double                    width,
                                                     double                    height,
                                                     const SteadyPainterStyle *style);

G_END_DECLS
