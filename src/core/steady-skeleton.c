/* steady-skeleton.c: forward kinematics on graphene quaternions
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "steady-skeleton.h"

typedef struct {
  const char *name;
  int         parent;
  float       x, y, z;    /* offset from the parent, standing, body frame */
  float       radius;
  gboolean    bone;
} JointInfo;

#define L(name) STEADY_JOINT_LEFT_##name
#define R(name) STEADY_JOINT_RIGHT_##name

static const JointInfo joints[STEADY_N_JOINTS] = {
  [STEADY_JOINT_PELVIS]      = { "pelvis",      -1,                      0,  0,  0, 10.0f, FALSE },
  [STEADY_JOINT_LUMBAR]      = { "lumbar",      STEADY_JOINT_PELVIS,     0,  7, -7,  9.0f, TRUE },
  [STEADY_JOINT_THORAX]      = { "thorax",      STEADY_JOINT_LUMBAR,     0, 14,  1, 10.0f, TRUE },
  [STEADY_JOINT_CHEST]       = { "chest",       STEADY_JOINT_THORAX,     0, 14, -1, 11.0f, TRUE },
  [STEADY_JOINT_NECK]        = { "neck",        STEADY_JOINT_CHEST,      0, 14,  1,  5.0f, TRUE },
  [STEADY_JOINT_HEAD]        = { "head",        STEADY_JOINT_NECK,       0,  9,  3,  5.0f, TRUE },
  [STEADY_JOINT_HEAD_CENTRE] = { "head-centre", STEADY_JOINT_HEAD,       0,  9,  2, 10.5f, TRUE },

  [L(SHOULDER)]   = { "left-shoulder",   STEADY_JOINT_CHEST, 18,   9, 5,  5.5f, TRUE },
  [L(ELBOW)]      = { "left-elbow",      L(SHOULDER),         0, -30, 0,  4.2f, TRUE },
  [L(WRIST)]      = { "left-wrist",      L(ELBOW),            0, -26, 0,  3.0f, TRUE },
  [L(FINGERTIPS)] = { "left-fingertips", L(WRIST),            0, -18, 0,  2.0f, TRUE },
  [L(HIP)]        = { "left-hip",        STEADY_JOINT_PELVIS,  9,   0, 0,  7.5f, TRUE },
  [L(KNEE)]       = { "left-knee",       L(HIP),              0, -44, 0,  5.5f, TRUE },
  [L(ANKLE)]      = { "left-ankle",      L(KNEE),             0, -43, 0,  4.0f, TRUE },
  [L(TOE)]        = { "left-toe",        L(ANKLE),            0,  -6, 17, 2.5f, TRUE },

  [R(SHOULDER)]   = { "right-shoulder",   STEADY_JOINT_CHEST, -18,   9, 5,  5.5f, TRUE },
  [R(ELBOW)]      = { "right-elbow",      R(SHOULDER),          0, -30, 0,  4.2f, TRUE },
  [R(WRIST)]      = { "right-wrist",      R(ELBOW),             0, -26, 0,  3.0f, TRUE },
  [R(FINGERTIPS)] = { "right-fingertips", R(WRIST),             0, -18, 0,  2.0f, TRUE },
  [R(HIP)]        = { "right-hip",        STEADY_JOINT_PELVIS,  -9,   0, 0,  7.5f, TRUE },
  [R(KNEE)]       = { "right-knee",       R(HIP),               0, -44, 0,  5.5f, TRUE },
  [R(ANKLE)]      = { "right-ankle",      R(KNEE),              0, -43, 0,  4.0f, TRUE },
  [R(TOE)]        = { "right-toe",        R(ANKLE),             0,  -6, 17, 2.5f, TRUE },

  [STEADY_JOINT_BELLY]           = { "belly",           STEADY_JOINT_LUMBAR,       0, 9, 15, 0, FALSE },
  [STEADY_JOINT_LEFT_GLUTE_MED]  = { "left-glute-med",  STEADY_JOINT_PELVIS,      13, 7, -5, 0, FALSE },
  [STEADY_JOINT_RIGHT_GLUTE_MED] = { "right-glute-med", STEADY_JOINT_PELVIS,     -13, 7, -5, 0, FALSE },
  [STEADY_JOINT_NOSE]            = { "nose",            STEADY_JOINT_HEAD_CENTRE,  0, 0, 11, 0, FALSE },
};

#undef L
#undef R

const char *
steady_joint_get_name (SteadyJoint joint)
{
  g_return_val_if_fail (joint < STEADY_N_JOINTS, NULL);

  return joints[joint].name;
}

gboolean
steady_joint_from_name (const char  *name,
                        SteadyJoint *joint)
{
  g_return_val_if_fail (name != NULL, FALSE);
  g_return_val_if_fail (joint != NULL, FALSE);

  for (guint i = 0; i < STEADY_N_JOINTS; i++)
    {
      if (strcmp (joints[i].name, name) == 0)
        {
          *joint = i;
          return TRUE;
        }
    }

  return FALSE;
}

int
steady_joint_get_parent (SteadyJoint joint)
{
  g_return_val_if_fail (joint < STEADY_N_JOINTS, -1);

  return joints[joint].parent;
}

gboolean
steady_joint_is_bone (SteadyJoint joint)
{
  g_return_val_if_fail (joint < STEADY_N_JOINTS, FALSE);

  return joints[joint].bone;
}

double
steady_joint_get_radius (SteadyJoint joint)
{
  g_return_val_if_fail (joint < STEADY_N_JOINTS, 0.0);

  return joints[joint].radius;
}

double
steady_joint_get_bone_length (SteadyJoint joint)
{
  g_return_val_if_fail (joint < STEADY_N_JOINTS, 0.0);

  if (!joints[joint].bone)
    return 0.0;

  return sqrt ((double) joints[joint].x * joints[joint].x +
               (double) joints[joint].y * joints[joint].y +
               (double) joints[joint].z * joints[joint].z);
}

SteadySide
steady_joint_get_side (SteadyJoint joint)
{
  if (joint >= STEADY_JOINT_LEFT_SHOULDER && joint <= STEADY_JOINT_LEFT_TOE)
    return STEADY_SIDE_LEFT;
  if (joint >= STEADY_JOINT_RIGHT_SHOULDER && joint <= STEADY_JOINT_RIGHT_TOE)
    return STEADY_SIDE_RIGHT;
  if (joint == STEADY_JOINT_LEFT_GLUTE_MED)
    return STEADY_SIDE_LEFT;
  if (joint == STEADY_JOINT_RIGHT_GLUTE_MED)
    return STEADY_SIDE_RIGHT;

  return STEADY_SIDE_NONE;
}

SteadyJoint
steady_joint_for_side (SteadyJoint joint,
                       SteadySide  side)
{
  const int block = STEADY_JOINT_RIGHT_SHOULDER - STEADY_JOINT_LEFT_SHOULDER;
  SteadySide own = steady_joint_get_side (joint);

  if (own == STEADY_SIDE_NONE || own == side || (side != STEADY_SIDE_LEFT && side != STEADY_SIDE_RIGHT))
    return joint;

  if (joint == STEADY_JOINT_LEFT_GLUTE_MED)
    return STEADY_JOINT_RIGHT_GLUTE_MED;
  if (joint == STEADY_JOINT_RIGHT_GLUTE_MED)
    return STEADY_JOINT_LEFT_GLUTE_MED;

  return own == STEADY_SIDE_LEFT ? joint + block : joint - block;
}

void
steady_rotate_vec3 (const graphene_quaternion_t *q,
                    const graphene_vec3_t       *v,
                    graphene_vec3_t             *res)
{
  graphene_matrix_t m;

  graphene_quaternion_to_matrix (q, &m);
  graphene_matrix_transform_vec3 (&m, v, res);
}

void
steady_quaternion_between (const graphene_vec3_t *from,
                           const graphene_vec3_t *to,
                           graphene_quaternion_t *res)
{
  graphene_vec3_t a, b, axis;
  float d;

  graphene_vec3_normalize (from, &a);
  graphene_vec3_normalize (to, &b);
  d = graphene_vec3_dot (&a, &b);

  if (d > 0.9999999f)
    {
      graphene_quaternion_init_identity (res);
      return;
    }

  if (d < -0.9999f)
    {
      /* Half a turn around any axis at right angles to @from. */
      graphene_vec3_cross (&a, graphene_vec3_x_axis (), &axis);
      if (graphene_vec3_length (&axis) < 0.1f)
        graphene_vec3_cross (&a, graphene_vec3_y_axis (), &axis);
      graphene_vec3_normalize (&axis, &axis);
      graphene_quaternion_init_from_angle_vec3 (res, 180.f, &axis);
      return;
    }

  graphene_vec3_cross (&a, &b, &axis);
  graphene_vec3_normalize (&axis, &axis);
  graphene_quaternion_init_from_angle_vec3 (res, acos (d) * 180.0 / G_PI, &axis);
}

void
steady_skeleton_init (SteadySkeleton *self)
{
  g_return_if_fail (self != NULL);

  graphene_vec3_init (&self->root, 0.f, 0.f, 0.f);
  for (guint i = 0; i < STEADY_N_JOINTS; i++)
    {
      graphene_quaternion_init_identity (&self->local[i]);
      graphene_vec3_init (&self->offset[i], joints[i].x, joints[i].y, joints[i].z);
    }

  steady_skeleton_solve (self);
}

void
steady_skeleton_set_local (SteadySkeleton              *self,
                           SteadyJoint                  joint,
                           const graphene_quaternion_t *rotation)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (joint < STEADY_N_JOINTS);
  g_return_if_fail (rotation != NULL);

  graphene_quaternion_normalize (rotation, &self->local[joint]);
}

void
steady_skeleton_turn (SteadySkeleton        *self,
                      SteadyJoint            joint,
                      const graphene_vec3_t *axis,
                      double                 degrees)
{
  graphene_quaternion_t turn, res;
  graphene_vec3_t unit;

  g_return_if_fail (self != NULL);
  g_return_if_fail (joint < STEADY_N_JOINTS);
  g_return_if_fail (axis != NULL);

  graphene_vec3_normalize (axis, &unit);
  graphene_quaternion_init_from_angle_vec3 (&turn, degrees, &unit);
  graphene_quaternion_multiply (&self->local[joint], &turn, &res);
  graphene_quaternion_normalize (&res, &self->local[joint]);
}

void
steady_skeleton_set_landmark_offset (SteadySkeleton        *self,
                                     SteadyJoint            landmark,
                                     const graphene_vec3_t *offset)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (landmark >= STEADY_JOINT_FIRST_LANDMARK && landmark < STEADY_N_JOINTS);

  self->offset[landmark] = *offset;
}

void
steady_skeleton_set_root (SteadySkeleton        *self,
                          const graphene_vec3_t *position)
{
  g_return_if_fail (self != NULL);

  self->root = *position;
}

void
steady_skeleton_solve (SteadySkeleton *self)
{
  g_return_if_fail (self != NULL);

  for (guint i = 0; i < STEADY_N_JOINTS; i++)
    {
      int parent = joints[i].parent;

      if (parent < 0)
        {
          self->world_rotation[i] = self->local[i];
          self->world_position[i] = self->root;
        }
      else
        {
          graphene_vec3_t v;

          g_assert ((guint) parent < i);
          graphene_quaternion_multiply (&self->world_rotation[parent], &self->local[i],
                                        &self->world_rotation[i]);
          steady_rotate_vec3 (&self->world_rotation[parent], &self->offset[i], &v);
          graphene_vec3_add (&self->world_position[parent], &v, &self->world_position[i]);
        }
    }
}

void
steady_skeleton_set_world (SteadySkeleton              *self,
                           SteadyJoint                  joint,
                           const graphene_quaternion_t *world)
{
  int parent;

  g_return_if_fail (self != NULL);
  g_return_if_fail (joint < STEADY_N_JOINTS);

  parent = joints[joint].parent;
  if (parent < 0)
    graphene_quaternion_normalize (world, &self->local[joint]);
  else
    {
      graphene_quaternion_t inverse, res;

      graphene_quaternion_invert (&self->world_rotation[parent], &inverse);
      graphene_quaternion_multiply (&inverse, world, &res);
      graphene_quaternion_normalize (&res, &self->local[joint]);
    }

  steady_skeleton_solve (self);
}

void
steady_skeleton_aim (SteadySkeleton        *self,
                     SteadyJoint            joint,
                     SteadyJoint            child,
                     const graphene_vec3_t *target)
{
  graphene_vec3_t from, to;
  graphene_quaternion_t delta, world;

  g_return_if_fail (self != NULL);
  g_return_if_fail (joint < STEADY_N_JOINTS && child < STEADY_N_JOINTS);
  g_return_if_fail (target != NULL);

  graphene_vec3_subtract (&self->world_position[child], &self->world_position[joint], &from);
  graphene_vec3_subtract (target, &self->world_position[joint], &to);
  if (graphene_vec3_length (&to) < 1e-4f || graphene_vec3_length (&from) < 1e-4f)
    return;

  steady_quaternion_between (&from, &to, &delta);
  graphene_quaternion_multiply (&delta, &self->world_rotation[joint], &world);
  steady_skeleton_set_world (self, joint, &world);
}

gboolean
steady_skeleton_reach (SteadySkeleton        *self,
                       SteadyJoint            joint,
                       SteadyJoint            middle,
                       SteadyJoint            end,
                       const graphene_vec3_t *target,
                       const graphene_vec3_t *pole)
{
  graphene_vec3_t to_target, dir, to_pole, along, side, elbow, tmp;
  double a, b, d, clamped, cos_a, sin_a;
  gboolean reached;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (target != NULL && pole != NULL, FALSE);

  a = steady_skeleton_distance (self, joint, middle);
  b = steady_skeleton_distance (self, middle, end);

  graphene_vec3_subtract (target, &self->world_position[joint], &to_target);
  d = graphene_vec3_length (&to_target);
  clamped = CLAMP (d, fabs (a - b) + 1e-3, a + b - 1e-3);
  reached = (clamped == d);
  graphene_vec3_normalize (&to_target, &dir);

  /* The part of the pole direction at right angles to the reach. */
  graphene_vec3_subtract (pole, &self->world_position[joint], &to_pole);
  graphene_vec3_scale (&dir, graphene_vec3_dot (&to_pole, &dir), &along);
  graphene_vec3_subtract (&to_pole, &along, &side);
  graphene_vec3_normalize (&side, &side);

  cos_a = (a * a + clamped * clamped - b * b) / (2 * a * clamped);
  sin_a = sqrt (MAX (0.0, 1.0 - cos_a * cos_a));
  graphene_vec3_scale (&dir, a * cos_a, &elbow);
  graphene_vec3_scale (&side, a * sin_a, &tmp);
  graphene_vec3_add (&elbow, &tmp, &elbow);
  graphene_vec3_add (&elbow, &self->world_position[joint], &elbow);

  steady_skeleton_aim (self, joint, middle, &elbow);
  steady_skeleton_aim (self, middle, end, target);

  return reached;
}

void
steady_skeleton_translate (SteadySkeleton        *self,
                           const graphene_vec3_t *delta)
{
  g_return_if_fail (self != NULL);

  graphene_vec3_add (&self->root, delta, &self->root);
  for (guint i = 0; i < STEADY_N_JOINTS; i++)
    graphene_vec3_add (&self->world_position[i], delta, &self->world_position[i]);
}

const graphene_vec3_t *
steady_skeleton_get_position (const SteadySkeleton *self,
                              SteadyJoint           joint)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (joint < STEADY_N_JOINTS, NULL);

  return &self->world_position[joint];
}

const graphene_quaternion_t *
steady_skeleton_get_rotation (const SteadySkeleton *self,
                              SteadyJoint           joint)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (joint < STEADY_N_JOINTS, NULL);

  return &self->world_rotation[joint];
}

void
steady_skeleton_to_world_direction (const SteadySkeleton  *self,
                                    SteadyJoint            joint,
                                    const graphene_vec3_t *v,
                                    graphene_vec3_t       *res)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (joint < STEADY_N_JOINTS);

  steady_rotate_vec3 (&self->world_rotation[joint], v, res);
}

double
steady_skeleton_distance (const SteadySkeleton *self,
                          SteadyJoint           a,
                          SteadyJoint           b)
{
  graphene_vec3_t d;

  g_return_val_if_fail (self != NULL, 0.0);
  g_return_val_if_fail (a < STEADY_N_JOINTS && b < STEADY_N_JOINTS, 0.0);

  graphene_vec3_subtract (&self->world_position[a], &self->world_position[b], &d);
  return graphene_vec3_length (&d);
}
