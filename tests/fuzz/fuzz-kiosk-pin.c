/* fuzz-kiosk-pin.c: the kiosk's stored PIN hash under libFuzzer
 *
 * The kiosk reads "sha256$ROUNDS$SALT$DIGEST" from its settings, where
 * anyone who can write dconf (or a broken provisioning script) puts it. The
 * input is a PIN typed on the keypad, a newline, then the stored string:
 * the check answers TRUE or FALSE — never crashes, never reads past the
 * string — and a stored hash made from a valid PIN accepts exactly that
 * PIN.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "steady-kiosk-pin.h"

#include "fuzz.h"

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  const uint8_t *newline = memchr (data, '\n', size);
  g_autofree char *pin = NULL;
  g_autofree char *stored = NULL;
  gboolean valid;

  if (newline == NULL)
    return 0;

  /* Exact-size copies, so that ASan sees any read past the end. */
  pin = g_strndup ((const char *) data, newline - data);
  stored = g_strndup ((const char *) newline + 1, size - (newline + 1 - data));

  valid = steady_kiosk_pin_validate (pin, NULL);
  if (steady_kiosk_pin_check (pin, stored))
    g_assert_true (valid);   /* only a valid PIN ever opens the kiosk */

  if (valid)
    {
      static const guint8 salt[4] = { 0xde, 0xad, 0xbe, 0xef };
      g_autofree char *hash = steady_kiosk_pin_hash_with_salt (pin, salt, sizeof salt, 3);
      g_autofree char *other = g_strconcat (pin, "0", NULL);

      g_assert_true (steady_kiosk_pin_check (pin, hash));
      if (strlen (other) <= STEADY_KIOSK_PIN_MAX_DIGITS)
        g_assert_false (steady_kiosk_pin_check (other, hash));
    }

  return 0;
}
