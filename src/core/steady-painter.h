/* steady-painter.h: draws a pose with cairo (the one painter of figures)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>
#include <glib-object.h>

#include "steady-camera.h"
#include "steady-pose.h"

G_BEGIN_DECLS

typedef enum {
  STEADY_PAINTER_THEME_LIGHT,
  STEADY_PAINTER_THEME_DARK,
  STEADY_PAINTER_THEME_HIGH_CONTRAST,
} SteadyPainterTheme;

typedef struct {
  double red, green, blue, alpha;
} SteadyPainterColor;

/* Colours come from the caller (the widget takes them from the style
 * manager), so the painter knows nothing of GTK. */
typedef struct {
  SteadyPainterColor background;
  SteadyPainterColor mat;
  SteadyPainterColor shadow;
  SteadyPainterColor body;        /* near limbs */
  SteadyPainterColor body_far;    /* limbs on the far side */
  SteadyPainterColor torso;
  SteadyPainterColor outline;     /* the thin gap around each limb */
  SteadyPainterColor glow;        /* the working muscle */
  SteadyPainterColor still;       /* what must stay still */
  SteadyPainterColor limit;       /* a limit not to pass */
  SteadyPainterColor path;        /* the knee's path, arrows */
  SteadyPainterColor glass;
  SteadyPainterColor water;
  SteadyPainterColor accent;      /* illustrations: strain, warnings */
  double             outline_width;  /* pixels at 1080 lines */
  gboolean           fill_background;
} SteadyPainterStyle;

void     steady_painter_style_init     (SteadyPainterStyle *style,
                                        SteadyPainterTheme  theme);
gboolean steady_painter_theme_from_string (const char         *name,
                                           SteadyPainterTheme *theme);

/* Paints @pose seen by @camera into the rectangle (0, 0, @width, @height)
 * of @cr: background, mat and shadow, depth-sorted limbs (far side dimmer
 * and thinner), highlights and props. Whatever animates a figure paints it
 * through a SteadyPainterCache (steady-painter-cache.h), which gives the
 * same pixels and repaints only what moved. */
void     steady_painter_paint          (cairo_t                  *cr,
                                        const SteadyPose         *pose,
                                        const SteadyCamera       *camera,
                                        double                    width,
                                        double                    height,
                                        const SteadyPainterStyle *style);

/* A still for when animations are off: @from drawn faintly, @to in full,
 * and an arrow along the way @mover travels between them. */
void     steady_painter_paint_still    (cairo_t                  *cr,
                                        const SteadyPose         *from,
                                        const SteadyPose         *to,
                                        SteadyJoint               mover,
                                        const SteadyCamera       *camera,
                                        double                    width,
                                        double                    height,
                                        const SteadyPainterStyle *style);

/* Helpers the card illustrations share. */
void     steady_painter_set_color      (cairo_t                  *cr,
                                        const SteadyPainterColor *color,
                                        double                    alpha);
void     steady_painter_capsule        (cairo_t                  *cr,
                                        double                    x1,
                                        double                    y1,
                                        double                    r1,
                                        double                    x2,
                                        double                    y2,
                                        double                    r2);
void     steady_painter_arrow_head     (cairo_t                  *cr,
                                        double                    x,
                                        double                    y,
                                        double                    angle,
                                        double                    size);

G_END_DECLS
