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

/* Paints the same pixels as steady_painter_paint() at @scale device
 * pixels per unit into a surface of the cache's own and returns it (NULL
 * when no surface can be made). From one frame to the next only the
 * parts that moved are repainted (the mat, the shadow of the still parts,
 * the still limbs and markers are not drawn again). The surface is the
 * cache's: it stays as it is until the next call, and longer while the
 * caller holds a reference to it (to hand it on without a copy, as a
 * texture, say): the cache never paints into a surface anyone else
 * holds. */
cairo_surface_t    *steady_painter_cache_render     (SteadyPainterCache       *self,
                                                     const SteadyPose         *pose,
                                                     const SteadyCamera       *camera,
                                                     double                    width,
                                                     double                    height,
                                                     double                    scale,
                                                     const SteadyPainterStyle *style);
/* steady_painter_cache_render(), then the frame copied into @cr. Image and
 * recording targets are painted so; others (PDF, SVG) and rotated or
 * unevenly scaled ones are painted directly. The frame is copied into a
 * recording by reference: cairo snapshots it before the cache changes
 * it. */
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
/* Into how many boxes apart the last frame was painted anew (0 when it
 * was not). */
guint               steady_painter_cache_get_repainted_boxes (SteadyPainterCache *self);

G_END_DECLS
