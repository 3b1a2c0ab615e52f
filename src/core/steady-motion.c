/* steady-motion.c: clamshell, quadruped knee circles, supine knee rotation
 *
 * Each motion builds its key poses from joint rotations (and a little
 * reaching, so that hands and feet land where a physiotherapist puts them),
 * then blends the joints between key poses with slerp. Easing lives in the
 * demo loop's keyframes; a timeline passes its own amounts.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>
#include <glib/gi18n.h>

#include "steady-motion.h"

#define J(name) STEADY_JOINT_##name

static const char * const motions[] = {
  STEADY_MOTION_CLAMSHELL,
  STEADY_MOTION_QUADRUPED_KNEE_CIRCLES,
  STEADY_MOTION_SUPINE_KNEE_ROTATION,
  NULL,
};

void
steady_motion_params_init (SteadyMotionParams *params)
{
  g_return_if_fail (params != NULL);

  params->lift_cm = STEADY_MOTION_DEFAULT_LIFT_CM;
  params->radius_cm = STEADY_MOTION_DEFAULT_RADIUS_CM;
  params->angle_deg = STEADY_MOTION_DEFAULT_ANGLE_DEG;
}

void
steady_motion_params_init_from_drill (SteadyMotionParams *params,
                                      SteadyDrill        *drill)
{
  g_return_if_fail (params != NULL);
  g_return_if_fail (STEADY_IS_DRILL (drill));

  params->lift_cm = steady_drill_get_motion_param (drill, "lift-cm", STEADY_MOTION_DEFAULT_LIFT_CM);
  params->radius_cm = steady_drill_get_motion_param (drill, "radius-cm", STEADY_MOTION_DEFAULT_RADIUS_CM);
  params->angle_deg = steady_drill_get_motion_param (drill, "angle-deg", STEADY_MOTION_DEFAULT_ANGLE_DEG);
}

gboolean
steady_motion_is_known (const char *motion)
{
  if (motion == NULL)
    return FALSE;

  return g_strv_contains ((const char * const *) motions, motion);
}

const char * const *
steady_motion_list (void)
{
  return motions;
}

static double
smoothstep (double edge0,
            double edge1,
            double x)
{
  double t = CLAMP ((x - edge0) / (edge1 - edge0), 0.0, 1.0);

  return t * t * (3.0 - 2.0 * t);
}

static SteadySide
working_side (const SteadyMotionState *state)
{
  return state->side == STEADY_SIDE_RIGHT ? STEADY_SIDE_RIGHT : STEADY_SIDE_LEFT;
}

static SteadySide
other_side (SteadySide side)
{
  return side == STEADY_SIDE_RIGHT ? STEADY_SIDE_LEFT : STEADY_SIDE_RIGHT;
}

static SteadyJoint
on_side (SteadyJoint joint,
         SteadySide  side)
{
  return steady_joint_for_side (joint, side);
}

/* Turns the root so that the body's head end points along @up and its front
 * along @forward (both unit vectors at right angles). */
static void
orient_root (SteadySkeleton        *skeleton,
             const graphene_vec3_t *up,
             const graphene_vec3_t *forward)
{
  graphene_vec3_t left;
  graphene_vec4_t r0, r1, r2, r3;
  graphene_matrix_t m;
  graphene_quaternion_t q;

  graphene_vec3_cross (up, forward, &left);
  graphene_vec4_init_from_vec3 (&r0, &left, 0.f);
  graphene_vec4_init_from_vec3 (&r1, up, 0.f);
  graphene_vec4_init_from_vec3 (&r2, forward, 0.f);
  graphene_vec4_init (&r3, 0.f, 0.f, 0.f, 1.f);
  graphene_matrix_init_from_vec4 (&m, &r0, &r1, &r2, &r3);
  graphene_quaternion_init_from_matrix (&q, &m);
  steady_skeleton_set_local (skeleton, J (PELVIS), &q);
}

static void
turn (SteadySkeleton *skeleton,
      SteadyJoint     joint,
      const graphene_vec3_t *axis,
      double          degrees)
{
  steady_skeleton_turn (skeleton, joint, axis, degrees);
}

/* a + s·b */
static void
add_scaled (const graphene_vec3_t *a,
            const graphene_vec3_t *b,
            double                 s,
            graphene_vec3_t       *res)
{
  graphene_vec3_t t;

  graphene_vec3_scale (b, s, &t);
  graphene_vec3_add (a, &t, res);
}

static void
slerp_local (SteadySkeleton              *skeleton,
             SteadyJoint                  joint,
             const graphene_quaternion_t *a,
             const graphene_quaternion_t *b,
             double                       t)
{
  graphene_quaternion_t q;

  graphene_quaternion_slerp (a, b, t, &q);
  steady_skeleton_set_local (skeleton, joint, &q);
}

static void
set_breath (SteadyPose *pose,
            double      breath)
{
  graphene_vec3_t belly;

  /* The belly rises by up to 3 cm with a full diaphragmatic breath. */
  graphene_vec3_init (&belly, 0.f, 9.f, 13.f + 3.f * CLAMP (breath, 0.0, 1.0));
  steady_skeleton_set_landmark_offset (&pose->skeleton, J (BELLY), &belly);
  pose->breath = breath;
}

static void
add_still (SteadyPose  *pose,
           SteadyJoint  joint)
{
  g_assert (pose->n_still < STEADY_POSE_MAX_STILL);
  pose->still[pose->n_still++] = joint;
}

static void
ground (SteadyPose *pose,
        double      lowest)
{
  graphene_vec3_t delta;

  graphene_vec3_init (&delta, 0.f, -lowest, 0.f);
  steady_skeleton_translate (&pose->skeleton, &delta);
}

/* ---- Clamshell ------------------------------------------------------- */

#ifndef ARM_WRIST_AHEAD
#define ARM_WRIST_AHEAD 14.0
#define ARM_WRIST_UP 6.0
#define ARM_WRIST_FRONT 3.0
#define ARM_POLE_UP 2.0
#define ARM_POLE_FRONT -30.0
#endif
#ifndef UNDER_ARM_WRIST_AHEAD
#define UNDER_ARM_WRIST_AHEAD 14.0
#define UNDER_ARM_WRIST_FRONT 28.0
#define UNDER_ARM_POLE_AHEAD -5.0
#define UNDER_ARM_POLE_FRONT 40.0
#define UNDER_ARM_HAND_AHEAD 18.0
#define UNDER_ARM_HAND_FRONT -4.0
#endif

static void
pose_clamshell (const SteadyMotionState  *state,
                const SteadyMotionParams *params,
                SteadyPose               *pose)
{
  SteadySkeleton *s = &pose->skeleton;
  SteadySide top = working_side (state);
  SteadySide bottom = other_side (top);
  double sign = top == STEADY_SIDE_RIGHT ? 1.0 : -1.0;
  graphene_vec3_t head_dir, front, up, target, pole, axis, to_knee, along, perp, motion_dir;
  graphene_quaternion_t closed, open, delta, world;
  double r, theta;
  SteadyJoint hip = on_side (J (LEFT_HIP), top);
  SteadyJoint knee = on_side (J (LEFT_KNEE), top);
  SteadyJoint ankle = on_side (J (LEFT_ANKLE), top);

  /* Lying on the bottom side, facing the viewer (+z); the head is to the
   * viewer's right when the right leg is on top, so the top is the body's
   * right and the pose mirrors from side to side. */
  graphene_vec3_init (&head_dir, sign, 0.f, 0.f);
  graphene_vec3_init (&front, 0.f, 0.f, 1.f);
  graphene_vec3_init (&up, 0.f, 1.f, 0.f);
  orient_root (s, &head_dir, &front);

  /* The waist sags a little towards the floor between pelvis and ribs. */
  turn (s, J (LUMBAR), graphene_vec3_z_axis (), -sign * 4.0);
  turn (s, J (CHEST), graphene_vec3_z_axis (), sign * 3.0);

  /* Hips bent to 45°, knees to 90°. */
  for (SteadySide sd = STEADY_SIDE_LEFT; sd <= STEADY_SIDE_RIGHT; sd <<= 1)
    {
      turn (s, on_side (J (LEFT_HIP), sd), graphene_vec3_x_axis (), -45.0);
      turn (s, on_side (J (LEFT_KNEE), sd), graphene_vec3_x_axis (), 90.0);
      turn (s, on_side (J (LEFT_ANKLE), sd), graphene_vec3_x_axis (), -10.0);
    }

  turn (s, J (NECK), graphene_vec3_z_axis (), sign * 14.0);
  steady_skeleton_solve (s);

  /* The bottom arm lies on the floor in front of the chest: the upper arm
   * comes forward from the shoulder, the forearm lies along the floor
   * towards the head, the hand in front of the face. Seen from the front it
   * reads as an arm, where one reaching overhead was hidden by the
   * shoulder and showed only as a loose bar past the head. */
  {
    SteadyJoint shoulder = on_side (J (LEFT_SHOULDER), bottom);
    SteadyJoint wrist = on_side (J (LEFT_WRIST), bottom);
    const graphene_vec3_t *at = steady_skeleton_get_position (s, shoulder);

    add_scaled (at, &head_dir, UNDER_ARM_WRIST_AHEAD, &target);
    add_scaled (&target, &front, UNDER_ARM_WRIST_FRONT, &target);
    add_scaled (at, &head_dir, UNDER_ARM_POLE_AHEAD, &pole);
    add_scaled (&pole, &front, UNDER_ARM_POLE_FRONT, &pole);
    steady_skeleton_reach (s, shoulder, on_side (J (LEFT_ELBOW), bottom), wrist, &target, &pole);
    add_scaled (steady_skeleton_get_position (s, wrist), &head_dir, UNDER_ARM_HAND_AHEAD, &target);
    add_scaled (&target, &front, UNDER_ARM_HAND_FRONT, &target);
    steady_skeleton_aim (s, wrist, on_side (J (LEFT_FINGERTIPS), bottom), &target);
  }

  /* The top leg rests on the bottom one: knee on knee, foot on foot. */
  add_scaled (steady_skeleton_get_position (s, on_side (J (LEFT_ANKLE), bottom)), &up,
              2 * steady_joint_get_radius (J (LEFT_ANKLE)), &target);
  add_scaled (steady_skeleton_get_position (s, on_side (J (LEFT_KNEE), bottom)), &up,
              2 * steady_joint_get_radius (J (LEFT_KNEE)), &pole);
  add_scaled (&pole, &front, 20.0, &pole);
  steady_skeleton_reach (s, hip, knee, ankle, &target, &pole);
  add_scaled (steady_skeleton_get_position (s, on_side (J (LEFT_TOE), bottom)), &up,
              2 * steady_joint_get_radius (J (LEFT_TOE)), &target);
  steady_skeleton_aim (s, ankle, on_side (J (LEFT_TOE), top), &target);

  /* Opening: the whole top leg turns around the line from the hip to the
   * ankle, so the feet stay together while the knee lifts by lift-cm. */
  graphene_vec3_subtract (steady_skeleton_get_position (s, ankle),
                          steady_skeleton_get_position (s, hip), &axis);
  graphene_vec3_normalize (&axis, &axis);
  graphene_vec3_subtract (steady_skeleton_get_position (s, knee),
                          steady_skeleton_get_position (s, hip), &to_knee);
  graphene_vec3_scale (&axis, graphene_vec3_dot (&to_knee, &axis), &along);
  graphene_vec3_subtract (&to_knee, &along, &perp);
  r = graphene_vec3_length (&perp);
  theta = 2.0 * asin (CLAMP (params->lift_cm / (2.0 * r), 0.0, 1.0)) * 180.0 / G_PI;
  graphene_vec3_cross (&axis, &perp, &motion_dir);
  if (graphene_vec3_dot (&motion_dir, &up) < 0.f)
    theta = -theta;

  closed = s->local[hip];
  graphene_quaternion_init_from_angle_vec3 (&delta, theta, &axis);
  graphene_quaternion_multiply (&delta, steady_skeleton_get_rotation (s, hip), &world);
  steady_skeleton_set_world (s, hip, &world);
  open = s->local[hip];
  slerp_local (s, hip, &closed, &open, CLAMP (state->amount, 0.0, 1.0));
  steady_skeleton_solve (s);

  /* The top hand lies on the side of the pelvis, fingertips on gluteus
   * medius; the arm rests along the flank, the elbow bent and pointing
   * back over the waist, as one sets a hand on the hip. */
  {
    const graphene_vec3_t *glute = steady_skeleton_get_position (s, on_side (J (LEFT_GLUTE_MED), top));
    const graphene_vec3_t *shoulder = steady_skeleton_get_position (s, on_side (J (LEFT_SHOULDER), top));
    graphene_vec3_t wrist;

    add_scaled (glute, &head_dir, ARM_WRIST_AHEAD, &wrist);
    add_scaled (&wrist, &up, ARM_WRIST_UP, &wrist);
    add_scaled (&wrist, &front, ARM_WRIST_FRONT, &wrist);
    graphene_vec3_add (shoulder, glute, &pole);
    graphene_vec3_scale (&pole, 0.5f, &pole);
    add_scaled (&pole, &up, ARM_POLE_UP, &pole);
    add_scaled (&pole, &front, ARM_POLE_FRONT, &pole);
    steady_skeleton_reach (s, on_side (J (LEFT_SHOULDER), top), on_side (J (LEFT_ELBOW), top),
                           on_side (J (LEFT_WRIST), top), &wrist, &pole);
    steady_skeleton_aim (s, on_side (J (LEFT_WRIST), top), on_side (J (LEFT_FINGERTIPS), top), glute);
    /* The hand is a little longer than the way from wrist to muscle: lay
     * the fingertips on it. */
    steady_skeleton_reach (s, on_side (J (LEFT_SHOULDER), top), on_side (J (LEFT_ELBOW), top),
                           on_side (J (LEFT_FINGERTIPS), top), glute, &pole);
  }

  set_breath (pose, state->breath);
  steady_skeleton_solve (s);
  ground (pose, steady_pose_get_lowest (pose));

  pose->glow_joint = on_side (J (LEFT_GLUTE_MED), top);
  pose->glow = state->working ? 0.35 + 0.65 * CLAMP (state->amount, 0.0, 1.0) : 0.0;
  add_still (pose, J (PELVIS));
  add_still (pose, ankle);

  /* The mat runs from just past the head to just past the feet, so that
   * the picture fitted to the body shows both of its ends. */
  graphene_vec3_init (&pose->mat_centre, graphene_vec3_get_x (steady_skeleton_get_position (s, J (PELVIS))),
                      0.f, 8.f);
  pose->mat_axis = head_dir;
  pose->mat_length = 180.0;
  pose->mat_width = 75.0;
  graphene_vec3_init (&pose->frame_centre,
                      graphene_vec3_get_x (steady_skeleton_get_position (s, J (PELVIS))) + sign * 15.f,
                      22.f, 10.f);
  pose->frame_radius = 82.0;
}

/* ---- Quadruped knee circles ------------------------------------------ */

#ifndef KNEE_CIRCLE_CLEAR_CM
#define KNEE_CIRCLE_CLEAR_CM 0.8   /* the knee's lowest point above the floor */
#define KNEE_CIRCLE_OUTWARD 70.0   /* where the circle leans: 0 forward, 90 out */
#endif

/* The lifted knee's thigh direction at @angle around its circle.
 *
 * The hip stays put, so the knee moves on a sphere round it and cannot
 * rise straight up from where it rests under the hip: every point of the
 * circle must lean away from the vertical by enough to clear the floor.
 * The circle leans just that much and no more, so that it hangs beside the
 * resting knee rather than sweeping far in front of it; it leans mostly
 * outwards (as a knee lifted by gluteus medius does), which from the
 * default side view keeps it round the spot where the knee rests. */
static void
knee_circle_direction (const graphene_vec3_t *head_dir,
                       const graphene_vec3_t *out_dir,
                       double                 radius_cm,
                       double                 angle,
                       graphene_vec3_t       *res)
{
  graphene_vec3_t down, axis, lean, e1, e2, tmp;
  double alpha = asin (CLAMP (radius_cm / STEADY_LENGTH_THIGH, 0.0, 0.9));
  double clear = acos (1.0 - KNEE_CIRCLE_CLEAR_CM / STEADY_LENGTH_THIGH);
  double tilt = alpha + clear;
  double outward = KNEE_CIRCLE_OUTWARD * G_PI / 180.0;

  graphene_vec3_init (&down, 0.f, -1.f, 0.f);
  graphene_vec3_scale (head_dir, cos (outward), &lean);
  add_scaled (&lean, out_dir, sin (outward), &lean);
  graphene_vec3_scale (&down, cos (tilt), &axis);
  add_scaled (&axis, &lean, sin (tilt), &axis);

  graphene_vec3_scale (&axis, graphene_vec3_dot (head_dir, &axis), &tmp);
  graphene_vec3_subtract (head_dir, &tmp, &e1);
  graphene_vec3_normalize (&e1, &e1);
  graphene_vec3_cross (&axis, &e1, &e2);

  graphene_vec3_scale (&axis, cos (alpha), res);
  add_scaled (res, &e1, sin (alpha) * cos (angle), res);
  add_scaled (res, &e2, sin (alpha) * sin (angle), res);
}

static void
pose_quadruped (const SteadyMotionState  *state,
                const SteadyMotionParams *params,
                SteadyPose               *pose)
{
  SteadySkeleton *s = &pose->skeleton;
  SteadySide side = working_side (state);
  double sign = side == STEADY_SIDE_LEFT ? -1.0 : 1.0;
  double amount = CLAMP (state->amount, 0.0, 1.0);
  graphene_vec3_t head_dir, front, up, root, target, pole, dir, back, out_dir;
  graphene_quaternion_t rest_world, lifted_world, swing, world;
  SteadyJoint hip = on_side (J (LEFT_HIP), side);
  SteadyJoint knee = on_side (J (LEFT_KNEE), side);
  SteadyJoint ankle = on_side (J (LEFT_ANKLE), side);

  /* On all fours, side-on to the viewer with the working side nearest. */
  graphene_vec3_init (&head_dir, sign, 0.f, 0.f);
  graphene_vec3_init (&front, 0.f, -1.f, 0.f);
  graphene_vec3_init (&up, 0.f, 1.f, 0.f);
  orient_root (s, &head_dir, &front);
  graphene_vec3_init (&root, 0.f, STEADY_LENGTH_THIGH + steady_joint_get_radius (J (LEFT_KNEE)), 0.f);
  steady_skeleton_set_root (s, &root);

  /* Low back flat as a tabletop; the upper back rounds up to the
   * shoulders, which sit higher than the hips over straight arms. */
  turn (s, J (THORAX), graphene_vec3_x_axis (), -6.0);
  turn (s, J (CHEST), graphene_vec3_x_axis (), -16.0);
  turn (s, J (NECK), graphene_vec3_x_axis (), 20.0);
  turn (s, J (HEAD), graphene_vec3_x_axis (), 10.0);

  for (SteadySide sd = STEADY_SIDE_LEFT; sd <= STEADY_SIDE_RIGHT; sd <<= 1)
    {
      turn (s, on_side (J (LEFT_HIP), sd), graphene_vec3_x_axis (), -90.0);
      turn (s, on_side (J (LEFT_KNEE), sd), graphene_vec3_x_axis (), 90.0);
    }
  steady_skeleton_solve (s);

  /* Hands flat under the shoulders, elbows soft; feet laid back along the
   * floor. */
  for (SteadySide sd = STEADY_SIDE_LEFT; sd <= STEADY_SIDE_RIGHT; sd <<= 1)
    {
      SteadyJoint shoulder = on_side (J (LEFT_SHOULDER), sd);
      SteadyJoint wrist = on_side (J (LEFT_WRIST), sd);
      SteadyJoint foot = on_side (J (LEFT_ANKLE), sd);

      target = *steady_skeleton_get_position (s, shoulder);
      graphene_vec3_init (&target, graphene_vec3_get_x (&target) + sign * 2.f, 3.0f,
                          graphene_vec3_get_z (&target));
      add_scaled (steady_skeleton_get_position (s, shoulder), &head_dir, -40.0, &pole);
      steady_skeleton_reach (s, shoulder, on_side (J (LEFT_ELBOW), sd), wrist, &target, &pole);
      add_scaled (steady_skeleton_get_position (s, wrist), &head_dir, 18.0, &target);
      add_scaled (&target, &up, -1.0, &target);
      steady_skeleton_aim (s, wrist, on_side (J (LEFT_FINGERTIPS), sd), &target);

      add_scaled (steady_skeleton_get_position (s, foot), &head_dir, -17.0, &target);
      add_scaled (&target, &up, -2.0, &target);
      steady_skeleton_aim (s, foot, on_side (J (LEFT_TOE), sd), &target);
    }

  /* The working knee: on the floor at amount 0, on its circle at 1. */
  rest_world = *steady_skeleton_get_rotation (s, hip);
  graphene_vec3_subtract (steady_skeleton_get_position (s, hip),
                          steady_skeleton_get_position (s, J (PELVIS)), &out_dir);
  graphene_vec3_init (&out_dir, graphene_vec3_get_x (&out_dir), 0.f, graphene_vec3_get_z (&out_dir));
  graphene_vec3_normalize (&out_dir, &out_dir);
  knee_circle_direction (&head_dir, &out_dir, params->radius_cm, state->angle, &dir);
  {
    graphene_vec3_t rest_dir;

    graphene_vec3_subtract (steady_skeleton_get_position (s, knee),
                            steady_skeleton_get_position (s, hip), &rest_dir);
    steady_quaternion_between (&rest_dir, &dir, &swing);
  }
  graphene_quaternion_multiply (&swing, &rest_world, &lifted_world);
  graphene_quaternion_slerp (&rest_world, &lifted_world, amount, &world);
  steady_skeleton_set_world (s, hip, &world);

  /* The shin stays level behind the knee, tilting up a little as it lifts,
   * so the foot never drags through the floor. */
  graphene_vec3_scale (&head_dir, -1.f, &back);
  add_scaled (steady_skeleton_get_position (s, knee), &back, STEADY_LENGTH_SHIN * cos (0.09 * amount), &target);
  add_scaled (&target, &up, STEADY_LENGTH_SHIN * sin (0.09 * amount), &target);
  steady_skeleton_aim (s, knee, ankle, &target);
  set_breath (pose, state->breath);
  steady_skeleton_solve (s);

  /* The circle the knee traces, at full lift. */
  pose->n_path = 40;
  for (guint i = 0; i < pose->n_path; i++)
    {
      knee_circle_direction (&head_dir, &out_dir, params->radius_cm, 2 * G_PI * i / pose->n_path, &dir);
      add_scaled (steady_skeleton_get_position (s, hip), &dir, STEADY_LENGTH_THIGH, &pose->path[i]);
    }

  /* A glass of water stands on the low back. */
  {
    graphene_vec3_t mid, backward;

    graphene_vec3_init (&backward, 0.f, 0.f, -1.f);
    steady_skeleton_to_world_direction (s, J (LUMBAR), &backward, &pose->glass_up);
    graphene_vec3_add (steady_skeleton_get_position (s, J (LUMBAR)),
                       steady_skeleton_get_position (s, J (THORAX)), &mid);
    graphene_vec3_scale (&mid, 0.5f, &mid);
    add_scaled (&mid, &pose->glass_up, steady_joint_get_radius (J (LUMBAR)) + 0.5, &pose->glass_base);
    pose->has_glass = TRUE;
  }

  pose->glow_joint = on_side (J (LEFT_GLUTE_MED), side);
  pose->glow = state->working ? 0.5 + 0.5 * amount : 0.0;
  add_still (pose, J (LUMBAR));

  /* The mat runs from just past the head to just past the toes, so that
   * the picture fitted to the body shows all of it. */
  graphene_vec3_init (&pose->mat_centre, sign * 4.f, 0.f, 0.f);
  pose->mat_axis = head_dir;
  pose->mat_length = 160.0;
  pose->mat_width = 70.0;
  graphene_vec3_init (&pose->frame_centre, sign * 22.f, 38.f, 0.f);
  pose->frame_radius = 84.0;  /* room for the near leg in views from behind */
}

/* ---- Supine knee rotation -------------------------------------------- */

#define SUPINE_PATH_POINTS 12

static struct {
  SteadySide      side;
  double          angle_deg;
  graphene_vec3_t points[SUPINE_PATH_POINTS];
} supine_path = { STEADY_SIDE_NONE, 0.0, { { { 0 } } } };
G_LOCK_DEFINE_STATIC (supine_path);

static void
supine_base (SteadySkeleton *s)
{
  graphene_vec3_t head_dir, front;

  /* On the back, the feet towards the viewer. */
  graphene_vec3_init (&head_dir, 0.f, 0.f, -1.f);
  graphene_vec3_init (&front, 0.f, 1.f, 0.f);
  orient_root (s, &head_dir, &front);

  for (SteadySide sd = STEADY_SIDE_LEFT; sd <= STEADY_SIDE_RIGHT; sd <<= 1)
    {
      double inwards = sd == STEADY_SIDE_LEFT ? -1.0 : 1.0;

      /* Knees hugged towards the chest and held together. */
      turn (s, on_side (J (LEFT_HIP), sd), graphene_vec3_y_axis (), inwards * 6.0);
      turn (s, on_side (J (LEFT_HIP), sd), graphene_vec3_x_axis (), -105.0);
      turn (s, on_side (J (LEFT_KNEE), sd), graphene_vec3_x_axis (), 115.0);
      turn (s, on_side (J (LEFT_ANKLE), sd), graphene_vec3_x_axis (), 15.0);
    }
  turn (s, J (NECK), graphene_vec3_x_axis (), -18.0);
}

static void
pose_supine (const SteadyMotionState  *state,
             const SteadyMotionParams *params,
             SteadyPose               *pose,
             gboolean                  with_path)
{
  SteadySkeleton *s = &pose->skeleton;
  SteadySkeleton base;
  SteadySide side = working_side (state);
  SteadySide opposite = other_side (side);
  double amount = CLAMP (state->amount, 0.0, 1.0);
  double sign = side == STEADY_SIDE_LEFT ? 1.0 : -1.0;
  double theta = sign * params->angle_deg * amount;
  double limit = smoothstep (0.8, 1.0, amount);
  double lift = sign * 4.0 * limit;
  double lowest, arms;
  graphene_quaternion_t hug[STEADY_N_JOINTS], wide[STEADY_N_JOINTS];
  graphene_vec3_t anchor, delta, up, pole, target;
  SteadyJoint same_shoulder = on_side (J (LEFT_SHOULDER), side);
  const SteadyJoint arm_joints[] = { J (LEFT_SHOULDER), J (LEFT_ELBOW), J (LEFT_WRIST),
                                     J (RIGHT_SHOULDER), J (RIGHT_ELBOW), J (RIGHT_WRIST) };

  graphene_vec3_init (&up, 0.f, 1.f, 0.f);

  /* The key pose: knees up, hands hugging them. */
  steady_skeleton_init (&base);
  supine_base (&base);
  steady_skeleton_solve (&base);
  /* (The arms do not move the knees: samples of the knees' path skip them.) */
  for (SteadySide sd = STEADY_SIDE_LEFT; with_path && sd <= STEADY_SIDE_RIGHT; sd <<= 1)
    {
      graphene_vec3_t lateral;

      steady_skeleton_to_world_direction (&base, J (PELVIS), graphene_vec3_x_axis (), &lateral);
      if (sd == STEADY_SIDE_RIGHT)
        graphene_vec3_negate (&lateral, &lateral);
      add_scaled (steady_skeleton_get_position (&base, on_side (J (LEFT_KNEE), sd)), &up, 2.0, &target);
      add_scaled (&target, &lateral, 3.0, &target);
      add_scaled (steady_skeleton_get_position (&base, on_side (J (LEFT_SHOULDER), sd)), &lateral, 30.0, &pole);
      steady_skeleton_reach (&base, on_side (J (LEFT_SHOULDER), sd), on_side (J (LEFT_ELBOW), sd),
                             on_side (J (LEFT_FINGERTIPS), sd), &target, &pole);
    }
  for (guint i = 0; i < G_N_ELEMENTS (arm_joints); i++)
    hug[arm_joints[i]] = base.local[arm_joints[i]];
  anchor = *steady_skeleton_get_position (&base, J (CHEST));
  lowest = G_MAXDOUBLE;
  for (SteadyJoint j = J (PELVIS); j <= J (RIGHT_SHOULDER); j++)
    if (j <= J (HEAD_CENTRE) || j == J (LEFT_SHOULDER) || j == J (RIGHT_SHOULDER))
      lowest = MIN (lowest, graphene_vec3_get_y (steady_skeleton_get_position (&base, j)) - steady_joint_get_radius (j));

  /* Arms wide on the floor, a T that keeps the shoulder blades down. */
  steady_skeleton_init (s);
  supine_base (s);
  turn (s, J (LEFT_SHOULDER), graphene_vec3_z_axis (), 80.0);
  turn (s, J (RIGHT_SHOULDER), graphene_vec3_z_axis (), -80.0);
  turn (s, J (LEFT_SHOULDER), graphene_vec3_y_axis (), -90.0);
  turn (s, J (RIGHT_SHOULDER), graphene_vec3_y_axis (), 90.0);
  turn (s, J (LEFT_ELBOW), graphene_vec3_x_axis (), -10.0);
  turn (s, J (RIGHT_ELBOW), graphene_vec3_x_axis (), -10.0);
  for (guint i = 0; i < G_N_ELEMENTS (arm_joints); i++)
    wide[arm_joints[i]] = s->local[arm_joints[i]];

  /* The arms open first, then the knees drift; the pelvis turns and the
   * lumbar and lower thoracic segments share the counter-turn, so the
   * upper back stays flat until the end of the range, where it starts to
   * follow and lifts the opposite shoulder. */
  arms = smoothstep (0.0, 0.25, amount);
  for (guint i = 0; i < G_N_ELEMENTS (arm_joints); i++)
    slerp_local (s, arm_joints[i], &hug[arm_joints[i]], &wide[arm_joints[i]], arms);
  turn (s, J (PELVIS), graphene_vec3_y_axis (), theta);
  turn (s, J (LUMBAR), graphene_vec3_y_axis (), -0.45 * theta);
  turn (s, J (THORAX), graphene_vec3_y_axis (), -0.55 * theta);
  steady_skeleton_solve (s);
  /* The shoulder blades stay down: the chest keeps the orientation it had
   * lying flat (the turns above cancel only nearly), and only lifts on the
   * opposite side at the end of the range. */
  steady_skeleton_set_world (s, J (CHEST), steady_skeleton_get_rotation (&base, J (CHEST)));
  turn (s, J (CHEST), graphene_vec3_y_axis (), lift);
  set_breath (pose, state->breath);
  steady_skeleton_solve (s);

  /* The upper back is the anchor: keep it where it lay, with the shoulder on
   * the working side on the floor. */
  {
    double rest_y = graphene_vec3_get_y (steady_skeleton_get_position (&base, same_shoulder));

    graphene_vec3_subtract (&anchor, steady_skeleton_get_position (s, J (CHEST)), &delta);
    steady_skeleton_translate (s, &delta);
    graphene_vec3_init (&delta, 0.f, MAX (0.0, rest_y - graphene_vec3_get_y (steady_skeleton_get_position (s, same_shoulder))) - lowest, 0.f);
    steady_skeleton_translate (s, &delta);
  }

  pose->glow_joint = -1;
  pose->glow = 0.0;
  add_still (pose, J (LEFT_SHOULDER));
  add_still (pose, J (RIGHT_SHOULDER));
  pose->limit_joint = on_side (J (LEFT_SHOULDER), opposite);
  pose->limit = limit;

  /* The knees' arc out to the limit, from the pose itself. It depends on
   * the side and the range only, so the last one is remembered. */
  if (with_path)
    {
      G_LOCK (supine_path);
      if (supine_path.side != side || supine_path.angle_deg != params->angle_deg)
        {
          for (guint i = 0; i < SUPINE_PATH_POINTS; i++)
            {
              SteadyMotionState st = *state;
              SteadyPose sample;
              graphene_vec3_t knees;

              st.amount = (double) i / (SUPINE_PATH_POINTS - 1);
              steady_pose_init_standing (&sample);
              pose_supine (&st, params, &sample, FALSE);
              graphene_vec3_add (steady_skeleton_get_position (&sample.skeleton, J (LEFT_KNEE)),
                                 steady_skeleton_get_position (&sample.skeleton, J (RIGHT_KNEE)), &knees);
              graphene_vec3_scale (&knees, 0.5f, &supine_path.points[i]);
            }
          supine_path.side = side;
          supine_path.angle_deg = params->angle_deg;
        }
      pose->n_path = SUPINE_PATH_POINTS;
      memcpy (pose->path, supine_path.points, sizeof supine_path.points);
      G_UNLOCK (supine_path);
    }

  /* The mat runs from past the head to past the toes: all of it in the
   * picture from over the feet. */
  graphene_vec3_init (&pose->mat_centre, 0.f, 0.f, -25.f);
  graphene_vec3_init (&pose->mat_axis, 0.f, 0.f, -1.f);
  pose->mat_length = 160.0;
  pose->mat_width = 80.0;
  graphene_vec3_init (&pose->frame_centre, 0.f, 25.f, -25.f);
  pose->frame_radius = 80.0;
}

static gboolean
pose_motion (const char               *motion,
             const SteadyMotionState  *state,
             const SteadyMotionParams *params,
             SteadyPose               *pose)
{
  steady_pose_init_standing (pose);
  pose->side = working_side (state);
  pose->amount = state->amount;
  set_breath (pose, state->breath);

  if (g_strcmp0 (motion, STEADY_MOTION_CLAMSHELL) == 0)
    {
      pose->motion = STEADY_MOTION_CLAMSHELL;
      pose_clamshell (state, params, pose);
    }
  else if (g_strcmp0 (motion, STEADY_MOTION_QUADRUPED_KNEE_CIRCLES) == 0)
    {
      pose->motion = STEADY_MOTION_QUADRUPED_KNEE_CIRCLES;
      pose_quadruped (state, params, pose);
    }
  else if (g_strcmp0 (motion, STEADY_MOTION_SUPINE_KNEE_ROTATION) == 0)
    {
      pose->motion = STEADY_MOTION_SUPINE_KNEE_ROTATION;
      pose_supine (state, params, pose, TRUE);
    }
  else
    return FALSE;

  return TRUE;
}

/* Where the body reaches through the whole of @motion on @side: for each
 * joint, the box around it over the start and working positions, the knee
 * circle and the breath, with room for the limbs' and head's thickness.
 * Worked out once per motion, side and parameters. */
#define REACH_MARGIN_CM 12.f

typedef struct {
  const char         *motion;  /* a static string, compared by address */
  SteadySide          side;
  SteadyMotionParams  params;
  graphene_vec3_t     centre;
  graphene_vec3_t     lo[STEADY_N_JOINTS];
  graphene_vec3_t     hi[STEADY_N_JOINTS];
} Reach;

static void
motion_reach (const char               *motion,
              SteadySide                side,
              const SteadyMotionParams *params,
              SteadyPose               *pose)
{
  static GMutex lock;
  static Reach cache[8];
  static guint next;
  g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&lock);
  graphene_vec3_t margin, all_lo, all_hi;
  Reach *reach = NULL;

  for (guint slot = 0; slot < G_N_ELEMENTS (cache) && reach == NULL; slot++)
    if (cache[slot].motion == motion && cache[slot].side == side
        && memcmp (&cache[slot].params, params, sizeof *params) == 0)
      reach = &cache[slot];

  if (reach == NULL)
    {
      reach = &cache[next++ % G_N_ELEMENTS (cache)];
      reach->motion = motion;
      reach->side = side;
      reach->params = *params;
      for (guint j = 0; j < STEADY_N_JOINTS; j++)
        {
          graphene_vec3_init (&reach->lo[j], G_MAXFLOAT, G_MAXFLOAT, G_MAXFLOAT);
          graphene_vec3_init (&reach->hi[j], -G_MAXFLOAT, -G_MAXFLOAT, -G_MAXFLOAT);
        }
      for (guint a = 0; a <= 4; a++)
        for (guint k = 0; k < 8; k++)
          for (guint b = 0; b <= 1; b++)
            {
              SteadyMotionState sample = { side, a / 4.0, k * G_PI / 4, 1, b, FALSE };
              SteadyPose sampled;

              if (!pose_motion (motion, &sample, params, &sampled))
                continue;
              for (guint j = 0; j < STEADY_N_JOINTS; j++)
                {
                  const graphene_vec3_t *p = steady_skeleton_get_position (&sampled.skeleton, j);

                  graphene_vec3_min (&reach->lo[j], p, &reach->lo[j]);
                  graphene_vec3_max (&reach->hi[j], p, &reach->hi[j]);
                }
            }
      graphene_vec3_init (&margin, REACH_MARGIN_CM, REACH_MARGIN_CM, REACH_MARGIN_CM);
      all_lo = reach->lo[0];
      all_hi = reach->hi[0];
      for (guint j = 0; j < STEADY_N_JOINTS; j++)
        {
          graphene_vec3_subtract (&reach->lo[j], &margin, &reach->lo[j]);
          graphene_vec3_add (&reach->hi[j], &margin, &reach->hi[j]);
          graphene_vec3_min (&all_lo, &reach->lo[j], &all_lo);
          graphene_vec3_max (&all_hi, &reach->hi[j], &all_hi);
        }
      graphene_vec3_add (&all_lo, &all_hi, &reach->centre);
      graphene_vec3_scale (&reach->centre, 0.5f, &reach->centre);
    }

  pose->has_reach = TRUE;
  pose->reach_centre = reach->centre;
  memcpy (pose->reach_lo, reach->lo, sizeof reach->lo);
  memcpy (pose->reach_hi, reach->hi, sizeof reach->hi);
}

gboolean
steady_motion_pose (const char               *motion,
                    const SteadyMotionState  *state,
                    const SteadyMotionParams *params,
                    SteadyPose               *pose)
{
  SteadyMotionParams defaults;

  g_return_val_if_fail (state != NULL, FALSE);
  g_return_val_if_fail (pose != NULL, FALSE);
  g_return_val_if_fail (isfinite (state->amount), FALSE);
  g_return_val_if_fail (isfinite (state->angle), FALSE);
  g_return_val_if_fail (isfinite (state->breath), FALSE);

  if (params == NULL)
    {
      steady_motion_params_init (&defaults);
      params = &defaults;
    }

  if (!pose_motion (motion, state, params, pose))
    return FALSE;

  motion_reach (pose->motion, pose->side, params, pose);

  return TRUE;
}

/* ---- The demo loop --------------------------------------------------- */

typedef struct {
  double   duration;
  double   from, to;    /* amount */
  gboolean working;
  int      circles;     /* knee circles: turns in this span (signed) */
} Span;

static const Span clamshell_rep[] = {
  { 1.0, 0, 0, FALSE, 0 },   /* rest */
  { 1.2, 0, 1, TRUE,  0 },   /* open */
  { 2.5, 1, 1, TRUE,  0 },   /* hold */
  { 2.0, 1, 0, TRUE,  0 },   /* close with control */
  { 0.8, 0, 0, FALSE, 0 },
};

static const Span circles_side[] = {
  { 1.0, 0, 0, FALSE, 0 },
  { 1.0, 0, 1, TRUE,  0 },   /* lift the knee */
  { 5.0, 1, 1, TRUE,  1 },   /* one way */
  { 5.0, 1, 1, TRUE, -1 },   /* the other way */
  { 1.0, 1, 0, FALSE, 0 },   /* lower */
};

static const Span rotation_side[] = {
  { 1.5, 0, 0, FALSE, 0 },
  { 5.0, 0, 1, FALSE, 0 },   /* drift to the side */
  { 6.0, 1, 1, FALSE, 0 },   /* breathe there */
  { 4.0, 1, 0, FALSE, 0 },   /* come back */
};

static const Span *
demo_spans (const char *motion,
            guint      *n_spans,
            guint      *reps)
{
  if (g_strcmp0 (motion, STEADY_MOTION_QUADRUPED_KNEE_CIRCLES) == 0)
    {
      *n_spans = G_N_ELEMENTS (circles_side);
      *reps = 1;
      return circles_side;
    }
  if (g_strcmp0 (motion, STEADY_MOTION_SUPINE_KNEE_ROTATION) == 0)
    {
      *n_spans = G_N_ELEMENTS (rotation_side);
      *reps = 1;
      return rotation_side;
    }

  *n_spans = G_N_ELEMENTS (clamshell_rep);
  *reps = 2;
  return clamshell_rep;
}

double
steady_motion_demo_period (const char *motion)
{
  guint n, reps;
  const Span *spans = demo_spans (motion, &n, &reps);
  double side = 0.0;

  for (guint i = 0; i < n; i++)
    side += spans[i].duration;

  return 2.0 * reps * side;
}

void
steady_motion_demo_state (const char        *motion,
                          double             t_seconds,
                          SteadyMotionState *out)
{
  guint n, reps;
  const Span *spans;
  double period, rep_length, t, circle_angle = 0.0;
  int direction = 1;

  g_return_if_fail (out != NULL);
  g_return_if_fail (isfinite (t_seconds));

  spans = demo_spans (motion, &n, &reps);
  period = steady_motion_demo_period (motion);
  rep_length = period / (2.0 * reps);
  t = fmod (t_seconds, period);
  if (t < 0)
    t += period;

  memset (out, 0, sizeof *out);
  out->side = t < period / 2 ? STEADY_SIDE_LEFT : STEADY_SIDE_RIGHT;
  /* Slow belly breathing, four seconds in, four out, where the drill asks
   * for it; elsewhere the belly stays as it is (and the trunk still). */
  if (g_strcmp0 (motion, STEADY_MOTION_SUPINE_KNEE_ROTATION) == 0)
    out->breath = 0.5 - 0.5 * cos (2 * G_PI * t_seconds / 8.0);
  else
    out->breath = 0.5;
  t = fmod (t, rep_length);

  for (guint i = 0; i < n; i++)
    {
      const Span *span = &spans[i];

      if (t <= span->duration || i + 1 == n)
        {
          double u = CLAMP (t / span->duration, 0.0, 1.0);

          out->amount = span->from + (span->to - span->from) * smoothstep (0.0, 1.0, u);
          out->working = span->working;
          if (span->circles != 0)
            {
              direction = span->circles > 0 ? 1 : -1;
              circle_angle += direction * 2 * G_PI * smoothstep (-0.15, 1.15, u) * ABS (span->circles);
            }
          break;
        }

      t -= span->duration;
      if (span->circles != 0)
        {
          circle_angle += 2 * G_PI * span->circles;
          direction = span->circles > 0 ? 1 : -1;
        }
    }

  out->angle = fmod (circle_angle, 2 * G_PI);
  if (out->angle < 0)
    out->angle += 2 * G_PI;
  out->direction = direction;
}

void
steady_motion_key_states (const char        *motion,
                          SteadySide         side,
                          SteadyMotionState *start,
                          SteadyMotionState *end)
{
  g_return_if_fail (start != NULL && end != NULL);

  memset (start, 0, sizeof *start);
  start->side = side == STEADY_SIDE_RIGHT ? STEADY_SIDE_RIGHT : STEADY_SIDE_LEFT;
  start->direction = 1;
  start->breath = 0.5;
  *end = *start;
  end->amount = 1.0;
  end->working = TRUE;

  if (g_strcmp0 (motion, STEADY_MOTION_QUADRUPED_KNEE_CIRCLES) == 0)
    {
      /* The circle drawn from its most forward point. */
      start->amount = 1.0;
      start->working = TRUE;
      end->angle = G_PI;
    }
  else if (g_strcmp0 (motion, STEADY_MOTION_SUPINE_KNEE_ROTATION) == 0)
    {
      start->working = FALSE;
      end->working = FALSE;
    }
}

SteadyJoint
steady_motion_get_mover (const char *motion,
                         SteadySide  side)
{
  return steady_joint_for_side (J (LEFT_KNEE), side == STEADY_SIDE_RIGHT ? STEADY_SIDE_RIGHT : STEADY_SIDE_LEFT);
}

char *
steady_motion_describe (const char              *motion,
                        const SteadyMotionState *state)
{
  gboolean right;

  g_return_val_if_fail (state != NULL, NULL);

  right = state->side == STEADY_SIDE_RIGHT;

  if (g_strcmp0 (motion, STEADY_MOTION_CLAMSHELL) == 0)
    {
      const char *side = right ? _("Clamshell, lying on the left side, right knee on top.")
                               : _("Clamshell, lying on the right side, left knee on top.");
      const char *phase;

      if (state->amount < 0.05)
        phase = _("Knees and feet together, fingertips on the side of the hip.");
      else if (state->amount > 0.95)
        phase = _("Holding: the top knee is open a few centimetres, feet together, pelvis still.");
      else
        phase = _("The top knee opens a little while the feet stay together.");

      return g_strconcat (side, " ", phase, NULL);
    }

  if (g_strcmp0 (motion, STEADY_MOTION_QUADRUPED_KNEE_CIRCLES) == 0)
    {
      const char *side = right ? _("Knee circles on all fours, right knee.")
                               : _("Knee circles on all fours, left knee.");
      const char *phase;

      if (state->amount < 0.05)
        phase = _("Both knees on the floor, back flat like a tabletop.");
      else if (state->direction < 0)
        phase = _("The knee draws a small circle backwards; the back and the glass on it stay still.");
      else
        phase = _("The knee draws a small circle forwards; the back and the glass on it stay still.");

      return g_strconcat (side, " ", phase, NULL);
    }

  if (g_strcmp0 (motion, STEADY_MOTION_SUPINE_KNEE_ROTATION) == 0)
    {
      const char *side = right ? _("Knee rotation on the back, knees to the right.")
                               : _("Knee rotation on the back, knees to the left.");
      const char *phase;

      if (state->amount < 0.05)
        phase = _("Knees hugged towards the chest, shoulder blades on the floor.");
      else if (state->amount > 0.95)
        phase = _("At the limit: the opposite shoulder begins to lift; breathe into the belly.");
      else
        phase = _("Both knees drift slowly to the side, shoulder blades stay down.");

      return g_strconcat (side, " ", phase, NULL);
    }

  return g_strdup (_("A figure standing at ease."));
}
