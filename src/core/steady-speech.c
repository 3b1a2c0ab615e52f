/* steady-speech.c: spoken prompts synthesised with espeak-ng
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>
#include <glib/gi18n.h>
#include <gst/audio/audio.h>
#include <espeak-ng/speak_lib.h>

#include "steady-cue-engine.h"
#include "steady-speech.h"

/* Samples quieter than this (about -54 dBFS) before the first and after the
 * last sound count as espeak's padding silence. */
#define SILENCE_THRESHOLD (64.0f / 32768.0f)

/* A little slower than espeak's default 175 words a minute: the listener
 * is lying on the floor concentrating on a movement. */
#define SPEECH_WORDS_PER_MINUTE 150

/* Phrases already spoken, so that reloading a session or switching the
 * sound mode does not synthesise them again. Bounded: cleared when full. */
#define CACHE_MAX 512

static GMutex speech_mutex;
static int espeak_rate;  /* 0 until initialised, -1 if that failed */
static GHashTable *cache;  /* "language|rate|peak|text" → GBytes */

static int
synth_callback (short        *wav,
                int           n_samples,
                espeak_EVENT *events)
{
  GArray *samples = events != NULL ? events->user_data : NULL;

  if (samples != NULL && wav != NULL && n_samples > 0)
    g_array_append_vals (samples, wav, n_samples);

  return 0;  /* carry on */
}

static gboolean
ensure_initialized (GError **error)
{
  if (espeak_rate == 0)
    {
      espeak_rate = espeak_Initialize (AUDIO_OUTPUT_SYNCHRONOUS, 0, NULL, 0);
      if (espeak_rate <= 0)
        espeak_rate = -1;
      else
        {
          espeak_SetSynthCallback (synth_callback);
          espeak_SetParameter (espeakRATE, SPEECH_WORDS_PER_MINUTE, 0);
        }
    }

  if (espeak_rate < 0)
    {
      g_set_error (error, STEADY_CUE_ENGINE_ERROR, STEADY_CUE_ENGINE_ERROR_SPEECH,
                   _("Speech synthesis (espeak-ng) could not start: its voice data is missing"));
      return FALSE;
    }

  return TRUE;
}

/* "de_DE.UTF-8@euro" → "de-de"; "C", "C.UTF-8" and "POSIX" → "en". */
static char *
normalize_language (const char *language)
{
  g_autofree char *lang = NULL;
  char *p;

  lang = g_ascii_strdown (language != NULL ? language : "", -1);
  if ((p = strpbrk (lang, ".@")) != NULL)
    *p = '\0';
  g_strdelimit (lang, "_", '-');

  if (*lang == '\0' || g_str_equal (lang, "c") || g_str_equal (lang, "posix"))
    return g_strdup ("en");

  return g_steal_pointer (&lang);
}

static gboolean
select_voice (const char *language)
{
  espeak_VOICE properties = { 0 };

  if (espeak_SetVoiceByName (language) == EE_OK)
    return TRUE;

  properties.languages = language;
  return espeak_SetVoiceByProperties (&properties) == EE_OK;
}

/* Tries the language, then its primary subtag ("pt-br" → "pt"), then English. */
static char *
select_voice_for (const char *language)
{
  g_autofree char *lang = normalize_language (language);
  char *dash;

  if (select_voice (lang))
    return g_steal_pointer (&lang);

  if ((dash = strchr (lang, '-')) != NULL)
    {
      *dash = '\0';
      if (select_voice (lang))
        return g_steal_pointer (&lang);
    }

  if (select_voice ("en"))
    return g_strdup ("en");

  return NULL;
}

/* Resamples 16-bit samples at @in_rate to floats at @out_rate. The
 * resampler centres its filter on the first input sample and holds back
 * max-latency samples at the end, so feeding that many zeros after the
 * input drains it with the output aligned to the input. */
static float *
resample (const gint16 *in,
          gsize         n_in,
          int           in_rate,
          int           out_rate,
          gsize        *n_out)
{
  GstStructure *options;
  GstAudioResampler *resampler;
  g_autofree float *in_f = NULL;
  float *out;
  gpointer in_planes[1], out_planes[1];
  gsize latency, n_total, n_frames;

  options = gst_structure_new_empty ("options");
  gst_audio_resampler_options_set_quality (GST_AUDIO_RESAMPLER_METHOD_KAISER,
                                           GST_AUDIO_RESAMPLER_QUALITY_DEFAULT,
                                           in_rate, out_rate, options);
  resampler = gst_audio_resampler_new (GST_AUDIO_RESAMPLER_METHOD_KAISER,
                                       GST_AUDIO_RESAMPLER_FLAG_NONE,
                                       GST_AUDIO_FORMAT_F32, 1,
                                       in_rate, out_rate, options);
  gst_structure_free (options);

  latency = gst_audio_resampler_get_max_latency (resampler);
  n_total = n_in + latency;
  in_f = g_new0 (float, n_total);
  for (gsize i = 0; i < n_in; i++)
    in_f[i] = in[i] / 32768.0f;

  n_frames = gst_audio_resampler_get_out_frames (resampler, n_total);
  out = g_new0 (float, MAX (n_frames, 1));
  in_planes[0] = in_f;
  out_planes[0] = out;
  gst_audio_resampler_resample (resampler, in_planes, n_total, out_planes, n_frames);
  gst_audio_resampler_free (resampler);

  *n_out = n_frames;
  return out;
}

/* The voice for @language, selected in espeak-ng; the caller holds
 * speech_mutex. */
static char *
choose_voice (const char  *language,
              GError     **error)
{
  char *voice;

  if (!ensure_initialized (error))
    return NULL;

  voice = select_voice_for (language);
  if (voice == NULL)
    g_set_error (error, STEADY_CUE_ENGINE_ERROR, STEADY_CUE_ENGINE_ERROR_SPEECH,
                 _("Speech synthesis has no voice for “%s” nor for English"),
                 language != NULL ? language : "en");

  return voice;
}

char *
steady_speech_get_voice (const char  *language,
                         GError     **error)
{
  g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&speech_mutex);

  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return choose_voice (language, error);
}

gboolean
steady_speech_same_language (const char *a,
                             const char *b)
{
  gsize la, lb;

  g_return_val_if_fail (a != NULL, FALSE);
  g_return_val_if_fail (b != NULL, FALSE);

  la = strcspn (a, "-_.@");
  lb = strcspn (b, "-_.@");

  return la == lb && g_ascii_strncasecmp (a, b, la) == 0;
}

GBytes *
steady_speech_synthesize (const char  *language,
                          const char  *text,
                          guint        rate,
                          float        peak,
                          char       **used_language,
                          GError     **error)
{
  g_autoptr(GMutexLocker) locker = NULL;
  g_autoptr(GArray) samples = NULL;
  g_autofree char *voice = NULL;
  g_autofree float *out = NULL;
  g_autofree char *key = NULL;
  GBytes *cached, *result;
  gsize n_out, first, last;
  float max = 0.0f;
  espeak_ERROR status;

  g_return_val_if_fail (text != NULL, NULL);
  g_return_val_if_fail (rate > 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  locker = g_mutex_locker_new (&speech_mutex);

  key = g_strdup_printf ("%s|%u|%g|%s", language != NULL ? language : "", rate, peak, text);
  if (cache != NULL && used_language == NULL
      && (cached = g_hash_table_lookup (cache, key)) != NULL)
    return g_bytes_ref (cached);

  voice = choose_voice (language, error);
  if (voice == NULL)
    return NULL;

  samples = g_array_new (FALSE, FALSE, sizeof (gint16));
  status = espeak_Synth (text, strlen (text) + 1, 0, POS_CHARACTER, 0,
                         espeakCHARS_UTF8, NULL, samples);
  if (status != EE_OK)
    {
      g_set_error (error, STEADY_CUE_ENGINE_ERROR, STEADY_CUE_ENGINE_ERROR_SPEECH,
                   _("Speech synthesis failed to speak “%s” (espeak-ng error %d)"),
                   text, (int) status);
      return NULL;
    }

  g_clear_pointer (&locker, g_mutex_locker_free);

  out = resample ((const gint16 *) (gpointer) samples->data, samples->len,
                  espeak_rate, rate, &n_out);

  for (first = 0; first < n_out && fabsf (out[first]) < SILENCE_THRESHOLD; first++)
    ;
  for (last = n_out; last > first && fabsf (out[last - 1]) < SILENCE_THRESHOLD; last--)
    ;
  for (gsize i = first; i < last; i++)
    max = MAX (max, fabsf (out[i]));
  if (max > 0.0f)
    for (gsize i = first; i < last; i++)
      out[i] *= peak / max;

  if (used_language != NULL)
    *used_language = g_steal_pointer (&voice);

  result = g_bytes_new (out + first, (last - first) * sizeof (float));

  g_mutex_lock (&speech_mutex);
  if (cache == NULL)
    cache = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                   (GDestroyNotify) g_bytes_unref);
  if (g_hash_table_size (cache) >= CACHE_MAX)
    g_hash_table_remove_all (cache);
  g_hash_table_insert (cache, g_steal_pointer (&key), g_bytes_ref (result));
  g_mutex_unlock (&speech_mutex);

  return result;
}
