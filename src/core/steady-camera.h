/* steady-camera.h: an orbiting camera with a slight perspective
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>
#include <graphene.h>

#include "steady-pose.h"

G_BEGIN_DECLS

/* Looks at a sphere (a pose's frame) from @yaw around the vertical and
 * @pitch above the horizon, both in degrees; yaw 0 looks along -z. The
 * sphere fills the smaller side of the picture. */
typedef struct {
  double            yaw;
  double            pitch;
  double            zoom;         /* 1 = the frame sphere just fits */
  double            perspective;  /* eye distance in frame radii; larger is flatter */

  /* Set by steady_camera_prepare() */
  graphene_vec3_t   centre;
  double            radius;
  graphene_matrix_t view;
  double            eye_distance;
  double            scale;
  double            width, height;
} SteadyCamera;

/* A good view of @motion (clamshell from the front, knee circles from the
 * side and a little above, knee rotation from the feet); NULL = front. */
void     steady_camera_init_for_motion (SteadyCamera     *self,
                                        const char       *motion);
/* Yaw and pitch in degrees, both finite (a NaN would reach cairo). */
void     steady_camera_set_orbit       (SteadyCamera     *self,
                                        double            yaw,
                                        double            pitch);
/* Frames @pose's sphere in a @width × @height picture. */
void     steady_camera_prepare         (SteadyCamera     *self,
                                        const SteadyPose *pose,
                                        double            width,
                                        double            height);
/* World point (cm) → picture point (px); returns the depth (cm in front of
 * the eye, larger is farther). */
double   steady_camera_project         (const SteadyCamera    *self,
                                        const graphene_vec3_t *world,
                                        double                *x,
                                        double                *y);
/* Pixels per centimetre at @depth. */
double   steady_camera_scale_at        (const SteadyCamera    *self,
                                        double                 depth);

G_END_DECLS
