/* steady-kiosk-pin.c: the kiosk's staff PIN, kept as a salted hash
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "steady-kiosk-pin.h"

G_DEFINE_QUARK (steady-kiosk-pin-error-quark, steady_kiosk_pin_error)

#define SALT_LEN 16

gboolean
steady_kiosk_pin_validate (const char  *pin,
                           GError     **error)
{
  gsize len;

  g_return_val_if_fail (pin != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  len = strlen (pin);
  for (gsize i = 0; i < len; i++)
    if (!g_ascii_isdigit (pin[i]))
      {
        g_set_error (error, STEADY_KIOSK_PIN_ERROR, STEADY_KIOSK_PIN_ERROR_INVALID,
                     _("The PIN may only contain the digits 0–9"));
        return FALSE;
      }

  if (len < STEADY_KIOSK_PIN_MIN_DIGITS || len > STEADY_KIOSK_PIN_MAX_DIGITS)
    {
      g_set_error (error, STEADY_KIOSK_PIN_ERROR, STEADY_KIOSK_PIN_ERROR_INVALID,
                   _("The PIN must have %d to %d digits, not %u"),
                   STEADY_KIOSK_PIN_MIN_DIGITS, STEADY_KIOSK_PIN_MAX_DIGITS, (guint) len);
      return FALSE;
    }

  return TRUE;
}

static char *
digest (const char   *pin,
        const guint8 *salt,
        gsize         salt_len,
        guint         rounds)
{
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  guint8 buffer[32];
  gsize buffer_len = sizeof buffer;

  g_checksum_update (checksum, salt, salt_len);
  g_checksum_update (checksum, (const guchar *) pin, strlen (pin));
  g_checksum_get_digest (checksum, buffer, &buffer_len);

  for (guint i = 1; i < rounds; i++)
    {
      g_checksum_reset (checksum);
      g_checksum_update (checksum, buffer, buffer_len);
      g_checksum_update (checksum, salt, salt_len);
      g_checksum_get_digest (checksum, buffer, &buffer_len);
    }

  return g_strdup (g_checksum_get_string (checksum));
}

static char *
to_hex (const guint8 *bytes,
        gsize         len)
{
  GString *s = g_string_sized_new (len * 2);

  for (gsize i = 0; i < len; i++)
    g_string_append_printf (s, "%02x", bytes[i]);
  return g_string_free (s, FALSE);
}

char *
steady_kiosk_pin_hash_with_salt (const char   *pin,
                                 const guint8 *salt,
                                 gsize         salt_len,
                                 guint         rounds)
{
  g_autofree char *salt_hex = NULL;
  g_autofree char *hex = NULL;

  g_return_val_if_fail (pin != NULL, NULL);
  g_return_val_if_fail (salt != NULL && salt_len > 0, NULL);
  g_return_val_if_fail (rounds > 0, NULL);

  salt_hex = to_hex (salt, salt_len);
  hex = digest (pin, salt, salt_len, rounds);
  return g_strdup_printf ("sha256$%u$%s$%s", rounds, salt_hex, hex);
}

char *
steady_kiosk_pin_hash (const char  *pin,
                       GError     **error)
{
  guint8 salt[SALT_LEN];

  g_return_val_if_fail (pin != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!steady_kiosk_pin_validate (pin, error))
    return NULL;

  for (gsize i = 0; i < SALT_LEN; i += 4)
    {
      guint32 r = g_random_int ();
      memcpy (salt + i, &r, 4);
    }

  return steady_kiosk_pin_hash_with_salt (pin, salt, SALT_LEN, STEADY_KIOSK_PIN_ROUNDS);
}

static int
hex_value (char c)
{
  if (c >= '0' && c <= '9')
    return c - '0';
  if (c >= 'a' && c <= 'f')
    return c - 'a' + 10;
  return -1;
}

gboolean
steady_kiosk_pin_check (const char *pin,
                        const char *stored)
{
  g_auto(GStrv) parts = NULL;
  g_autofree guint8 *salt = NULL;
  g_autofree char *hex = NULL;
  guint64 rounds;
  gsize salt_len;
  guint8 diff = 0;
  char *end;

  g_return_val_if_fail (pin != NULL, FALSE);

  if (stored == NULL || stored[0] == '\0' || !steady_kiosk_pin_validate (pin, NULL))
    return FALSE;

  parts = g_strsplit (stored, "$", -1);
  if (g_strv_length (parts) != 4 || strcmp (parts[0], "sha256") != 0)
    return FALSE;

  /* The check runs on the kiosk's main thread when staff press OK: a
   * stored hash asking for millions of rounds (a typo, a broken script)
   * would freeze the screen for seconds at every try (the PIN fuzzer
   * found 4 million taking 27 s). Ten times the rounds Steady writes is
   * the most it accepts. */
  rounds = g_ascii_strtoull (parts[1], &end, 10);
  if (*end != '\0' || rounds == 0 || rounds > 10 * STEADY_KIOSK_PIN_ROUNDS)
    return FALSE;

  salt_len = strlen (parts[2]) / 2;
  if (salt_len == 0 || strlen (parts[2]) % 2 != 0 || strlen (parts[3]) != 64)
    return FALSE;
  salt = g_malloc (salt_len);
  for (gsize i = 0; i < salt_len; i++)
    {
      int hi = hex_value (parts[2][2 * i]), lo = hex_value (parts[2][2 * i + 1]);

      if (hi < 0 || lo < 0)
        return FALSE;
      salt[i] = (guint8) (hi << 4 | lo);
    }

  hex = digest (pin, salt, salt_len, (guint) rounds);
  /* Compare every byte, so the time taken says nothing of where they differ. */
  for (gsize i = 0; i < 64; i++)
    diff |= (guint8) (hex[i] ^ parts[3][i]);

  return diff == 0;
}
