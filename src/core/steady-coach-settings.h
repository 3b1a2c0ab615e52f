/* steady-coach-settings.h: a drill's settings kept in GSettings
 *
 * Each built-in motion has its keys in org.steadycoach.Steady
 * (clamshell-reps, clamshell-hold, clamshell-sides, knee-circles-count,
 * knee-circles-sides, rotation-reps, rotation-hold, rotation-breath-in,
 * rotation-breath-out, rotation-sides), plus sound-mode and volume for
 * every drill. A clinic's program file may give a drill other ranges, so
 * what is read is brought into the drill's ranges.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "steady-cue-mixer.h"
#include "steady-drill.h"
#include "steady-session-settings.h"

G_BEGIN_DECLS

/* The key that holds @what ("reps", "hold", "sides", "breath-in" or
 * "breath-out") for @drill's motion, or NULL when the motion has none. */
const char         *steady_coach_settings_get_key        (SteadyDrill                 *drill,
                                                          const char                  *what);

/* Whether @key holds one of @drill's numbers. */
gboolean            steady_coach_settings_is_drill_key   (SteadyDrill                 *drill,
                                                          const char                  *key);

/* The patient's settings for @drill: the drill's defaults, overridden by
 * the stored values, then clamped to the drill's ranges. */
void                steady_coach_settings_load           (GSettings                   *settings,
                                                          SteadyDrill                 *drill,
                                                          SteadySessionSettings       *out);
void                steady_coach_settings_save           (GSettings                   *settings,
                                                          SteadyDrill                 *drill,
                                                          const SteadySessionSettings *values);

SteadyCueSoundMode  steady_coach_settings_get_sound_mode (GSettings                   *settings);
double              steady_coach_settings_get_volume     (GSettings                   *settings);

G_END_DECLS
