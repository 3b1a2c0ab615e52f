/* steady-painter-private.h: what the painter shares with its cache
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>
#include <glib.h>

#include "steady-painter.h"

G_BEGIN_DECLS

/* One part of a frame: a hash of what decides its pixels and the box (in
 * user units) it may touch. */
typedef struct {
  guint64 hash;
  double  x0, y0, x1, y1;
} SteadyPainterItem;

#define STEADY_PAINTER_MAX_ITEMS 96

guint steady_painter_paint_items (cairo_t                  *cr,
                                  const SteadyPose         *pose,
                                  const SteadyCamera       *camera,
                                  double                    width,
                                  double                    height,
                                  const SteadyPainterStyle *style,
                                  SteadyPainterItem        *items,
                                  const cairo_rectangle_t  *clip);

G_END_DECLS
