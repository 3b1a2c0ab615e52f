/* steady-pose.h: a posed skeleton and what to draw around it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "steady-skeleton.h"

G_BEGIN_DECLS

#define STEADY_POSE_MAX_PATH 48
#define STEADY_POSE_MAX_STILL 6

/* A pose: the skeleton in world coordinates (centimetres, y up, the floor
 * at y = 0) with the highlights, props and marks the painter shows. Plain
 * data, copied by value; a motion fills it, the painter reads it. */
typedef struct {
  SteadySkeleton  skeleton;

  const char     *motion;        /* a motion name or NULL (a static string) */
  SteadySide      side;          /* the working side */
  double          amount;
  double          breath;

  /* The working muscle glows (a landmark), 0 = not at all, 1 = fully. */
  int             glow_joint;    /* a SteadyJoint or -1 */
  double          glow;

  /* Parts that must stay still are marked. */
  guint           n_still;
  SteadyJoint     still[STEADY_POSE_MAX_STILL];

  /* A limit not to pass: the joint is ringed when it starts to move. */
  int             limit_joint;   /* a SteadyJoint or -1 */
  double          limit;         /* 0 = not reached, 1 = the limit */

  /* A glass of water standing on the body. */
  gboolean        has_glass;
  graphene_vec3_t glass_base;
  graphene_vec3_t glass_up;

  /* A path traced faintly (the knee's circle). */
  guint           n_path;
  graphene_vec3_t path[STEADY_POSE_MAX_PATH];

  /* The mat on the floor: centre, direction of its long side, size. */
  graphene_vec3_t mat_centre;
  graphene_vec3_t mat_axis;
  double          mat_length;
  double          mat_width;

  /* A sphere that holds the whole movement: the camera frames it. */
  graphene_vec3_t frame_centre;
  double          frame_radius;
  /* Where the body reaches through the whole movement: for each joint, a
   * box (world cm, with room for the limbs' thickness) around every place
   * the joint goes, and the middle of them all. When known, the camera
   * looks at that middle and keeps every box inside the picture whatever
   * its shape, the same for every frame. */
  gboolean        has_reach;
  graphene_vec3_t reach_centre;
  graphene_vec3_t reach_lo[STEADY_N_JOINTS];
  graphene_vec3_t reach_hi[STEADY_N_JOINTS];
} SteadyPose;

/* Standing upright on a mat, nothing highlighted. */
void     steady_pose_init_standing (SteadyPose       *self);
/* Lowest point of the body (joint centre less its radius), in cm. */
double   steady_pose_get_lowest    (const SteadyPose *self);
/* Writes the joint positions as JSON: {"motion":…, "joints":{"pelvis":[x,y,z],…}}. */
void     steady_pose_to_json       (const SteadyPose *self,
                                    GString          *out);

G_END_DECLS
