/* steady-types.h: small value types shared by the core modules
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* Which side of the body works. A drill's "sides" is a set of these. */
typedef enum {
  STEADY_SIDE_NONE  = 0,
  STEADY_SIDE_LEFT  = 1 << 0,
  STEADY_SIDE_RIGHT = 1 << 1,
  STEADY_SIDE_BOTH  = STEADY_SIDE_LEFT | STEADY_SIDE_RIGHT,
} SteadySide;

const char *steady_side_to_string   (SteadySide   side);
gboolean    steady_side_from_string (const char  *str,
                                     SteadySide  *side);

/* A number from the program file with the range a patient may choose in. */
typedef struct {
  gboolean present;
  double   value;   /* the default */
  double   min;
  double   max;
} SteadyRange;

/* What a figure needs to know to take a pose for a drill at one moment.
 * The timeline answers this for any t; the figure's demo loop answers it
 * too. Every field is meaningful for every motion; a motion ignores what it
 * does not use.
 */
typedef struct {
  SteadySide side;      /* the working side: LEFT or RIGHT */
  double     amount;    /* 0 = start position, 1 = the working position
                         * (clamshell knee fully open, knees fully drifted
                         * to the side in the rotation) */
  double     angle;     /* radians around the knee circle (quadruped) */
  int        direction; /* +1 clockwise, -1 anticlockwise, seen from the side */
  double     breath;    /* 0 = empty, 1 = full belly */
  gboolean   working;   /* the working muscle is contracting (glow) */
} SteadyMotionState;

/* A whole number of at least 1 from the environment variable @name, or
 * @fallback when it is unset or not such a number (test and bench knobs). */
guint       steady_env_get_count    (const char  *name,
                                     guint        fallback);

G_END_DECLS
