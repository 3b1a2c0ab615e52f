/* steady-kiosk-pin.h: the kiosk's staff PIN, kept as a salted hash
 *
 * The settings hold "sha256$ROUNDS$SALT$DIGEST" (salt and digest in hex),
 * never the PIN. The digest is SHA-256 applied ROUNDS times over the salt
 * and the PIN, which slows down guessing a little; a short PIN is still
 * guessable by anyone who can read the settings, so the kiosk user's
 * dconf database should not be readable by visitors (it is not: they have
 * no shell).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define STEADY_KIOSK_PIN_ERROR (steady_kiosk_pin_error_quark ())

typedef enum {
  STEADY_KIOSK_PIN_ERROR_INVALID,   /* not 4–12 digits */
} SteadyKioskPinError;

#define STEADY_KIOSK_PIN_MIN_DIGITS  4
#define STEADY_KIOSK_PIN_MAX_DIGITS 12
#define STEADY_KIOSK_PIN_ROUNDS  20000

GQuark    steady_kiosk_pin_error_quark (void);

/* Whether @pin is 4–12 ASCII digits; the error says what is wrong. */
gboolean  steady_kiosk_pin_validate    (const char  *pin,
                                        GError     **error);
/* The stored form of @pin with a fresh random salt; NULL (and @error) for
 * an invalid PIN. */
char     *steady_kiosk_pin_hash        (const char  *pin,
                                        GError     **error);
/* The stored form of @pin with the given salt and rounds (for tests). */
char     *steady_kiosk_pin_hash_with_salt (const char   *pin,
                                           const guint8 *salt,
                                           gsize         salt_len,
                                           guint         rounds);
/* Whether @pin matches @stored. FALSE for an empty or malformed @stored:
 * without a PIN set, nobody can leave the kiosk from the screen. */
gboolean  steady_kiosk_pin_check       (const char  *pin,
                                        const char  *stored);

G_END_DECLS
