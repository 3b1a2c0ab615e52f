/* steady-motion.h: the drills' movements as poses of the figure
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "steady-drill.h"
#include "steady-pose.h"
#include "steady-types.h"

G_BEGIN_DECLS

#define STEADY_MOTION_CLAMSHELL              "clamshell"
#define STEADY_MOTION_QUADRUPED_KNEE_CIRCLES "quadruped-knee-circles"
#define STEADY_MOTION_SUPINE_KNEE_ROTATION   "supine-knee-rotation"

/* Defaults when the program file leaves <motion> out. */
#define STEADY_MOTION_DEFAULT_LIFT_CM    4.0
#define STEADY_MOTION_DEFAULT_RADIUS_CM  7.0
#define STEADY_MOTION_DEFAULT_ANGLE_DEG 60.0

/* The shape of a movement, from a drill's <motion> element. */
typedef struct {
  double lift_cm;    /* clamshell: how far the top knee opens */
  double radius_cm;  /* knee circles: radius of the circle at the knee */
  double angle_deg;  /* knee rotation: how far the knees drift to the side */
} SteadyMotionParams;

void                steady_motion_params_init (SteadyMotionParams *params);
/* The drill's <motion> numbers, defaults where it has none. */
void                steady_motion_params_init_from_drill (SteadyMotionParams *params,
                                                          SteadyDrill        *drill);

gboolean            steady_motion_is_known    (const char *motion);
/* NULL-terminated list of the motion names. */
const char * const *steady_motion_list        (void);

/* Poses the figure for @motion in @state. A pure function of its
 * arguments: the same state always gives the same pose. Returns FALSE for
 * an unknown motion (and leaves the figure standing). The state's amount,
 * angle and breath must be finite.
 *
 * clamshell: lying on the side opposite @state->side, hips and knees bent;
 *   amount 0 = knees together, 1 = the top knee open by lift-cm.
 * quadruped-knee-circles: on all fours; amount 0 = the knee on the floor,
 *   1 = lifted onto its circle; angle 0 is the knee's most forward point,
 *   π/2 its outermost, a growing angle goes forward → out → back → in.
 * supine-knee-rotation: on the back, knees hugged; amount 0 = knees up,
 *   1 = drifted angle-deg to @state->side, where the opposite shoulder
 *   begins to lift. */
gboolean            steady_motion_pose        (const char               *motion,
                                               const SteadyMotionState  *state,
                                               const SteadyMotionParams *params,
                                               SteadyPose               *pose);

/* A natural loop of the movement (both sides, both directions) for drill
 * pages and the kiosk's attract loop: the state at @t_seconds (finite: a
 * NaN or infinity is a programming error and leaves @out untouched). */
void                steady_motion_demo_state  (const char               *motion,
                                               double                    t_seconds,
                                               SteadyMotionState        *out);
/* Length of one loop in seconds. */
double              steady_motion_demo_period (const char               *motion);

/* The two key poses of a movement (start and working position) on @side,
 * for stills with arrows when animations are off. */
void                steady_motion_key_states  (const char               *motion,
                                               SteadySide                side,
                                               SteadyMotionState        *start,
                                               SteadyMotionState        *end);
/* The joint whose travel the arrows show. */
SteadyJoint         steady_motion_get_mover   (const char               *motion,
                                               SteadySide                side);

/* A sentence for screen readers: the drill and its phase (translated). */
char               *steady_motion_describe    (const char               *motion,
                                               const SteadyMotionState  *state);

G_END_DECLS
