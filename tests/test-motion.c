/* test-motion.c: the drills' geometry, sampled across the whole movement
 * and both sides
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "steady-camera.h"
#include "steady-motion.h"

#define J(name) STEADY_JOINT_##name

static const SteadySide sides[] = { STEADY_SIDE_LEFT, STEADY_SIDE_RIGHT };

static SteadyJoint
on (SteadyJoint joint,
    SteadySide  side)
{
  return steady_joint_for_side (joint, side);
}

static SteadySide
other (SteadySide side)
{
  return side == STEADY_SIDE_LEFT ? STEADY_SIDE_RIGHT : STEADY_SIDE_LEFT;
}

static double
distance (const graphene_vec3_t *a,
          const graphene_vec3_t *b)
{
  graphene_vec3_t d;

  graphene_vec3_subtract (a, b, &d);
  return graphene_vec3_length (&d);
}

static const graphene_vec3_t *
pos (const SteadyPose *pose,
     SteadyJoint       joint)
{
  return steady_skeleton_get_position (&pose->skeleton, joint);
}

/* The angle between two orientations, in degrees. */
static double
rotation_between (const graphene_quaternion_t *a,
                  const graphene_quaternion_t *b)
{
  double d = fabs (graphene_quaternion_dot (a, b));

  return 2.0 * acos (MIN (1.0, d)) * 180.0 / G_PI;
}

static void
make_pose (const char               *motion,
           SteadySide                side,
           double                    amount,
           double                    angle,
           const SteadyMotionParams *params,
           SteadyPose               *pose)
{
  SteadyMotionState state = { side, amount, angle, 1, 0.5, TRUE };

  g_assert_true (steady_motion_pose (motion, &state, params, pose));
}

static void
assert_bones (const SteadyPose *pose)
{
  for (guint j = 0; j < STEADY_N_JOINTS; j++)
    {
      double length;

      if (!steady_joint_is_bone (j))
        continue;
      length = steady_skeleton_distance (&pose->skeleton, steady_joint_get_parent (j), j);
      if (fabs (length - steady_joint_get_bone_length (j)) >= 0.01)
        g_error ("%s: bone to %s is %.4f cm, not %.4f", pose->motion, steady_joint_get_name (j),
                 length, steady_joint_get_bone_length (j));
    }
}

/* Every motion, the whole demo loop at 10 frames a second. */
static void
test_bones_keep_length (void)
{
  const char * const *motions = steady_motion_list ();

  for (guint m = 0; motions[m] != NULL; m++)
    {
      double period = steady_motion_demo_period (motions[m]);

      for (double t = 0; t < period; t += 0.1)
        {
          SteadyMotionState state;
          SteadyPose pose;

          steady_motion_demo_state (motions[m], t, &state);
          g_assert_true (steady_motion_pose (motions[m], &state, NULL, &pose));
          assert_bones (&pose);
          /* Nothing sinks through the floor. */
          g_assert_cmpfloat (steady_pose_get_lowest (&pose), >, -0.5);
        }
    }
}

static void
test_pure (void)
{
  const char * const *motions = steady_motion_list ();

  for (guint m = 0; motions[m] != NULL; m++)
    {
      SteadyMotionState state;
      SteadyPose a, b;

      steady_motion_demo_state (motions[m], 3.3, &state);
      steady_motion_pose (motions[m], &state, NULL, &a);
      steady_motion_pose (motions[m], &state, NULL, &b);
      g_assert_cmpmem (&a.skeleton.world_position, sizeof a.skeleton.world_position,
                       &b.skeleton.world_position, sizeof b.skeleton.world_position);
    }

  {
    SteadyMotionState state = { STEADY_SIDE_LEFT, 0.5, 0, 1, 0, FALSE };
    SteadyPose pose;

    g_assert_false (steady_motion_pose ("cartwheel", &state, NULL, &pose));
    g_assert_false (steady_motion_is_known ("cartwheel"));
    g_assert_true (steady_motion_is_known ("clamshell"));
  }
}

static void
check_clamshell (const SteadyMotionParams *params,
                 double                    expected_opening)
{
  for (guint s = 0; s < G_N_ELEMENTS (sides); s++)
    {
      SteadySide top = sides[s];
      SteadyPose closed, pose;
      graphene_quaternion_t pelvis0;

      make_pose ("clamshell", top, 0.0, 0, params, &closed);
      pelvis0 = *steady_skeleton_get_rotation (&closed.skeleton, J (PELVIS));

      /* Lying on the other side: the top hip is above the bottom one. */
      g_assert_cmpfloat (graphene_vec3_get_y (pos (&closed, on (J (LEFT_HIP), top))), >,
                         graphene_vec3_get_y (pos (&closed, on (J (LEFT_HIP), other (top)))) + 15.0);

      for (int i = 0; i <= 20; i++)
        {
          double amount = i / 20.0;
          double feet, opening;

          make_pose ("clamshell", top, amount, 0, params, &pose);

          /* Feet together: the top foot rests on the bottom one (less than
           * 3 cm between them) and does not move. */
          feet = steady_skeleton_distance (&pose.skeleton, J (LEFT_ANKLE), J (RIGHT_ANKLE)) -
                 2 * steady_joint_get_radius (J (LEFT_ANKLE));
          g_assert_cmpfloat (feet, <, 3.0);
          g_assert_cmpfloat (distance (pos (&pose, on (J (LEFT_ANKLE), top)),
                                       pos (&closed, on (J (LEFT_ANKLE), top))), <, 0.5);

          /* The pelvis does not roll back. */
          g_assert_cmpfloat (rotation_between (&pelvis0, steady_skeleton_get_rotation (&pose.skeleton, J (PELVIS))), <, 0.5);
          g_assert_cmpfloat (distance (pos (&pose, J (PELVIS)), pos (&closed, J (PELVIS))), <, 0.1);

          /* The top hand's fingertips on gluteus medius. */
          g_assert_cmpfloat (distance (pos (&pose, on (J (LEFT_FINGERTIPS), top)),
                                       pos (&pose, on (J (LEFT_GLUTE_MED), top))), <, 1.0);

          /* The knee opens upwards, never more than at the top. */
          opening = distance (pos (&pose, on (J (LEFT_KNEE), top)), pos (&closed, on (J (LEFT_KNEE), top)));
          g_assert_cmpfloat (opening, <=, expected_opening + 0.01);
          g_assert_cmpfloat (graphene_vec3_get_y (pos (&pose, on (J (LEFT_KNEE), top))), >=,
                             graphene_vec3_get_y (pos (&closed, on (J (LEFT_KNEE), top))) - 0.01);

          if (i == 20)
            {
              g_assert_cmpfloat_with_epsilon (opening, expected_opening, 0.05);
              g_assert_cmpfloat (opening, >=, 2.5 - 0.01);
              g_assert_cmpfloat (opening, <=, 5.0 + 0.01);
            }
        }

      /* Closed, the knees touch. */
      g_assert_cmpfloat (steady_skeleton_distance (&closed.skeleton, J (LEFT_KNEE), J (RIGHT_KNEE)) -
                         2 * steady_joint_get_radius (J (LEFT_KNEE)), <, 1.0);
    }
}

static void
test_clamshell (void)
{
  SteadyMotionParams params;

  steady_motion_params_init (&params);
  check_clamshell (&params, 4.0);
  params.lift_cm = 2.5;
  check_clamshell (&params, 2.5);
  params.lift_cm = 5.0;
  check_clamshell (&params, 5.0);
}

static void
test_clamshell_glow (void)
{
  SteadyMotionState state = { STEADY_SIDE_RIGHT, 1.0, 0, 1, 0.5, TRUE };
  SteadyPose pose;

  steady_motion_pose ("clamshell", &state, NULL, &pose);
  g_assert_cmpint (pose.glow_joint, ==, J (RIGHT_GLUTE_MED));
  g_assert_cmpfloat (pose.glow, >, 0.9);
  state.working = FALSE;
  state.amount = 0.0;
  steady_motion_pose ("clamshell", &state, NULL, &pose);
  g_assert_cmpfloat (pose.glow, ==, 0.0);
}

static void
check_quadruped (double radius_cm)
{
  SteadyMotionParams params;

  steady_motion_params_init (&params);
  params.radius_cm = radius_cm;

  for (guint s = 0; s < G_N_ELEMENTS (sides); s++)
    {
      SteadySide side = sides[s];
      SteadyPose rest, pose;
      graphene_vec3_t knees[72], centre;
      double mean = 0, lo = G_MAXDOUBLE, hi = 0;
      const SteadyJoint still[] = { J (PELVIS), J (LUMBAR), J (THORAX), J (CHEST) };

      make_pose ("quadruped-knee-circles", side, 0.0, 0, &params, &rest);
      graphene_vec3_init (&centre, 0, 0, 0);

      for (int i = 0; i < 72; i++)
        {
          double angle = 2 * G_PI * i / 72;

          for (int k = 0; k <= 4; k++)
            {
              make_pose ("quadruped-knee-circles", side, k / 4.0, angle, &params, &pose);

              /* Pelvis and spine stay still: under 1 cm, under 2°. */
              for (guint j = 0; j < G_N_ELEMENTS (still); j++)
                {
                  g_assert_cmpfloat (distance (pos (&pose, still[j]), pos (&rest, still[j])), <, 1.0);
                  g_assert_cmpfloat (rotation_between (steady_skeleton_get_rotation (&pose.skeleton, still[j]),
                                                       steady_skeleton_get_rotation (&rest.skeleton, still[j])), <, 2.0);
                }

              /* The glass of water stays level. */
              g_assert_true (pose.has_glass);
              g_assert_cmpfloat (acos (CLAMP (graphene_vec3_dot (&pose.glass_up, graphene_vec3_y_axis ()), -1, 1)) * 180 / G_PI, <, 2.0);

              /* The lifted knee stays clear of the floor, just. */
              if (k == 4)
                {
                  double clear = graphene_vec3_get_y (pos (&pose, on (J (LEFT_KNEE), side))) -
                                 steady_joint_get_radius (J (LEFT_KNEE));

                  g_assert_cmpfloat (clear, >, 0.5);
                  g_assert_cmpfloat (clear, <, 12.0);
                }
            }

          knees[i] = *pos (&pose, on (J (LEFT_KNEE), side));
          graphene_vec3_add (&centre, &knees[i], &centre);

          /* The other knee stays on the floor. */
          g_assert_cmpfloat (distance (pos (&pose, on (J (LEFT_KNEE), other (side))),
                                       pos (&rest, on (J (LEFT_KNEE), other (side)))), <, 0.01);
        }

      graphene_vec3_scale (&centre, 1.0f / 72, &centre);

      /* Small circles beside where the knee rests, not a sweep of the
       * thigh far forward: no point of the circle is further ahead of the
       * resting knee than the radius and a few centimetres. */
      {
        graphene_vec3_t ahead, d;

        graphene_vec3_subtract (pos (&rest, J (CHEST)), pos (&rest, J (PELVIS)), &ahead);
        graphene_vec3_init (&ahead, graphene_vec3_get_x (&ahead), 0.f, graphene_vec3_get_z (&ahead));
        graphene_vec3_normalize (&ahead, &ahead);
        for (int i = 0; i < 72; i++)
          {
            graphene_vec3_subtract (&knees[i], pos (&rest, on (J (LEFT_KNEE), side)), &d);
            g_assert_cmpfloat (graphene_vec3_dot (&d, &ahead), <, radius_cm + 7.0);
          }
      }

      for (int i = 0; i < 72; i++)
        {
          double r = distance (&knees[i], &centre);

          mean += r / 72;
          lo = MIN (lo, r);
          hi = MAX (hi, r);
        }
      g_assert_cmpfloat_with_epsilon (mean, radius_cm, 0.1);
      g_assert_cmpfloat (mean, >=, 5.0 - 0.05);
      g_assert_cmpfloat (mean, <=, 10.0 + 0.05);
      g_assert_cmpfloat (hi - lo, <, 0.2);
    }
}

static void
test_quadruped (void)
{
  check_quadruped (STEADY_MOTION_DEFAULT_RADIUS_CM);
  check_quadruped (5.0);
  check_quadruped (10.0);
}

static void
test_supine (void)
{
  SteadyMotionParams params;

  steady_motion_params_init (&params);

  for (guint s = 0; s < G_N_ELEMENTS (sides); s++)
    {
      SteadySide side = sides[s];
      SteadyPose rest, pose;
      double knees_x0;

      make_pose ("supine-knee-rotation", side, 0.0, 0, &params, &rest);
      knees_x0 = graphene_vec3_get_x (pos (&rest, J (LEFT_KNEE))) + graphene_vec3_get_x (pos (&rest, J (RIGHT_KNEE)));

      /* On the back, knees hugged up towards the chest. */
      g_assert_cmpfloat (graphene_vec3_get_y (pos (&rest, J (BELLY))), >, graphene_vec3_get_y (pos (&rest, J (LUMBAR))));
      g_assert_cmpfloat (graphene_vec3_get_y (pos (&rest, J (LEFT_KNEE))), >, 40.0);
      /* Hips bent past a right angle: the knees are over the belly, nearer
       * the head (-z) than the hips are. */
      g_assert_cmpfloat (graphene_vec3_get_z (pos (&rest, J (LEFT_KNEE))), <,
                         graphene_vec3_get_z (pos (&rest, J (LEFT_HIP))) - 5.0);

      for (int i = 0; i <= 40; i++)
        {
          double amount = i / 40.0;
          double drift, lift_same, lift_opposite;

          make_pose ("supine-knee-rotation", side, amount, 0, &params, &pose);
          drift = graphene_vec3_get_x (pos (&pose, J (LEFT_KNEE))) + graphene_vec3_get_x (pos (&pose, J (RIGHT_KNEE))) - knees_x0;
          lift_same = graphene_vec3_get_y (pos (&pose, on (J (LEFT_SHOULDER), side))) -
                      graphene_vec3_get_y (pos (&rest, on (J (LEFT_SHOULDER), side)));
          lift_opposite = graphene_vec3_get_y (pos (&pose, on (J (LEFT_SHOULDER), other (side)))) -
                          graphene_vec3_get_y (pos (&rest, on (J (LEFT_SHOULDER), other (side))));

          /* The knees drift together towards the side (the body's left is +x). */
          if (amount > 0.1)
            g_assert_cmpfloat (side == STEADY_SIDE_LEFT ? drift : -drift, >, 0.0);
          g_assert_cmpfloat (steady_skeleton_distance (&pose.skeleton, J (LEFT_KNEE), J (RIGHT_KNEE)), <, 14.0);

          /* Shoulder blades on the floor; only at the end of the range does
           * the opposite shoulder begin to lift. */
          g_assert_cmpfloat (fabs (lift_same), <, 0.3);
          if (amount < 0.8)
            g_assert_cmpfloat (fabs (lift_opposite), <, 0.3);
          if (i == 40)
            {
              g_assert_cmpfloat (lift_opposite, >, 1.0);
              g_assert_cmpfloat (lift_opposite, <, 4.0);
              g_assert_cmpfloat (pose.limit, ==, 1.0);
              g_assert_cmpint (pose.limit_joint, ==, on (J (LEFT_SHOULDER), other (side)));
            }
        }
    }
}

static void
test_supine_breath (void)
{
  SteadyMotionState state = { STEADY_SIDE_LEFT, 1.0, 0, 1, 0.0, FALSE };
  SteadyPose empty, full;
  double rise;

  steady_motion_pose ("supine-knee-rotation", &state, NULL, &empty);
  state.breath = 1.0;
  steady_motion_pose ("supine-knee-rotation", &state, NULL, &full);
  rise = graphene_vec3_get_y (pos (&full, J (BELLY))) - graphene_vec3_get_y (pos (&empty, J (BELLY)));
  g_assert_cmpfloat (rise, >, 2.0);
  g_assert_cmpfloat (rise, <, 4.0);
  /* Only the belly moves with the breath. */
  g_assert_cmpfloat (distance (pos (&full, J (CHEST)), pos (&empty, J (CHEST))), <, 0.001);
}

static void
test_demo_loop (void)
{
  const char * const *motions = steady_motion_list ();

  for (guint m = 0; motions[m] != NULL; m++)
    {
      double period = steady_motion_demo_period (motions[m]);
      gboolean seen_left = FALSE, seen_right = FALSE, seen_cw = FALSE, seen_ccw = FALSE;
      double lo = 1, hi = 0;
      SteadyMotionState a, b;

      g_assert_cmpfloat (period, >, 5.0);
      for (double t = 0; t < period; t += 0.05)
        {
          SteadyMotionState state;

          steady_motion_demo_state (motions[m], t, &state);
          g_assert_cmpfloat (state.amount, >=, 0.0);
          g_assert_cmpfloat (state.amount, <=, 1.0);
          g_assert_cmpfloat (state.breath, >=, 0.0);
          g_assert_cmpfloat (state.breath, <=, 1.0);
          seen_left |= state.side == STEADY_SIDE_LEFT;
          seen_right |= state.side == STEADY_SIDE_RIGHT;
          if (state.amount > 0.99)
            {
              seen_cw |= state.direction > 0;
              seen_ccw |= state.direction < 0;
            }
          lo = MIN (lo, state.amount);
          hi = MAX (hi, state.amount);
        }
      g_assert_true (seen_left && seen_right);
      g_assert_cmpfloat (lo, <, 0.01);
      g_assert_cmpfloat (hi, >, 0.99);
      if (g_strcmp0 (motions[m], "quadruped-knee-circles") == 0)
        g_assert_true (seen_cw && seen_ccw);

      /* It loops. */
      steady_motion_demo_state (motions[m], 1.234, &a);
      steady_motion_demo_state (motions[m], 1.234 + period, &b);
      g_assert_cmpint (a.side, ==, b.side);
      g_assert_cmpfloat_with_epsilon (a.amount, b.amount, 1e-9);
      g_assert_cmpfloat_with_epsilon (a.angle, b.angle, 1e-6);
    }
}

static void
test_key_states_and_description (void)
{
  const char * const *motions = steady_motion_list ();

  for (guint m = 0; motions[m] != NULL; m++)
    {
      SteadyMotionState start, end;
      SteadyPose a, b;
      SteadyJoint mover;
      g_autofree char *text = NULL;

      steady_motion_key_states (motions[m], STEADY_SIDE_RIGHT, &start, &end);
      g_assert_cmpint (start.side, ==, STEADY_SIDE_RIGHT);
      steady_motion_pose (motions[m], &start, NULL, &a);
      steady_motion_pose (motions[m], &end, NULL, &b);
      mover = steady_motion_get_mover (motions[m], STEADY_SIDE_RIGHT);
      /* The mover travels between the key poses. */
      g_assert_cmpfloat (distance (pos (&a, mover), pos (&b, mover)), >, 2.0);

      text = steady_motion_describe (motions[m], &end);
      g_assert_nonnull (text);
      g_assert_cmpuint (strlen (text), >, 20);
    }
}

/* A NaN or infinity is refused where it enters, before it can reach
 * cairo (an assertion) or a loop that never ends. */
static void
test_non_finite (void)
{
  SteadyMotionState state, before;
  SteadyPose pose;
  SteadyCamera camera;
  double yaw;

  memset (&state, 0x5a, sizeof state);
  before = state;
  g_test_expect_message (NULL, G_LOG_LEVEL_CRITICAL, "*isfinite (t_seconds)*");
  steady_motion_demo_state (STEADY_MOTION_CLAMSHELL, NAN, &state);
  g_test_assert_expected_messages ();
  g_assert_cmpmem (&state, sizeof state, &before, sizeof before);
  g_test_expect_message (NULL, G_LOG_LEVEL_CRITICAL, "*isfinite (t_seconds)*");
  steady_motion_demo_state (STEADY_MOTION_CLAMSHELL, INFINITY, &state);
  g_test_assert_expected_messages ();

  steady_motion_demo_state (STEADY_MOTION_CLAMSHELL, 1.0, &state);
  state.amount = NAN;
  g_test_expect_message (NULL, G_LOG_LEVEL_CRITICAL, "*isfinite (state->amount)*");
  g_assert_false (steady_motion_pose (STEADY_MOTION_CLAMSHELL, &state, NULL, &pose));
  g_test_assert_expected_messages ();
  state.amount = 0.5;
  state.angle = -INFINITY;
  g_test_expect_message (NULL, G_LOG_LEVEL_CRITICAL, "*isfinite (state->angle)*");
  g_assert_false (steady_motion_pose (STEADY_MOTION_CLAMSHELL, &state, NULL, &pose));
  g_test_assert_expected_messages ();

  steady_camera_init_for_motion (&camera, STEADY_MOTION_CLAMSHELL);
  yaw = camera.yaw;
  g_test_expect_message (NULL, G_LOG_LEVEL_CRITICAL, "*isfinite (yaw)*");
  steady_camera_set_orbit (&camera, NAN, 10.0);
  g_test_assert_expected_messages ();
  g_test_expect_message (NULL, G_LOG_LEVEL_CRITICAL, "*isfinite (pitch)*");
  steady_camera_set_orbit (&camera, 10.0, NAN);
  g_test_assert_expected_messages ();
  g_assert_cmpfloat (camera.yaw, ==, yaw);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/motion/bones-keep-length", test_bones_keep_length);
  g_test_add_func ("/motion/pure", test_pure);
  g_test_add_func ("/motion/clamshell", test_clamshell);
  g_test_add_func ("/motion/clamshell-glow", test_clamshell_glow);
  g_test_add_func ("/motion/quadruped", test_quadruped);
  g_test_add_func ("/motion/supine", test_supine);
  g_test_add_func ("/motion/supine-breath", test_supine_breath);
  g_test_add_func ("/motion/demo-loop", test_demo_loop);
  g_test_add_func ("/motion/key-states-and-description", test_key_states_and_description);
  g_test_add_func ("/motion/non-finite", test_non_finite);

  return g_test_run ();
}
