/* steady-pose.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "steady-pose.h"

void
steady_pose_init_standing (SteadyPose *self)
{
  graphene_vec3_t root;

  g_return_if_fail (self != NULL);

  memset (self, 0, sizeof *self);
  steady_skeleton_init (&self->skeleton);
  /* Hip joints above the floor by the leg and the heel. */
  graphene_vec3_init (&root, 0.f, STEADY_LENGTH_THIGH + STEADY_LENGTH_SHIN + 8.5f, 0.f);
  steady_skeleton_set_root (&self->skeleton, &root);
  steady_skeleton_solve (&self->skeleton);

  self->motion = NULL;
  self->side = STEADY_SIDE_LEFT;
  self->glow_joint = -1;
  self->limit_joint = -1;
  graphene_vec3_init (&self->mat_centre, 0.f, 0.f, 0.f);
  graphene_vec3_init (&self->mat_axis, 0.f, 0.f, 1.f);
  self->mat_length = 0.0;
  self->mat_width = 0.0;
  graphene_vec3_init (&self->frame_centre, 0.f, 90.f, 0.f);
  self->frame_radius = 100.0;
}

double
steady_pose_get_lowest (const SteadyPose *self)
{
  double lowest = G_MAXDOUBLE;

  g_return_val_if_fail (self != NULL, 0.0);

  for (guint i = 0; i < STEADY_JOINT_FIRST_LANDMARK; i++)
    {
      const graphene_vec3_t *p = steady_skeleton_get_position (&self->skeleton, i);

      lowest = MIN (lowest, graphene_vec3_get_y (p) - steady_joint_get_radius (i));
    }

  return lowest;
}

void
steady_pose_to_json (const SteadyPose *self,
                     GString          *out)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (out != NULL);

  g_string_append (out, "{\n  \"units\": \"cm\",\n  \"motion\": ");
  if (self->motion != NULL)
    g_string_append_printf (out, "\"%s\"", self->motion);
  else
    g_string_append (out, "null");
  g_string_append_printf (out, ",\n  \"side\": \"%s\",\n", steady_side_to_string (self->side));
  g_string_append (out, "  \"joints\": {\n");
  for (guint i = 0; i < STEADY_N_JOINTS; i++)
    {
      const graphene_vec3_t *p = steady_skeleton_get_position (&self->skeleton, i);
      char x[G_ASCII_DTOSTR_BUF_SIZE], y[G_ASCII_DTOSTR_BUF_SIZE], z[G_ASCII_DTOSTR_BUF_SIZE];

      g_ascii_formatd (x, sizeof x, "%.3f", graphene_vec3_get_x (p));
      g_ascii_formatd (y, sizeof y, "%.3f", graphene_vec3_get_y (p));
      g_ascii_formatd (z, sizeof z, "%.3f", graphene_vec3_get_z (p));
      g_string_append_printf (out, "    \"%s\": [%s, %s, %s]%s\n",
                              steady_joint_get_name (i), x, y, z,
                              i + 1 < STEADY_N_JOINTS ? "," : "");
    }
  g_string_append (out, "  }");
  if (self->has_glass)
    {
      char x[G_ASCII_DTOSTR_BUF_SIZE], y[G_ASCII_DTOSTR_BUF_SIZE], z[G_ASCII_DTOSTR_BUF_SIZE];

      g_ascii_formatd (x, sizeof x, "%.4f", graphene_vec3_get_x (&self->glass_up));
      g_ascii_formatd (y, sizeof y, "%.4f", graphene_vec3_get_y (&self->glass_up));
      g_ascii_formatd (z, sizeof z, "%.4f", graphene_vec3_get_z (&self->glass_up));
      g_string_append_printf (out, ",\n  \"glass-up\": [%s, %s, %s]", x, y, z);
    }
  g_string_append (out, "\n}\n");
}
