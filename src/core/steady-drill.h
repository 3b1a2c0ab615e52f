/* steady-drill.h: one drill and all its numbers (read from the program file)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "steady-types.h"

G_BEGIN_DECLS

#define STEADY_TYPE_DRILL (steady_drill_get_type ())
G_DECLARE_FINAL_TYPE (SteadyDrill, steady_drill, STEADY, DRILL, GObject)

/* All strings are already translated (gettext, domain "steady"). */
const char         *steady_drill_get_id       (SteadyDrill *self);
const char         *steady_drill_get_title    (SteadyDrill *self);
const char         *steady_drill_get_summary  (SteadyDrill *self);
/* One of "clamshell", "quadruped-knee-circles", "supine-knee-rotation". */
const char         *steady_drill_get_motion   (SteadyDrill *self);
SteadySide          steady_drill_get_sides    (SteadyDrill *self);
/* NULL-terminated, never NULL: how to do it, in order. */
const char * const *steady_drill_get_steps    (SteadyDrill *self);
/* NULL-terminated, never NULL: the key points to keep in mind. */
const char * const *steady_drill_get_tips     (SteadyDrill *self);

/* <reps>: repetitions per side (for knee circles: circles per direction). */
const SteadyRange  *steady_drill_get_reps     (SteadyDrill *self);
/* <hold>: seconds held per rep; ->present is FALSE when the drill has none. */
const SteadyRange  *steady_drill_get_hold     (SteadyDrill *self);
/* <breath in= out=>: paced breathing in seconds; FALSE when the drill has none. */
gboolean            steady_drill_get_breath   (SteadyDrill *self,
                                               double      *in_seconds,
                                               double      *out_seconds);
/* <timing NAME="seconds" …/>: phase durations. Names a file may use:
 * get-ready, lift, lower, rest, circle, drift, return, switch.
 * Returns @fallback when the file does not set it. */
double              steady_drill_get_timing   (SteadyDrill *self,
                                               const char  *name,
                                               double       fallback);
/* <motion NAME="value"/>: shape of the movement. Names a file may use:
 * lift-cm (clamshell knee opening), radius-cm (knee circle radius),
 * angle-deg (how far the knees drift). Returns @fallback when unset. */
double              steady_drill_get_motion_param (SteadyDrill *self,
                                                   const char  *name,
                                                   double       fallback);

G_END_DECLS
