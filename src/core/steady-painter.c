/* steady-painter.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "steady-painter.h"
#include "steady-painter-private.h"
#include "steady-raster.h"

#define J(name) STEADY_JOINT_##name

typedef struct {
  double x, y, depth, r;   /* r in pixels */
} Projected;

typedef struct {
  SteadyJoint a, b;
  double      scale_a, scale_b;  /* radius factors */
} Segment;

typedef struct {
  const Segment            *segments;
  guint                     n_segments;
  SteadySide                side;      /* NONE for the trunk and head */
  const SteadyPainterColor *color;
  double                    thin;
  double                    depth;
  guint                     id;
} Chain;

static const Segment left_leg[] = {
  { J (LEFT_HIP), J (LEFT_KNEE), 0.95, 1.0 },
  { J (LEFT_KNEE), J (LEFT_ANKLE), 1.0, 1.0 },
  { J (LEFT_ANKLE), J (LEFT_TOE), 1.0, 1.0 },
};
static const Segment right_leg[] = {
  { J (RIGHT_HIP), J (RIGHT_KNEE), 0.95, 1.0 },
  { J (RIGHT_KNEE), J (RIGHT_ANKLE), 1.0, 1.0 },
  { J (RIGHT_ANKLE), J (RIGHT_TOE), 1.0, 1.0 },
};
static const Segment left_arm[] = {
  { J (LEFT_SHOULDER), J (LEFT_ELBOW), 1.0, 1.0 },
  { J (LEFT_ELBOW), J (LEFT_WRIST), 1.0, 1.0 },
  { J (LEFT_WRIST), J (LEFT_FINGERTIPS), 1.0, 1.0 },
};
static const Segment right_arm[] = {
  { J (RIGHT_SHOULDER), J (RIGHT_ELBOW), 1.0, 1.0 },
  { J (RIGHT_ELBOW), J (RIGHT_WRIST), 1.0, 1.0 },
  { J (RIGHT_WRIST), J (RIGHT_FINGERTIPS), 1.0, 1.0 },
};
static const Segment trunk[] = {
  { J (LEFT_HIP), J (RIGHT_HIP), 1.0, 1.0 },
  { J (LUMBAR), J (THORAX), 1.0, 1.0 },
  { J (THORAX), J (CHEST), 1.0, 1.0 },
  { J (CHEST), J (NECK), 0.9, 1.3 },
  { J (LEFT_SHOULDER), J (RIGHT_SHOULDER), 1.1, 1.1 },
  { J (PELVIS), J (BELLY), 0.9, -7.0 },
  { J (THORAX), J (BELLY), 0.9, -7.0 },
  { J (NECK), J (HEAD), 1.0, 1.0 },
};
static const Segment head[] = {
  { J (HEAD_CENTRE), J (HEAD_CENTRE), 1.0, 1.0 },
};

/* Every part drawn is also an item: a hash of what decides its pixels and
 * the box it can touch. The cache compares a frame's items with the last
 * frame's and repaints only the boxes of those that changed; a part drawn
 * as one fill of several capsules (a limb, the shadow) gives one item per
 * capsule, since a pixel of a union depends only on the capsules over it. */
typedef struct {
  cairo_t                 *cr;      /* NULL: only record */
  SteadyPainterItem       *items;   /* NULL: do not record */
  guint                    n_items;
  const cairo_rectangle_t *clip;    /* NULL: draw everything */
  SteadyPainterLayer       layer;   /* what is being drawn now */
  SteadyPainterLayer       layers;  /* what is to be drawn */
  gboolean                 has_mat; /* the mat on the floor (cm) */
  double                   mat_x, mat_z, mat_ax, mat_az, mat_half_length, mat_half_width;
  SteadyPainterColor       mat_color;
  SteadyRaster             raster;  /* for limbs, when @cr is a plain image */
} Frame;

#define HASH_SEED G_GUINT64_CONSTANT (14695981039346656037)
#define MARGIN 2.0  /* antialiasing and rounding, user units */
#define FAR_SIDE_CM 6.0  /* how much farther a side is to be drawn dimmer */

static guint64
hash_doubles (guint64       hash,
              const double *values,
              guint         n)
{
  const guchar *bytes = (const guchar *) values;

  for (gsize i = 0; i < n * sizeof (double); i++)
    {
      hash ^= bytes[i];
      hash *= G_GUINT64_CONSTANT (1099511628211);
    }

  return hash;
}

static guint64
hash_color (guint64                   hash,
            const SteadyPainterColor *color,
            double                    alpha)
{
  double v[4] = { color->red, color->green, color->blue, color->alpha * alpha };

  return hash_doubles (hash, v, 4);
}

typedef struct {
  double x0, y0, x1, y1;
} Box;

static void
box_empty (Box *box)
{
  box->x0 = box->y0 = INFINITY;
  box->x1 = box->y1 = -INFINITY;
}

static void
box_add (Box    *box,
         double  x,
         double  y,
         double  r)
{
  box->x0 = MIN (box->x0, x - r);
  box->y0 = MIN (box->y0, y - r);
  box->x1 = MAX (box->x1, x + r);
  box->y1 = MAX (box->y1, y + r);
}

static void
frame_record (Frame      *f,
              guint64     key,
              guint64     hash,
              const Box  *box,
              gboolean    path)
{
  if (f->items == NULL)
    return;

  if (f->n_items < STEADY_PAINTER_MAX_ITEMS)
    {
      SteadyPainterItem *item = &f->items[f->n_items];

      item->key = key;
      item->hash = hash;
      item->path = path;
      item->x0 = box->x0 - MARGIN;
      item->y0 = box->y0 - MARGIN;
      item->x1 = box->x1 + MARGIN;
      item->y1 = box->y1 + MARGIN;
    }
  /* Past the end only counted: the cache then repaints everything. */
  f->n_items++;
}

/* Whether a part within @box is to be drawn now. */
static gboolean
frame_draws (const Frame *f,
             const Box   *box)
{
  if (f->cr == NULL || !(f->layer & f->layers))
    return FALSE;
  if (f->clip == NULL)
    return TRUE;

  return box->x1 + MARGIN >= f->clip->x && box->x0 - MARGIN <= f->clip->x + f->clip->width &&
         box->y1 + MARGIN >= f->clip->y && box->y0 - MARGIN <= f->clip->y + f->clip->height;
}

/* Snaps the capsule @c (x1, y1, r1, x2, y2, r2) to 1/256 unit, so that
 * rounding noise in the joints does not count as movement; records it as
 * an item of a group seeded with @seed and grows @group. */
static void
capsule_item (Frame   *f,
              guint64  seed,
              double  *c,
              Box     *group)
{
  double x1, y1, r1, x2, y2, r2;
  Box box;

  for (guint k = 0; k < 6; k++)
    c[k] = round (c[k] * 256.0) / 256.0;
  x1 = c[0]; y1 = c[1]; r1 = c[2]; x2 = c[3]; y2 = c[4]; r2 = c[5];

  box_empty (&box);
  box_add (&box, x1, y1, r1);
  box_add (&box, x2, y2, r2);
  frame_record (f, seed, hash_doubles (seed, c, 6), &box, FALSE);
  box_add (group, x1, y1, r1);
  box_add (group, x2, y2, r2);
}

void
steady_painter_set_color (cairo_t                  *cr,
                          const SteadyPainterColor *color,
                          double                    alpha)
{
  cairo_set_source_rgba (cr, color->red, color->green, color->blue, color->alpha * alpha);
}

static void
color_init (SteadyPainterColor *color,
            guint32             rgb,
            double              alpha)
{
  color->red = ((rgb >> 16) & 0xff) / 255.0;
  color->green = ((rgb >> 8) & 0xff) / 255.0;
  color->blue = (rgb & 0xff) / 255.0;
  color->alpha = alpha;
}

void
steady_painter_style_init (SteadyPainterStyle *style,
                           SteadyPainterTheme  theme)
{
  g_return_if_fail (style != NULL);

  memset (style, 0, sizeof *style);
  style->fill_background = TRUE;
  style->outline_width = 3.0;

  switch (theme)
    {
    case STEADY_PAINTER_THEME_DARK:
      color_init (&style->background, 0x242424, 1);
      color_init (&style->mat, 0x2f3a45, 1);
      color_init (&style->shadow, 0x000000, 0.35);
      color_init (&style->body, 0x8cbcf2, 1);
      color_init (&style->body_far, 0x3f6a9c, 1);
      color_init (&style->torso, 0x6a9fe0, 1);
      color_init (&style->outline, 0x242424, 1);
      color_init (&style->glow, 0xffa348, 1);
      color_init (&style->still, 0x57e389, 1);
      color_init (&style->limit, 0xff7b63, 1);
      color_init (&style->path, 0xc0bfbc, 1);
      color_init (&style->glass, 0xf6f5f4, 0.75);
      color_init (&style->water, 0x62a0ea, 0.8);
      color_init (&style->accent, 0xff7b63, 1);
      break;

    case STEADY_PAINTER_THEME_HIGH_CONTRAST:
      color_init (&style->background, 0xffffff, 1);
      color_init (&style->mat, 0xdeddda, 1);
      color_init (&style->shadow, 0x000000, 0.25);
      color_init (&style->body, 0x000000, 1);
      color_init (&style->body_far, 0x5e5c64, 1);
      color_init (&style->torso, 0x1a1a1a, 1);
      color_init (&style->outline, 0xffffff, 1);
      color_init (&style->glow, 0xe01b24, 1);
      color_init (&style->still, 0x0b6e2f, 1);
      color_init (&style->limit, 0xa51d2d, 1);
      color_init (&style->path, 0x000000, 1);
      color_init (&style->glass, 0x000000, 1);
      color_init (&style->water, 0x1a5fb4, 1);
      color_init (&style->accent, 0xa51d2d, 1);
      style->outline_width = 4.0;
      break;

    case STEADY_PAINTER_THEME_LIGHT:
    default:
      color_init (&style->background, 0xfafafa, 1);
      color_init (&style->mat, 0xdde6ee, 1);
      color_init (&style->shadow, 0x1b2a3a, 0.14);
      color_init (&style->body, 0x3584e4, 1);
      color_init (&style->body_far, 0x9cc3f0, 1);
      color_init (&style->torso, 0x2a6dbf, 1);
      color_init (&style->outline, 0xfafafa, 1);
      color_init (&style->glow, 0xff7800, 1);
      color_init (&style->still, 0x26a269, 1);
      color_init (&style->limit, 0xc01c28, 1);
      color_init (&style->path, 0x77767b, 1);
      color_init (&style->glass, 0x77767b, 0.8);
      color_init (&style->water, 0x62a0ea, 0.75);
      color_init (&style->accent, 0xc01c28, 1);
      break;
    }
}

gboolean
steady_painter_theme_from_string (const char         *name,
                                  SteadyPainterTheme *theme)
{
  g_return_val_if_fail (theme != NULL, FALSE);

  if (g_strcmp0 (name, "light") == 0)
    *theme = STEADY_PAINTER_THEME_LIGHT;
  else if (g_strcmp0 (name, "dark") == 0)
    *theme = STEADY_PAINTER_THEME_DARK;
  else if (g_strcmp0 (name, "high-contrast") == 0)
    *theme = STEADY_PAINTER_THEME_HIGH_CONTRAST;
  else
    return FALSE;

  return TRUE;
}

void
steady_painter_capsule (cairo_t *cr,
                        double   x1,
                        double   y1,
                        double   r1,
                        double   x2,
                        double   y2,
                        double   r2)
{
  double dx = x2 - x1, dy = y2 - y1;
  double d = sqrt (dx * dx + dy * dy);
  double a, phi;

  cairo_new_sub_path (cr);
  if (d <= fabs (r1 - r2) + 0.01)
    {
      if (r1 >= r2)
        cairo_arc (cr, x1, y1, r1, 0, 2 * G_PI);
      else
        cairo_arc (cr, x2, y2, r2, 0, 2 * G_PI);
      cairo_close_path (cr);
      return;
    }

  a = atan2 (dy, dx);
  phi = acos ((r1 - r2) / d);
  cairo_arc (cr, x1, y1, r1, a + phi, a + 2 * G_PI - phi);
  cairo_arc (cr, x2, y2, r2, a - phi, a + phi);
  cairo_close_path (cr);
}

void
steady_painter_arrow_head (cairo_t *cr,
                           double   x,
                           double   y,
                           double   angle,
                           double   size)
{
  cairo_save (cr);
  cairo_translate (cr, x, y);
  cairo_rotate (cr, angle);
  cairo_new_path (cr);
  cairo_move_to (cr, size * 0.4, 0);
  cairo_line_to (cr, -size * 0.8, -size * 0.6);
  cairo_line_to (cr, -size * 0.5, 0);
  cairo_line_to (cr, -size * 0.8, size * 0.6);
  cairo_close_path (cr);
  cairo_fill (cr);
  cairo_restore (cr);
}

static void
project_pose (const SteadyPose   *pose,
              const SteadyCamera *camera,
              Projected          *out)
{
  for (guint i = 0; i < STEADY_N_JOINTS; i++)
    {
      Projected *p = &out[i];

      p->depth = steady_camera_project (camera, steady_skeleton_get_position (&pose->skeleton, i),
                                        &p->x, &p->y);
      p->r = steady_joint_get_radius (i) * steady_camera_scale_at (camera, p->depth);
    }
}

static double
segment_radius (const Projected *p,
                SteadyJoint      joint,
                double           factor,
                const SteadyCamera *camera)
{
  /* A negative factor gives an absolute radius in cm (landmarks). */
  if (factor < 0)
    return -factor * steady_camera_scale_at (camera, p[joint].depth);

  return p[joint].r * factor;
}

static inline double
distance (double x1,
          double y1,
          double x2,
          double y2)
{
  return sqrt ((x2 - x1) * (x2 - x1) + (y2 - y1) * (y2 - y1));
}

/* Whether the disc of radius @r round (x, y) lies within the capsule @d
 * (x1, y1, r1, x2, y2, r2): within one of the discs the capsule sweeps.
 * How far inside a swept disc the point lies is concave along the
 * capsule, so a ternary search finds the best one. */
static gboolean
disc_in_capsule (double        x,
                 double        y,
                 double        r,
                 const double *d)
{
  double lo = 0, hi = 1;

  /* Not within the capsule's box: not within the capsule. */
  if (x - r < MIN (d[0] - d[2], d[3] - d[5]) || x + r > MAX (d[0] + d[2], d[3] + d[5]) ||
      y - r < MIN (d[1] - d[2], d[4] - d[5]) || y + r > MAX (d[1] + d[2], d[4] + d[5]))
    return FALSE;

  for (guint k = 0; k < 20; k++)
    {
      double t1 = lo + (hi - lo) / 3, t2 = hi - (hi - lo) / 3, m1, m2;

      m1 = d[2] + (d[5] - d[2]) * t1 -
           distance (x, y, d[0] + (d[3] - d[0]) * t1, d[1] + (d[4] - d[1]) * t1);
      m2 = d[2] + (d[5] - d[2]) * t2 -
           distance (x, y, d[0] + (d[3] - d[0]) * t2, d[1] + (d[4] - d[1]) * t2);
      if (m1 < m2)
        lo = t1;
      else
        hi = t2;
    }
  lo = (lo + hi) / 2;

  return d[2] + (d[5] - d[2]) * lo -
         distance (x, y, d[0] + (d[3] - d[0]) * lo, d[1] + (d[4] - d[1]) * lo) >= r;
}

/* Whether capsule @c adds nothing to a union that holds capsule @d: both
 * its end discs lie within @d (a capsule is the hull of its end discs,
 * and @d is convex). */
static gboolean
capsule_in_capsule (const double *c,
                    const double *d)
{
  return disc_in_capsule (c[0], c[1], c[2], d) && disc_in_capsule (c[3], c[4], c[5], d);
}

/* Fills the union of @n capsules @c within @group in @color. */
static void
chain_path_fill (Frame                    *f,
                 double                  (*c)[6],
                 guint                     n,
                 const Box                *group,
                 const SteadyPainterColor *color,
                 double                    alpha)
{
  if (!frame_draws (f, group))
    return;

  if (steady_raster_usable (&f->raster, f->cr))
    {
      steady_raster_capsules (&f->raster, (const double (*)[6]) c, n, 0, NULL, color, alpha);
      return;
    }

  cairo_new_path (f->cr);
  for (guint i = 0; i < n; i++)
    {
      gboolean hidden = FALSE;

      /* Of two capsules within each other (the same), the first is kept. */
      for (guint j = 0; j < n && !hidden; j++)
        hidden = j != i && capsule_in_capsule (c[i], c[j]) &&
                 (j < i || !capsule_in_capsule (c[j], c[i]));
      if (!hidden)
        steady_painter_capsule (f->cr, c[i][0], c[i][1], c[i][2], c[i][3], c[i][4], c[i][5]);
    }
  steady_painter_set_color (f->cr, color, alpha);
  cairo_fill (f->cr);
}

/* Records the chain's capsules as items (seeded with @seed): when
 * @outline is not NULL, those of its outline (the chain grown by @grow)
 * first. When the chain is to be drawn, fills the outline and then the
 * chain, each as one shape: straight into the pixels where it can
 * (steady-raster.c), else as cairo paths. A capsule that lies wholly
 * within another is left out of a path: the union is the same, and
 * cairo's cost grows with every edge that crosses a row (a trunk seen
 * end on hides most of its capsules in the others). */
static void
chain_fill (Frame                    *f,
            const Chain              *chain,
            const Projected          *p,
            const SteadyCamera       *camera,
            guint64                   seed,
            double                    grow,
            const SteadyPainterColor *outline,
            const SteadyPainterColor *color,
            double                    alpha)
{
  double c[G_N_ELEMENTS (trunk)][6], o[G_N_ELEMENTS (trunk)][6];
  guint64 fill_seed, outline_seed;
  Box group, outline_group;

  g_assert (chain->n_segments <= G_N_ELEMENTS (trunk));

  box_empty (&group);
  box_empty (&outline_group);
  fill_seed = hash_color (seed, color, alpha);
  fill_seed = hash_doubles (fill_seed, (double[]) { 0.0 }, 1);
  outline_seed = outline != NULL ? hash_color (seed, outline, alpha) : 0;
  outline_seed = hash_doubles (outline_seed, &grow, 1);
  for (guint i = 0; i < chain->n_segments; i++)
    {
      const Segment *s = &chain->segments[i];

      c[i][0] = p[s->a].x;
      c[i][1] = p[s->a].y;
      c[i][2] = segment_radius (p, s->a, s->scale_a, camera) * chain->thin;
      c[i][3] = p[s->b].x;
      c[i][4] = p[s->b].y;
      c[i][5] = segment_radius (p, s->b, s->scale_b, camera) * chain->thin;
      memcpy (o[i], c[i], sizeof o[i]);
      o[i][2] += grow;
      o[i][5] += grow;
    }
  if (outline != NULL)
    for (guint i = 0; i < chain->n_segments; i++)
      capsule_item (f, outline_seed, o[i], &outline_group);
  for (guint i = 0; i < chain->n_segments; i++)
    capsule_item (f, fill_seed, c[i], &group);

  if (outline != NULL && frame_draws (f, &outline_group) &&
      steady_raster_usable (&f->raster, f->cr))
    {
      /* One pass for both. */
      steady_raster_capsules (&f->raster, (const double (*)[6]) c, chain->n_segments, grow,
                              outline, color, alpha);
      return;
    }
  if (outline != NULL)
    chain_path_fill (f, o, chain->n_segments, &outline_group, outline, alpha);
  chain_path_fill (f, c, chain->n_segments, &group, color, alpha);
}

static double
chain_depth (const Chain     *chain,
             const Projected *p)
{
  double sum = 0;

  for (guint i = 0; i < chain->n_segments; i++)
    sum += p[chain->segments[i].a].depth + p[chain->segments[i].b].depth;

  return sum / (2 * chain->n_segments);
}

static int
compare_chains (const void *a,
                const void *b)
{
  const Chain *ca = a, *cb = b;

  /* Farther first. */
  if (ca->depth > cb->depth)
    return -1;
  if (ca->depth < cb->depth)
    return 1;
  return 0;
}

static void
paint_background (Frame                    *f,
                  double                    width,
                  double                    height,
                  const SteadyPainterStyle *style)
{
  double v[3] = { width, height, style->fill_background };
  Box box = { 0, 0, width, height };

  frame_record (f, HASH_SEED, hash_color (hash_doubles (HASH_SEED, v, 3), &style->background, 1.0), &box,
                TRUE);
  if (!style->fill_background || !frame_draws (f, &box))
    return;

  steady_painter_set_color (f->cr, &style->background, 1.0);
  cairo_rectangle (f->cr, 0, 0, width, height);
  cairo_fill (f->cr);
}

static void
paint_mat (Frame                    *f,
           const SteadyPose         *pose,
           const SteadyCamera       *camera,
           const SteadyPainterStyle *style,
           double                    alpha)
{
  graphene_vec3_t across, along, corner;
  const double signs[4][2] = { { 1, 1 }, { 1, -1 }, { -1, -1 }, { -1, 1 } };
  double xy[8];
  Box box;

  if (pose->mat_length <= 0)
    return;

  graphene_vec3_cross (&pose->mat_axis, graphene_vec3_y_axis (), &across);
  graphene_vec3_normalize (&across, &across);
  graphene_vec3_normalize (&pose->mat_axis, &along);

  box_empty (&box);
  for (guint i = 0; i < 4; i++)
    {
      graphene_vec3_t a, b;

      graphene_vec3_scale (&along, signs[i][0] * pose->mat_length / 2, &a);
      graphene_vec3_scale (&across, signs[i][1] * pose->mat_width / 2, &b);
      graphene_vec3_add (&pose->mat_centre, &a, &corner);
      graphene_vec3_add (&corner, &b, &corner);
      steady_camera_project (camera, &corner, &xy[2 * i], &xy[2 * i + 1]);
      box_add (&box, xy[2 * i], xy[2 * i + 1], 0);
    }
  frame_record (f, HASH_SEED + 1, hash_color (hash_doubles (HASH_SEED, xy, 8), &style->mat, alpha), &box, TRUE);
  f->has_mat = TRUE;
  f->mat_x = graphene_vec3_get_x (&pose->mat_centre);
  f->mat_z = graphene_vec3_get_z (&pose->mat_centre);
  f->mat_ax = graphene_vec3_get_x (&along);
  f->mat_az = graphene_vec3_get_z (&along);
  f->mat_half_length = pose->mat_length / 2;
  f->mat_half_width = pose->mat_width / 2;
  f->mat_color = style->mat;
  f->mat_color.alpha *= alpha;
  if (!frame_draws (f, &box))
    return;

  cairo_new_path (f->cr);
  for (guint i = 0; i < 4; i++)
    cairo_line_to (f->cr, xy[2 * i], xy[2 * i + 1]);
  cairo_close_path (f->cr);
  steady_painter_set_color (f->cr, &style->mat, alpha);
  cairo_fill (f->cr);
}

/* Whether the disc of radius @r round (x, z) on the floor lies on the mat. */
static gboolean
on_mat (const Frame *f,
        double       x,
        double       z,
        double       r)
{
  double dx = x - f->mat_x, dz = z - f->mat_z;
  double along = dx * f->mat_ax + dz * f->mat_az;
  double across = -dx * f->mat_az + dz * f->mat_ax;

  return f->has_mat && fabs (along) + r <= f->mat_half_length && fabs (across) + r <= f->mat_half_width;
}

static double
snap (double v,
      double step)
{
  return round (v / step) * step;
}

/* A capsule lying on the floor from (xa, za) to (xb, zb), in cm: its
 * outline is foreshortened like the floor. @m maps the capsule's own frame
 * (along it from a, across it) to the picture: the ends land exactly where
 * the camera puts them, the width follows the floor at the middle. */
static void
floor_capsule (const SteadyCamera *camera,
               double              xa,
               double              za,
               double              xb,
               double              zb,
               double             *length,
               cairo_matrix_t     *m)
{
  graphene_vec3_t a, b, mid, side;
  double ax, ay, bx, by, mx, my, sx, sy, ux = 1, uz = 0;
  double len = sqrt ((xb - xa) * (xb - xa) + (zb - za) * (zb - za));

  if (len > 0.5)
    {
      ux = (xb - xa) / len;
      uz = (zb - za) / len;
    }
  graphene_vec3_init (&a, xa, 0.f, za);
  graphene_vec3_init (&b, xb, 0.f, zb);
  graphene_vec3_init (&mid, (xa + xb) / 2, 0.f, (za + zb) / 2);
  graphene_vec3_init (&side, (xa + xb) / 2 - uz, 0.f, (za + zb) / 2 + ux);
  steady_camera_project (camera, &a, &ax, &ay);
  steady_camera_project (camera, &b, &bx, &by);
  steady_camera_project (camera, &mid, &mx, &my);
  steady_camera_project (camera, &side, &sx, &sy);

  if (len > 0.5)
    cairo_matrix_init (m, (bx - ax) / len, (by - ay) / len, sx - mx, sy - my, ax, ay);
  else
    {
      graphene_vec3_t along;

      /* Too short to have a direction: the floor's own axes. */
      graphene_vec3_init (&along, xa + 1.f, 0.f, za);
      steady_camera_project (camera, &along, &bx, &by);
      cairo_matrix_init (m, bx - ax, by - ay, sx - mx, sy - my, ax, ay);
      len = 0;
    }

  /* Rounding noise is not movement. */
  m->xx = snap (m->xx, 1.0 / 65536);
  m->yx = snap (m->yx, 1.0 / 65536);
  m->xy = snap (m->xy, 1.0 / 65536);
  m->yy = snap (m->yy, 1.0 / 65536);
  m->x0 = snap (m->x0, 1.0 / 256);
  m->y0 = snap (m->y0, 1.0 / 256);
  *length = snap (len, 1.0 / 256);
}

static void
paint_shadow (Frame                    *f,
              const SteadyPose         *pose,
              const SteadyCamera       *camera,
              const SteadyPainterStyle *style,
              double                    alpha)
{
  static const Segment shadow_segments[] = {
    { J (PELVIS), J (NECK), 1.3, 1.6 },
    { J (LEFT_HIP), J (LEFT_ANKLE), 1.0, 1.1 },
    { J (RIGHT_HIP), J (RIGHT_ANKLE), 1.0, 1.1 },
    { J (LEFT_SHOULDER), J (LEFT_WRIST), 1.1, 1.1 },
    { J (RIGHT_SHOULDER), J (RIGHT_WRIST), 1.1, 1.1 },
  };
  const guint n = G_N_ELEMENTS (shadow_segments);
  cairo_matrix_t m[G_N_ELEMENTS (shadow_segments)];
  double len[G_N_ELEMENTS (shadow_segments)], ra[G_N_ELEMENTS (shadow_segments)], rb[G_N_ELEMENTS (shadow_segments)];
  gboolean on[G_N_ELEMENTS (shadow_segments)];
  SteadyPainterColor colors[2];
  double alphas[2];
  Box groups[2];

  /* Light from straight above: the shadow lies under each part, softer and
   * wider the higher the part is. Where it falls on the (opaque) mat it is
   * drawn in the mat's shaded colour, opaque: the same pixels, but filled
   * rather than blended; the rest (off the mat) is blended. */
  for (guint i = 0; i < n; i++)
    {
      const Segment *s = &shadow_segments[i];
      const graphene_vec3_t *pa = steady_skeleton_get_position (&pose->skeleton, s->a);
      const graphene_vec3_t *pb = steady_skeleton_get_position (&pose->skeleton, s->b);
      double xa = graphene_vec3_get_x (pa), za = graphene_vec3_get_z (pa);
      double xb = graphene_vec3_get_x (pb), zb = graphene_vec3_get_z (pb);

      ra[i] = snap (steady_joint_get_radius (s->a) * s->scale_a + MAX (0.0, graphene_vec3_get_y (pa)) * 0.08, 1.0 / 256);
      rb[i] = snap (steady_joint_get_radius (s->b) * s->scale_b + MAX (0.0, graphene_vec3_get_y (pb)) * 0.08, 1.0 / 256);
      floor_capsule (camera, xa, za, xb, zb, &len[i], &m[i]);
      on[i] = f->has_mat && f->mat_color.alpha >= 1.0 &&
              on_mat (f, xa, za, ra[i] + 1.0) && on_mat (f, xb, zb, rb[i] + 1.0);
    }

  {
    double a = style->shadow.alpha * alpha;

    colors[0] = f->mat_color;
    colors[0].red = f->mat_color.red * (1 - a) + style->shadow.red * a;
    colors[0].green = f->mat_color.green * (1 - a) + style->shadow.green * a;
    colors[0].blue = f->mat_color.blue * (1 - a) + style->shadow.blue * a;
    colors[0].alpha = 1.0;
    alphas[0] = 1.0;
    colors[1] = style->shadow;
    alphas[1] = alpha;
  }

  for (guint k = 0; k < 2; k++)
    {
      guint64 seed = hash_color (HASH_SEED + 1 + k, &colors[k], alphas[k]);

      box_empty (&groups[k]);
      for (guint i = 0; i < n; i++)
        {
          double v[10] = { m[i].xx, m[i].yx, m[i].xy, m[i].yy, m[i].x0, m[i].y0, len[i], ra[i], rb[i],
                           on[i] == (k == 0) };
          /* The ends' ellipses, bounded. */
          double ex = sqrt (m[i].xx * m[i].xx + m[i].xy * m[i].xy);
          double ey = sqrt (m[i].yx * m[i].yx + m[i].yy * m[i].yy);
          double bx = m[i].xx * len[i] + m[i].x0, by = m[i].yx * len[i] + m[i].y0;
          Box box;

          box.x0 = MIN (m[i].x0 - ra[i] * ex, bx - rb[i] * ex);
          box.x1 = MAX (m[i].x0 + ra[i] * ex, bx + rb[i] * ex);
          box.y0 = MIN (m[i].y0 - ra[i] * ey, by - rb[i] * ey);
          box.y1 = MAX (m[i].y0 + ra[i] * ey, by + rb[i] * ey);
          /* Every capsule is an item of both fills (drawn in one), so
           * that the count stays the same as parts leave the mat. */
          frame_record (f, seed, hash_doubles (seed, v, 10), &box, FALSE);
          if (on[i] == (k == 0))
            {
              groups[k].x0 = MIN (groups[k].x0, box.x0);
              groups[k].y0 = MIN (groups[k].y0, box.y0);
              groups[k].x1 = MAX (groups[k].x1, box.x1);
              groups[k].y1 = MAX (groups[k].y1, box.y1);
            }
        }

      if (groups[k].x1 < groups[k].x0 || !frame_draws (f, &groups[k]))
        continue;

      if (steady_raster_usable (&f->raster, f->cr))
        {
          cairo_matrix_t ms[G_N_ELEMENTS (shadow_segments)];
          double caps[G_N_ELEMENTS (shadow_segments)][3];
          guint count = 0;

          for (guint i = 0; i < n; i++)
            if (on[i] == (k == 0))
              {
                ms[count] = m[i];
                caps[count][0] = len[i];
                caps[count][1] = ra[i];
                caps[count][2] = rb[i];
                count++;
              }
          steady_raster_floor_capsules (&f->raster, ms, (const double (*)[3]) caps, count,
                                        &colors[k], alphas[k]);
          continue;
        }

      cairo_new_path (f->cr);
      for (guint i = 0; i < n; i++)
        if (on[i] == (k == 0))
          {
            cairo_save (f->cr);
            cairo_transform (f->cr, &m[i]);
            steady_painter_capsule (f->cr, 0, 0, ra[i], len[i], 0, rb[i]);
            cairo_restore (f->cr);
          }
      cairo_set_fill_rule (f->cr, CAIRO_FILL_RULE_WINDING);
      steady_painter_set_color (f->cr, &colors[k], alphas[k]);
      /* The shadow is a faint shade on a pale mat: its edge is left
       * unsmoothed, which no one sees at a step of a few per cent in
       * brightness, and which costs less than half as much to fill (the
       * shadow moves with the limbs, so it is filled nearly every frame). */
      cairo_save (f->cr);
      cairo_set_antialias (f->cr, CAIRO_ANTIALIAS_NONE);
      cairo_fill (f->cr);
      cairo_restore (f->cr);
    }
}

/* The dashes of the path (5 units every 11, 3 wide, round ends, as cairo
 * dashes it) as capsules into @c; how many, or -1 when more than
 * STEADY_RASTER_MAX_CAPSULES. */
static int
path_dashes (const double *xy,
             guint         n,
             gboolean      closed,
             double        unit,
             double      (*c)[6])
{
  double on = 5 * unit, period = 11 * unit, r = 1.5 * unit, along = 0;
  guint m = 0, segments = closed ? n : n - 1;

  for (guint i = 0; i < segments; i++)
    {
      double ax = xy[2 * i], ay = xy[2 * i + 1];
      double bx = xy[2 * ((i + 1) % n)], by = xy[2 * ((i + 1) % n) + 1];
      double len = sqrt ((bx - ax) * (bx - ax) + (by - ay) * (by - ay));
      double start = along, end = along + len;

      /* The dashes (k period, k period + on) that meet this segment. */
      for (double k = floor (start / period); k * period < end; k++)
        {
          double d0 = MAX (start, k * period), d1 = MIN (end, k * period + on);
          double t0, t1;

          if (d1 < d0 || (d1 == d0 && d0 != k * period))
            continue;
          if (m == STEADY_RASTER_MAX_CAPSULES)
            return -1;
          t0 = len > 0 ? (d0 - start) / len : 0;
          t1 = len > 0 ? (d1 - start) / len : 0;
          c[m][0] = ax + (bx - ax) * t0;
          c[m][1] = ay + (by - ay) * t0;
          c[m][2] = r;
          c[m][3] = ax + (bx - ax) * t1;
          c[m][4] = ay + (by - ay) * t1;
          c[m][5] = r;
          m++;
        }
      along = end;
    }

  return (int) m;
}

/* The path's @m dashes @c and the bar at its end, straight into the
 * pixels. */
static void
paint_path_pixels (Frame                    *f,
                   const double             *xy,
                   guint                     n,
                   gboolean                  closed,
                   const double            (*c)[6],
                   int                       m,
                   const SteadyPainterStyle *style,
                   double                    unit)
{
  double r = 1.5 * unit;

  steady_raster_capsules (&f->raster, c, (guint) m, 0, NULL, &style->path, 1.0);

  if (!closed)
    {
      /* The end of the range: a short bar across the path. */
      double x = xy[2 * n - 2], y = xy[2 * n - 1], px = xy[2 * n - 4], py = xy[2 * n - 3];
      double a = atan2 (y - py, x - px);
      double bar[1][6] = { { x + sin (a) * 8 * unit, y - cos (a) * 8 * unit, r,
                             x - sin (a) * 8 * unit, y + cos (a) * 8 * unit, r } };

      steady_raster_capsules (&f->raster, (const double (*)[6]) bar, 1, 0, NULL, &style->limit, 0.8);
    }
}

static void
paint_path (Frame                    *f,
            const SteadyPose         *pose,
            const SteadyCamera       *camera,
            const SteadyPainterStyle *style,
            double                    unit,
            gboolean                  arrows)
{
  double xy[2 * STEADY_POSE_MAX_PATH];
  double v[3], dashes[STEADY_RASTER_MAX_CAPSULES][6];
  int n_dashes;
  gboolean closed;
  guint n = pose->n_path;
  guint64 hash;
  cairo_t *cr = f->cr;
  Box box;

  if (n < 2)
    return;

  closed = g_strcmp0 (pose->motion, "quadruped-knee-circles") == 0;
  box_empty (&box);
  for (guint i = 0; i < n; i++)
    {
      steady_camera_project (camera, &pose->path[i], &xy[2 * i], &xy[2 * i + 1]);
      /* Wide enough for the line, the end bar and the arrow heads. */
      box_add (&box, xy[2 * i], xy[2 * i + 1], 16 * unit);
    }
  v[0] = unit;
  v[1] = closed;
  v[2] = arrows;
  hash = hash_doubles (HASH_SEED + 2, xy, 2 * n);
  hash = hash_doubles (hash, v, 3);
  hash = hash_color (hash_color (hash, &style->path, 1.0), &style->limit, 1.0);
  n_dashes = arrows ? -1 : path_dashes (xy, n, closed, unit, dashes);
  frame_record (f, HASH_SEED + 2, hash, &box, n_dashes < 0);
  if (!frame_draws (f, &box))
    return;

  if (n_dashes >= 0 && steady_raster_usable (&f->raster, cr))
    {
      paint_path_pixels (f, xy, n, closed, (const double (*)[6]) dashes, n_dashes, style, unit);
      return;
    }

  cairo_new_path (cr);
  for (guint i = 0; i < n; i++)
    cairo_line_to (cr, xy[2 * i], xy[2 * i + 1]);
  if (closed)
    cairo_close_path (cr);

  cairo_save (cr);
  steady_painter_set_color (cr, &style->path, 1.0);
  cairo_set_line_width (cr, unit * 3.0);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  if (!arrows)
    {
      double dash[] = { unit * 5, unit * 6 };

      cairo_set_dash (cr, dash, 2, 0);
    }
  cairo_stroke (cr);
  cairo_restore (cr);

  if (!closed)
    {
      /* The end of the range: a short bar across the path. */
      double x = xy[2 * n - 2], y = xy[2 * n - 1], px = xy[2 * n - 4], py = xy[2 * n - 3];

      cairo_save (cr);
      cairo_translate (cr, x, y);
      cairo_rotate (cr, atan2 (y - py, x - px));
      cairo_move_to (cr, 0, -8 * unit);
      cairo_line_to (cr, 0, 8 * unit);
      steady_painter_set_color (cr, &style->limit, 0.8);
      cairo_set_line_width (cr, 3 * unit);
      cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
      cairo_stroke (cr);
      cairo_restore (cr);
    }

  if (arrows)
    {
      guint marks[2] = { closed ? n / 4 : n - 1, closed ? 3 * n / 4 : n - 1 };

      steady_painter_set_color (cr, &style->path, 1.0);
      for (guint k = 0; k < (closed ? 2u : 1u); k++)
        {
          guint i = marks[k];

          steady_painter_arrow_head (cr, xy[2 * i], xy[2 * i + 1],
                                     atan2 (xy[2 * i + 1] - xy[2 * i - 1], xy[2 * i] - xy[2 * i - 2]),
                                     14 * unit);
        }
    }
}

static void
paint_glass (Frame                    *f,
             const SteadyPose         *pose,
             const SteadyCamera       *camera,
             const SteadyPainterStyle *style,
             double                    unit)
{
  graphene_vec3_t top, level;
  double v[7], bx, by, tx, ty, lx, ly, s, a, w_bottom, w_top, w_level;
  double depth;
  cairo_t *cr = f->cr;
  Box box;

  if (!pose->has_glass)
    return;

  graphene_vec3_scale (&pose->glass_up, 12.f, &top);
  graphene_vec3_add (&pose->glass_base, &top, &top);
  graphene_vec3_scale (&pose->glass_up, 8.f, &level);
  graphene_vec3_add (&pose->glass_base, &level, &level);
  depth = steady_camera_project (camera, &pose->glass_base, &bx, &by);
  steady_camera_project (camera, &top, &tx, &ty);
  steady_camera_project (camera, &level, &lx, &ly);
  s = steady_camera_scale_at (camera, depth);
  a = atan2 (ty - by, tx - bx) + G_PI / 2;
  w_bottom = 3.0 * s;
  w_top = 4.0 * s;
  w_level = w_bottom + (w_top - w_bottom) * 8.0 / 12.0;

  v[0] = bx; v[1] = by; v[2] = tx; v[3] = ty; v[4] = lx; v[5] = ly; v[6] = s;
  box_empty (&box);
  box_add (&box, bx, by, w_top + s);
  box_add (&box, tx, ty, w_top + s);
  frame_record (f, HASH_SEED + 3, hash_color (hash_color (hash_doubles (HASH_SEED + 3, v, 7), &style->glass, 1.0),
                                            &style->water, 1.0), &box, TRUE);
  if (!frame_draws (f, &box))
    return;

  /* Water */
  cairo_new_path (cr);
  cairo_move_to (cr, bx + cos (a) * w_bottom, by + sin (a) * w_bottom);
  cairo_line_to (cr, lx + cos (a) * w_level, ly + sin (a) * w_level);
  cairo_line_to (cr, lx - cos (a) * w_level, ly - sin (a) * w_level);
  cairo_line_to (cr, bx - cos (a) * w_bottom, by - sin (a) * w_bottom);
  cairo_close_path (cr);
  steady_painter_set_color (cr, &style->water, 1.0);
  cairo_fill (cr);

  /* Glass */
  cairo_new_path (cr);
  cairo_move_to (cr, tx + cos (a) * w_top, ty + sin (a) * w_top);
  cairo_line_to (cr, bx + cos (a) * w_bottom, by + sin (a) * w_bottom);
  cairo_line_to (cr, bx - cos (a) * w_bottom, by - sin (a) * w_bottom);
  cairo_line_to (cr, tx - cos (a) * w_top, ty - sin (a) * w_top);
  cairo_save (cr);
  steady_painter_set_color (cr, &style->glass, 1.0);
  cairo_set_line_width (cr, MAX (1.5, 0.6 * s));
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  cairo_stroke (cr);
  cairo_restore (cr);
}

/* Sprites of glows and dashed rings, shared by all painters: a radial
 * gradient costs a few hundred instructions a pixel and a dashed ring a
 * few dozen arcs, copying them costs a few instructions a pixel. */
#define N_SPRITES 8

typedef enum {
  SPRITE_GLOW,
  SPRITE_RING,
} SpriteKind;

typedef struct {
  SpriteKind         kind;
  double             r, line_width, dash;
  SteadyPainterColor color;
} SpriteKey;

typedef struct {
  cairo_surface_t *surface;
  int              half;
  SpriteKey        key;
} Sprite;

static Sprite sprites[N_SPRITES];
static guint sprite_next;
G_LOCK_DEFINE_STATIC (sprites);

static void
draw_sprite (cairo_t         *cr,
             const SpriteKey *key,
             double           c)
{
  const SteadyPainterColor *color = &key->color;

  if (key->kind == SPRITE_GLOW)
    {
      cairo_pattern_t *gradient = cairo_pattern_create_radial (c, c, 0, c, c, key->r);

      cairo_pattern_add_color_stop_rgba (gradient, 0.0, color->red, color->green, color->blue, 0.95);
      cairo_pattern_add_color_stop_rgba (gradient, 0.55, color->red, color->green, color->blue, 0.6);
      cairo_pattern_add_color_stop_rgba (gradient, 1.0, color->red, color->green, color->blue, 0.0);
      cairo_set_source (cr, gradient);
      cairo_arc (cr, c, c, key->r, 0, 2 * G_PI);
      cairo_fill (cr);
      cairo_pattern_destroy (gradient);
    }
  else
    {
      double dashes[] = { key->dash, key->dash };

      cairo_arc (cr, c, c, key->r, 0, 2 * G_PI);
      steady_painter_set_color (cr, color, 1.0);
      cairo_set_line_width (cr, key->line_width);
      cairo_set_line_cap (cr, CAIRO_LINE_CAP_BUTT);
      if (key->dash > 0)
        cairo_set_dash (cr, dashes, 2, 0);
      cairo_stroke (cr);
    }
}

/* Paints the sprite for @key centred on the whole unit nearest (x, y) at
 * @alpha. */
static void
paint_sprite (cairo_t         *cr,
              const SpriteKey *key,
              double           x,
              double           y,
              double           alpha)
{
  cairo_surface_t *surface = NULL;
  int half = (int) ceil (key->r + key->line_width) + 1;

  G_LOCK (sprites);
  for (guint i = 0; i < N_SPRITES && surface == NULL; i++)
    if (sprites[i].surface != NULL && sprites[i].key.kind == key->kind &&
        sprites[i].key.r == key->r && sprites[i].key.line_width == key->line_width &&
        sprites[i].key.dash == key->dash &&
        memcmp (&sprites[i].key.color, &key->color, sizeof key->color) == 0)
      surface = cairo_surface_reference (sprites[i].surface);
  if (surface == NULL)
    {
      Sprite *s = &sprites[sprite_next];
      cairo_t *scr;

      sprite_next = (sprite_next + 1) % N_SPRITES;
      g_clear_pointer (&s->surface, cairo_surface_destroy);
      s->surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 2 * half, 2 * half);
      s->half = half;
      s->key = *key;
      scr = cairo_create (s->surface);
      draw_sprite (scr, key, half);
      cairo_destroy (scr);
      cairo_surface_flush (s->surface);
      surface = cairo_surface_reference (s->surface);
    }
  G_UNLOCK (sprites);

  x = round (x) - half;
  y = round (y) - half;
  cairo_save (cr);
  cairo_set_source_surface (cr, surface, x, y);
  cairo_rectangle (cr, x, y, 2 * half, 2 * half);
  cairo_clip (cr);
  cairo_paint_with_alpha (cr, alpha);
  cairo_restore (cr);
  cairo_surface_destroy (surface);
}

/* A ring round (x, y); dashed when @dash > 0. */
static void
paint_ring (Frame                    *f,
            guint64                   seed,
            double                    x,
            double                    y,
            double                    r,
            double                    line_width,
            double                    dash,
            const SteadyPainterColor *color,
            double                    alpha)
{
  double v[5] = { x, y, r, line_width, dash };
  Box box;

  box_empty (&box);
  box_add (&box, x, y, r + line_width);
  frame_record (f, seed, hash_color (hash_doubles (seed, v, 5), color, alpha), &box, FALSE);
  if (alpha <= 0.01 || !frame_draws (f, &box))
    return;

  /* Rings mark still parts and limits: drawn once, then copied (a limit
   * fades in by the copy's strength). */
  paint_sprite (f->cr, &(SpriteKey) { SPRITE_RING, round (r * 4) / 4, line_width, dash, *color },
                x, y, alpha);
}

static void
paint_highlights (Frame                    *f,
                  const SteadyPose         *pose,
                  const SteadyCamera       *camera,
                  const Projected          *p,
                  const SteadyPainterStyle *style,
                  double                    unit)
{
  /* What must stay still: a small dashed ring. */
  for (guint i = 0; i < pose->n_still; i++)
    {
      const Projected *q = &p[pose->still[i]];

      paint_ring (f, HASH_SEED + 4, q->x, q->y, q->r + 6 * steady_camera_scale_at (camera, q->depth),
                  2.5 * unit, 7 * unit, &style->still, 0.9);
    }

  /* A limit reached: the joint is ringed. */
  if (pose->limit_joint >= 0)
    {
      const Projected *q = &p[pose->limit_joint];

      paint_ring (f, HASH_SEED + 5, q->x, q->y, q->r + 7 * steady_camera_scale_at (camera, q->depth),
                  4 * unit, 0, &style->limit, pose->limit);
    }

  /* The working muscle glows: one radial gradient. */
  if (pose->glow_joint >= 0)
    {
      const Projected *q = &p[pose->glow_joint];
      double r = 11 * steady_camera_scale_at (camera, q->depth);
      double v[4] = { q->x, q->y, r, pose->glow };
      Box box;

      box_empty (&box);
      box_add (&box, q->x, q->y, r);
      frame_record (f, HASH_SEED + 6, hash_color (hash_doubles (HASH_SEED + 6, v, 4), &style->glow, 1.0), &box,
                    FALSE);
      if (pose->glow <= 0.01 || !frame_draws (f, &box))
        return;

      paint_sprite (f->cr, &(SpriteKey) { SPRITE_GLOW, round (r), 0, 0, style->glow },
                    q->x, q->y, pose->glow);
    }
}

static void
paint_body (Frame                    *f,
            const SteadyPose         *pose,
            const SteadyCamera       *camera,
            const Projected          *p,
            const SteadyPainterStyle *style,
            double                    unit,
            double                    alpha)
{
  Chain chains[7];
  SteadyPainterColor far_color[2];
  SteadySide far_side[2];
  double farness[2];
  guint n = 0;

  /* The far leg and arm are dimmer and thinner, the more so the farther
   * they are: seen from the feet or the head, both sides are near. Legs
   * and arms are weighed apart, so that still arms keep their colour while
   * the pelvis turns. */
  for (guint k = 0; k < 2; k++)
    {
      SteadyJoint left = k == 0 ? J (LEFT_HIP) : J (LEFT_SHOULDER);
      SteadyJoint right = k == 0 ? J (RIGHT_HIP) : J (RIGHT_SHOULDER);
      double d = p[left].depth - p[right].depth;
      double u = CLAMP ((fabs (d) - FAR_SIDE_CM / 2) / FAR_SIDE_CM, 0.0, 1.0);

      far_side[k] = d > 0 ? STEADY_SIDE_LEFT : STEADY_SIDE_RIGHT;
      farness[k] = u * u * (3 - 2 * u);
      far_color[k].red = style->body.red + (style->body_far.red - style->body.red) * farness[k];
      far_color[k].green = style->body.green + (style->body_far.green - style->body.green) * farness[k];
      far_color[k].blue = style->body.blue + (style->body_far.blue - style->body.blue) * farness[k];
      far_color[k].alpha = style->body.alpha + (style->body_far.alpha - style->body.alpha) * farness[k];
    }

#define ADD_CHAIN(segs, sd) \
  chains[n++] = (Chain) { segs, G_N_ELEMENTS (segs), sd, NULL, 1.0, 0.0, 0 }
  ADD_CHAIN (left_leg, STEADY_SIDE_LEFT);
  ADD_CHAIN (right_leg, STEADY_SIDE_RIGHT);
  ADD_CHAIN (left_arm, STEADY_SIDE_LEFT);
  ADD_CHAIN (right_arm, STEADY_SIDE_RIGHT);
  ADD_CHAIN (trunk, STEADY_SIDE_NONE);
  ADD_CHAIN (head, STEADY_SIDE_NONE);
#undef ADD_CHAIN

  for (guint i = 0; i < n; i++)
    {
      Chain *c = &chains[i];

      c->id = i;
      if (c->segments == head)
        c->color = &style->body;
      else if (c->side == STEADY_SIDE_NONE)
        c->color = &style->torso;
      else if (c->side == far_side[c->segments == left_arm || c->segments == right_arm])
        {
          guint k = c->segments == left_arm || c->segments == right_arm;

          c->color = &far_color[k];
          c->thin = 1.0 - 0.1 * farness[k];
        }
      else
        c->color = &style->body;
      c->depth = chain_depth (c, p);
    }

  /* The trunk sorts by its middle, the head by its centre; a small bias
   * keeps the head in front of the neck it sits on. */
  chains[5].depth -= 1.0;
  qsort (chains, n, sizeof (Chain), compare_chains);

  if (f->cr != NULL)
    cairo_set_fill_rule (f->cr, CAIRO_FILL_RULE_WINDING);
  for (guint i = 0; i < n; i++)
    {
      /* Which chain this is, so that a change of order repaints. */
      guint64 seed = HASH_SEED + 16 + chains[i].id + 64 * i;

      /* A gap around the near limbs separates them from the trunk behind;
       * the far limbs and the trunk differ enough in colour without one
       * (and each gap costs as much as the part itself). */
      guint k = chains[i].segments == left_arm || chains[i].segments == right_arm;

      gboolean outlined = i > 0 && chains[i].side != STEADY_SIDE_NONE &&
                          (chains[i].side != far_side[k] || farness[k] < 0.5);

      chain_fill (f, &chains[i], p, camera, seed, style->outline_width * unit,
                  outlined ? &style->outline : NULL, chains[i].color, alpha);
    }

  /* The face: a small mark where the nose points, when it faces us. */
  {
    gboolean faces = p[J (NOSE)].depth < p[J (HEAD_CENTRE)].depth - 2.0;
    double x = p[J (HEAD_CENTRE)].x + (p[J (NOSE)].x - p[J (HEAD_CENTRE)].x) * 0.75;
    double y = p[J (HEAD_CENTRE)].y + (p[J (NOSE)].y - p[J (HEAD_CENTRE)].y) * 0.75;
    double v[4] = { x, y, p[J (HEAD_CENTRE)].r * 0.22, faces };
    Box box;

    box_empty (&box);
    box_add (&box, x, y, v[2]);
    frame_record (f, HASH_SEED + 7, hash_color (hash_doubles (HASH_SEED + 7, v, 4), &style->outline, alpha * 0.8),
                  &box, FALSE);
    if (faces && frame_draws (f, &box) && steady_raster_usable (&f->raster, f->cr))
      {
        const double disc[1][6] = { { x, y, v[2], x, y, v[2] } };

        steady_raster_capsules (&f->raster, disc, 1, 0, NULL, &style->outline, alpha * 0.8);
      }
    else if (faces && frame_draws (f, &box))
      {
        cairo_new_path (f->cr);
        cairo_arc (f->cr, x, y, v[2], 0, 2 * G_PI);
        steady_painter_set_color (f->cr, &style->outline, alpha * 0.8);
        cairo_fill (f->cr);
      }
  }
}

/* Rounded shapes at 1080p need neither 256 levels of coverage nor arcs
 * flattened to a tenth of a pixel: 4×4 supersampling and half-pixel
 * flattening look the same from 2 m and cost a quarter. */
static void
set_quality (cairo_t *cr)
{
  cairo_set_antialias (cr, CAIRO_ANTIALIAS_FAST);
  cairo_set_tolerance (cr, 0.4);
}

/* The limbs of a drill's frames go straight into the pixels where they
 * can; with STEADY_PAINTER_PATHS=1 always as cairo paths (to compare the
 * two). Stills and cards are always paths: they are drawn once, and the
 * widget (a cairo node) and steady-tool (an image) then give the same
 * pixels. */
static gboolean
raster_init (SteadyRaster *raster,
             cairo_t      *cr)
{
  return g_strcmp0 (g_getenv ("STEADY_PAINTER_PATHS"), "1") != 0 && steady_raster_init (raster, cr);
}

gboolean
steady_painter_pixels_usable (cairo_t *cr)
{
  SteadyRaster raster;

  g_return_val_if_fail (cr != NULL, FALSE);

  return raster_init (&raster, cr);
}

static double
unit_for (double width,
          double height)
{
  /* Line widths scale with the picture: 1 at 1080 lines. */
  return MAX (0.5, MIN (width, height) / 1080.0 * 1.6);
}

guint
steady_painter_paint_items (cairo_t                  *cr,
                            const SteadyPose         *pose,
                            const SteadyCamera       *camera,
                            double                    width,
                            double                    height,
                            const SteadyPainterStyle *style,
                            SteadyPainterLayer        layers,
                            SteadyPainterItem        *items,
                            const cairo_rectangle_t  *clip,
                            guint                    *n_ground,
                            gboolean                  pixels)
{
  Frame frame = { cr, items, 0, clip, STEADY_PAINTER_LAYER_GROUND, layers, FALSE, 0, 0, 0, 0, 0, 0, { 0 } };
  SteadyCamera cam;
  Projected p[STEADY_N_JOINTS];
  double unit = unit_for (width, height);

  cam = *camera;
  steady_camera_prepare (&cam, pose, width, height);
  project_pose (pose, &cam, p);

  if (cr != NULL)
    {
      cairo_save (cr);
      set_quality (cr);
      if (pixels)
        raster_init (&frame.raster, cr);
    }
  paint_background (&frame, width, height, style);
  paint_mat (&frame, pose, &cam, style, 1.0);
  if (n_ground != NULL)
    *n_ground = frame.n_items;
  frame.layer = STEADY_PAINTER_LAYER_FIGURE;
  paint_shadow (&frame, pose, &cam, style, 1.0);
  paint_body (&frame, pose, &cam, p, style, unit, 1.0);
  paint_path (&frame, pose, &cam, style, unit, FALSE);
  paint_highlights (&frame, pose, &cam, p, style, unit);
  paint_glass (&frame, pose, &cam, style, unit);
  if (cr != NULL)
    cairo_restore (cr);

  return frame.n_items;
}

static void
paint_whole (cairo_t                  *cr,
             const SteadyPose         *pose,
             const SteadyCamera       *camera,
             double                    width,
             double                    height,
             const SteadyPainterStyle *style,
             gboolean                  pixels)
{
  g_return_if_fail (cr != NULL);
  g_return_if_fail (pose != NULL);
  g_return_if_fail (camera != NULL);
  g_return_if_fail (style != NULL);

  steady_painter_paint_items (cr, pose, camera, width, height, style,
                              STEADY_PAINTER_LAYER_ALL, NULL, NULL, NULL, pixels);
}

void
steady_painter_paint (cairo_t                  *cr,
                      const SteadyPose         *pose,
                      const SteadyCamera       *camera,
                      double                    width,
                      double                    height,
                      const SteadyPainterStyle *style)
{
  paint_whole (cr, pose, camera, width, height, style, TRUE);
}

void
steady_painter_paint_paths (cairo_t                  *cr,
                            const SteadyPose         *pose,
                            const SteadyCamera       *camera,
                            double                    width,
                            double                    height,
                            const SteadyPainterStyle *style)
{
  paint_whole (cr, pose, camera, width, height, style, FALSE);
}

void
steady_painter_paint_still (cairo_t                  *cr,
                            const SteadyPose         *from,
                            const SteadyPose         *to,
                            SteadyJoint               mover,
                            const SteadyCamera       *camera,
                            double                    width,
                            double                    height,
                            const SteadyPainterStyle *style)
{
  Frame frame = { cr, NULL, 0, NULL, STEADY_PAINTER_LAYER_GROUND, STEADY_PAINTER_LAYER_ALL, FALSE, 0, 0, 0, 0, 0, 0, { 0 } };
  SteadyCamera cam;
  Projected pf[STEADY_N_JOINTS], pt[STEADY_N_JOINTS];
  double unit = unit_for (width, height);

  g_return_if_fail (cr != NULL);
  g_return_if_fail (from != NULL && to != NULL);
  g_return_if_fail (camera != NULL && style != NULL);
  g_return_if_fail (mover < STEADY_N_JOINTS);

  cam = *camera;
  steady_camera_prepare (&cam, to, width, height);
  project_pose (from, &cam, pf);
  project_pose (to, &cam, pt);

  cairo_save (cr);
  set_quality (cr);
  paint_background (&frame, width, height, style);
  paint_mat (&frame, to, &cam, style, 1.0);
  paint_shadow (&frame, to, &cam, style, 1.0);

  /* The start, faint, under the end position. */
  cairo_push_group (cr);
  paint_body (&frame, from, &cam, pf, style, unit, 1.0);
  cairo_pop_group_to_source (cr);
  cairo_paint_with_alpha (cr, 0.3);

  paint_body (&frame, to, &cam, pt, style, unit, 1.0);
  paint_highlights (&frame, to, &cam, pt, style, unit);
  paint_glass (&frame, to, &cam, style, unit);

  if (to->n_path >= 2)
    paint_path (&frame, to, &cam, style, unit, TRUE);
  else
    {
      /* An arc from where the mover starts to where it ends, bowed away
       * from the body. */
      double x1 = pf[mover].x, y1 = pf[mover].y, x2 = pt[mover].x, y2 = pt[mover].y;
      double dx = x2 - x1, dy = y2 - y1;
      double len = sqrt (dx * dx + dy * dy);
      double nx = len > 0 ? -dy / len : 0, ny = len > 0 ? dx / len : -1;
      double off = pt[mover].r * 2.2;
      double least = MAX (40 * unit, 0.16 * MIN (width, height));
      double line = MAX (3 * unit, 0.012 * MIN (width, height));
      double cx, cy;

      /* Short travels (a clamshell's few centimetres) get an arrow long
       * enough to see at any size, centred on the travel. */
      if (len < least && len > 0)
        {
          double grow = (least - len) / 2 / len;

          x1 -= dx * grow; y1 -= dy * grow; x2 += dx * grow; y2 += dy * grow;
        }
      /* Beside the joint, on the side away from the pelvis. */
      if (nx * (pt[mover].x - pt[J (PELVIS)].x) + ny * (pt[mover].y - pt[J (PELVIS)].y) < 0)
        {
          nx = -nx;
          ny = -ny;
        }
      x1 += nx * off; y1 += ny * off; x2 += nx * off; y2 += ny * off;
      cx = (x1 + x2) / 2 + nx * off * 0.6;
      cy = (y1 + y2) / 2 + ny * off * 0.6;

      cairo_new_path (cr);
      cairo_move_to (cr, x1, y1);
      cairo_curve_to (cr, cx, cy, cx, cy, x2, y2);
      steady_painter_set_color (cr, &style->path, 1.0);
      cairo_set_line_width (cr, line);
      cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
      cairo_stroke (cr);
      steady_painter_arrow_head (cr, x2, y2, atan2 (y2 - cy, x2 - cx), line * 4.5);
    }
  cairo_restore (cr);
}
