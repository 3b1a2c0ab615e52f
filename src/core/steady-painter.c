/* steady-painter.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "steady-painter.h"

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

static void
chain_path (cairo_t            *cr,
            const Chain        *chain,
            const Projected    *p,
            const SteadyCamera *camera,
            double              grow)
{
  for (guint i = 0; i < chain->n_segments; i++)
    {
      const Segment *s = &chain->segments[i];
      double ra = segment_radius (p, s->a, s->scale_a, camera) * chain->thin + grow;
      double rb = segment_radius (p, s->b, s->scale_b, camera) * chain->thin + grow;

      steady_painter_capsule (cr, p[s->a].x, p[s->a].y, ra, p[s->b].x, p[s->b].y, rb);
    }
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
paint_mat (cairo_t                  *cr,
           const SteadyPose         *pose,
           const SteadyCamera       *camera,
           const SteadyPainterStyle *style,
           double                    alpha)
{
  graphene_vec3_t across, along, corner;
  const double signs[4][2] = { { 1, 1 }, { 1, -1 }, { -1, -1 }, { -1, 1 } };
  if (pose->mat_length <= 0)
    return;

  graphene_vec3_cross (&pose->mat_axis, graphene_vec3_y_axis (), &across);
  graphene_vec3_normalize (&across, &across);
  graphene_vec3_normalize (&pose->mat_axis, &along);

  cairo_new_path (cr);
  for (guint i = 0; i < 4; i++)
    {
      graphene_vec3_t a, b;
      double x, y;

      graphene_vec3_scale (&along, signs[i][0] * pose->mat_length / 2, &a);
      graphene_vec3_scale (&across, signs[i][1] * pose->mat_width / 2, &b);
      graphene_vec3_add (&pose->mat_centre, &a, &corner);
      graphene_vec3_add (&corner, &b, &corner);
      steady_camera_project (camera, &corner, &x, &y);
      cairo_line_to (cr, x, y);
    }
  cairo_close_path (cr);
  steady_painter_set_color (cr, &style->mat, alpha);
  cairo_fill (cr);
}

static void
paint_shadow (cairo_t                  *cr,
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

  cairo_new_path (cr);
  for (guint i = 0; i < G_N_ELEMENTS (shadow_segments); i++)
    {
      const Segment *s = &shadow_segments[i];
      double xa, ya, xb, yb, da, db, ha, hb;
      graphene_vec3_t a, b;
      const graphene_vec3_t *pa = steady_skeleton_get_position (&pose->skeleton, s->a);
      const graphene_vec3_t *pb = steady_skeleton_get_position (&pose->skeleton, s->b);

      /* Light from straight above: the shadow lies under each part,
       * softer and wider the higher the part is. */
      ha = MAX (0.0, graphene_vec3_get_y (pa));
      hb = MAX (0.0, graphene_vec3_get_y (pb));
      graphene_vec3_init (&a, graphene_vec3_get_x (pa), 0.f, graphene_vec3_get_z (pa));
      graphene_vec3_init (&b, graphene_vec3_get_x (pb), 0.f, graphene_vec3_get_z (pb));
      da = steady_camera_project (camera, &a, &xa, &ya);
      db = steady_camera_project (camera, &b, &xb, &yb);
      steady_painter_capsule (cr, xa, ya,
                              (steady_joint_get_radius (s->a) * s->scale_a + ha * 0.08) * steady_camera_scale_at (camera, da),
                              xb, yb,
                              (steady_joint_get_radius (s->b) * s->scale_b + hb * 0.08) * steady_camera_scale_at (camera, db));
    }
  cairo_set_fill_rule (cr, CAIRO_FILL_RULE_WINDING);
  steady_painter_set_color (cr, &style->shadow, alpha);
  cairo_fill (cr);
}

static void
paint_path (cairo_t                  *cr,
            const SteadyPose         *pose,
            const SteadyCamera       *camera,
            const SteadyPainterStyle *style,
            double                    unit,
            gboolean                  arrows)
{
  double x = 0, y = 0, px = 0, py = 0;
  gboolean closed;

  if (pose->n_path < 2)
    return;

  closed = g_strcmp0 (pose->motion, "quadruped-knee-circles") == 0;
  cairo_new_path (cr);
  for (guint i = 0; i < pose->n_path; i++)
    {
      steady_camera_project (camera, &pose->path[i], &x, &y);
      cairo_line_to (cr, x, y);
    }
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
      steady_camera_project (camera, &pose->path[pose->n_path - 2], &px, &py);
      steady_camera_project (camera, &pose->path[pose->n_path - 1], &x, &y);
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
      guint n = pose->n_path;
      guint marks[2] = { closed ? n / 4 : n - 1, closed ? 3 * n / 4 : n - 1 };

      steady_painter_set_color (cr, &style->path, 1.0);
      for (guint k = 0; k < (closed ? 2u : 1u); k++)
        {
          guint i = marks[k];

          steady_camera_project (camera, &pose->path[i - 1], &px, &py);
          steady_camera_project (camera, &pose->path[i], &x, &y);
          steady_painter_arrow_head (cr, x, y, atan2 (y - py, x - px), 14 * unit);
        }
    }
}

static void
paint_glass (cairo_t                  *cr,
             const SteadyPose         *pose,
             const SteadyCamera       *camera,
             const SteadyPainterStyle *style,
             double                    unit)
{
  graphene_vec3_t top, level;
  double bx, by, tx, ty, lx, ly, s, a, w_bottom, w_top, w_level;
  double depth;

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
  steady_painter_set_color (cr, &style->glass, 1.0);
  cairo_set_line_width (cr, MAX (1.5, 0.6 * s));
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  cairo_stroke (cr);
}

static void
paint_highlights (cairo_t                  *cr,
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
      double r = q->r + 6 * steady_camera_scale_at (camera, q->depth);
      double dash[] = { 7 * unit, 7 * unit };

      cairo_save (cr);
      cairo_new_path (cr);
      cairo_arc (cr, q->x, q->y, r, 0, 2 * G_PI);
      steady_painter_set_color (cr, &style->still, 0.9);
      cairo_set_line_width (cr, 2.5 * unit);
      cairo_set_line_cap (cr, CAIRO_LINE_CAP_BUTT);
      cairo_set_dash (cr, dash, 2, 0);
      cairo_stroke (cr);
      cairo_restore (cr);
    }

  /* A limit reached: the joint is ringed. */
  if (pose->limit_joint >= 0 && pose->limit > 0.01)
    {
      const Projected *q = &p[pose->limit_joint];
      double r = q->r + 7 * steady_camera_scale_at (camera, q->depth);

      cairo_new_path (cr);
      cairo_arc (cr, q->x, q->y, r, 0, 2 * G_PI);
      steady_painter_set_color (cr, &style->limit, pose->limit);
      cairo_set_line_width (cr, 4 * unit);
      cairo_stroke (cr);
    }

  /* The working muscle glows. */
  if (pose->glow_joint >= 0 && pose->glow > 0.01)
    {
      const Projected *q = &p[pose->glow_joint];
      double r = 11 * steady_camera_scale_at (camera, q->depth);
      cairo_pattern_t *glow = cairo_pattern_create_radial (q->x, q->y, 0, q->x, q->y, r);

      cairo_pattern_add_color_stop_rgba (glow, 0.0, style->glow.red, style->glow.green, style->glow.blue, 0.95 * pose->glow);
      cairo_pattern_add_color_stop_rgba (glow, 0.55, style->glow.red, style->glow.green, style->glow.blue, 0.6 * pose->glow);
      cairo_pattern_add_color_stop_rgba (glow, 1.0, style->glow.red, style->glow.green, style->glow.blue, 0.0);
      cairo_set_source (cr, glow);
      cairo_new_path (cr);
      cairo_arc (cr, q->x, q->y, r, 0, 2 * G_PI);
      cairo_fill (cr);
      cairo_pattern_destroy (glow);
    }
}

static void
paint_body (cairo_t                  *cr,
            const SteadyPose         *pose,
            const SteadyCamera       *camera,
            const Projected          *p,
            const SteadyPainterStyle *style,
            double                    unit,
            double                    alpha)
{
  Chain chains[7];
  double left_depth, right_depth;
  SteadySide far_side;
  guint n = 0;

  left_depth = p[J (LEFT_HIP)].depth + p[J (LEFT_SHOULDER)].depth;
  right_depth = p[J (RIGHT_HIP)].depth + p[J (RIGHT_SHOULDER)].depth;
  far_side = left_depth > right_depth ? STEADY_SIDE_LEFT : STEADY_SIDE_RIGHT;

#define ADD_CHAIN(segs, sd) \
  chains[n++] = (Chain) { segs, G_N_ELEMENTS (segs), sd, NULL, 1.0, 0.0 }
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

      if (c->segments == head)
        c->color = &style->body;
      else if (c->side == STEADY_SIDE_NONE)
        c->color = &style->torso;
      else if (c->side == far_side)
        {
          c->color = &style->body_far;
          c->thin = 0.9;
        }
      else
        c->color = &style->body;
      c->depth = chain_depth (c, p);
    }

  /* The trunk sorts by its middle, the head by its centre; a small bias
   * keeps the head in front of the neck it sits on. */
  chains[5].depth -= 1.0;
  qsort (chains, n, sizeof (Chain), compare_chains);

  cairo_set_fill_rule (cr, CAIRO_FILL_RULE_WINDING);
  for (guint i = 0; i < n; i++)
    {
      /* A gap around the near limbs separates them from the trunk behind;
       * the far limbs and the trunk differ enough in colour without one
       * (and each gap costs as much as the part itself). */
      if (i > 0 && chains[i].side != STEADY_SIDE_NONE && chains[i].side != far_side)
        {
          cairo_new_path (cr);
          chain_path (cr, &chains[i], p, camera, style->outline_width * unit);
          steady_painter_set_color (cr, &style->outline, alpha);
          cairo_fill (cr);
        }

      cairo_new_path (cr);
      chain_path (cr, &chains[i], p, camera, 0.0);
      steady_painter_set_color (cr, chains[i].color, alpha);
      cairo_fill (cr);
    }

  /* The face: a small mark where the nose points, when it faces us. */
  if (p[J (NOSE)].depth < p[J (HEAD_CENTRE)].depth - 2.0)
    {
      double x = p[J (HEAD_CENTRE)].x + (p[J (NOSE)].x - p[J (HEAD_CENTRE)].x) * 0.75;
      double y = p[J (HEAD_CENTRE)].y + (p[J (NOSE)].y - p[J (HEAD_CENTRE)].y) * 0.75;

      cairo_new_path (cr);
      cairo_arc (cr, x, y, p[J (HEAD_CENTRE)].r * 0.22, 0, 2 * G_PI);
      steady_painter_set_color (cr, &style->outline, alpha * 0.8);
      cairo_fill (cr);
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

static double
unit_for (double width,
          double height)
{
  /* Line widths scale with the picture: 1 at 1080 lines. */
  return MAX (0.5, MIN (width, height) / 1080.0 * 1.6);
}

void
steady_painter_paint (cairo_t                  *cr,
                      const SteadyPose         *pose,
                      const SteadyCamera       *camera,
                      double                    width,
                      double                    height,
                      const SteadyPainterStyle *style)
{
  SteadyCamera cam;
  Projected p[STEADY_N_JOINTS];
  double unit = unit_for (width, height);

  g_return_if_fail (cr != NULL);
  g_return_if_fail (pose != NULL);
  g_return_if_fail (camera != NULL);
  g_return_if_fail (style != NULL);

  cam = *camera;
  steady_camera_prepare (&cam, pose, width, height);
  project_pose (pose, &cam, p);

  cairo_save (cr);
  set_quality (cr);
  if (style->fill_background)
    {
      steady_painter_set_color (cr, &style->background, 1.0);
      cairo_rectangle (cr, 0, 0, width, height);
      cairo_fill (cr);
    }

  paint_mat (cr, pose, &cam, style, 1.0);
  paint_shadow (cr, pose, &cam, style, 1.0);
  paint_body (cr, pose, &cam, p, style, unit, 1.0);
  paint_path (cr, pose, &cam, style, unit, FALSE);
  paint_highlights (cr, pose, &cam, p, style, unit);
  paint_glass (cr, pose, &cam, style, unit);
  cairo_restore (cr);
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
  if (style->fill_background)
    {
      steady_painter_set_color (cr, &style->background, 1.0);
      cairo_rectangle (cr, 0, 0, width, height);
      cairo_fill (cr);
    }
  paint_mat (cr, to, &cam, style, 1.0);
  paint_shadow (cr, to, &cam, style, 1.0);

  /* The start, faint, under the end position. */
  cairo_push_group (cr);
  paint_body (cr, from, &cam, pf, style, unit, 1.0);
  cairo_pop_group_to_source (cr);
  cairo_paint_with_alpha (cr, 0.3);

  paint_body (cr, to, &cam, pt, style, unit, 1.0);
  paint_highlights (cr, to, &cam, pt, style, unit);
  paint_glass (cr, to, &cam, style, unit);

  if (to->n_path >= 2)
    paint_path (cr, to, &cam, style, unit, TRUE);
  else
    {
      /* An arc from where the mover starts to where it ends, bowed away
       * from the body. */
      double x1 = pf[mover].x, y1 = pf[mover].y, x2 = pt[mover].x, y2 = pt[mover].y;
      double dx = x2 - x1, dy = y2 - y1;
      double len = sqrt (dx * dx + dy * dy);
      double nx = len > 0 ? -dy / len : 0, ny = len > 0 ? dx / len : -1;
      double off = pt[mover].r * 2.2;
      double cx, cy;

      /* Short travels get an arrow long enough to see, centred on the
       * travel. */
      if (len < 40 * unit && len > 0)
        {
          double grow = (40 * unit - len) / 2 / len;

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
      cairo_set_line_width (cr, 3 * unit);
      cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
      cairo_stroke (cr);
      steady_painter_arrow_head (cr, x2, y2, atan2 (y2 - cy, x2 - cx), 14 * unit);
    }
  cairo_restore (cr);
}
