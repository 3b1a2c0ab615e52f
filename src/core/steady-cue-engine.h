/* steady-cue-engine.h: plays or renders a session's cues with GStreamer
 *
 * One appsrc pipeline (S16LE mono at 48 kHz, buffers stamped with their
 * sample offset) carries every cue at its exact sample. Live, it plays to
 * the audio device (or an injected sink) and its clock is the session's
 * clock; offline, it renders the same samples to a WAV file as fast as it
 * can. Without an audio device, with a missing plugin or after a runtime
 * error it goes silent, says so in :notice, and its position carries on
 * with the monotonic clock, so a session never stops for want of sound.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>
#include <gst/gst.h>

#include "steady-cue.h"
#include "steady-cue-mixer.h"

G_BEGIN_DECLS

#define STEADY_CUE_ENGINE_RATE 48000

#define STEADY_CUE_ENGINE_ERROR (steady_cue_engine_error_quark ())

typedef enum {
  STEADY_CUE_ENGINE_ERROR_MISSING_ELEMENT,  /* a GStreamer plugin is not installed */
  STEADY_CUE_ENGINE_ERROR_NO_OUTPUT,        /* no audio device to play to */
  STEADY_CUE_ENGINE_ERROR_PIPELINE,         /* the pipeline could not be built or started */
  STEADY_CUE_ENGINE_ERROR_RUNTIME,          /* GStreamer failed while playing */
  STEADY_CUE_ENGINE_ERROR_WRITE,            /* the WAV file could not be written */
  STEADY_CUE_ENGINE_ERROR_SPEECH,           /* espeak-ng could not speak */
} SteadyCueEngineError;

GQuark steady_cue_engine_error_quark (void);

#define STEADY_TYPE_CUE_SOUND_MODE (steady_cue_sound_mode_get_type ())
GType steady_cue_sound_mode_get_type (void);

#define STEADY_TYPE_CUE_ENGINE (steady_cue_engine_get_type ())
G_DECLARE_FINAL_TYPE (SteadyCueEngine, steady_cue_engine, STEADY, CUE_ENGINE, GObject)

SteadyCueEngine    *steady_cue_engine_new                   (void);

SteadyCueSoundMode  steady_cue_engine_get_mode              (SteadyCueEngine    *self);
void                steady_cue_engine_set_mode              (SteadyCueEngine    *self,
                                                             SteadyCueSoundMode  mode);
double              steady_cue_engine_get_volume            (SteadyCueEngine    *self);
void                steady_cue_engine_set_volume            (SteadyCueEngine    *self,
                                                             double              volume);
const char         *steady_cue_engine_get_language          (SteadyCueEngine    *self);
void                steady_cue_engine_set_language          (SteadyCueEngine    *self,
                                                             const char         *language);
/* The language the prompts' words are in, for the voice that reads them:
 * the language of the translation gettext uses, as the user's own list
 * names it ("es_MX.UTF-8" keeps its region for the voice), or "en" where
 * Steady is not translated into the user's language (its words are then
 * English, and another language's voice would mispronounce them). */
const char         *steady_cue_engine_ui_language           (void);
const char         *steady_cue_engine_get_sink_description  (SteadyCueEngine    *self);
void                steady_cue_engine_set_sink_description  (SteadyCueEngine    *self,
                                                             const char         *description);
gboolean            steady_cue_engine_get_available         (SteadyCueEngine    *self);
const char         *steady_cue_engine_get_notice            (SteadyCueEngine    *self);

gboolean            steady_cue_engine_render_wav            (SteadyCueEngine    *self,
                                                             const SteadyCue    *cues,
                                                             guint               n_cues,
                                                             double              total_seconds,
                                                             GFile              *file,
                                                             GError            **error);

gboolean            steady_cue_engine_load                  (SteadyCueEngine    *self,
                                                             const SteadyCue    *cues,
                                                             guint               n_cues,
                                                             double              total_seconds,
                                                             GError            **error);
void                steady_cue_engine_play                  (SteadyCueEngine    *self);
void                steady_cue_engine_pause                 (SteadyCueEngine    *self);
void                steady_cue_engine_seek                  (SteadyCueEngine    *self,
                                                             double              seconds);
void                steady_cue_engine_stop                  (SteadyCueEngine    *self);
gboolean            steady_cue_engine_get_playing           (SteadyCueEngine    *self);
double              steady_cue_engine_get_position          (SteadyCueEngine    *self);
double              steady_cue_engine_get_duration          (SteadyCueEngine    *self);

GstElement         *steady_cue_engine_get_pipeline          (SteadyCueEngine    *self);

G_END_DECLS
