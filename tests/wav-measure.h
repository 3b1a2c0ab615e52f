/* wav-measure.h: reading and measuring the cue engine's WAV files in tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <math.h>
#include <string.h>
#include <glib.h>

#define RATE 48000

/* Anything louder than this (about -54 dBFS) is sound. */
#define THRESHOLD 64

#define MS(ms) ((gint64) llround ((ms) * RATE / 1000.0))

typedef struct {
  gint16 *samples;
  gsize   n;
} Wav;

static inline void
wav_free (Wav *wav)
{
  g_free (wav->samples);
  g_free (wav);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Wav, wav_free)

static inline guint32
le32 (const guint8 *p)
{
  return p[0] | (p[1] << 8) | (p[2] << 16) | ((guint32) p[3] << 24);
}

static inline guint16
le16 (const guint8 *p)
{
  return p[0] | (p[1] << 8);
}

/* Reads a 16-bit mono 48 kHz PCM WAV file, checking its header. */
static inline Wav *
wav_read (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autofree guint8 *data = NULL;
  gboolean seen_fmt = FALSE;
  Wav *wav = NULL;
  gsize size, pos = 12;

  g_file_get_contents (path, (char **) &data, &size, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (size, >=, 44);
  g_assert_cmpmem (data, 4, "RIFF", 4);
  g_assert_cmpmem (data + 8, 4, "WAVE", 4);
  g_assert_cmpuint (le32 (data + 4), ==, size - 8);

  while (pos + 8 <= size && wav == NULL)
    {
      guint32 chunk = le32 (data + pos + 4);

      g_assert_cmpuint (pos + 8 + chunk, <=, size);
      if (memcmp (data + pos, "fmt ", 4) == 0)
        {
          g_assert_cmpuint (le16 (data + pos + 8), ==, 1);       /* PCM */
          g_assert_cmpuint (le16 (data + pos + 10), ==, 1);      /* mono */
          g_assert_cmpuint (le32 (data + pos + 12), ==, RATE);
          g_assert_cmpuint (le16 (data + pos + 22), ==, 16);
          seen_fmt = TRUE;
        }
      else if (memcmp (data + pos, "data", 4) == 0)
        {
          g_assert_true (seen_fmt);
          wav = g_new0 (Wav, 1);
          wav->n = chunk / 2;
          wav->samples = g_new (gint16, wav->n);
          for (gsize i = 0; i < wav->n; i++)
            wav->samples[i] = (gint16) le16 (data + pos + 8 + 2 * i);
        }
      pos += 8 + chunk + (chunk & 1);
    }

  g_assert_nonnull (wav);
  return wav;
}

/* The first sample louder than THRESHOLD in [from, to), or -1. */
static inline gint64
first_sound (const Wav *wav,
             gint64     from,
             gint64     to)
{
  for (gint64 i = MAX (from, 0); i < MIN (to, (gint64) wav->n); i++)
    if (ABS (wav->samples[i]) > THRESHOLD)
      return i;

  return -1;
}

/* One past the last sample louder than THRESHOLD in [from, to), or -1. */
static inline gint64
last_sound (const Wav *wav,
            gint64     from,
            gint64     to)
{
  for (gint64 i = MIN (to, (gint64) wav->n) - 1; i >= MAX (from, 0); i--)
    if (ABS (wav->samples[i]) > THRESHOLD)
      return i + 1;

  return -1;
}

/* The longest run of samples quieter than THRESHOLD in [from, to). */
static inline gint64
longest_quiet (const Wav *wav,
               gint64     from,
               gint64     to)
{
  gint64 longest = 0, run = 0;

  for (gint64 i = from; i < to; i++)
    {
      run = ABS (wav->samples[i]) > THRESHOLD ? 0 : run + 1;
      longest = MAX (longest, run);
    }

  return longest;
}

/* How much of the energy of [from, from + n) is a sine at @hz: 1 for a
 * pure steady sine, near 0 for anything else. */
static inline double
purity (const Wav *wav,
        gint64     from,
        gint64     n,
        double     hz)
{
  double coeff = 2 * cos (2 * G_PI * hz / RATE);
  double s1 = 0, s2 = 0, energy = 0, power;

  g_assert_cmpint (from, >=, 0);
  g_assert_cmpint (from + n, <=, (gint64) wav->n);

  for (gint64 i = from; i < from + n; i++)
    {
      double x = wav->samples[i] / 32768.0;
      double s = x + coeff * s1 - s2;

      s2 = s1;
      s1 = s;
      energy += x * x;
    }

  power = s1 * s1 + s2 * s2 - coeff * s1 * s2;
  return energy > 0 ? power / (n / 2.0 * energy) : 0.0;
}

