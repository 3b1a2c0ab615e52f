/* steady-camera.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "steady-camera.h"
#include "steady-motion.h"

void
steady_camera_init_for_motion (SteadyCamera *self,
                               const char   *motion)
{
  g_return_if_fail (self != NULL);

  memset (self, 0, sizeof *self);
  self->zoom = 1.0;
  self->perspective = 4.0;

  if (g_strcmp0 (motion, STEADY_MOTION_CLAMSHELL) == 0)
    steady_camera_set_orbit (self, 0.0, 42.0);
  else if (g_strcmp0 (motion, STEADY_MOTION_QUADRUPED_KNEE_CIRCLES) == 0)
    steady_camera_set_orbit (self, 14.0, 20.0);
  else if (g_strcmp0 (motion, STEADY_MOTION_SUPINE_KNEE_ROTATION) == 0)
    /* From the feet and high, looking down the body: the knees hugged up
     * no longer hide the trunk, they drift across the picture to one side
     * or the other, and the mat stays put when the side changes (a view
     * from off to one side mirrors with the side, and the mat swung with
     * it between one side's hold and the next). High enough (75°) that
     * the hugging arms show round the knees at the start, rather than as
     * stubs hidden behind the shins. */
    steady_camera_set_orbit (self, 0.0, 75.0);
  else
    steady_camera_set_orbit (self, 0.0, 8.0);
}

void
steady_camera_set_orbit (SteadyCamera *self,
                         double        yaw,
                         double        pitch)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (isfinite (yaw));
  g_return_if_fail (isfinite (pitch));

  self->yaw = fmod (yaw, 360.0);
  self->pitch = CLAMP (pitch, -10.0, 89.0);
}

void
steady_camera_prepare (SteadyCamera     *self,
                       const SteadyPose *pose,
                       double            width,
                       double            height)
{
  graphene_vec3_t eye, offset;
  double yaw, pitch;

  g_return_if_fail (self != NULL);
  g_return_if_fail (pose != NULL);

  /* Look at the middle of the whole movement where it is known. */
  self->centre = pose->has_reach ? pose->reach_centre : pose->frame_centre;
  self->radius = MAX (pose->frame_radius, 1.0);
  self->eye_distance = self->radius * MAX (self->perspective, 1.5);
  self->width = width;
  self->height = height;

  /* The figure mirrors from side to side; so does the view, so that the
   * working side stays towards the viewer. */
  yaw = self->yaw * G_PI / 180.0;
  if (pose->motion != NULL && pose->side == STEADY_SIDE_RIGHT)
    yaw = -yaw;
  pitch = self->pitch * G_PI / 180.0;
  graphene_vec3_init (&offset,
                      sin (yaw) * cos (pitch),
                      sin (pitch),
                      cos (yaw) * cos (pitch));
  graphene_vec3_scale (&offset, self->eye_distance, &offset);
  graphene_vec3_add (&self->centre, &offset, &eye);
  {
    /* World → camera: move the eye to the origin, then turn the camera's
     * right, up and backward axes onto x, y and z. (Built here rather than
     * with graphene_matrix_init_look_at(), whose 1.10 result does not turn
     * the translation for eyes off the z axis.) */
    graphene_vec3_t back, right, up;
    graphene_vec4_t r0, r1, r2, r3;
    graphene_matrix_t translate, basis, rotate;
    graphene_point3d_t minus_eye;

    graphene_vec3_normalize (&offset, &back);
    graphene_vec3_cross (graphene_vec3_y_axis (), &back, &right);
    graphene_vec3_normalize (&right, &right);
    graphene_vec3_cross (&back, &right, &up);
    graphene_vec4_init_from_vec3 (&r0, &right, 0.f);
    graphene_vec4_init_from_vec3 (&r1, &up, 0.f);
    graphene_vec4_init_from_vec3 (&r2, &back, 0.f);
    graphene_vec4_init (&r3, 0.f, 0.f, 0.f, 1.f);
    graphene_matrix_init_from_vec4 (&basis, &r0, &r1, &r2, &r3);
    graphene_matrix_transpose (&basis, &rotate);
    graphene_point3d_init (&minus_eye, -graphene_vec3_get_x (&eye),
                           -graphene_vec3_get_y (&eye), -graphene_vec3_get_z (&eye));
    graphene_matrix_init_translate (&translate, &minus_eye);
    graphene_matrix_multiply (&translate, &rotate, &self->view);
  }

  /* The sphere's silhouette at the eye distance fills the smaller side. */
  self->scale = 0.5 * MIN (width, height) * self->zoom * self->eye_distance /
                (self->radius * 1.02);

  /* A motion's sphere is drawn snug, so a figure lying long fills a wide
   * picture; in a narrow or square one the body must still fit. Where the
   * body reaches through the whole movement is known, the picture is
   * fitted to that instead: every joint's box stays inside it, the same
   * for every frame, so the figure never zooms as it moves. */
  if (pose->has_reach)
    {
      self->scale = G_MAXDOUBLE;
      for (guint j = 0; j < STEADY_N_JOINTS; j++)
        for (guint corner = 0; corner < 8; corner++)
          {
            const graphene_vec3_t *lo = &pose->reach_lo[j], *hi = &pose->reach_hi[j];
            graphene_point3d_t p, q;
            double depth;

            graphene_point3d_init (&p,
                                   graphene_vec3_get_x ((corner & 1) ? hi : lo),
                                   graphene_vec3_get_y ((corner & 2) ? hi : lo),
                                   graphene_vec3_get_z ((corner & 4) ? hi : lo));
            graphene_matrix_transform_point3d (&self->view, &p, &q);
            depth = MAX (-q.z, 1.0);
            if (fabs (q.x) > 1e-3)
              self->scale = MIN (self->scale, 0.48 * width * self->zoom * depth / fabs (q.x));
            if (fabs (q.y) > 1e-3)
              self->scale = MIN (self->scale, 0.48 * height * self->zoom * depth / fabs (q.y));
          }
    }
}

double
steady_camera_project (const SteadyCamera    *self,
                       const graphene_vec3_t *world,
                       double                *x,
                       double                *y)
{
  graphene_point3d_t p, q;
  double depth, s;

  graphene_point3d_init_from_vec3 (&p, world);
  graphene_matrix_transform_point3d (&self->view, &p, &q);
  depth = MAX (-q.z, 1.0);
  s = self->scale / depth;
  *x = self->width / 2 + q.x * s;
  *y = self->height / 2 - q.y * s;

  return depth;
}

double
steady_camera_scale_at (const SteadyCamera *self,
                        double              depth)
{
  return self->scale / MAX (depth, 1.0);
}
