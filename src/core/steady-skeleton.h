/* steady-skeleton.h: a 3-D human skeleton posed by joint rotations
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>
#include <graphene.h>

#include "steady-types.h"

G_BEGIN_DECLS

/* Joints, root first, every joint after its parent. A joint's rotation turns
 * the bones that leave it: the hip's rotation swings the thigh. The left and
 * right limbs are two blocks in the same order, so that
 * steady_joint_for_side() can map one onto the other. Landmarks are points
 * on a segment (no bone of their own) that the painter and the tests use. */
typedef enum {
  STEADY_JOINT_PELVIS,          /* root: midway between the hip joints */
  STEADY_JOINT_LUMBAR,          /* L5/S1: the lumbar segment turns here */
  STEADY_JOINT_THORAX,          /* T12/L1: the lower thoracic segment */
  STEADY_JOINT_CHEST,           /* T6: the upper thoracic segment, carries the shoulders */
  STEADY_JOINT_NECK,            /* C7 */
  STEADY_JOINT_HEAD,            /* C1: the head nods and turns here */
  STEADY_JOINT_HEAD_CENTRE,     /* the middle of the skull */

  STEADY_JOINT_LEFT_SHOULDER,
  STEADY_JOINT_LEFT_ELBOW,
  STEADY_JOINT_LEFT_WRIST,
  STEADY_JOINT_LEFT_FINGERTIPS,
  STEADY_JOINT_LEFT_HIP,
  STEADY_JOINT_LEFT_KNEE,
  STEADY_JOINT_LEFT_ANKLE,
  STEADY_JOINT_LEFT_TOE,

  STEADY_JOINT_RIGHT_SHOULDER,
  STEADY_JOINT_RIGHT_ELBOW,
  STEADY_JOINT_RIGHT_WRIST,
  STEADY_JOINT_RIGHT_FINGERTIPS,
  STEADY_JOINT_RIGHT_HIP,
  STEADY_JOINT_RIGHT_KNEE,
  STEADY_JOINT_RIGHT_ANKLE,
  STEADY_JOINT_RIGHT_TOE,

  /* Landmarks */
  STEADY_JOINT_BELLY,           /* front of the abdomen; moves with the breath */
  STEADY_JOINT_LEFT_GLUTE_MED,  /* gluteus medius, above and behind the hip */
  STEADY_JOINT_RIGHT_GLUTE_MED,
  STEADY_JOINT_NOSE,            /* which way the face looks */

  STEADY_N_JOINTS
} SteadyJoint;

#define STEADY_JOINT_FIRST_LANDMARK STEADY_JOINT_BELLY

/* Bone lengths of an ordinary adult (about 1.71 m tall), in centimetres. */
#define STEADY_LENGTH_UPPER_ARM   30.0
#define STEADY_LENGTH_FOREARM     26.0
#define STEADY_LENGTH_HAND        18.0
#define STEADY_LENGTH_THIGH       44.0
#define STEADY_LENGTH_SHIN        43.0
#define STEADY_LENGTH_HIP_WIDTH   18.0   /* between the two hip joint centres */
#define STEADY_LENGTH_SHOULDER_WIDTH 36.0

/* A skeleton: every joint's rotation relative to its parent (the root's
 * relative to the world), the root's position, and the solved world
 * positions and rotations. Positions are in centimetres; in the body's own
 * frame x points to its left, y up (towards the head) and z forwards. */
typedef struct {
  graphene_vec3_t       root;
  graphene_quaternion_t local[STEADY_N_JOINTS];
  graphene_vec3_t       offset[STEADY_N_JOINTS];

  /* Filled by steady_skeleton_solve() */
  graphene_quaternion_t world_rotation[STEADY_N_JOINTS];
  graphene_vec3_t       world_position[STEADY_N_JOINTS];
} SteadySkeleton;

const char  *steady_joint_get_name     (SteadyJoint joint);
gboolean     steady_joint_from_name    (const char  *name,
                                        SteadyJoint *joint);
/* -1 for the root. */
int          steady_joint_get_parent   (SteadyJoint joint);
/* TRUE when a bone of constant length joins the joint to its parent. */
gboolean     steady_joint_is_bone      (SteadyJoint joint);
/* LEFT, RIGHT, or NONE for the midline. */
SteadySide   steady_joint_get_side     (SteadyJoint joint);
/* The same joint on @side (a midline joint maps to itself). */
SteadyJoint  steady_joint_for_side     (SteadyJoint joint,
                                        SteadySide  side);
/* How thick the body is around the joint, in centimetres. */
double       steady_joint_get_radius   (SteadyJoint joint);
/* The rest length of the bone that ends at @joint (0 for non-bones). */
double       steady_joint_get_bone_length (SteadyJoint joint);

/* Standing upright, arms by the sides, root at the origin, facing +z. */
void         steady_skeleton_init      (SteadySkeleton              *self);
void         steady_skeleton_set_local (SteadySkeleton              *self,
                                        SteadyJoint                  joint,
                                        const graphene_quaternion_t *rotation);
/* Turns @joint by @degrees around @axis given in the joint's own frame,
 * after its present rotation. */
void         steady_skeleton_turn      (SteadySkeleton              *self,
                                        SteadyJoint                  joint,
                                        const graphene_vec3_t       *axis,
                                        double                       degrees);
/* Moves a landmark (only landmarks may move relative to their parent). */
void         steady_skeleton_set_landmark_offset (SteadySkeleton        *self,
                                                  SteadyJoint            landmark,
                                                  const graphene_vec3_t *offset);
void         steady_skeleton_set_root  (SteadySkeleton              *self,
                                        const graphene_vec3_t       *position);
/* Forward kinematics: world rotations and positions of every joint. */
void         steady_skeleton_solve     (SteadySkeleton              *self);
/* Rotates @joint (after the rest of the solved skeleton) so that the bone
 * towards its child @child points at @target, by the smallest turn; solves
 * again. */
void         steady_skeleton_aim       (SteadySkeleton              *self,
                                        SteadyJoint                  joint,
                                        SteadyJoint                  child,
                                        const graphene_vec3_t       *target);
/* Turns @joint so that its world rotation becomes @world (solves again). */
void         steady_skeleton_set_world (SteadySkeleton              *self,
                                        SteadyJoint                  joint,
                                        const graphene_quaternion_t *world);
/* Moves the whole solved skeleton by @delta. */
void         steady_skeleton_translate (SteadySkeleton              *self,
                                        const graphene_vec3_t       *delta);
/* Two-bone reach: bends @joint's chain (joint → middle → end) so that @end
 * lands on @target, the middle joint bending towards @pole. Returns FALSE
 * (and reaches as far as it can) when the target is out of reach. */
gboolean     steady_skeleton_reach     (SteadySkeleton              *self,
                                        SteadyJoint                  joint,
                                        SteadyJoint                  middle,
                                        SteadyJoint                  end,
                                        const graphene_vec3_t       *target,
                                        const graphene_vec3_t       *pole);

const graphene_vec3_t       *steady_skeleton_get_position (const SteadySkeleton *self,
                                                           SteadyJoint           joint);
const graphene_quaternion_t *steady_skeleton_get_rotation (const SteadySkeleton *self,
                                                           SteadyJoint           joint);
/* Rotates @v (in @joint's frame) into the world. */
void         steady_skeleton_to_world_direction (const SteadySkeleton  *self,
                                                 SteadyJoint            joint,
                                                 const graphene_vec3_t *v,
                                                 graphene_vec3_t       *res);
/* Distance between two solved joints, in centimetres. */
double       steady_skeleton_distance  (const SteadySkeleton *self,
                                        SteadyJoint           a,
                                        SteadyJoint           b);

/* Helpers on graphene types shared by the figure modules. */
void         steady_rotate_vec3        (const graphene_quaternion_t *q,
                                        const graphene_vec3_t       *v,
                                        graphene_vec3_t             *res);
/* The smallest rotation turning direction @from into direction @to. */
void         steady_quaternion_between (const graphene_vec3_t       *from,
                                        const graphene_vec3_t       *to,
                                        graphene_quaternion_t       *res);

G_END_DECLS
