/* steady-speech.h: spoken prompts synthesised with espeak-ng
 *
 * The cue engine speaks its prompts with libespeak-ng in synchronous mode
 * (22 050 Hz, 16-bit) and resamples them to its own rate with GStreamer's
 * audio resampler. espeak-ng keeps global state, so every call is
 * serialised here.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Speaks @text in @language (an espeak-ng voice or a locale such as "es",
 * "pt-BR" or "de_DE.UTF-8"; NULL means English) and returns mono float
 * samples at @rate in [-1, 1], with espeak's leading and trailing silence
 * removed and the peak at @peak. The samples are a GBytes of floats.
 * *@used_language, when given, receives the voice that spoke (which may be
 * a more general one, or English, when @language has no voice). */
GBytes *steady_speech_synthesize (const char  *language,
                                  const char  *text,
                                  guint        rate,
                                  float        peak,
                                  char       **used_language,
                                  GError     **error);

/* The voice that would speak @language (as steady_speech_synthesize()
 * chooses it: the language, its primary subtag, or English), or NULL with
 * @error set when speech cannot start at all. */
char   *steady_speech_get_voice  (const char  *language,
                                  GError     **error);

/* Whether two language names share their primary subtag ("es-419" and
 * "es_ES.UTF-8" do; "pt" and "en" do not). */
gboolean steady_speech_same_language (const char  *a,
                                      const char  *b);

G_END_DECLS
