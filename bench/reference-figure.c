/* reference-figure.c: the baseline stick figure for the benchmarks
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <math.h>

#include "reference-figure.h"

/* The baseline: what any stick figure costs — a cleared background and 15
 * round-capped strokes, moving a little each frame. */
void
paint_reference (cairo_t *cr,
                 double   w,
                 double   h,
                 double   t)
{
  static const double strokes[15][4] = {
    { 0.50, 0.20, 0.50, 0.45 }, { 0.50, 0.25, 0.40, 0.35 }, { 0.40, 0.35, 0.35, 0.45 },
    { 0.50, 0.25, 0.60, 0.35 }, { 0.60, 0.35, 0.65, 0.45 }, { 0.50, 0.45, 0.45, 0.60 },
    { 0.45, 0.60, 0.44, 0.75 }, { 0.44, 0.75, 0.40, 0.76 }, { 0.50, 0.45, 0.55, 0.60 },
    { 0.55, 0.60, 0.56, 0.75 }, { 0.56, 0.75, 0.60, 0.76 }, { 0.46, 0.45, 0.54, 0.45 },
    { 0.44, 0.25, 0.56, 0.25 }, { 0.50, 0.20, 0.50, 0.12 }, { 0.35, 0.45, 0.33, 0.48 },
  };
  double s = w < h ? w : h, dx = sin (t) * s * 0.02;

  cairo_set_source_rgb (cr, 0.98, 0.98, 0.98);
  cairo_paint (cr);
  cairo_set_source_rgb (cr, 0.21, 0.52, 0.89);
  cairo_set_line_width (cr, s * 0.03);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  for (int i = 0; i < 15; i++)
    {
      cairo_move_to (cr, (w - s) / 2 + strokes[i][0] * s + dx, strokes[i][1] * s);
      cairo_line_to (cr, (w - s) / 2 + strokes[i][2] * s + dx, strokes[i][3] * s);
      cairo_stroke (cr);
    }
}

