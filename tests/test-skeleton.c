/* test-skeleton.c: forward kinematics, reaching, joint names
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include "steady-pose.h"
#include "steady-skeleton.h"

static void
assert_bones_keep_length (const SteadySkeleton *s)
{
  for (guint j = 0; j < STEADY_N_JOINTS; j++)
    {
      if (!steady_joint_is_bone (j))
        continue;
      g_assert_cmpfloat_with_epsilon (steady_skeleton_distance (s, steady_joint_get_parent (j), j),
                                      steady_joint_get_bone_length (j), 0.01);
    }
}

static void
test_rest_pose (void)
{
  SteadyPose pose;
  const graphene_vec3_t *head, *lhip, *rhip, *ltoe;

  steady_pose_init_standing (&pose);
  assert_bones_keep_length (&pose.skeleton);

  /* An ordinary adult: 160–185 cm to the top of the head, feet on the floor. */
  head = steady_skeleton_get_position (&pose.skeleton, STEADY_JOINT_HEAD_CENTRE);
  g_assert_cmpfloat (graphene_vec3_get_y (head) + steady_joint_get_radius (STEADY_JOINT_HEAD_CENTRE), >, 160.0);
  g_assert_cmpfloat (graphene_vec3_get_y (head) + steady_joint_get_radius (STEADY_JOINT_HEAD_CENTRE), <, 185.0);
  g_assert_cmpfloat (fabs (steady_pose_get_lowest (&pose)), <, 1.5);

  /* x is the body's left, z its front. */
  lhip = steady_skeleton_get_position (&pose.skeleton, STEADY_JOINT_LEFT_HIP);
  rhip = steady_skeleton_get_position (&pose.skeleton, STEADY_JOINT_RIGHT_HIP);
  ltoe = steady_skeleton_get_position (&pose.skeleton, STEADY_JOINT_LEFT_TOE);
  g_assert_cmpfloat (graphene_vec3_get_x (lhip), >, graphene_vec3_get_x (rhip));
  g_assert_cmpfloat_with_epsilon (steady_skeleton_distance (&pose.skeleton, STEADY_JOINT_LEFT_HIP,
                                                            STEADY_JOINT_RIGHT_HIP),
                                  STEADY_LENGTH_HIP_WIDTH, 0.01);
  g_assert_cmpfloat (graphene_vec3_get_z (ltoe), >, 10.0);
}

static void
test_turns_keep_lengths (void)
{
  SteadySkeleton s;

  steady_skeleton_init (&s);
  for (guint j = 0; j < STEADY_JOINT_FIRST_LANDMARK; j++)
    {
      graphene_vec3_t axis;

      graphene_vec3_init (&axis, 0.3f + j * 0.1f, 1.0f - j * 0.05f, 0.2f * (j % 3));
      steady_skeleton_turn (&s, j, &axis, 17.0 * (j + 1));
    }
  steady_skeleton_solve (&s);
  assert_bones_keep_length (&s);
}

static void
test_hip_flexion (void)
{
  SteadySkeleton s;
  const graphene_vec3_t *hip, *knee;

  /* Flexion is a negative turn about x: the thigh swings forward (+z). */
  steady_skeleton_init (&s);
  steady_skeleton_turn (&s, STEADY_JOINT_LEFT_HIP, graphene_vec3_x_axis (), -90.0);
  steady_skeleton_solve (&s);
  hip = steady_skeleton_get_position (&s, STEADY_JOINT_LEFT_HIP);
  knee = steady_skeleton_get_position (&s, STEADY_JOINT_LEFT_KNEE);
  g_assert_cmpfloat_with_epsilon (graphene_vec3_get_z (knee) - graphene_vec3_get_z (hip),
                                  STEADY_LENGTH_THIGH, 0.01);
  g_assert_cmpfloat_with_epsilon (graphene_vec3_get_y (knee), graphene_vec3_get_y (hip), 0.01);
}

static void
test_aim_and_reach (void)
{
  SteadySkeleton s;
  graphene_vec3_t target, pole, to;

  steady_skeleton_init (&s);
  graphene_vec3_init (&target, 40.f, 40.f, 30.f);
  steady_skeleton_aim (&s, STEADY_JOINT_LEFT_SHOULDER, STEADY_JOINT_LEFT_FINGERTIPS, &target);
  graphene_vec3_subtract (&target, steady_skeleton_get_position (&s, STEADY_JOINT_LEFT_SHOULDER), &to);
  {
    graphene_vec3_t arm;

    graphene_vec3_subtract (steady_skeleton_get_position (&s, STEADY_JOINT_LEFT_FINGERTIPS),
                            steady_skeleton_get_position (&s, STEADY_JOINT_LEFT_SHOULDER), &arm);
    graphene_vec3_normalize (&arm, &arm);
    graphene_vec3_normalize (&to, &to);
    g_assert_cmpfloat (graphene_vec3_dot (&arm, &to), >, 0.9999);
  }

  /* A reachable point is reached, the elbow bending towards the pole. */
  graphene_vec3_init (&target, 20.f, 100.f, 35.f);
  graphene_vec3_init (&pole, 60.f, 120.f, 0.f);
  g_assert_true (steady_skeleton_reach (&s, STEADY_JOINT_LEFT_SHOULDER, STEADY_JOINT_LEFT_ELBOW,
                                        STEADY_JOINT_LEFT_FINGERTIPS, &target, &pole));
  graphene_vec3_subtract (&target, steady_skeleton_get_position (&s, STEADY_JOINT_LEFT_FINGERTIPS), &to);
  g_assert_cmpfloat (graphene_vec3_length (&to), <, 0.02);
  g_assert_cmpfloat (graphene_vec3_get_x (steady_skeleton_get_position (&s, STEADY_JOINT_LEFT_ELBOW)), >, 20.0);
  assert_bones_keep_length (&s);

  /* Out of reach: FALSE, and the arm stays whole. */
  graphene_vec3_init (&target, 300.f, 0.f, 0.f);
  g_assert_false (steady_skeleton_reach (&s, STEADY_JOINT_LEFT_SHOULDER, STEADY_JOINT_LEFT_ELBOW,
                                         STEADY_JOINT_LEFT_FINGERTIPS, &target, &pole));
  assert_bones_keep_length (&s);
}

static void
test_names_and_sides (void)
{
  for (guint j = 0; j < STEADY_N_JOINTS; j++)
    {
      SteadyJoint back;

      g_assert_true (steady_joint_from_name (steady_joint_get_name (j), &back));
      g_assert_cmpint (back, ==, j);
    }
  g_assert_cmpint (steady_joint_for_side (STEADY_JOINT_LEFT_KNEE, STEADY_SIDE_RIGHT), ==, STEADY_JOINT_RIGHT_KNEE);
  g_assert_cmpint (steady_joint_for_side (STEADY_JOINT_RIGHT_TOE, STEADY_SIDE_LEFT), ==, STEADY_JOINT_LEFT_TOE);
  g_assert_cmpint (steady_joint_for_side (STEADY_JOINT_LEFT_GLUTE_MED, STEADY_SIDE_RIGHT), ==, STEADY_JOINT_RIGHT_GLUTE_MED);
  g_assert_cmpint (steady_joint_for_side (STEADY_JOINT_CHEST, STEADY_SIDE_RIGHT), ==, STEADY_JOINT_CHEST);
  g_assert_cmpint (steady_joint_get_side (STEADY_JOINT_RIGHT_ELBOW), ==, STEADY_SIDE_RIGHT);
  {
    SteadyJoint j;

    g_assert_false (steady_joint_from_name ("tail", &j));
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/skeleton/rest-pose", test_rest_pose);
  g_test_add_func ("/skeleton/turns-keep-lengths", test_turns_keep_lengths);
  g_test_add_func ("/skeleton/hip-flexion", test_hip_flexion);
  g_test_add_func ("/skeleton/aim-and-reach", test_aim_and_reach);
  g_test_add_func ("/skeleton/names-and-sides", test_names_and_sides);

  return g_test_run ();
}
