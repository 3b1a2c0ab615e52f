/* steady-cue-mixer.h: the samples of a list of cues, mixed on demand
 *
 * The mixer turns cues into sounds placed at exact sample offsets and mixes
 * any stretch of the session into 16-bit samples on request, so a session
 * of any length plays (or seeks) without being rendered in advance. It is
 * immutable once built and may be read from any thread. The cue engine
 * feeds it to GStreamer; the tests measure what it makes.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "steady-cue.h"

G_BEGIN_DECLS

/* What a patient hears. */
typedef enum {
  STEADY_CUE_SOUND_SILENT,
  STEADY_CUE_SOUND_TONES,   /* tones only: pips count down */
  STEADY_CUE_SOUND_VOICE,   /* tones and spoken prompts; digits are spoken */
} SteadyCueSoundMode;

/* The pitches of the tones (Hz): what each cue sounds like, and what the
 * tests listen for. A breath tone glides between the two breath pitches
 * (up while breathing in, down while breathing out). */
#define STEADY_CUE_TICK_HZ          1600.0
#define STEADY_CUE_COUNT_3_HZ        698.46
#define STEADY_CUE_COUNT_2_HZ        783.99
#define STEADY_CUE_COUNT_1_HZ        880.00
#define STEADY_CUE_RELEASE_HZ       1046.50
#define STEADY_CUE_BREATH_LOW_HZ     261.63
#define STEADY_CUE_BREATH_HIGH_HZ    392.00
#define STEADY_CUE_SWITCH_HZ         523.25   /* then 659.25 */
#define STEADY_CUE_DONE_HZ           587.33   /* then 739.99, 880, 1174.66 */

typedef struct _SteadyCueMixer SteadyCueMixer;

SteadyCueMixer *steady_cue_mixer_new               (const SteadyCue     *cues,
                                                    guint                n_cues,
                                                    double               total_seconds,
                                                    SteadyCueSoundMode   mode,
                                                    const char          *language,
                                                    guint                rate);
SteadyCueMixer *steady_cue_mixer_ref               (SteadyCueMixer      *self);
void            steady_cue_mixer_unref             (SteadyCueMixer      *self);
guint           steady_cue_mixer_get_rate          (SteadyCueMixer      *self);
gint64          steady_cue_mixer_get_n_samples     (SteadyCueMixer      *self);
const GError   *steady_cue_mixer_get_speech_error  (SteadyCueMixer      *self);
void            steady_cue_mixer_fill              (SteadyCueMixer      *self,
                                                    gint64               first_sample,
                                                    float                volume,
                                                    gint16              *out,
                                                    guint                n_samples);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SteadyCueMixer, steady_cue_mixer_unref)

G_END_DECLS
