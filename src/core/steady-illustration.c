/* steady-illustration.c: the cards' drawings, bodies by the one painter
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n.h>

#include "steady-illustration.h"
#include "steady-painter-private.h"
#include "steady-motion.h"

#define J(name) STEADY_JOINT_##name

typedef void (*PaintFunc) (cairo_t *cr, double t, double w, double h, const SteadyPainterStyle *style);

typedef struct {
  const char *id;
  PaintFunc   paint;
  gboolean    animated;
  const char *description;   /* for screen readers, translatable */
} Illustration;

/* ---- Shared pieces --------------------------------------------------- */

static void
background (cairo_t                  *cr,
            double                    w,
            double                    h,
            const SteadyPainterStyle *style)
{
  if (!style->fill_background)
    return;
  steady_painter_set_color (cr, &style->background, 1.0);
  cairo_rectangle (cr, 0, 0, w, h);
  cairo_fill (cr);
}

static double
unit (double w,
      double h)
{
  return MAX (0.5, MIN (w, h) / 1080.0 * 1.6);
}

/* A standing figure seen from @yaw, framed in (x, y, w, h). Fills @camera
 * so that callers can find body points on screen. */
static void
paint_figure (cairo_t                  *cr,
              const SteadyPose         *pose,
              double                    yaw,
              double                    x,
              double                    y,
              double                    w,
              double                    h,
              const SteadyPainterStyle *style,
              SteadyCamera             *camera)
{
  SteadyPainterStyle figure_style = *style;

  figure_style.fill_background = FALSE;
  steady_camera_init_for_motion (camera, NULL);
  steady_camera_set_orbit (camera, yaw, 6.0);
  cairo_save (cr);
  cairo_translate (cr, x, y);
  steady_painter_paint_paths (cr, pose, camera, w, h, &figure_style);
  cairo_restore (cr);
  steady_camera_prepare (camera, pose, w, h);
}

static void
point_on_screen (const SteadyCamera *camera,
                 const SteadyPose   *pose,
                 SteadyJoint         joint,
                 double              ox,
                 double              oy,
                 double             *x,
                 double             *y)
{
  steady_camera_project (camera, steady_skeleton_get_position (&pose->skeleton, joint), x, y);
  *x += ox;
  *y += oy;
}

/* A point @dx, @dy, @dz cm (in the body's own frame: +x left, +y up, +z
 * forward) away from @joint, on screen. Keeps marks on the right side of
 * the body whichever way the camera looks at it. */
static void
body_point_on_screen (const SteadyCamera *camera,
                      const SteadyPose   *pose,
                      SteadyJoint         joint,
                      float               dx,
                      float               dy,
                      float               dz,
                      double             *x,
                      double             *y)
{
  graphene_vec3_t offset, p;

  graphene_vec3_init (&offset, dx, dy, dz);
  graphene_vec3_add (steady_skeleton_get_position (&pose->skeleton, joint), &offset, &p);
  steady_camera_project (camera, &p, x, y);
}

static void
standing (SteadyPose *pose)
{
  steady_pose_init_standing (pose);
  /* Arms a little away from the sides, knees soft. */
  steady_skeleton_turn (&pose->skeleton, J (LEFT_SHOULDER), graphene_vec3_z_axis (), 8);
  steady_skeleton_turn (&pose->skeleton, J (RIGHT_SHOULDER), graphene_vec3_z_axis (), -8);
  steady_skeleton_turn (&pose->skeleton, J (LEFT_ELBOW), graphene_vec3_x_axis (), -15);
  steady_skeleton_turn (&pose->skeleton, J (RIGHT_ELBOW), graphene_vec3_x_axis (), -15);
  steady_skeleton_solve (&pose->skeleton);
  graphene_vec3_init (&pose->frame_centre, 0.f, 86.f, 0.f);
  pose->frame_radius = 108.0;
}

/* Sleep: three small z's rising from (x, y), drifting to the right, or to
 * the left when @drift is negative. */
static void
sleepy (cairo_t                  *cr,
        double                    x,
        double                    y,
        double                    size,
        double                    t,
        double                    drift,
        const SteadyPainterColor *color)
{
  for (int i = 0; i < 3; i++)
    {
      double s = size * (0.6 + 0.25 * i);
      double dy = fmod (t * 0.4 + i * 0.33, 1.0);
      double cx = x + (drift < 0 ? -1 : 1) * i * size * 0.9;
      double cy = y - i * size * 1.1 - dy * size * 0.3;

      cairo_new_path (cr);
      cairo_move_to (cr, cx - s / 2, cy - s / 2);
      cairo_line_to (cr, cx + s / 2, cy - s / 2);
      cairo_line_to (cr, cx - s / 2, cy + s / 2);
      cairo_line_to (cr, cx + s / 2, cy + s / 2);
      steady_painter_set_color (cr, color, 0.8);
      cairo_set_line_width (cr, MAX (1.5, s * 0.16));
      cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
      cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
      cairo_stroke (cr);
    }
}

/* A flame standing on (x, y). */
static void
flame (cairo_t                  *cr,
       double                    x,
       double                    y,
       double                    size,
       double                    t,
       const SteadyPainterColor *color)
{
  double sway = sin (t * 5.0) * size * 0.08;

  cairo_new_path (cr);
  cairo_move_to (cr, x, y);
  cairo_curve_to (cr, x - size * 0.55, y, x - size * 0.5, y - size * 0.6, x + sway, y - size * 1.2);
  cairo_curve_to (cr, x + size * 0.5, y - size * 0.6, x + size * 0.55, y, x, y);
  cairo_close_path (cr);
  steady_painter_set_color (cr, color, 0.9);
  cairo_fill (cr);
}

/* Rings spreading from (x, y): a ringing alarm. */
static void
ringing (cairo_t                  *cr,
         double                    x,
         double                    y,
         double                    size,
         double                    t,
         const SteadyPainterColor *color,
         double                    line)
{
  for (int i = 0; i < 3; i++)
    {
      double phase = fmod (t * 0.8 + i / 3.0, 1.0);
      double r = size * (0.3 + phase);

      cairo_new_path (cr);
      cairo_arc (cr, x, y, r, -G_PI * 0.3, G_PI * 0.3);
      cairo_new_sub_path (cr);
      cairo_arc (cr, x, y, r, G_PI * 0.7, G_PI * 1.3);
      steady_painter_set_color (cr, color, 1.0 - phase);
      cairo_set_line_width (cr, line);
      cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
      cairo_stroke (cr);
    }
}

static void
arrow (cairo_t                  *cr,
       double                    x1,
       double                    y1,
       double                    cx,
       double                    cy,
       double                    x2,
       double                    y2,
       double                    line,
       const SteadyPainterColor *color)
{
  cairo_new_path (cr);
  cairo_move_to (cr, x1, y1);
  cairo_curve_to (cr, cx, cy, cx, cy, x2, y2);
  steady_painter_set_color (cr, color, 1.0);
  cairo_set_line_width (cr, line);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  cairo_stroke (cr);
  steady_painter_arrow_head (cr, x2, y2, atan2 (y2 - cy, x2 - cx), line * 4.5);
}

static void
cross_out (cairo_t                  *cr,
           double                    x,
           double                    y,
           double                    r,
           double                    line,
           const SteadyPainterColor *color)
{
  cairo_new_path (cr);
  cairo_arc (cr, x, y, r, 0, 2 * G_PI);
  cairo_move_to (cr, x - r * 0.7, y - r * 0.7);
  cairo_line_to (cr, x + r * 0.7, y + r * 0.7);
  steady_painter_set_color (cr, color, 0.9);
  cairo_set_line_width (cr, line);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  cairo_stroke (cr);
}

static void
glow_at (cairo_t                  *cr,
         double                    x,
         double                    y,
         double                    r,
         double                    strength,
         const SteadyPainterColor *color)
{
  cairo_pattern_t *p = cairo_pattern_create_radial (x, y, 0, x, y, r);

  cairo_pattern_add_color_stop_rgba (p, 0, color->red, color->green, color->blue, strength);
  cairo_pattern_add_color_stop_rgba (p, 1, color->red, color->green, color->blue, 0);
  cairo_set_source (cr, p);
  cairo_new_path (cr);
  cairo_arc (cr, x, y, r, 0, 2 * G_PI);
  cairo_fill (cr);
  cairo_pattern_destroy (p);
}

/* A dim patch over a sleepy muscle. */
static void
dim_at (cairo_t                  *cr,
        double                    x,
        double                    y,
        double                    rx,
        double                    ry,
        const SteadyPainterStyle *style)
{
  cairo_save (cr);
  cairo_translate (cr, x, y);
  cairo_scale (cr, rx, ry);
  cairo_new_path (cr);
  cairo_arc (cr, 0, 0, 1, 0, 2 * G_PI);
  cairo_restore (cr);
  steady_painter_set_color (cr, &style->body_far, 0.95);
  cairo_fill_preserve (cr);
  steady_painter_set_color (cr, &style->outline, 1.0);
  cairo_set_line_width (cr, 2);
  cairo_stroke (cr);
}

/* ---- The cards ------------------------------------------------------- */

static void
paint_alarm_and_fire (cairo_t *cr, double t, double w, double h, const SteadyPainterStyle *style)
{
  SteadyPose pose;
  SteadyCamera camera;
  double u = unit (w, h), hx, hy, lx, ly, gx, gy;

  background (cr, w, h, style);
  standing (&pose);
  paint_figure (cr, &pose, 90, 0, 0, w, h, style, &camera);

  /* The hip rings like an alarm; the fire burns next door, in the low back
   * and the buttock: behind the body (-z), on its skin, whichever way the
   * figure faces on screen. */
  point_on_screen (&camera, &pose, J (LEFT_HIP), 0, 0, &hx, &hy);
  body_point_on_screen (&camera, &pose, J (LUMBAR), 0, 6, -14, &lx, &ly);
  body_point_on_screen (&camera, &pose, J (LEFT_GLUTE_MED), 0, -20, -11, &gx, &gy);
  flame (cr, lx, ly, 80 * u, t, &style->glow);
  flame (cr, gx, gy, 60 * u, t + 0.7, &style->accent);
  ringing (cr, hx, hy, 110 * u, t, &style->path, 6 * u);
  glow_at (cr, hx, hy, 40 * u, 0.7, &style->accent);
}

static void
paint_movement_finds_a_way (cairo_t *cr, double t, double w, double h, const SteadyPainterStyle *style)
{
  SteadyPose pose;
  SteadyCamera camera;
  double u = unit (w, h), cx, cy, lx, ly, hx, hy;
  double turn = 25.0 + 8.0 * sin (t * 0.8);

  background (cr, w, h, style);
  standing (&pose);
  /* Turning to get out of a car: the spine will not turn, so the hip does. */
  steady_skeleton_turn (&pose.skeleton, J (LEFT_HIP), graphene_vec3_y_axis (), -turn);
  steady_skeleton_turn (&pose.skeleton, J (RIGHT_HIP), graphene_vec3_y_axis (), -turn);
  steady_skeleton_turn (&pose.skeleton, J (PELVIS), graphene_vec3_y_axis (), turn);
  steady_skeleton_turn (&pose.skeleton, J (RIGHT_SHOULDER), graphene_vec3_x_axis (), -40);
  steady_skeleton_solve (&pose.skeleton);
  paint_figure (cr, &pose, 25, 0, 0, w, h, style, &camera);

  point_on_screen (&camera, &pose, J (CHEST), 0, 0, &cx, &cy);
  point_on_screen (&camera, &pose, J (LUMBAR), 0, 0, &lx, &ly);
  point_on_screen (&camera, &pose, J (RIGHT_HIP), 0, 0, &hx, &hy);

  /* The way through the spine is barred; the arrow goes round to the hip. */
  cairo_new_path (cr);
  cairo_move_to (cr, lx - 40 * u, ly);
  cairo_line_to (cr, lx + 40 * u, ly);
  steady_painter_set_color (cr, &style->accent, 0.9);
  cairo_set_line_width (cr, 8 * u);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  cairo_stroke (cr);
  arrow (cr, cx + 60 * u, cy - 20 * u, cx + 200 * u, (cy + hy) / 2, hx + 25 * u, hy, 4 * u, &style->path);
  glow_at (cr, hx, hy, 45 * u, 0.8, &style->glow);
}

static void
paint_workplace (cairo_t *cr, double t, double w, double h, const SteadyPainterStyle *style)
{
  SteadyPose pose;
  SteadyCamera camera;
  double u = unit (w, h), hx, hy, lx, ly, gx, gy, fx, fy, back, jiggle = sin (t * 9.0) * 2 * u;

  background (cr, w, h, style);
  standing (&pose);
  paint_figure (cr, &pose, 90, 0, 0, w, h, style, &camera);
  point_on_screen (&camera, &pose, J (LEFT_HIP), 0, 0, &hx, &hy);
  /* Points in the body's own frame (-z is behind), so that the marks sit
   * on the back and the buttock whichever way the figure faces. */
  body_point_on_screen (&camera, &pose, J (LUMBAR), 0, 6, -10, &lx, &ly);
  body_point_on_screen (&camera, &pose, J (LEFT_GLUTE_MED), 0, -12, -7, &gx, &gy);
  body_point_on_screen (&camera, &pose, J (LEFT_HIP), 0, 0, 20, &fx, &fy);
  back = fx < hx ? 1.0 : -1.0;

  /* The senior partners doze: the low back and the glutes; their z's float
   * off behind. */
  dim_at (cr, lx, ly, 22 * u, 45 * u, style);
  dim_at (cr, gx, gy, 30 * u, 38 * u, style);
  sleepy (cr, lx + back * 60 * u, ly - 40 * u, 34 * u, t, back, &style->path);
  sleepy (cr, gx + back * 70 * u, gy + 10 * u, 34 * u, t + 1.3, back, &style->path);

  /* The eager new hire does everyone's work, rays out to the front. */
  glow_at (cr, hx + jiggle, hy, 55 * u, 0.95, &style->glow);
  for (int i = 0; i < 5; i++)
    {
      double a = (back > 0 ? G_PI : 0) - G_PI / 3 + i * G_PI / 6;

      cairo_new_path (cr);
      cairo_move_to (cr, hx + cos (a) * 60 * u + jiggle, hy + sin (a) * 60 * u);
      cairo_line_to (cr, hx + cos (a) * 85 * u + jiggle, hy + sin (a) * 85 * u);
      steady_painter_set_color (cr, &style->accent, 0.9);
      cairo_set_line_width (cr, 4 * u);
      cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
      cairo_stroke (cr);
    }
}

static void
paint_sleeping_glutes (cairo_t *cr, double t, double w, double h, const SteadyPainterStyle *style)
{
  SteadyPose pose;
  SteadyCamera camera;
  double u = unit (w, h), px, py, lx, ly, rx, ry, sx, sy, cm;

  background (cr, w, h, style);
  standing (&pose);
  /* From behind, the whole body in the picture (a crop close on the
   * pelvis cut the legs off at the bottom of wide cards), framed snugly
   * from the heels to the top of the head. */
  graphene_vec3_init (&pose.frame_centre, 0.f, 89.f, 0.f);
  pose.frame_radius = 96.0;
  paint_figure (cr, &pose, 180, 0, 0, w, h, style, &camera);
  /* The muscles are drawn to the body's scale: pixels per centimetre at
   * the pelvis. */
  cm = steady_camera_scale_at (&camera, steady_camera_project (&camera, steady_skeleton_get_position (&pose.skeleton, J (PELVIS)),
                                                               &px, &py));
  point_on_screen (&camera, &pose, J (LEFT_HIP), 0, 0, &lx, &ly);
  point_on_screen (&camera, &pose, J (RIGHT_HIP), 0, 0, &rx, &ry);
  point_on_screen (&camera, &pose, J (LUMBAR), 0, 0, &sx, &sy);

  /* Big glutes, asleep; their z's float up and away beside the body, clear
   * of the hands. */
  for (int side = 0; side < 2; side++)
    {
      SteadyJoint wrist = side == 0 ? J (LEFT_WRIST) : J (RIGHT_WRIST);
      SteadyJoint elbow = side == 0 ? J (LEFT_ELBOW) : J (RIGHT_ELBOW);
      double hx = side == 0 ? lx : rx;
      double dx = (hx - px), out = dx < 0 ? -1.0 : 1.0;
      double ex, ey, wx, wy, edge, size = 26 * u;

      point_on_screen (&camera, &pose, elbow, 0, 0, &ex, &ey);
      point_on_screen (&camera, &pose, wrist, 0, 0, &wx, &wy);
      /* Past the outer edge of the arm, with room for its thickness. */
      edge = out > 0 ? MAX (ex, wx) : MIN (ex, wx);
      edge += out * 28 * u;

      dim_at (cr, px + dx * 0.85, py + 2.5 * cm, fabs (dx) * 1.05, 14 * cm, style);
      sleepy (cr, edge + out * size * 0.5, py - 2 * cm, size, t + side, out, &style->path);
    }

  /* Tiny deep rotators strain from the sacrum to each hip. */
  for (int side = 0; side < 2; side++)
    {
      double hx = side == 0 ? lx : rx;

      for (int k = 0; k < 3; k++)
        {
          double shake = sin (t * 14.0 + k * 2.0 + side) * 0.4 * cm;
          double y0 = py + 4 * cm + k * 4 * cm;
          double y1 = ly + 2.5 * cm + k * 2.2 * cm;

          cairo_new_path (cr);
          cairo_move_to (cr, px, y0);
          cairo_curve_to (cr, (px + hx) / 2, y0 + shake * 3, (px + hx) / 2, y1 - shake * 3, hx, y1);
          steady_painter_set_color (cr, &style->accent, 1.0);
          cairo_set_line_width (cr, MAX (1.5, 1.8 * cm));
          cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
          cairo_stroke (cr);
        }
    }
}

static void
vertebra (cairo_t                  *cr,
          double                    x,
          double                    y,
          double                    rx,
          double                    ry,
          double                    turn,
          const SteadyPainterStyle *style,
          const SteadyPainterColor *color,
          double                    u)
{
  /* A disc seen from above and a little in front, with its spinous
   * process showing where it points. */
  cairo_save (cr);
  cairo_translate (cr, x, y);
  cairo_scale (cr, rx, ry);
  cairo_new_path (cr);
  cairo_arc (cr, 0, 0, 1, 0, 2 * G_PI);
  cairo_restore (cr);
  steady_painter_set_color (cr, color, 1.0);
  cairo_fill_preserve (cr);
  steady_painter_set_color (cr, &style->outline, 1.0);
  cairo_set_line_width (cr, 3 * u);
  cairo_stroke (cr);

  cairo_new_path (cr);
  cairo_arc (cr, x + sin (turn) * rx * 0.95, y + cos (turn) * ry * 0.95, ry * 0.35, 0, 2 * G_PI);
  steady_painter_set_color (cr, &style->outline, 1.0);
  cairo_fill (cr);
}

static void
paint_spinal_lockdown (cairo_t *cr, double t, double w, double h, const SteadyPainterStyle *style)
{
  double u = unit (w, h);
  double twist = 0.45 * sin (t * 0.9);
  /* Both columns, from the arrow's top (1.33 rx above the first disc) to
   * the block's rounded foot (4.5 rx below it), fit within 85% of the
   * height and a fifth of the width each, centred. */
  double rx = MIN (w * 0.11, h * 0.85 / 5.83), ry = rx * 0.38, gap = ry * 2.3;
  double y0 = (h - 5.83 * rx) / 2 + 1.33 * rx;

  background (cr, w, h, style);

  /* Left: the lumbar spine as one stiff block that cannot turn. */
  {
    double x = w / 2 - MIN (w * 0.22, rx * 4.0);

    cairo_new_path (cr);
    cairo_move_to (cr, x - rx, y0);
    cairo_line_to (cr, x - rx, y0 + gap * 4);
    cairo_arc_negative (cr, x, y0 + gap * 4, rx, G_PI, 0);
    cairo_line_to (cr, x + rx, y0);
    cairo_close_path (cr);
    steady_painter_set_color (cr, &style->body_far, 1.0);
    cairo_fill (cr);
    for (int i = 0; i < 5; i++)
      vertebra (cr, x, y0 + gap * i, rx, ry, 0, style, &style->body_far, u);
    /* A bar across it: locked. */
    cairo_new_path (cr);
    cairo_move_to (cr, x - rx * 1.4, y0 + gap * 2);
    cairo_line_to (cr, x + rx * 1.4, y0 + gap * 2);
    steady_painter_set_color (cr, &style->accent, 0.9);
    cairo_set_line_width (cr, 8 * u);
    cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
    cairo_stroke (cr);
  }

  /* Right: five vertebrae, each turning a little more than the one below. */
  {
    double x = w / 2 + MIN (w * 0.22, rx * 4.0);

    for (int i = 4; i >= 0; i--)
      vertebra (cr, x, y0 + gap * i, rx, ry, twist * (4 - i) / 4.0 * 1.2, style, &style->body, u);
    arrow (cr, x - rx * 1.3, y0 - ry * 1.5, x, y0 - ry * 3.5, x + rx * 1.3, y0 - ry * 1.5, 4 * u, &style->path);
  }
}

static void
hip_joint (cairo_t                  *cr,
           double                    x,
           double                    y,
           double                    r,
           double                    shift,
           gboolean                  slack,
           double                    t,
           const SteadyPainterStyle *style,
           double                    u)
{
  /* The socket, the ball and the ligaments around them. */
  cairo_new_path (cr);
  cairo_arc (cr, x, y, r * 1.25, G_PI * 0.95, G_PI * 2.05);
  steady_painter_set_color (cr, &style->torso, 1.0);
  cairo_set_line_width (cr, r * 0.35);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  cairo_stroke (cr);

  for (int side = -1; side <= 1; side += 2)
    {
      double ax = x + side * r * 1.3, ay = y - r * 0.2;
      double bx = x + shift + side * r * 0.9, by = y + shift * 0.5 + r * 1.4;

      cairo_new_path (cr);
      cairo_move_to (cr, ax, ay);
      if (slack)
        {
          for (int k = 1; k <= 6; k++)
            {
              double f = k / 6.0;
              double wob = ((k % 2) ? 1 : -1) * r * 0.22 * (1 + 0.3 * sin (t * 3));

              cairo_line_to (cr, ax + (bx - ax) * f + wob * side, ay + (by - ay) * f);
            }
        }
      else
        cairo_line_to (cr, bx, by);
      steady_painter_set_color (cr, slack ? &style->accent : &style->still, 1.0);
      cairo_set_line_width (cr, 5 * u);
      cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
      cairo_stroke (cr);
    }

  /* The thigh bone's neck and head. */
  steady_painter_set_color (cr, &style->body, 1.0);
  cairo_new_path (cr);
  steady_painter_capsule (cr, x + shift, y + shift * 0.5, r * 0.5, x + shift + r * 0.8, y + shift * 0.5 + r * 2.6, r * 0.55);
  cairo_fill (cr);
  cairo_new_path (cr);
  cairo_arc (cr, x + shift, y + shift * 0.5, r, 0, 2 * G_PI);
  cairo_fill (cr);
}

static void
paint_pop_teaches_instability (cairo_t *cr, double t, double w, double h, const SteadyPainterStyle *style)
{
  double u = unit (w, h), r = MIN (w, h) * 0.12;
  double wobble = (0.18 + 0.12 * sin (t * 2.5)) * r;

  background (cr, w, h, style);
  /* Before: snug, the ligaments taut. After many pops: slack, the ball
   * wanders in its socket. */
  hip_joint (cr, w * 0.28, h * 0.42, r, 0, FALSE, t, style, u);
  hip_joint (cr, w * 0.72, h * 0.42, r, wobble, TRUE, t, style, u);
  arrow (cr, w * 0.42, h * 0.2, w * 0.5, h * 0.12, w * 0.58, h * 0.2, 4 * u, &style->path);
}

static void
table (cairo_t                  *cr,
       double                    x,
       double                    y,
       double                    w,
       double                    tilt,
       double                    loose,
       gboolean                  level_ground,
       const SteadyPainterStyle *style,
       double                    u)
{
  double top_h = w * 0.07, leg_h = w * 0.55, leg_w = w * 0.06;
  double ground_dip = level_ground ? 0 : w * 0.06;

  /* The ground */
  cairo_new_path (cr);
  cairo_move_to (cr, x - w * 0.7, y + leg_h + top_h);
  if (level_ground)
    cairo_line_to (cr, x + w * 0.7, y + leg_h + top_h);
  else
    cairo_curve_to (cr, x - w * 0.2, y + leg_h + top_h - ground_dip,
                    x + w * 0.2, y + leg_h + top_h + ground_dip * 1.5,
                    x + w * 0.7, y + leg_h + top_h + ground_dip);
  steady_painter_set_color (cr, &style->path, 1.0);
  cairo_set_line_width (cr, 4 * u);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  cairo_stroke (cr);

  cairo_save (cr);
  cairo_translate (cr, x, y);
  cairo_rotate (cr, tilt);

  /* Legs, the right one hanging loose from its fasteners. */
  steady_painter_set_color (cr, &style->torso, 1.0);
  cairo_rectangle (cr, -w * 0.45, top_h, leg_w, leg_h);
  cairo_fill (cr);
  cairo_save (cr);
  cairo_translate (cr, w * 0.42, top_h);
  cairo_rotate (cr, loose);
  cairo_rectangle (cr, -leg_w / 2, 0, leg_w, leg_h);
  cairo_fill (cr);
  cairo_restore (cr);

  /* Top */
  steady_painter_set_color (cr, &style->body, 1.0);
  cairo_new_path (cr);
  steady_painter_capsule (cr, -w * 0.5, top_h / 2, top_h / 2, w * 0.5, top_h / 2, top_h / 2);
  cairo_fill (cr);

  /* Fasteners: snug, or backing out. */
  for (int i = 0; i < 2; i++)
    {
      double fx = i == 0 ? -w * 0.42 : w * 0.42;
      double out = (i == 1 ? fabs (loose) * w * 0.6 : 0);

      cairo_new_path (cr);
      cairo_arc (cr, fx + out * 0.3, top_h * 1.8 + out, leg_w * 0.35, 0, 2 * G_PI);
      steady_painter_set_color (cr, i == 1 && loose != 0 ? &style->accent : &style->still, 1.0);
      cairo_fill (cr);
    }
  cairo_restore (cr);
}

static void
paint_wobbly_table (cairo_t *cr, double t, double w, double h, const SteadyPainterStyle *style)
{
  double u = unit (w, h);
  double wobble = sin (t * 3.0);

  background (cr, w, h, style);
  table (cr, w * 0.5, h * 0.3, MIN (w * 0.6, h * 0.9), wobble * 0.04, 0.08 + wobble * 0.04, FALSE, style, u);
}

static void
paint_where_it_leads (cairo_t *cr, double t, double w, double h, const SteadyPainterStyle *style)
{
  SteadyPose pose;
  SteadyCamera camera;
  double x, y, cm, pulse = 0.75 + 0.25 * sin (t * 2.0);
  const SteadyJoint spots[] = { J (PELVIS), J (LEFT_HIP), J (LEFT_HIP), J (LEFT_HIP) };
  /* Offsets in the body's own frame (cm; +x left, +y up, +z forward), so
   * that each lands in its place whichever way the figure faces: the back
   * of the pelvis, the outer side of the hip below the joint, its front,
   * and deep in the socket. */
  const float offsets[][3] = { { 4, 7, -13 }, { 8, -12, -2 }, { 0, -1, 13 }, { 0, 1, 0 } };

  background (cr, w, h, style);
  standing (&pose);
  paint_figure (cr, &pose, 90, 0, 0, w, h, style, &camera);
  /* The spots are drawn to the body's scale, so they stay apart at any
   * size: pixels per centimetre at the pelvis. */
  cm = steady_camera_scale_at (&camera, steady_camera_project (&camera, steady_skeleton_get_position (&pose.skeleton, J (PELVIS)),
                                                               &x, &y));

  /* Sacroiliac joint, bursa, the front of the hip (impingement) and the
   * labrum: where years of popping end up. */
  for (guint i = 0; i < G_N_ELEMENTS (spots); i++)
    {
      body_point_on_screen (&camera, &pose, spots[i], offsets[i][0], offsets[i][1], offsets[i][2], &x, &y);
      cairo_new_path (cr);
      cairo_arc (cr, x, y, 3.4 * cm, 0, 2 * G_PI);
      steady_painter_set_color (cr, &style->accent, 1.0);
      cairo_fill (cr);
      cairo_new_path (cr);
      cairo_arc (cr, x, y, 6.2 * cm * pulse, 0, 2 * G_PI);
      steady_painter_set_color (cr, &style->accent, 0.6);
      cairo_set_line_width (cr, MAX (1.0, 0.8 * cm));
      cairo_stroke (cr);
    }
}

static void
paint_stop_kicking (cairo_t *cr, double t, double w, double h, const SteadyPainterStyle *style)
{
  double u = unit (w, h), tw = MIN (w * 0.32, h * 0.55);
  double kick = 0.5 + 0.5 * sin (t * 2.0);
  double fx = w * 0.25 + tw * 0.42, fy = h * 0.3 + tw * 0.45;

  background (cr, w, h, style);

  /* Left: kicking the leg back in (the pop), crossed out. */
  table (cr, w * 0.25, h * 0.3, tw, 0.03, 0.1, FALSE, style, u);
  steady_painter_set_color (cr, &style->body, 1.0);
  cairo_new_path (cr);
  steady_painter_capsule (cr, fx + tw * 0.75, fy - tw * 0.5, 16 * u,
                          fx + tw * (0.12 + 0.12 * (1 - kick)), fy - tw * 0.05, 12 * u);
  steady_painter_capsule (cr, fx + tw * (0.12 + 0.12 * (1 - kick)), fy - tw * 0.05, 12 * u,
                          fx + tw * (0.12 + 0.12 * (1 - kick)) - 4 * u, fy - tw * 0.05 + 30 * u, 9 * u);
  cairo_fill (cr);
  cross_out (cr, w * 0.25, h * 0.3 + tw * 0.3, tw * 0.7, 7 * u, &style->accent);

  /* Right: fasteners tightened, ground levelled. */
  table (cr, w * 0.72, h * 0.3, tw, 0, 0, TRUE, style, u);
  arrow (cr, w * 0.72 + tw * 0.3, h * 0.3 + tw * 0.28, w * 0.72 + tw * 0.55, h * 0.3 + tw * 0.05,
         w * 0.72 + tw * 0.6, h * 0.3 + tw * 0.3, 4 * u, &style->still);
}

static void
paint_drill (cairo_t                  *cr,
             const char               *motion,
             double                    t,
             double                    w,
             double                    h,
             const SteadyPainterStyle *style)
{
  SteadyMotionState start, end;
  SteadyPose from, to;
  SteadyCamera camera;
  SteadySide side = fmod (t, 20.0) < 10.0 ? STEADY_SIDE_LEFT : STEADY_SIDE_RIGHT;

  steady_motion_key_states (motion, side, &start, &end);
  steady_motion_pose (motion, &start, NULL, &from);
  steady_motion_pose (motion, &end, NULL, &to);
  steady_camera_init_for_motion (&camera, motion);
  steady_painter_paint_still (cr, &from, &to, steady_motion_get_mover (motion, side),
                              &camera, w, h, style);
}

static void
paint_drill_clamshell (cairo_t *cr, double t, double w, double h, const SteadyPainterStyle *style)
{
  paint_drill (cr, STEADY_MOTION_CLAMSHELL, t, w, h, style);
}

static void
paint_drill_knee_circles (cairo_t *cr, double t, double w, double h, const SteadyPainterStyle *style)
{
  paint_drill (cr, STEADY_MOTION_QUADRUPED_KNEE_CIRCLES, t, w, h, style);
}

static void
paint_drill_knee_rotation (cairo_t *cr, double t, double w, double h, const SteadyPainterStyle *style)
{
  paint_drill (cr, STEADY_MOTION_SUPINE_KNEE_ROTATION, t, w, h, style);
}

static void
paint_safety (cairo_t *cr, double t, double w, double h, const SteadyPainterStyle *style)
{
  SteadyPose pose;
  SteadyCamera camera;
  double u = unit (w, h);
  double bx = w * 0.62, by = h * 0.2, bw = w * 0.3, bh = h * 0.6;

  background (cr, w, h, style);
  /* A raised hand: stop and ask your clinician. */
  steady_pose_init_standing (&pose);
  steady_skeleton_turn (&pose.skeleton, J (LEFT_SHOULDER), graphene_vec3_z_axis (), 8);
  steady_skeleton_solve (&pose.skeleton);
  {
    const graphene_vec3_t *shoulder = steady_skeleton_get_position (&pose.skeleton, J (RIGHT_SHOULDER));
    graphene_vec3_t hand, elbow;

    /* The right hand up beside the head, the elbow out and down. */
    graphene_vec3_init (&hand, graphene_vec3_get_x (shoulder) - 30.f,
                        graphene_vec3_get_y (shoulder) + 38.f, graphene_vec3_get_z (shoulder) + 10.f);
    graphene_vec3_init (&elbow, graphene_vec3_get_x (shoulder) - 60.f,
                        graphene_vec3_get_y (shoulder) - 20.f, graphene_vec3_get_z (shoulder));
    steady_skeleton_reach (&pose.skeleton, J (RIGHT_SHOULDER), J (RIGHT_ELBOW), J (RIGHT_FINGERTIPS),
                           &hand, &elbow);
  }
  graphene_vec3_init (&pose.frame_centre, 0.f, 86.f, 0.f);
  pose.frame_radius = 108.0;
  paint_figure (cr, &pose, 0, -w * 0.18, 0, w, h, style, &camera);

  /* A pain scale: calm at the bottom, stop at the top. */
  for (int i = 0; i < 10; i++)
    {
      double f = i / 9.0;
      SteadyPainterColor c;
      double y = by + bh - (i + 1) * bh / 10;

      c.red = style->still.red + (style->limit.red - style->still.red) * f;
      c.green = style->still.green + (style->limit.green - style->still.green) * f;
      c.blue = style->still.blue + (style->limit.blue - style->still.blue) * f;
      c.alpha = 1;
      steady_painter_set_color (cr, &c, i >= 6 ? 1.0 : 0.55);
      cairo_new_path (cr);
      cairo_rectangle (cr, bx, y + 3 * u, bw * (0.4 + 0.06 * i), bh / 10 - 6 * u);
      cairo_fill (cr);
    }
  /* The line to stop at. */
  cairo_new_path (cr);
  cairo_move_to (cr, bx - 20 * u, by + bh - 6 * bh / 10);
  cairo_line_to (cr, bx + bw * 1.05, by + bh - 6 * bh / 10);
  steady_painter_set_color (cr, &style->limit, 1.0);
  cairo_set_line_width (cr, 6 * u);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  cairo_stroke (cr);
}

static const Illustration illustrations[] = {
  { "alarm-and-fire", paint_alarm_and_fire, TRUE,
    N_("A standing figure seen from the side: the hip rings like an alarm while the fire burns next door, in the low back and the buttock.") },
  { "movement-finds-a-way", paint_movement_finds_a_way, TRUE,
    N_("A figure turning: the way through the stiff low back is barred, so the arrow of the turn detours into the hip, which glows.") },
  { "workplace", paint_workplace, TRUE,
    N_("A figure whose low back and glutes doze while the hip glows and strains, doing their work.") },
  { "sleeping-glutes", paint_sleeping_glutes, TRUE,
    N_("The pelvis from behind: the big glute muscles asleep, small deep rotators straining from the sacrum to each hip.") },
  { "spinal-lockdown", paint_spinal_lockdown, TRUE,
    N_("Two lumbar spines: on the left one stiff block that cannot turn, on the right five vertebrae each turning a little more than the one below.") },
  { "pop-teaches-instability", paint_pop_teaches_instability, TRUE,
    N_("Two hip joints: on the left the ball sits snug with taut ligaments; on the right the ligaments are slack and the ball wanders in its socket.") },
  { "wobbly-table", paint_wobbly_table, TRUE,
    N_("A table on uneven ground with one leg hanging loose from its fasteners, wobbling.") },
  { "where-it-leads", paint_where_it_leads, TRUE,
    N_("A standing figure with warning marks at the sacroiliac joint, the side of the hip, the front of the hip and the socket's rim.") },
  { "stop-kicking", paint_stop_kicking, TRUE,
    N_("Kicking the loose table leg back in is crossed out; beside it the fasteners are tightened and the ground is level.") },
  { "drill-clamshell", paint_drill_clamshell, FALSE,
    N_("Clamshell: lying on the side, knees bent, feet together; the top knee opens a little while the hand rests on the side of the hip.") },
  { "drill-knee-circles", paint_drill_knee_circles, FALSE,
    N_("Knee circles on all fours: one knee lifts just off the floor and draws a small circle while the back stays flat under a glass of water.") },
  { "drill-knee-rotation", paint_drill_knee_rotation, FALSE,
    N_("Knee rotation on the back: arms wide, knees drift together to one side until the opposite shoulder begins to lift.") },
  { "safety", paint_safety, FALSE,
    N_("A figure raising a hand to stop beside a pain scale with a line drawn where to stop.") },
};

static const char * const ids[] = {
  "alarm-and-fire", "movement-finds-a-way", "workplace", "sleeping-glutes",
  "spinal-lockdown", "pop-teaches-instability", "wobbly-table", "where-it-leads",
  "stop-kicking", "drill-clamshell", "drill-knee-circles", "drill-knee-rotation",
  "safety", NULL,
};

static const Illustration *
find (const char *id)
{
  if (id == NULL)
    return NULL;

  for (guint i = 0; i < G_N_ELEMENTS (illustrations); i++)
    if (strcmp (illustrations[i].id, id) == 0)
      return &illustrations[i];

  return NULL;
}

gboolean
steady_illustration_is_known (const char *id)
{
  return find (id) != NULL;
}

const char * const *
steady_illustration_list (void)
{
  return ids;
}

const char *
steady_illustration_describe (const char *id)
{
  const Illustration *ill = find (id);

  return ill != NULL ? _(ill->description) : NULL;
}

gboolean
steady_illustration_is_animated (const char *id)
{
  const Illustration *ill = find (id);

  return ill != NULL && ill->animated;
}

gboolean
steady_illustration_paint (cairo_t                  *cr,
                           const char               *id,
                           double                    t,
                           double                    width,
                           double                    height,
                           const SteadyPainterStyle *style)
{
  const Illustration *ill = find (id);

  g_return_val_if_fail (cr != NULL, FALSE);
  g_return_val_if_fail (style != NULL, FALSE);
  g_return_val_if_fail (isfinite (t), FALSE);

  if (ill == NULL)
    return FALSE;

  cairo_save (cr);
  ill->paint (cr, t, width, height, style);
  cairo_restore (cr);

  return TRUE;
}
