/* steady-painter-private.h: what the painter shares with its cache
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>
#include <glib.h>

#include "steady-painter.h"

G_BEGIN_DECLS

/* One part of a frame: which part it is, wherever it is (so that the
 * parts of two frames can be matched when one has parts the other has
 * not), a hash of what decides its pixels, the box (in user units) it
 * may touch, and whether it is drawn as a cairo path even where limbs go
 * straight into pixels (its pixels along the edge of a clip may then
 * differ a little from the same painted whole). */
typedef struct {
  guint64  key;
  guint64  hash;
  double   x0, y0, x1, y1;
  gboolean path;
} SteadyPainterItem;

#define STEADY_PAINTER_MAX_ITEMS 96

/* What of a frame to draw: the ground (background and mat, which the
 * cache keeps apart), the rest, or both. */
typedef enum {
  STEADY_PAINTER_LAYER_GROUND = 1 << 0,
  STEADY_PAINTER_LAYER_FIGURE = 1 << 1,
  STEADY_PAINTER_LAYER_ALL    = 3,
} SteadyPainterLayer;

/* Draws into @cr (when not NULL) the @layers of the frame that meet @clip
 * (all when NULL) and records all its items into @items (when not NULL);
 * returns the number of items, the first @n_ground of which are the
 * ground's. With @pixels, limbs go straight into the pixels of an image
 * target (steady-raster.h); else, and on other targets, they are cairo
 * paths. */
guint steady_painter_paint_items (cairo_t                  *cr,
                                  const SteadyPose         *pose,
                                  const SteadyCamera       *camera,
                                  double                    width,
                                  double                    height,
                                  const SteadyPainterStyle *style,
                                  SteadyPainterLayer        layers,
                                  SteadyPainterItem        *items,
                                  const cairo_rectangle_t  *clip,
                                  guint                    *n_ground,
                                  gboolean                  pixels);

/* Whether steady_painter_paint_items() with pixels puts the limbs
 * straight into @cr's pixels (so that they are the same pixels under any
 * clip to whole pixels): a plain image, an even scale, whole-pixel
 * shift and clip, and STEADY_PAINTER_PATHS not set to 1. */
gboolean steady_painter_pixels_usable (cairo_t *cr);

/* steady_painter_paint() with every part a cairo path, on any target: the
 * same pixels from a cairo node as from an image (for the cards). */
void  steady_painter_paint_paths (cairo_t                  *cr,
                                  const SteadyPose         *pose,
                                  const SteadyCamera       *camera,
                                  double                    width,
                                  double                    height,
                                  const SteadyPainterStyle *style);

G_END_DECLS
