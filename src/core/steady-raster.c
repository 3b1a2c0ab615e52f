/* steady-raster.c: the figure's limbs filled straight into pixels
 *
 * A limb is a union of capsules (the hull of two discs), drawn as cairo
 * would draw two fills of it (the union grown by the outline's width in
 * the outline colour, then the union in the body colour). cairo builds a
 * path of arcs, flattens it into a polygon and scan-converts that twice;
 * here each capsule's row spans are solved exactly, the pixels wholly
 * inside are filled in one run, and only the pixels along an edge have
 * their coverage worked out, from the distance to the edge (analytic
 * antialiasing over one pixel). Drawing the figure this way costs a
 * fraction of the paths (see bench/bench-figure.c), and it is only used
 * where it gives the same picture: a plain image surface, no transform
 * but an even scale and a whole-pixel shift, OVER, a pixel-aligned box
 * clip. Anything else (SVG, PDF, groups, recordings) takes cairo's path.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>
#include <wchar.h>

#include "steady-raster.h"

/* cairo_user_to_device() leaves out the target's device scale and
 * offset; pixels have them. */
static void
to_pixels (cairo_t *cr,
           double   scale,
           double   dx,
           double   dy,
           double  *x,
           double  *y)
{
  cairo_user_to_device (cr, x, y);
  *x = *x * scale + dx;
  *y = *y * scale + dy;
}

gboolean
steady_raster_init (SteadyRaster *raster,
                    cairo_t      *cr)
{
  cairo_surface_t *target = cairo_get_target (cr);
  cairo_rectangle_list_t *clips;
  double ox = 0, oy = 0, ex = 1, ey = 0, fx = 0, fy = 1, sx, sy, dx, dy;
  int width, height;
  gboolean ok = FALSE;

  memset (raster, 0, sizeof *raster);
  if (cairo_surface_get_type (target) != CAIRO_SURFACE_TYPE_IMAGE ||
      cairo_image_surface_get_format (target) != CAIRO_FORMAT_ARGB32 ||
      cairo_get_group_target (cr) != target)
    return FALSE;

  /* User space in pixels: an even scale and a whole-pixel shift. */
  cairo_surface_get_device_scale (target, &sx, &sy);
  cairo_surface_get_device_offset (target, &dx, &dy);
  if (sx != sy)
    return FALSE;
  to_pixels (cr, sx, dx, dy, &ox, &oy);
  to_pixels (cr, sx, dx, dy, &ex, &ey);
  to_pixels (cr, sx, dx, dy, &fx, &fy);
  if (ox != floor (ox) || oy != floor (oy) || ey != oy || fx != ox ||
      ex - ox <= 0 || fabs ((ex - ox) - (fy - oy)) > 1e-9)
    return FALSE;

  width = cairo_image_surface_get_width (target);
  height = cairo_image_surface_get_height (target);

  /* The clip: whole-pixel boxes apart from each other (cairo gives a
   * region's boxes, or one box for the whole target when not clipped). */
  clips = cairo_copy_clip_rectangle_list (cr);
  if (clips->status == CAIRO_STATUS_SUCCESS && clips->num_rectangles <= STEADY_RASTER_MAX_BOXES)
    {
      ok = TRUE;
      raster->x0 = width;
      raster->y0 = height;
      raster->x1 = 0;
      raster->y1 = 0;
      for (int i = 0; i < clips->num_rectangles && ok; i++)
        {
          const cairo_rectangle_t *r = &clips->rectangles[i];
          double x0 = r->x, y0 = r->y, x1 = r->x + r->width, y1 = r->y + r->height;
          SteadyRasterBox *b = &raster->boxes[raster->n_boxes];

          to_pixels (cr, sx, dx, dy, &x0, &y0);
          to_pixels (cr, sx, dx, dy, &x1, &y1);
          if (x0 != floor (x0) || y0 != floor (y0) || x1 != floor (x1) || y1 != floor (y1))
            ok = FALSE;
          b->x0 = (int) CLAMP (x0, 0, width);
          b->y0 = (int) CLAMP (y0, 0, height);
          b->x1 = (int) CLAMP (x1, 0, width);
          b->y1 = (int) CLAMP (y1, 0, height);
          if (b->x0 >= b->x1 || b->y0 >= b->y1)
            continue;
          /* A pixel in two boxes would be blended twice. */
          for (guint j = 0; j < raster->n_boxes; j++)
            if (b->x0 < raster->boxes[j].x1 && raster->boxes[j].x0 < b->x1 &&
                b->y0 < raster->boxes[j].y1 && raster->boxes[j].y0 < b->y1)
              ok = FALSE;
          raster->x0 = MIN (raster->x0, b->x0);
          raster->y0 = MIN (raster->y0, b->y0);
          raster->x1 = MAX (raster->x1, b->x1);
          raster->y1 = MAX (raster->y1, b->y1);
          raster->n_boxes++;
        }
      if (raster->n_boxes == 0)
        raster->x0 = raster->y0 = raster->x1 = raster->y1 = 0;
    }
  cairo_rectangle_list_destroy (clips);
  if (!ok)
    return FALSE;

  cairo_surface_flush (target);
  raster->surface = target;
  raster->data = (guint32 *) cairo_image_surface_get_data (target);
  raster->stride = cairo_image_surface_get_stride (target) / 4;
  raster->scale = ex - ox;
  raster->tx = ox;
  raster->ty = oy;

  return raster->data != NULL;
}

/* Whether @raster still describes where @cr draws: nothing has been
 * pushed as a group since, and the operator is OVER. */
gboolean
steady_raster_usable (const SteadyRaster *raster,
                      cairo_t            *cr)
{
  return raster->surface != NULL && cairo_get_group_target (cr) == raster->surface &&
         cairo_get_operator (cr) == CAIRO_OPERATOR_OVER;
}

/* A side of a capsule: the segment between the points where a line
 * touches both end discs, and its outward normal. */
typedef struct {
  float x1, y1, y2, nx, ny;
  float slope;                /* dx/dy */
  gboolean flat;              /* along a row */
} Tangent;

/* One capsule in device pixels. */
typedef struct {
  float ax, ay, bx, by, ra, rb;
  float ux, uy, h, a, b;
  float top, bottom;          /* its rows */
  Tangent tangents[2];
  /* Beside the tangent on side k (0 where the axis's normal (−uy, ux)
   * points, 1 the other), from (ax, ay): how far along it between its
   * touching points (0 to ah), and the distance to it, are linear. */
  float kx[2], ky[2], dx[2], dy[2], ah;
  gboolean disc;              /* one end's disc holds the other */
} Cap;

static void
cap_init (Cap          *c,
          const double *d,
          double        scale,
          double        tx,
          double        ty)
{
  double ax = d[0] * scale + tx, ay = d[1] * scale + ty, ra = MAX (d[2], 0) * scale;
  double bx = d[3] * scale + tx, by = d[4] * scale + ty, rb = MAX (d[5], 0) * scale;
  double dx = bx - ax, dy = by - ay, h = sqrt (dx * dx + dy * dy);

  c->disc = h <= fabs (ra - rb) + 1e-3;
  if (c->disc && rb > ra)
    {
      ax = bx;
      ay = by;
      ra = rb;
    }
  c->ax = ax; c->ay = ay; c->ra = ra;
  c->bx = bx; c->by = by; c->rb = rb;
  c->top = c->disc ? ay - ra : MIN (ay - ra, by - rb);
  c->bottom = c->disc ? ay + ra : MAX (ay + ra, by + rb);
  if (c->disc)
    return;

  c->h = h;
  c->ux = dx / h;
  c->uy = dy / h;
  c->b = (ra - rb) / h;
  c->a = sqrt (1 - c->b * c->b);
  /* n = b u ± a u⊥: n · (B − A) = ra − rb, so the line through A + ra n
   * and B + rb n touches both discs. */
  for (guint k = 0; k < 2; k++)
    {
      Tangent *t = &c->tangents[k];
      float sign = k == 0 ? -1 : 1;
      float nx = c->b * c->ux + sign * c->a * c->uy;
      float ny = c->b * c->uy - sign * c->a * c->ux;
      float x2 = bx + rb * nx;

      t->nx = nx;
      t->ny = ny;
      t->x1 = ax + ra * nx;
      t->y1 = ay + ra * ny;
      t->y2 = by + rb * ny;
      t->flat = fabsf (t->y2 - t->y1) < 1e-6f;
      t->slope = t->flat ? 0 : (x2 - t->x1) / (t->y2 - t->y1);
    }

  /* With s = −uy x + ux y across the axis and t = ux x + uy y along it,
   * side k's sign σ: k = −b σ s + a t, and the distance σ a s + b t − ra
   * (cap_distance()). */
  c->ah = c->a * c->h;
  for (guint k = 0; k < 2; k++)
    {
      float sign = k == 0 ? 1 : -1;

      c->kx[k] = sign * c->b * c->uy + c->a * c->ux;
      c->ky[k] = -sign * c->b * c->ux + c->a * c->uy;
      c->dx[k] = -sign * c->a * c->uy + c->b * c->ux;
      c->dy[k] = sign * c->a * c->ux + c->b * c->uy;
    }
}

/* The signed distance from (px, py) to the capsule's edge (negative
 * inside): the distance to the nearer end's circle or to the tangent. */
static inline float
cap_distance (const Cap *c,
              float      px,
              float      py)
{
  float x = px - c->ax, y = py - c->ay, along, across, k;

  if (c->disc)
    return sqrtf (x * x + y * y) - c->ra;

  along = x * c->ux + y * c->uy;
  across = fabsf (y * c->ux - x * c->uy);
  k = -c->b * across + c->a * along;
  if (k < 0)
    return sqrtf (x * x + y * y) - c->ra;
  if (k > c->a * c->h)
    {
      float bx = px - c->bx, by = py - c->by;

      return sqrtf (bx * bx + by * by) - c->rb;
    }

  return across * c->a + along * c->b - c->ra;
}

/* Whether @c lies within @d: both its end discs do. */
static gboolean
cap_within (const Cap *c,
            const Cap *d)
{
  /* Most pairs (a dashed line's dashes) are far apart. */
  if (c->top < d->top || c->bottom > d->bottom)
    return FALSE;
  if (cap_distance (d, c->ax, c->ay) > -c->ra + 1e-3f)
    return FALSE;

  return c->disc || cap_distance (d, c->bx, c->by) <= -c->rb + 1e-3f;
}

static inline void
disc_span (float  cx,
           float  cy,
           float  r,
           float  y,
           float *lo,
           float *hi)
{
  float dy = y - cy;

  if (r > 0 && fabsf (dy) < r)
    {
      float half = sqrtf (r * r - dy * dy);

      *lo = MIN (*lo, cx - half);
      *hi = MAX (*hi, cx + half);
    }
}

/* Where the row at @y crosses the tangent @t moved by @e along its
 * normal. */
static inline void
tangent_span (const Tangent *t,
              float          e,
              float          y,
              float         *lo,
              float         *hi)
{
  float y1 = t->y1 + e * t->ny, y2 = t->y2 + e * t->ny;

  if (t->flat || (y - y1) * (y - y2) > 0)
    return;

  {
    float x = t->x1 + e * t->nx + (y - y1) * t->slope;

    *lo = MIN (*lo, x);
    *hi = MAX (*hi, x);
  }
}

/* Where the row at height @y crosses the capsule grown by @e (which may
 * be negative): the hull of two discs is the union of the discs and the
 * quadrilateral between the tangent points, a row crosses a convex shape
 * once, and of the quadrilateral's sides only the tangents can reach out
 * of the discs (the other two are chords of them). FALSE when it misses. */
static gboolean
cap_span (const Cap *c,
          float      e,
          float      y,
          float     *lo,
          float     *hi)
{
  float ra = c->ra + e, rb = c->rb + e;

  *lo = G_MAXFLOAT;
  *hi = -G_MAXFLOAT;
  disc_span (c->ax, c->ay, ra, y, lo, hi);
  if (!c->disc)
    {
      disc_span (c->bx, c->by, rb, y, lo, hi);
      if (ra > 0 && rb > 0)
        {
          tangent_span (&c->tangents[0], e, y, lo, hi);
          tangent_span (&c->tangents[1], e, y, lo, hi);
        }
    }

  return *lo <= *hi;
}

static inline guint32
premultiply (const SteadyPainterColor *color,
             double                    alpha)
{
  double a = CLAMP (color->alpha * alpha, 0.0, 1.0);
  guint32 r = (guint32) (CLAMP (color->red, 0.0, 1.0) * a * 255 + 0.5);
  guint32 g = (guint32) (CLAMP (color->green, 0.0, 1.0) * a * 255 + 0.5);
  guint32 b = (guint32) (CLAMP (color->blue, 0.0, 1.0) * a * 255 + 0.5);

  return ((guint32) (a * 255 + 0.5) << 24) | (r << 16) | (g << 8) | b;
}

/* Each of @x's four bytes times @a / 255, rounded. */
static inline guint32
mul_un8x4 (guint32 x,
           guint32 a)
{
  guint32 rb = (x & 0x00ff00ff) * a + 0x00800080;
  guint32 ag = ((x >> 8) & 0x00ff00ff) * a + 0x00800080;

  rb = ((rb + ((rb >> 8) & 0x00ff00ff)) >> 8) & 0x00ff00ff;
  ag = (ag + ((ag >> 8) & 0x00ff00ff)) & 0xff00ff00;

  return rb | ag;
}

static inline guint32
over (guint32 src,
      guint32 dst)
{
  return src + mul_un8x4 (dst, 255 - (src >> 24));
}

static inline guint8
coverage (float d)
{
  float c = 0.5f - d;

  return c <= 0 ? 0 : c >= 1 ? 255 : (guint8) (c * 255 + 0.5f);
}


/* Where a capsule meets a row, in pixels (first, last; empty when first >
 * last): o within reach of the outline's antialiasing, i wholly inside. */
typedef struct {
  int o0, o1, i0, i1;
} Spans;

/* floorf() and ceilf() are calls without SSE 4.1; these are not (@v
 * well within int's range). */
static inline int
floor_int (float v)
{
  int i = (int) v;

  return i - (v < (float) i);
}

static inline int
ceil_int (float v)
{
  int i = (int) v;

  return i + (v > (float) i);
}

/* The pixels whose centres lie within the capsule grown by @e on the row
 * at @yc, within [@x0, @x1); an empty range past @x1 when none. */
static inline gboolean
pixel_span (const Cap *c,
            float      e,
            float      yc,
            int        x0,
            int        x1,
            int       *p0,
            int       *p1)
{
  float l, h;

  if (cap_span (c, e, yc, &l, &h))
    {
      *p0 = MAX (x0, ceil_int (MAX (l - 0.5f, x0 - 1.0f)));
      *p1 = MIN (x1 - 1, floor_int (MIN (h - 0.5f, (float) x1)));
      if (*p0 <= *p1)
        return TRUE;
    }
  *p0 = x1 + 1;
  *p1 = x1;

  return FALSE;
}

static inline void
edge_pixel (guint8 *cov_o,
            guint8 *cov_f,
            float   d,
            float   g,
            gboolean outline)
{
  guint8 cf = coverage (d), co = outline ? coverage (d - g) : 0;

  if (cf > *cov_f)
    *cov_f = cf;
  if (co > *cov_o)
    *cov_o = co;
}

/* Raises @cov[i] to the coverage clamp (@c0 + i @step, 0, 1), i < @n. */
static void
linear_coverage (guint8 *cov,
                 int     n,
                 float   c0,
                 float   step)
{
  for (int i = 0; i < n; i++)
    {
      float c = c0 + i * step;
      int v = (int) (CLAMP (c, 0.0f, 1.0f) * 255.0f + 0.5f);
      guint8 b = (guint8) v;

      cov[i] = MAX (cov[i], b);
    }
}

/* The next run of pixels from *@x to at most @last outside the @n
 * sorted, apart @spans (looked through from *@j on), ending at *@end;
 * FALSE when none is left. */
static inline gboolean
next_outside (const int (*spans)[2],
              int         n,
              int        *j,
              int        *x,
              int         last,
              int        *end)
{
  while (*x <= last)
    {
      while (*j < n && spans[*j][1] < *x)
        (*j)++;
      if (*j < n && spans[*j][0] <= *x)
        {
          *x = spans[*j][1] + 1;
          continue;
        }
      *end = *j < n ? MIN (last, spans[*j][0] - 1) : last;
      return TRUE;
    }

  return FALSE;
}

/* The coverage of pixels @first to @last on the row at @yc (not wholly
 * inside @c) from their distance to @c's edge, into @cov_f and, grown by
 * @g, @cov_o, keeping the most any capsule gives; pixels wholly inside
 * another capsule (in one of the @n_spans sorted @spans) are left. Along
 * a tangent the distance grows by the same step from one pixel to the
 * next, so where the whole run lies beside one tangent, it is stepped
 * rather than worked out anew. */
static void
edge_coverage (const Cap *c,
               int        first,
               int        last,
               float      yc,
               float      g,
               gboolean   outline,
               guint8    *cov_o,
               guint8    *cov_f,
               const int (*spans)[2],
               int        n_spans,
               int        x0)
{
  if (first > last)
    return;

  if (!c->disc)
    {
      float px0 = first + 0.5f - c->ax, px1 = last + 0.5f - c->ax, py = yc - c->ay;
      float s0 = py * c->ux - px0 * c->uy, s1 = py * c->ux - px1 * c->uy;

      /* One side of the axis all along, and between the touching points
       * at both ends (k is linear in x there): beside that tangent. */
      if ((s0 >= 0) == (s1 >= 0))
        {
          int k = s0 < 0;
          float krow = c->ky[k] * py, k0 = c->kx[k] * px0 + krow, k1 = c->kx[k] * px1 + krow;

          if (k0 >= 0 && k1 >= 0 && k0 <= c->ah && k1 <= c->ah)
            {
              float d = c->dx[k] * px0 + c->dy[k] * py - c->ra;

              /* Pixels wholly inside another capsule are worked out too
               * (they are filled over): one add a pixel costs less than
               * looking each one up. */
              linear_coverage (cov_f + (first - x0), last - first + 1, 0.5f - d, -c->dx[k]);
              if (outline)
                linear_coverage (cov_o + (first - x0), last - first + 1, 0.5f - d + g, -c->dx[k]);
              return;
            }
        }
    }

  for (int from = first, j = 0, to; next_outside (spans, n_spans, &j, &from, last, &to); from = to + 1)
    for (int x = from; x <= to; x++)
      edge_pixel (cov_o + (x - x0), cov_f + (x - x0), cap_distance (c, x + 0.5f, yc), g, outline);
}

static inline void
add_range (int (*ranges)[2],
           int  *n,
           int   first,
           int   last)
{
  ranges[*n][0] = first;
  ranges[*n][1] = last;
  (*n)++;
}

/* Sorts @n ranges (first, last) and joins those that overlap or touch;
 * returns how many are left. */
static int
merge_ranges (int (*ranges)[2],
              int   n)
{
  int k = 0;

  for (int i = 1; i < n; i++)
    for (int j = i; j > 0 && ranges[j][0] < ranges[j - 1][0]; j--)
      {
        int t0 = ranges[j][0], t1 = ranges[j][1];

        ranges[j][0] = ranges[j - 1][0];
        ranges[j][1] = ranges[j - 1][1];
        ranges[j - 1][0] = t0;
        ranges[j - 1][1] = t1;
      }
  for (int i = 1; i < n; i++)
    if (ranges[i][0] <= ranges[k][1] + 1)
      ranges[k][1] = MAX (ranges[k][1], ranges[i][1]);
    else
      {
        k++;
        ranges[k][0] = ranges[i][0];
        ranges[k][1] = ranges[i][1];
      }

  return n > 0 ? k + 1 : 0;
}

/* @n pixels of @v from @p: long runs by the C library's wmemset()
 * (wchar_t is a 32-bit int here), whose wide stores fill a run faster
 * than a loop of ours would. */
G_STATIC_ASSERT (sizeof (wchar_t) == sizeof (guint32));

static inline void
fill_run (guint32 *p,
          guint32  v,
          int      n)
{
  if (n >= 16)
    {
      wmemset ((wchar_t *) p, (wchar_t) v, (size_t) n);
      return;
    }
  for (; n > 0; n--)
    *p++ = v;
}

/* How a union of capsules is painted. */
typedef struct {
  float    g;                 /* the outline's width, pixels */
  gboolean outline;
  guint32  fill_px, outline_px;
  gboolean opaque, outline_opaque;
} Paint;

/* Blends pixels @from to @to of @row (whose coverage is at [x - @x0] of
 * @cov_o and @cov_f): the outline, then the fill, each by its coverage. */
static inline void
blend_edges (guint32      *row,
             const guint8 *cov_o,
             const guint8 *cov_f,
             int           x0,
             int           from,
             int           to,
             const Paint  *paint)
{
  guint32 fill_px = paint->fill_px, outline_px = paint->outline_px;
  gboolean opaque = paint->opaque, outline_opaque = paint->outline_opaque;

  for (int x = from; x <= to; x++)
    {
      guint8 co = cov_o[x - x0], cf = cov_f[x - x0];
      guint32 d;

      if ((co | cf) == 0)
        continue;
      /* Most edge pixels are wholly in the outline or the fill. */
      if (cf == 255 && opaque)
        d = fill_px;
      else if (co == 255 && outline_opaque)
        d = outline_px;
      else
        d = co != 0 ? over (co == 255 ? outline_px : mul_un8x4 (outline_px, co), row[x]) : row[x];
      if (cf != 0 && cf != 255)
        d = over (mul_un8x4 (fill_px, cf), d);
      else if (cf == 255 && !opaque)
        d = over (fill_px, d);
      row[x] = d;
    }
}

/* Paints the union of @caps on rows @y0 to @y1 - 1 and columns @x0 to
 * @x1 - 1 of @raster. @cov_o and @cov_f hold a byte for each of those
 * columns, all 0, and are left so. */
static void
capsule_rows (const SteadyRaster *raster,
              const Cap          *caps,
              guint               n,
              const Paint        *paint,
              int                 y0,
              int                 y1,
              int                 x0,
              int                 x1,
              guint8             *cov_o,
              guint8             *cov_f)
{
  float g = paint->g;
  gboolean outline = paint->outline, opaque = paint->opaque;

  for (int y = y0; y < y1; y++)
    {
      float yc = y + 0.5f;
      int spans[STEADY_RASTER_MAX_CAPSULES][2], n_spans = 0;
      int bands[2 * STEADY_RASTER_MAX_CAPSULES][2], n_bands = 0;
      guint32 *row = raster->data + (gsize) y * raster->stride;
      Spans sp[STEADY_RASTER_MAX_CAPSULES];

      /* Where each capsule meets the row: within reach of the outline's
       * edge, and wholly inside (filled as a run). */
      for (guint k = 0; k < n; k++)
        {
          Spans *r = &sp[k];

          if (yc < caps[k].top - g - 1 || yc > caps[k].bottom + g + 1)
            {
              r->o0 = x1 + 1;
              r->o1 = x1;
              continue;
            }
          if (!pixel_span (&caps[k], g + 0.5f, yc, x0, x1, &r->o0, &r->o1))
            continue;
          if (pixel_span (&caps[k], -0.5f, yc, x0, x1, &r->i0, &r->i1))
            {
              if (opaque)
                {
                  spans[n_spans][0] = r->i0;
                  spans[n_spans][1] = r->i1;
                  n_spans++;
                }
              else
                {
                  memset (cov_o + (r->i0 - x0), 255, r->i1 - r->i0 + 1);
                  memset (cov_f + (r->i0 - x0), 255, r->i1 - r->i0 + 1);
                }
            }
          /* The edges: what is within reach but not wholly inside (a
           * fill that is not opaque is blended inside too). */
          if (r->i0 <= r->i1 && opaque)
            {
              if (r->o0 < r->i0)
                add_range (bands, &n_bands, r->o0, r->i0 - 1);
              if (r->i1 < r->o1)
                add_range (bands, &n_bands, r->i1 + 1, r->o1);
            }
          else
            add_range (bands, &n_bands, r->o0, r->o1);
        }
      if (n_bands == 0 && n_spans == 0)
        continue;
      n_spans = merge_ranges (spans, n_spans);

      /* Along the edges: the coverage from the distance, but for what
       * lies wholly inside some capsule. (Also skipping what lies wholly
       * in the outline takes two more spans a row, which cost more than
       * the distances they save.) */
      for (guint k = 0; k < n; k++)
        {
          const Spans *r = &sp[k];

          if (r->o0 > r->o1)
            continue;
          if (r->i0 > r->i1)
            edge_coverage (&caps[k], r->o0, r->o1, yc, g, outline, cov_o, cov_f,
                           (const int (*)[2]) spans, n_spans, x0);
          else
            {
              edge_coverage (&caps[k], r->o0, r->i0 - 1, yc, g, outline, cov_o, cov_f,
                             (const int (*)[2]) spans, n_spans, x0);
              edge_coverage (&caps[k], r->i1 + 1, r->o1, yc, g, outline, cov_o, cov_f,
                             (const int (*)[2]) spans, n_spans, x0);
            }
        }

      /* The edges, blended, but where some capsule is wholly inside (and
       * their coverage cleared for the next row); then the runs wholly
       * inside, filled. */
      n_bands = merge_ranges (bands, n_bands);
      for (int i = 0, j = 0; i < n_bands; i++)
        {
          for (int from = bands[i][0], to;
               next_outside ((const int (*)[2]) spans, n_spans, &j, &from, bands[i][1], &to);
               from = to + 1)
            blend_edges (row, cov_o, cov_f, x0, from, to, paint);
          memset (cov_o + (bands[i][0] - x0), 0, bands[i][1] - bands[i][0] + 1);
          memset (cov_f + (bands[i][0] - x0), 0, bands[i][1] - bands[i][0] + 1);
        }
      for (int i = 0; i < n_spans; i++)
        fill_run (row + spans[i][0], paint->fill_px, spans[i][1] - spans[i][0] + 1);
    }
}

void
steady_raster_capsules (SteadyRaster             *raster,
                        const double            (*capsules)[6],
                        guint                     n,
                        double                    grow,
                        const SteadyPainterColor *outline,
                        const SteadyPainterColor *fill,
                        double                    alpha)
{
  Cap caps[STEADY_RASTER_MAX_CAPSULES];
  gboolean hidden[STEADY_RASTER_MAX_CAPSULES];
  guint kept = 0;
  float g = outline != NULL ? MAX (grow, 0) * raster->scale : 0;
  float top = G_MAXFLOAT, bottom = -G_MAXFLOAT, left = G_MAXFLOAT, right = -G_MAXFLOAT;
  Paint paint;
  int y0, y1, x0, x1, width;
  guint8 *cov_o, *cov_f;

  g_return_if_fail (n <= STEADY_RASTER_MAX_CAPSULES);

  paint.g = g;
  paint.outline = outline != NULL;
  paint.fill_px = premultiply (fill, alpha);
  paint.outline_px = outline != NULL ? premultiply (outline, alpha) : 0;
  paint.opaque = (paint.fill_px >> 24) == 255;
  paint.outline_opaque = outline != NULL && (paint.outline_px >> 24) == 255;

  for (guint i = 0; i < n; i++)
    cap_init (&caps[i], capsules[i], raster->scale, raster->tx, raster->ty);

  /* A capsule within another adds nothing to the union (a trunk seen end
   * on hides most of its capsules in the others), and each costs a span
   * on every row it meets: both its end discs within the other (which is
   * convex) leave it out; of two the same, the first stays. */
  for (guint i = 0; i < n; i++)
    {
      hidden[i] = FALSE;
      for (guint j = 0; j < n && !hidden[i]; j++)
        hidden[i] = j != i && cap_within (&caps[i], &caps[j]) &&
                    (j < i || !cap_within (&caps[j], &caps[i]));
    }
  for (guint i = 0; i < n; i++)
    if (!hidden[i])
      caps[kept++] = caps[i];
  n = kept;

  for (guint i = 0; i < n; i++)
    {
      Cap *c = &caps[i];

      top = MIN (top, c->top);
      bottom = MAX (bottom, c->bottom);
      left = MIN (left, MIN (c->ax - c->ra, c->disc ? G_MAXFLOAT : c->bx - c->rb));
      right = MAX (right, MAX (c->ax + c->ra, c->disc ? -G_MAXFLOAT : c->bx + c->rb));
    }
  if (n == 0)
    return;

  /* Every pixel whose centre lies within half a pixel of the grown union. */
  y0 = MAX (raster->y0, (int) floorf (top - g - 1));
  y1 = MIN (raster->y1, (int) ceilf (bottom + g + 1));
  x0 = MAX (raster->x0, (int) floorf (left - g - 1));
  x1 = MIN (raster->x1, (int) ceilf (right + g + 1));
  if (y0 >= y1 || x0 >= x1)
    return;

  width = x1 - x0;
  cov_o = g_malloc0 (2 * (gsize) width);
  cov_f = cov_o + width;

  /* Box by box of the clip, each with the columns it holds. */
  for (guint b = 0; b < raster->n_boxes; b++)
    {
      const SteadyRasterBox *box = &raster->boxes[b];
      int bx0 = MAX (x0, box->x0), bx1 = MIN (x1, box->x1);

      if (bx0 < bx1)
        capsule_rows (raster, caps, n, &paint, MAX (y0, box->y0), MIN (y1, box->y1), bx0, bx1,
                      cov_o + (bx0 - x0), cov_f + (bx0 - x0));
    }

  g_free (cov_o);
  cairo_surface_mark_dirty (raster->surface);
}

/* A capsule on the floor, in a frame of its own: from (0, 0) with
 * radius ra to (len, 0) with radius rb. A row of pixels is the line
 * p0 + x d there, d the same for every row: what depends on d alone is
 * worked out once (no division is left for each row). */
typedef struct {
  cairo_matrix_t inverse;     /* pixels to its frame */
  double         top, bottom; /* its rows */
  double         len, ra, rb;
  double         dx, dy;
  double         dd, inv_dd;  /* d · d, 1 / (d · d) */
  /* The quadrilateral between the tangents: n · p <= limit for its four
   * sides, and 1 / (n · d) (0 where a side runs along the row). */
  double         nx[4], ny[4], limit[4], rate[4], inv_rate[4];
  gboolean       disc;        /* one end's disc holds the other */
} FloorCap;

/* Where the row's line lies within the disc of radius @r round (@cx, 0):
 * grows [@lo, @hi]. */
static inline void
line_disc (const FloorCap *c,
           double          p0x,
           double          p0y,
           double          cx,
           double          r,
           double         *lo,
           double         *hi)
{
  double ex = p0x - cx, ey = p0y;
  double b = c->dx * ex + c->dy * ey, cc = ex * ex + ey * ey - r * r;
  double disc = b * b - cc * c->dd;

  if (disc < 0)
    return;
  disc = sqrt (disc);
  *lo = MIN (*lo, (-b - disc) * c->inv_dd);
  *hi = MAX (*hi, (-b + disc) * c->inv_dd);
}

/* The pixels of row @y within @box whose centres lie inside one of
 * @caps, each once, in @px. */
static void
floor_row (const SteadyRaster    *raster,
           const FloorCap        *caps,
           guint                  n,
           int                    y,
           const SteadyRasterBox *box,
           guint32                px)
{
  int ranges[STEADY_RASTER_MAX_CAPSULES][2], n_ranges = 0;
  guint32 *row = raster->data + (gsize) y * raster->stride;
  double yc = y + 0.5;

  for (guint i = 0; i < n; i++)
    {
      const FloorCap *c = &caps[i];
      double lo = G_MAXDOUBLE, hi = -G_MAXDOUBLE;
      /* The row's centre line in the capsule's frame: p0 + x d. */
      double p0x = c->inverse.xy * yc + c->inverse.x0, p0y = c->inverse.yy * yc + c->inverse.y0;
      int first, last;

      if (yc < c->top || yc > c->bottom)
        continue;
      if (c->disc)
        line_disc (c, p0x, p0y, c->ra >= c->rb ? 0 : c->len, MAX (c->ra, c->rb), &lo, &hi);
      else
        {
          double qlo = -G_MAXDOUBLE, qhi = G_MAXDOUBLE;

          line_disc (c, p0x, p0y, 0, c->ra, &lo, &hi);
          line_disc (c, p0x, p0y, c->len, c->rb, &lo, &hi);
          /* The quadrilateral: along the line, where inside all four. */
          for (guint k = 0; k < 4; k++)
            {
              double over_by = c->nx[k] * p0x + c->ny[k] * p0y - c->limit[k];

              if (c->inv_rate[k] == 0)
                {
                  if (over_by > 0)
                    qhi = -G_MAXDOUBLE;
                }
              else if (c->rate[k] > 0)
                qhi = MIN (qhi, -over_by * c->inv_rate[k]);
              else
                qlo = MAX (qlo, -over_by * c->inv_rate[k]);
            }
          if (qlo <= qhi)
            {
              lo = MIN (lo, qlo);
              hi = MAX (hi, qhi);
            }
        }
      if (lo > hi)
        continue;

      /* The pixels whose centres are inside. */
      lo = MAX (lo, box->x0 - 1.0);
      hi = MIN (hi, (double) box->x1);
      first = MAX (box->x0, (int) ceil (lo - 0.5));
      last = MIN (box->x1 - 1, (int) floor (hi - 0.5));
      if (first <= last)
        add_range (ranges, &n_ranges, first, last);
    }

  /* Each pixel once, where the capsules overlap too. */
  n_ranges = merge_ranges (ranges, n_ranges);
  for (int i = 0; i < n_ranges; i++)
    {
      if ((px >> 24) == 255)
        fill_run (row + ranges[i][0], px, ranges[i][1] - ranges[i][0] + 1);
      else
        for (int x = ranges[i][0]; x <= ranges[i][1]; x++)
          row[x] = over (px, row[x]);
    }
}

void
steady_raster_floor_capsules (SteadyRaster             *raster,
                              const cairo_matrix_t     *matrices,
                              const double            (*capsules)[3],
                              guint                     n,
                              const SteadyPainterColor *color,
                              double                    alpha)
{
  FloorCap caps[STEADY_RASTER_MAX_CAPSULES];
  double top = G_MAXDOUBLE, bottom = -G_MAXDOUBLE;
  guint32 px = premultiply (color, alpha);
  guint kept = 0;
  int y0, y1;

  g_return_if_fail (n <= STEADY_RASTER_MAX_CAPSULES);

  for (guint i = 0; i < n; i++)
    {
      double len = capsules[i][0], ra = capsules[i][1], rb = capsules[i][2], r = MAX (ra, rb);
      const double corners[4][2] = { { -r, -r }, { len + r, -r }, { -r, r }, { len + r, r } };
      FloorCap *c = &caps[kept];
      cairo_matrix_t m = matrices[i];

      /* From the capsule's own frame to pixels, and back. */
      m.xx *= raster->scale; m.xy *= raster->scale; m.yx *= raster->scale; m.yy *= raster->scale;
      m.x0 = m.x0 * raster->scale + raster->tx;
      m.y0 = m.y0 * raster->scale + raster->ty;
      c->inverse = m;
      if (cairo_matrix_invert (&c->inverse) != CAIRO_STATUS_SUCCESS)
        continue;
      c->len = len;
      c->ra = ra;
      c->rb = rb;
      c->dx = c->inverse.xx;
      c->dy = c->inverse.yx;
      c->dd = c->dx * c->dx + c->dy * c->dy;
      if (c->dd <= 0)
        continue;
      c->inv_dd = 1.0 / c->dd;
      c->disc = len <= fabs (ra - rb);
      if (!c->disc)
        {
          /* Along the axis from the first disc's touching points to the
           * second's, inside both tangents (normals (b, ±a)). */
          double b = (ra - rb) / len, a = sqrt (1 - b * b);
          const double sides[4][3] = {
            { -1, 0, -ra * b }, { 1, 0, len + rb * b }, { b, a, ra }, { b, -a, ra },
          };

          for (guint k = 0; k < 4; k++)
            {
              c->nx[k] = sides[k][0];
              c->ny[k] = sides[k][1];
              c->limit[k] = sides[k][2];
              c->rate[k] = c->nx[k] * c->dx + c->ny[k] * c->dy;
              c->inv_rate[k] = fabs (c->rate[k]) < 1e-12 ? 0 : 1.0 / c->rate[k];
            }
        }
      /* Its rows: those the corners of the box round it span (each row
       * would otherwise try every capsule of the figure). */
      c->top = G_MAXDOUBLE;
      c->bottom = -G_MAXDOUBLE;
      for (guint k = 0; k < 4; k++)
        {
          double x = corners[k][0], y = corners[k][1];

          cairo_matrix_transform_point (&m, &x, &y);
          c->top = MIN (c->top, y);
          c->bottom = MAX (c->bottom, y);
        }
      top = MIN (top, c->top);
      bottom = MAX (bottom, c->bottom);
      kept++;
    }

  y0 = MAX (raster->y0, (int) floor (MAX (top, -1.0)));
  y1 = MIN (raster->y1, (int) ceil (MIN (bottom, (double) raster->y1)) + 1);
  for (guint b = 0; b < raster->n_boxes; b++)
    for (int y = MAX (y0, raster->boxes[b].y0); y < MIN (y1, raster->boxes[b].y1); y++)
      floor_row (raster, caps, kept, y, &raster->boxes[b], px);

  cairo_surface_mark_dirty (raster->surface);
}

/* Runs of one colour: row y's are runs[first[y]] to runs[first[y + 1] - 1],
 * each from its x to the next one's (or the row's end); a row with more
 * than MAX_RUNS_A_ROW (a gradient) has none and is copied. */
#define MAX_RUNS_A_ROW 32

typedef struct {
  int     x;
  guint32 px;
} Run;

struct _SteadyRasterRuns {
  cairo_surface_t *image;
  int              width, height;
  guint           *first;
  Run             *runs;
};

SteadyRasterRuns *
steady_raster_runs_new (cairo_surface_t *image)
{
  SteadyRasterRuns *runs;
  const guint32 *data;
  GArray *all;
  int stride;

  g_return_val_if_fail (cairo_surface_get_type (image) == CAIRO_SURFACE_TYPE_IMAGE, NULL);
  g_return_val_if_fail (cairo_image_surface_get_format (image) == CAIRO_FORMAT_ARGB32, NULL);

  cairo_surface_flush (image);
  runs = g_new0 (SteadyRasterRuns, 1);
  runs->image = cairo_surface_reference (image);
  runs->width = cairo_image_surface_get_width (image);
  runs->height = cairo_image_surface_get_height (image);
  runs->first = g_new (guint, runs->height + 1);
  data = (const guint32 *) cairo_image_surface_get_data (image);
  stride = cairo_image_surface_get_stride (image) / 4;
  all = g_array_new (FALSE, FALSE, sizeof (Run));

  for (int y = 0; y < runs->height; y++)
    {
      const guint32 *row = data + (gsize) y * stride;
      guint start = all->len;

      runs->first[y] = start;
      for (int x = 0; x < runs->width;)
        {
          Run run = { x, row[x] };

          if (all->len - start == MAX_RUNS_A_ROW)
            {
              g_array_set_size (all, start);
              break;
            }
          g_array_append_val (all, run);
          /* To the run's end, eight pixels at a time while they all
           * match (a flat row has few ends and many pixels). */
          for (x++; x + 8 <= runs->width &&
                    ((row[x] ^ run.px) | (row[x + 1] ^ run.px) | (row[x + 2] ^ run.px) |
                     (row[x + 3] ^ run.px) | (row[x + 4] ^ run.px) | (row[x + 5] ^ run.px) |
                     (row[x + 6] ^ run.px) | (row[x + 7] ^ run.px)) == 0; x += 8)
            ;
          while (x < runs->width && row[x] == run.px)
            x++;
        }
    }
  runs->first[runs->height] = all->len;
  runs->runs = (Run *) g_array_free (all, FALSE);

  return runs;
}

void
steady_raster_runs_free (SteadyRasterRuns *runs)
{
  if (runs == NULL)
    return;
  cairo_surface_destroy (runs->image);
  g_free (runs->first);
  g_free (runs->runs);
  g_free (runs);
}

/* Makes the box (@x, @y, @width, @height) of @target, in pixels, what it
 * is in the image @runs were made from (as a SOURCE copy would). */
void
steady_raster_runs_paint (const SteadyRasterRuns *runs,
                          cairo_surface_t        *target,
                          int                     x,
                          int                     y,
                          int                     width,
                          int                     height)
{
  const guint32 *src;
  guint32 *dst;
  int src_stride, dst_stride, x0, x1, y0, y1;

  g_return_if_fail (runs != NULL);
  g_return_if_fail (cairo_image_surface_get_format (target) == CAIRO_FORMAT_ARGB32);

  x0 = MAX (x, 0);
  y0 = MAX (y, 0);
  x1 = MIN (MIN (x + width, runs->width), cairo_image_surface_get_width (target));
  y1 = MIN (MIN (y + height, runs->height), cairo_image_surface_get_height (target));
  if (x0 >= x1 || y0 >= y1)
    return;

  cairo_surface_flush (target);
  src = (const guint32 *) cairo_image_surface_get_data (runs->image);
  src_stride = cairo_image_surface_get_stride (runs->image) / 4;
  dst = (guint32 *) cairo_image_surface_get_data (target);
  dst_stride = cairo_image_surface_get_stride (target) / 4;

  for (int row = y0; row < y1; row++)
    {
      guint32 *d = dst + (gsize) row * dst_stride;
      guint first = runs->first[row], last = runs->first[row + 1];

      if (first == last)
        {
          memcpy (d + x0, src + (gsize) row * src_stride + x0, (gsize) (x1 - x0) * 4);
          continue;
        }
      for (guint i = first; i < last; i++)
        {
          int from = MAX (runs->runs[i].x, x0);
          int to = MIN (i + 1 < last ? runs->runs[i + 1].x : runs->width, x1);

          if (from < to)
            fill_run (d + from, runs->runs[i].px, to - from);
        }
    }
  cairo_surface_mark_dirty (target);
}
