/* steady-cue-mixer.c: the samples of a list of cues, mixed on demand
 *
 * Every cue becomes one or more sounds on a sorted schedule: tones (one
 * partial each, described by a few numbers and computed as needed) and
 * speech (samples synthesised once per phrase). Mixing a stretch of the
 * session adds up the sounds that overlap it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <glib/gi18n.h>

#include "steady-cue-engine.h"
#include "steady-cue-mixer.h"
#include "steady-speech.h"

#define CHUNK 4096

/* Loudness of each kind of sound, before the volume (full scale = 1).
 * A prompt spoken over the loudest tone (the chime and its partial) still
 * stays below full scale, so nothing clips even at full volume. */
#define GAIN_TICK     0.30f
#define GAIN_PIP      0.45f
#define GAIN_CHIME    0.35f
#define GAIN_BREATH   0.22f
#define GAIN_MOTIF    0.35f
#define PEAK_SPEECH   0.50f

typedef struct {
  gint64        start;    /* sample offset in the session */
  gint64        length;   /* samples */
  /* A tone: a sine gliding from f0 to f1 over its length. */
  double        f0, f1;
  float         gain;
  double        attack;   /* seconds of raised-cosine fade in */
  double        release;  /* seconds of raised-cosine fade out */
  double        decay;    /* time constant of an exponential decay; 0 = none */
  gboolean      swell;    /* louder in the middle, like a breath */
  /* Or speech: samples at the mixer's rate (tone fields unused). */
  const float  *pcm;
} Sound;

struct _SteadyCueMixer {
  gatomicrefcount  ref_count;
  guint            rate;
  gint64           n_samples;
  gint64           longest;    /* samples of the longest sound */
  GArray          *sounds;     /* of Sound, sorted by start */
  GHashTable      *speech;     /* text → GBytes of floats */
  GError          *speech_error;
};

static void
add_tone (SteadyCueMixer *self,
          double          time,
          double          seconds,
          double          f0,
          double          f1,
          float           gain,
          double          decay)
{
  Sound sound = { 0 };

  sound.start = llround (time * self->rate);
  sound.length = MAX (1, llround (seconds * self->rate));
  sound.f0 = f0;
  sound.f1 = f1;
  sound.gain = gain;
  sound.attack = 0.001;
  sound.release = MIN (0.020, seconds / 4);
  sound.decay = decay;
  g_array_append_val (self->sounds, sound);
}

static void
add_breath (SteadyCueMixer *self,
            double          time,
            double          seconds,
            gboolean        rising)
{
  Sound sound = { 0 };

  if (seconds <= 0)
    return;

  sound.start = llround (time * self->rate);
  sound.length = MAX (1, llround (seconds * self->rate));
  sound.f0 = rising ? STEADY_CUE_BREATH_LOW_HZ : STEADY_CUE_BREATH_HIGH_HZ;
  sound.f1 = rising ? STEADY_CUE_BREATH_HIGH_HZ : STEADY_CUE_BREATH_LOW_HZ;
  sound.gain = GAIN_BREATH;
  sound.attack = MIN (0.005, seconds / 4);
  sound.release = MIN (0.030, seconds / 4);
  sound.swell = TRUE;
  g_array_append_val (self->sounds, sound);
}

static void
add_speech (SteadyCueMixer *self,
            double          time,
            const char     *text,
            const char     *language)
{
  GBytes *samples;
  Sound sound = { 0 };
  gsize size;

  if (text == NULL || *text == '\0' || self->speech_error != NULL)
    return;

  samples = g_hash_table_lookup (self->speech, text);
  if (samples == NULL)
    {
      samples = steady_speech_synthesize (language, text, self->rate, PEAK_SPEECH,
                                          NULL, &self->speech_error);
      if (samples == NULL)
        return;
      g_hash_table_insert (self->speech, g_strdup (text), samples);
    }

  sound.pcm = g_bytes_get_data (samples, &size);
  sound.length = size / sizeof (float);
  sound.start = llround (time * self->rate);
  if (sound.length > 0)
    g_array_append_val (self->sounds, sound);
}

static double
countdown_hz (int number)
{
  switch (number)
    {
    case 3:
      return STEADY_CUE_COUNT_3_HZ;
    case 2:
      return STEADY_CUE_COUNT_2_HZ;
    default:
      return STEADY_CUE_COUNT_1_HZ;
    }
}

static void
add_cue (SteadyCueMixer     *self,
         const SteadyCue    *cue,
         SteadyCueSoundMode  mode,
         const char         *language)
{
  static const double done_hz[] = { STEADY_CUE_DONE_HZ, 739.99, 880.00, 1174.66 };
  gboolean voice = mode == STEADY_CUE_SOUND_VOICE;
  double t = cue->time;

  switch (cue->kind)
    {
    case STEADY_CUE_TICK:
      add_tone (self, t, 0.030, STEADY_CUE_TICK_HZ, STEADY_CUE_TICK_HZ, GAIN_TICK, 0.006);
      break;

    case STEADY_CUE_COUNTDOWN:
      if (voice)
        {
          g_autofree char *digit = g_strdup_printf ("%d", cue->number);

          add_speech (self, t, cue->speech != NULL ? cue->speech : digit, language);
          return;
        }
      add_tone (self, t, 0.120, countdown_hz (cue->number), countdown_hz (cue->number),
                GAIN_PIP, 0);
      break;

    case STEADY_CUE_RELEASE:
      add_tone (self, t, 0.900, STEADY_CUE_RELEASE_HZ, STEADY_CUE_RELEASE_HZ, GAIN_CHIME, 0.25);
      add_tone (self, t, 0.600, 2 * STEADY_CUE_RELEASE_HZ, 2 * STEADY_CUE_RELEASE_HZ,
                GAIN_CHIME * 0.3f, 0.12);
      break;

    case STEADY_CUE_BREATH_IN:
    case STEADY_CUE_BREATH_OUT:
      add_breath (self, t, cue->duration, cue->kind == STEADY_CUE_BREATH_IN);
      break;

    case STEADY_CUE_SWITCH_SIDES:
      add_tone (self, t, 0.160, STEADY_CUE_SWITCH_HZ, STEADY_CUE_SWITCH_HZ, GAIN_MOTIF, 0);
      add_tone (self, t + 0.160, 0.300, 659.25, 659.25, GAIN_MOTIF, 0.15);
      break;

    case STEADY_CUE_DONE:
      for (guint i = 0; i < G_N_ELEMENTS (done_hz); i++)
        {
          gboolean last = i == G_N_ELEMENTS (done_hz) - 1;

          add_tone (self, t + 0.150 * i, last ? 0.900 : 0.150, done_hz[i], done_hz[i],
                    GAIN_MOTIF, last ? 0.3 : 0);
        }
      break;

    case STEADY_CUE_PROMPT:
    default:
      break;
    }

  if (voice)
    add_speech (self, t, cue->speech, language);
}

static int
compare_sounds (gconstpointer a,
                gconstpointer b)
{
  const Sound *sa = a, *sb = b;

  return (sa->start > sb->start) - (sa->start < sb->start);
}

/**
 * steady_cue_mixer_new:
 * @cues: (array length=n_cues): the cues, in any order
 * @total_seconds: how long the session lasts
 * @mode: what to sound
 * @language: (nullable): the language to speak in
 * @rate: samples a second
 *
 * Builds the schedule of sounds, synthesising each distinct phrase once.
 * The stream lasts @total_seconds, or until the last sound has rung out if
 * that is later; cues after @total_seconds are left out. If speech cannot be synthesised the mixer sounds the
 * tones alone and steady_cue_mixer_get_speech_error() says why.
 */
SteadyCueMixer *
steady_cue_mixer_new (const SteadyCue    *cues,
                      guint               n_cues,
                      double              total_seconds,
                      SteadyCueSoundMode  mode,
                      const char         *language,
                      guint               rate)
{
  SteadyCueMixer *self;

  g_return_val_if_fail (cues != NULL || n_cues == 0, NULL);
  g_return_val_if_fail (rate > 0, NULL);

  self = g_new0 (SteadyCueMixer, 1);
  g_atomic_ref_count_init (&self->ref_count);
  self->rate = rate;
  self->sounds = g_array_new (FALSE, FALSE, sizeof (Sound));
  self->speech = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                        (GDestroyNotify) g_bytes_unref);
  self->n_samples = llround (MAX (total_seconds, 0) * rate);

  /* Cues outside the session are not sounded; one that starts inside it,
   * or at its very end (the timeline's "done"), rings on to its end. */
  if (mode != STEADY_CUE_SOUND_SILENT)
    for (guint i = 0; i < n_cues; i++)
      if (cues[i].time >= 0 && cues[i].time <= total_seconds)
        add_cue (self, &cues[i], mode, language);

  g_array_sort (self->sounds, compare_sounds);

  for (guint i = 0; i < self->sounds->len; i++)
    {
      const Sound *sound = &g_array_index (self->sounds, Sound, i);

      self->longest = MAX (self->longest, sound->length);
      self->n_samples = MAX (self->n_samples, sound->start + sound->length);
    }

  return self;
}

SteadyCueMixer *
steady_cue_mixer_ref (SteadyCueMixer *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
steady_cue_mixer_unref (SteadyCueMixer *self)
{
  g_return_if_fail (self != NULL);

  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;

  g_array_unref (self->sounds);
  g_hash_table_unref (self->speech);
  g_clear_error (&self->speech_error);
  g_free (self);
}

guint
steady_cue_mixer_get_rate (SteadyCueMixer *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->rate;
}

/* The length of the stream in samples. */
gint64
steady_cue_mixer_get_n_samples (SteadyCueMixer *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->n_samples;
}

/* Why the prompts are not spoken, or NULL. */
const GError *
steady_cue_mixer_get_speech_error (SteadyCueMixer *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->speech_error;
}

/* Adds samples [from, from + n) of a tone (relative to its start) to @acc.
 * The phase and the envelope advance by complex rotation from values
 * computed exactly at @from, so any stretch is exact and cheap. */
static void
mix_tone (const Sound *sound,
          double       rate,
          gint64       from,
          guint        n,
          float       *acc)
{
  double T = sound->length / rate;
  double t0 = from / rate;
  double chirp = G_PI * (sound->f1 - sound->f0) / (T * rate * rate);
  double phase0 = 2 * G_PI * (sound->f0 * t0 + (sound->f1 - sound->f0) * t0 * t0 / (2 * T));
  double step = 2 * G_PI * (sound->f0 + (sound->f1 - sound->f0) * t0 / T) / rate + chirp;
  double zr = cos (phase0), zi = sin (phase0);           /* the oscillator */
  double rr = cos (step), ri = sin (step);               /* its rotation */
  double dr = cos (2 * chirp), di = sin (2 * chirp);     /* the rotation's change */
  double decay = 1.0, decay_step = 1.0;
  double sr = 0, si = 0, swr = 1, swi = 0;               /* the swell: sin(πt/T) */
  gint64 attack = llround (sound->attack * rate);
  gint64 release = llround (sound->release * rate);

  if (sound->decay > 0)
    {
      decay = exp (-t0 / sound->decay);
      decay_step = exp (-1.0 / (rate * sound->decay));
    }
  if (sound->swell)
    {
      sr = cos (G_PI * t0 / T);
      si = sin (G_PI * t0 / T);
      swr = cos (G_PI / (rate * T));
      swi = sin (G_PI / (rate * T));
    }

  for (guint k = 0; k < n; k++)
    {
      gint64 i = from + k;
      double env = sound->gain * decay;
      double tmp;

      if (sound->swell)
        env *= 0.6 + 0.4 * si;
      if (i < attack)
        env *= 0.5 - 0.5 * cos (G_PI * (i + 1) / (attack + 1));
      if (sound->length - i <= release)
        env *= 0.5 - 0.5 * cos (G_PI * (sound->length - i) / (release + 1));

      acc[k] += (float) (env * zi);

      tmp = zr * rr - zi * ri;
      zi = zr * ri + zi * rr;
      zr = tmp;
      tmp = rr * dr - ri * di;
      ri = rr * di + ri * dr;
      rr = tmp;
      decay *= decay_step;
      if (sound->swell)
        {
          tmp = sr * swr - si * swi;
          si = sr * swi + si * swr;
          sr = tmp;
        }
    }
}

static void
mix_chunk (SteadyCueMixer *self,
           gint64          first,
           guint           n,
           float          *acc)
{
  guint lo = 0, hi = self->sounds->len;
  gint64 earliest = first - self->longest;

  /* The first sound that can still be sounding at @first. */
  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (g_array_index (self->sounds, Sound, mid).start < earliest)
        lo = mid + 1;
      else
        hi = mid;
    }

  for (guint i = lo; i < self->sounds->len; i++)
    {
      const Sound *sound = &g_array_index (self->sounds, Sound, i);
      gint64 from, to;

      if (sound->start >= first + n)
        break;

      from = MAX (first, sound->start);
      to = MIN (first + n, sound->start + sound->length);
      if (from >= to)
        continue;

      if (sound->pcm != NULL)
        {
          const float *pcm = sound->pcm + (from - sound->start);

          for (gint64 j = from; j < to; j++)
            acc[j - first] += *pcm++;
        }
      else
        mix_tone (sound, self->rate, from - sound->start, to - from, acc + (from - first));
    }
}

/**
 * steady_cue_mixer_fill:
 * @first_sample: the session sample to start at
 * @volume: 0 (silent) to 1
 * @out: (array length=n_samples): where the mixed samples go
 *
 * Mixes @n_samples samples from @first_sample on; past the end of the
 * stream (or before its start) they are silence.
 */
void
steady_cue_mixer_fill (SteadyCueMixer *self,
                       gint64          first_sample,
                       float           volume,
                       gint16         *out,
                       guint           n_samples)
{
  float acc[CHUNK];

  g_return_if_fail (self != NULL);
  g_return_if_fail (out != NULL || n_samples == 0);

  volume = CLAMP (volume, 0.0f, 1.0f);

  while (n_samples > 0)
    {
      guint n = MIN (n_samples, CHUNK);

      for (guint k = 0; k < n; k++)
        acc[k] = 0.0f;

      if (volume > 0.0f && self->sounds->len > 0)
        mix_chunk (self, first_sample, n, acc);

      for (guint k = 0; k < n; k++)
        {
          float v = acc[k] * volume * 32767.0f;

          out[k] = (gint16) lrintf (CLAMP (v, -32768.0f, 32767.0f));
        }

      out += n;
      first_sample += n;
      n_samples -= n;
    }
}
