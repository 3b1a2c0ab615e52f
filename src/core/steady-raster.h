/* steady-raster.h: the figure's limbs filled straight into pixels
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>
#include <glib.h>

#include "steady-painter.h"

G_BEGIN_DECLS

/* A box of device pixels, x1 and y1 excluded. */
typedef struct {
  int x0, y0, x1, y1;
} SteadyRasterBox;

#define STEADY_RASTER_MAX_BOXES 32

/* Where a cairo_t draws, when it is a plain image: premultiplied ARGB32
 * pixels, user space only scaled evenly and moved by whole pixels, OVER,
 * clipped to whole pixels: at most STEADY_RASTER_MAX_BOXES boxes apart
 * (a region: the painter cache clips to what changed). */
typedef struct {
  cairo_surface_t *surface;
  guint32         *data;
  int              stride;       /* in pixels */
  double           scale;        /* device pixels per user unit */
  double           tx, ty;       /* user (0, 0) in device pixels */
  int              x0, y0, x1, y1;  /* round the clip */
  guint            n_boxes;
  SteadyRasterBox  boxes[STEADY_RASTER_MAX_BOXES];  /* the clip */
} SteadyRaster;

gboolean steady_raster_init     (SteadyRaster             *raster,
                                 cairo_t                  *cr);
gboolean steady_raster_usable   (const SteadyRaster       *raster,
                                 cairo_t                  *cr);

#define STEADY_RASTER_MAX_CAPSULES 64

/* Fills the union of @n capsules (at most STEADY_RASTER_MAX_CAPSULES) (x1, y1, r1, x2, y2, r2 in user units)
 * in @fill (times @alpha); when @outline is not NULL, first the same
 * union grown by @grow in @outline (times @alpha), as two cairo fills
 * would, in one pass with analytic antialiasing. */
void     steady_raster_capsules (SteadyRaster             *raster,
                                 const double            (*capsules)[6],
                                 guint                     n,
                                 double                    grow,
                                 const SteadyPainterColor *outline,
                                 const SteadyPainterColor *fill,
                                 double                    alpha);

/* Fills, without antialiasing, the union of @n capsules each drawn in a
 * frame of its own, from (0, 0) with radius ra to (len, 0) with radius rb
 * (@capsules: len, ra, rb), which its matrix maps to user space (a
 * shadow's foreshortening on the floor), in @color times @alpha. */
void     steady_raster_floor_capsules (SteadyRaster             *raster,
                                       const cairo_matrix_t     *matrices,
                                       const double            (*capsules)[3],
                                       guint                     n,
                                       const SteadyPainterColor *color,
                                       double                    alpha);

/* An image's rows as runs of one colour (a flat background and mat are
 * a few runs a row), to put back into another image by filling rather
 * than copying: half the memory traffic. */
typedef struct _SteadyRasterRuns SteadyRasterRuns;

SteadyRasterRuns *steady_raster_runs_new   (cairo_surface_t        *image);
void              steady_raster_runs_free  (SteadyRasterRuns       *runs);
void              steady_raster_runs_paint (const SteadyRasterRuns *runs,
                                            cairo_surface_t        *target,
                                            int                     x,
                                            int                     y,
                                            int                     width,
                                            int                     height);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SteadyRasterRuns, steady_raster_runs_free)

G_END_DECLS
