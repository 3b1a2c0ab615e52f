/* steady-painter-cache.h: the painter with a memory of the last frame
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>
#include <glib-object.h>

#include "steady-painter.h"

G_BEGIN_DECLS

#define STEADY_TYPE_PAINTER_CACHE (steady_painter_cache_get_type ())
G_DECLARE_FINAL_TYPE (SteadyPainterCache, steady_painter_cache, STEADY, PAINTER_CACHE, GObject)

SteadyPainterCache *steady_painter_cache_new        (void);

/* Paints the same pixels as steady_painter_paint(), but keeps the frame in
 * a surface of its own and, from one frame to the next, repaints only the
 * parts that moved (the mat, the shadow of the still parts, the still limbs
 * and markers are not drawn again), then copies the frame into @cr. Image and
 * recording targets are painted so; others (PDF, SVG) and rotated or
 * unevenly scaled ones are painted directly. The frame is copied into a
 * recording by reference: cairo snapshots it before the next frame
 * changes it. */
void                steady_painter_cache_paint      (SteadyPainterCache       *self,
                                                     cairo_t                  *cr,
                                                     const SteadyPose         *pose,
                                                     const SteadyCamera       *camera,
                                                     double                    width,
                                                     double                    height,
                                                     const SteadyPainterStyle *style);
/* The device pixels per unit at which recordings (GTK's cairo nodes) that
 * are painted into will be played back: the widget's scale factor. */
void                steady_painter_cache_set_recording_scale (SteadyPainterCache *self,
                                                              double              scale);
/* Forgets the last frame (the next one is painted whole). */
void                steady_painter_cache_invalidate (SteadyPainterCache       *self);
/* The share (0–1) of the last frame's pixels that were painted anew. */
double              steady_painter_cache_get_repainted (SteadyPainterCache    *self);

G_END_DECLS
