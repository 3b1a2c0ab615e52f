/* steady-session-settings.h: what a patient chose for one drill
 *
 * A plain value (boxed so that it can travel in a GValue). Start from the
 * drill's defaults with steady_session_settings_init_from_drill(), change
 * what the patient chose, then check it with steady_session_settings_validate()
 * (the timeline does this too) or bring stored values into the drill's
 * ranges with steady_session_settings_clamp().
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "steady-drill.h"
#include "steady-types.h"

G_BEGIN_DECLS

#define STEADY_SESSION_SETTINGS_ERROR (steady_session_settings_error_quark ())

typedef enum {
  STEADY_SESSION_SETTINGS_ERROR_OUT_OF_RANGE,   /* a number outside the drill's range */
  STEADY_SESSION_SETTINGS_ERROR_NOT_ALLOWED,    /* a side or a setting the drill does not have */
  STEADY_SESSION_SETTINGS_ERROR_UNKNOWN_MOTION, /* the drill's motion is not one the timeline knows */
} SteadySessionSettingsError;

typedef struct {
  guint      reps;        /* per side; knee circles: circles per direction */
  double     hold;        /* seconds per hold; 0 for a drill without a hold */
  SteadySide sides;       /* LEFT, RIGHT or BOTH (left first, then right) */
  double     breath_in;   /* seconds; 0 for a drill without paced breathing */
  double     breath_out;  /* seconds; 0 for a drill without paced breathing */
} SteadySessionSettings;

/* Paced breathing a patient may choose: the program format's range. */
/* Slow belly breathing: no breath shorter than 3 s (the program gives 4
 * in, 6 out); a 1-second "breath" would be the opposite. */
#define STEADY_BREATH_MIN_SECONDS 3.0
#define STEADY_BREATH_MAX_SECONDS 20.0

#define STEADY_TYPE_SESSION_SETTINGS (steady_session_settings_get_type ())

GType                  steady_session_settings_get_type        (void) G_GNUC_CONST;
GQuark                 steady_session_settings_error_quark     (void);

SteadySessionSettings *steady_session_settings_copy            (const SteadySessionSettings *settings);
void                   steady_session_settings_free            (SteadySessionSettings       *settings);

/* The drill's defaults: its <reps>, <hold> and <breath> defaults, and its
 * sides. A drill that does not use a hold (knee circles) or paced breathing
 * (clamshell, knee circles) gets 0 there. */
void                   steady_session_settings_init_from_drill (SteadySessionSettings       *settings,
                                                                SteadyDrill                 *drill);

/* TRUE when the drill's motion uses a hold / paced breathing. */
gboolean               steady_session_settings_drill_uses_hold   (SteadyDrill *drill);
gboolean               steady_session_settings_drill_uses_breath (SteadyDrill *drill);

/* Fails with a message naming the setting, the value, the drill and the
 * range, e.g. "reps 60 is out of range for clamshell (15 to 20)". */
gboolean               steady_session_settings_validate        (const SteadySessionSettings *settings,
                                                                SteadyDrill                 *drill,
                                                                GError                     **error);

/* Brings every value into the drill's range (for settings stored before a
 * clinic changed the program file); a side the drill does not allow becomes
 * the drill's sides. The result always validates. */
void                   steady_session_settings_clamp           (SteadySessionSettings       *settings,
                                                                SteadyDrill                 *drill);

/* The numbers a drill's text (a <step> or a <tip>) may name, as {reps},
 * {hold}, {breath-in} and {breath-out}: the patient's own numbers are put
 * in when the text is shown. */
typedef enum {
  STEADY_TEXT_NUMBER_REPS   = 1 << 0,
  STEADY_TEXT_NUMBER_HOLD   = 1 << 1,
  STEADY_TEXT_NUMBER_BREATH = 1 << 2,   /* {breath-in} or {breath-out} */
} SteadyTextNumbers;

/* Looks for {name} in @text: sets @numbers to those named. Every brace
 * must belong to one of the four names: on the first that does not
 * ("{breath_in}", "{ hold }", "{}", or a lone "{" or "}") returns FALSE and
 * sets @unknown (when not NULL) to it, braces included. */
gboolean               steady_session_settings_scan_text       (const char                  *text,
                                                                SteadyTextNumbers           *numbers,
                                                                char                       **unknown);

/* @text with each of the four {name}s replaced by @settings' number. */
char                  *steady_session_settings_expand_text     (const SteadySessionSettings *settings,
                                                                const char                  *text);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SteadySessionSettings, steady_session_settings_free)

G_END_DECLS
