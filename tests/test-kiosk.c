/* test-kiosk.c: the kiosk's state machine on a made-up clock, and the PIN
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <gio/gio.h>

#include "steady-kiosk.h"
#include "steady-kiosk-pin.h"

#define S(x) ((gint64) ((x) * (double) G_USEC_PER_SEC))
/* An arbitrary start, far from 0, like a real monotonic clock. */
#define T0 S(123456)

static void
count_reset (SteadyKiosk *kiosk,
             guint       *n)
{
  /* The reset comes before the kiosk is back on the attract loop, so the
   * UI can still see what it forgets. */
  g_assert_cmpint (steady_kiosk_get_state (kiosk), !=, STEADY_KIOSK_STATE_ATTRACT);
  (*n)++;
}

static void
test_kiosk_starts_on_attract (void)
{
  g_autoptr(SteadyKiosk) kiosk = steady_kiosk_new (90, 20);

  g_assert_cmpint (steady_kiosk_get_state (kiosk), ==, STEADY_KIOSK_STATE_ATTRACT);
  g_assert_cmpint (steady_kiosk_get_view (kiosk), ==, STEADY_KIOSK_VIEW_ATTRACT);
  g_assert_cmpint (steady_kiosk_get_next_deadline (kiosk), ==, -1);

  /* Nothing times out on the attract loop, however long it waits. */
  steady_kiosk_tick (kiosk, T0 + S(100000));
  g_assert_cmpint (steady_kiosk_get_state (kiosk), ==, STEADY_KIOSK_STATE_ATTRACT);
  g_assert_cmpuint (steady_kiosk_get_n_resets (kiosk), ==, 0);

  steady_kiosk_input (kiosk, T0 + S(100001));
  g_assert_cmpint (steady_kiosk_get_state (kiosk), ==, STEADY_KIOSK_STATE_ACTIVE);
  g_assert_cmpint (steady_kiosk_get_view (kiosk), ==, STEADY_KIOSK_VIEW_DECK);
  g_assert_cmpuint (steady_kiosk_get_card (kiosk), ==, 0);
}

static void
test_kiosk_input_resets_idle (void)
{
  g_autoptr(SteadyKiosk) kiosk = steady_kiosk_new (90, 20);

  steady_kiosk_input (kiosk, T0);
  g_assert_cmpint (steady_kiosk_get_next_deadline (kiosk), ==, T0 + S(90));

  /* A touch every 80 s keeps the visit going for ever. */
  for (int i = 1; i <= 20; i++)
    {
      steady_kiosk_tick (kiosk, T0 + S(80 * i) - 1);
      g_assert_cmpint (steady_kiosk_get_state (kiosk), ==, STEADY_KIOSK_STATE_ACTIVE);
      steady_kiosk_input (kiosk, T0 + S(80 * i));
      g_assert_cmpint (steady_kiosk_get_next_deadline (kiosk), ==, T0 + S(80 * i + 90));
    }

  /* Then 90 s without a touch: the warning. */
  steady_kiosk_tick (kiosk, T0 + S(1600 + 90) - 1);
  g_assert_cmpint (steady_kiosk_get_state (kiosk), ==, STEADY_KIOSK_STATE_ACTIVE);
  steady_kiosk_tick (kiosk, T0 + S(1600 + 90));
  g_assert_cmpint (steady_kiosk_get_state (kiosk), ==, STEADY_KIOSK_STATE_WARNING);
  g_assert_cmpuint (steady_kiosk_get_warning_left (kiosk, T0 + S(1690)), ==, 20);
  g_assert_cmpuint (steady_kiosk_get_warning_left (kiosk, T0 + S(1690.5)), ==, 20);
  g_assert_cmpuint (steady_kiosk_get_warning_left (kiosk, T0 + S(1691)), ==, 19);
}

static void
test_kiosk_moving_on_counts_as_input (void)
{
  g_autoptr(SteadyKiosk) kiosk = steady_kiosk_new (30, 10);

  steady_kiosk_input (kiosk, T0);
  steady_kiosk_show_deck (kiosk, 3, T0 + S(25));
  g_assert_cmpuint (steady_kiosk_get_card (kiosk), ==, 3);
  steady_kiosk_show_drill (kiosk, 1, T0 + S(50));
  g_assert_cmpint (steady_kiosk_get_view (kiosk), ==, STEADY_KIOSK_VIEW_DRILL);
  g_assert_cmpuint (steady_kiosk_get_drill (kiosk), ==, 1);
  steady_kiosk_show_home (kiosk, T0 + S(75));
  g_assert_cmpint (steady_kiosk_get_view (kiosk), ==, STEADY_KIOSK_VIEW_HOME);
  steady_kiosk_tick (kiosk, T0 + S(104));
  g_assert_cmpint (steady_kiosk_get_state (kiosk), ==, STEADY_KIOSK_STATE_ACTIVE);
  steady_kiosk_tick (kiosk, T0 + S(105));
  g_assert_cmpint (steady_kiosk_get_state (kiosk), ==, STEADY_KIOSK_STATE_WARNING);
}

static void
test_kiosk_warning_extends_on_touch (void)
{
  g_autoptr(SteadyKiosk) kiosk = steady_kiosk_new (90, 20);
  guint resets = 0;

  g_signal_connect (kiosk, "reset", G_CALLBACK (count_reset), &resets);

  steady_kiosk_input (kiosk, T0);
  steady_kiosk_show_deck (kiosk, 4, T0 + S(1));
  steady_kiosk_tick (kiosk, T0 + S(91));
  g_assert_cmpint (steady_kiosk_get_state (kiosk), ==, STEADY_KIOSK_STATE_WARNING);

  /* The countdown asks for a tick at each whole second. */
  g_assert_cmpint (steady_kiosk_get_next_deadline (kiosk), ==, T0 + S(92));
  steady_kiosk_tick (kiosk, T0 + S(101.5));
  g_assert_cmpint (steady_kiosk_get_next_deadline (kiosk), ==, T0 + S(102));
  g_assert_cmpuint (steady_kiosk_get_warning_left (kiosk, T0 + S(101.5)), ==, 10);

  /* "I'm still here": back to the visit where it was, the idle time
   * counting afresh from the touch. */
  steady_kiosk_input (kiosk, T0 + S(110));
  g_assert_cmpint (steady_kiosk_get_state (kiosk), ==, STEADY_KIOSK_STATE_ACTIVE);
  g_assert_cmpint (steady_kiosk_get_view (kiosk), ==, STEADY_KIOSK_VIEW_DECK);
  g_assert_cmpuint (steady_kiosk_get_card (kiosk), ==, 4);
  g_assert_cmpuint (steady_kiosk_get_warning_left (kiosk, T0 + S(110)), ==, 0);
  g_assert_cmpint (steady_kiosk_get_next_deadline (kiosk), ==, T0 + S(200));
  steady_kiosk_tick (kiosk, T0 + S(199));
  g_assert_cmpint (steady_kiosk_get_state (kiosk), ==, STEADY_KIOSK_STATE_ACTIVE);
  g_assert_cmpuint (resets, ==, 0);
}

static void
test_kiosk_reset_clears_state (void)
{
  g_autoptr(SteadyKiosk) kiosk = steady_kiosk_new (90, 20);
  guint resets = 0;

  g_signal_connect (kiosk, "reset", G_CALLBACK (count_reset), &resets);

  steady_kiosk_input (kiosk, T0);
  steady_kiosk_show_deck (kiosk, 5, T0 + S(10));
  steady_kiosk_show_drill (kiosk, 2, T0 + S(20));
  steady_kiosk_tick (kiosk, T0 + S(110));
  g_assert_cmpint (steady_kiosk_get_state (kiosk), ==, STEADY_KIOSK_STATE_WARNING);
  steady_kiosk_tick (kiosk, T0 + S(130) - 1);
  g_assert_cmpuint (resets, ==, 0);
  steady_kiosk_tick (kiosk, T0 + S(130));

  g_assert_cmpuint (resets, ==, 1);
  g_assert_cmpuint (steady_kiosk_get_n_resets (kiosk), ==, 1);
  g_assert_cmpint (steady_kiosk_get_state (kiosk), ==, STEADY_KIOSK_STATE_ATTRACT);
  g_assert_cmpint (steady_kiosk_get_view (kiosk), ==, STEADY_KIOSK_VIEW_ATTRACT);
  g_assert_cmpuint (steady_kiosk_get_card (kiosk), ==, 0);
  g_assert_cmpuint (steady_kiosk_get_drill (kiosk), ==, 0);
  g_assert_cmpint (steady_kiosk_get_next_deadline (kiosk), ==, -1);

  /* The next visitor starts at the first card. */
  steady_kiosk_input (kiosk, T0 + S(500));
  g_assert_cmpint (steady_kiosk_get_view (kiosk), ==, STEADY_KIOSK_VIEW_DECK);
  g_assert_cmpuint (steady_kiosk_get_card (kiosk), ==, 0);
}

static void
test_kiosk_late_tick (void)
{
  g_autoptr(SteadyKiosk) kiosk = steady_kiosk_new (90, 20);
  guint resets = 0;

  g_signal_connect (kiosk, "reset", G_CALLBACK (count_reset), &resets);

  /* A machine that slept through both deadlines resets at once; a touch
   * that wakes it starts a new visit instead of rescuing the old one. */
  steady_kiosk_input (kiosk, T0);
  steady_kiosk_show_deck (kiosk, 6, T0 + S(1));
  steady_kiosk_input (kiosk, T0 + S(1000));
  g_assert_cmpuint (resets, ==, 1);
  g_assert_cmpint (steady_kiosk_get_state (kiosk), ==, STEADY_KIOSK_STATE_ACTIVE);
  g_assert_cmpuint (steady_kiosk_get_card (kiosk), ==, 0);

  /* Time never goes back. */
  steady_kiosk_input (kiosk, T0 + S(5));
  g_assert_cmpint (steady_kiosk_get_next_deadline (kiosk), ==, T0 + S(1090));
}

static void
test_kiosk_timeouts_clamped (void)
{
  g_autoptr(SteadyKiosk) kiosk = steady_kiosk_new (0, 100000);

  g_assert_cmpuint (steady_kiosk_get_idle_seconds (kiosk), ==, STEADY_KIOSK_IDLE_SECONDS_MIN);
  g_assert_cmpuint (steady_kiosk_get_warning_seconds (kiosk), ==, STEADY_KIOSK_WARNING_SECONDS_MAX);
  steady_kiosk_set_timeouts (kiosk, 60, 10);
  g_assert_cmpuint (steady_kiosk_get_idle_seconds (kiosk), ==, 60);
  g_assert_cmpuint (steady_kiosk_get_warning_seconds (kiosk), ==, 10);
}

static void
test_kiosk_exit_gesture (void)
{
  g_autoptr(SteadyKiosk) kiosk = steady_kiosk_new (90, 20);

  /* Five taps in the corner within the window. */
  for (int i = 0; i < 4; i++)
    g_assert_false (steady_kiosk_staff_tap (kiosk, 10, 20, T0 + S(0.5 * i)));
  g_assert_true (steady_kiosk_staff_tap (kiosk, 100, 100, T0 + S(2)));

  /* It starts afresh after a success. */
  g_assert_false (steady_kiosk_staff_tap (kiosk, 10, 10, T0 + S(2.5)));

  /* Too slow: the fifth tap comes after the window, so it counts as the
   * first of a new sequence. */
  for (int i = 0; i < 4; i++)
    g_assert_false (steady_kiosk_staff_tap (kiosk, 10, 10, T0 + S(10 + i)));
  g_assert_false (steady_kiosk_staff_tap (kiosk, 10, 10, T0 + S(14.5)));

  /* A tap outside the corner breaks the sequence. */
  for (int i = 0; i < 3; i++)
    g_assert_false (steady_kiosk_staff_tap (kiosk, 10, 10, T0 + S(20 + 0.1 * i)));
  g_assert_false (steady_kiosk_staff_tap (kiosk, 500, 10, T0 + S(20.4)));
  g_assert_false (steady_kiosk_staff_tap (kiosk, 10, 10, T0 + S(20.5)));
  g_assert_false (steady_kiosk_staff_tap (kiosk, 10, STEADY_KIOSK_EXIT_CORNER_PX, T0 + S(20.6)));
  for (int i = 0; i < 4; i++)
    g_assert_false (steady_kiosk_staff_tap (kiosk, 5, 5, T0 + S(21 + 0.1 * i)));
  g_assert_true (steady_kiosk_staff_tap (kiosk, 5, 5, T0 + S(21.4)));
}

/* Wrong PINs stay counted across openings of the pad and resets; from
 * the third on each locks the pad for longer; the right PIN or an hour
 * without a wrong one forgets them. */
static void
test_kiosk_pin_lockout (void)
{
  g_autoptr(SteadyKiosk) kiosk = steady_kiosk_new (90, 20);
  gint64 now = T0;

  steady_kiosk_input (kiosk, now);
  steady_kiosk_open_pin_pad (kiosk, now);
  g_assert_false (steady_kiosk_pin_failed (kiosk, now += S(2)));
  g_assert_false (steady_kiosk_pin_failed (kiosk, now += S(2)));
  /* Closing the pad and a reset forget nothing. */
  steady_kiosk_close_pin_pad (kiosk, now += S(1));
  steady_kiosk_reset (kiosk);
  g_assert_cmpuint (steady_kiosk_get_pin_failures (kiosk, now), ==, 2);
  g_assert_cmpuint (steady_kiosk_get_pin_locked_seconds (kiosk, now), ==, 0);

  steady_kiosk_open_pin_pad (kiosk, now += S(1));
  g_assert_true (steady_kiosk_pin_failed (kiosk, now += S(2)));
  g_assert_cmpuint (steady_kiosk_get_pin_locked_seconds (kiosk, now), ==, 30);
  g_assert_cmpuint (steady_kiosk_get_pin_locked_seconds (kiosk, now + S(29.5)), ==, 1);
  /* The open pad counts the lockout down second by second. */
  g_assert_cmpint (steady_kiosk_get_next_deadline (kiosk), ==, now + S(1));
  steady_kiosk_tick (kiosk, now + S(1.5));
  g_assert_cmpint (steady_kiosk_get_next_deadline (kiosk), ==, now + S(2));
  /* A PIN tried while locked is not counted. */
  g_assert_true (steady_kiosk_pin_failed (kiosk, now + S(10)));
  g_assert_cmpuint (steady_kiosk_get_pin_failures (kiosk, now + S(10)), ==, 3);

  /* 60 s, 120 s, … doubling up to the cap. */
  now += S(30);
  g_assert_cmpuint (steady_kiosk_get_pin_locked_seconds (kiosk, now), ==, 0);
  g_assert_true (steady_kiosk_pin_failed (kiosk, now));
  g_assert_cmpuint (steady_kiosk_get_pin_locked_seconds (kiosk, now), ==, 60);
  now += S(60);
  g_assert_true (steady_kiosk_pin_failed (kiosk, now));
  g_assert_cmpuint (steady_kiosk_get_pin_locked_seconds (kiosk, now), ==, 120);
  for (guint i = 0; i < 10; i++)
    {
      now += S(steady_kiosk_get_pin_locked_seconds (kiosk, now));
      g_assert_true (steady_kiosk_pin_failed (kiosk, now));
    }
  g_assert_cmpuint (steady_kiosk_get_pin_locked_seconds (kiosk, now), ==,
                    STEADY_KIOSK_PIN_LOCK_SECONDS_MAX);

  /* The right PIN forgets them all. */
  now += S(STEADY_KIOSK_PIN_LOCK_SECONDS_MAX);
  steady_kiosk_pin_succeeded (kiosk);
  g_assert_cmpuint (steady_kiosk_get_pin_failures (kiosk, now), ==, 0);
  g_assert_false (steady_kiosk_pin_failed (kiosk, now));
  g_assert_false (steady_kiosk_pin_failed (kiosk, now));

  /* So does an hour without a wrong PIN. */
  now += S(STEADY_KIOSK_PIN_FORGET_SECONDS - 1);
  g_assert_cmpuint (steady_kiosk_get_pin_failures (kiosk, now), ==, 2);
  now += S(1);
  g_assert_cmpuint (steady_kiosk_get_pin_failures (kiosk, now), ==, 0);
  g_assert_false (steady_kiosk_pin_failed (kiosk, now));
  g_assert_false (steady_kiosk_pin_failed (kiosk, now));
  g_assert_true (steady_kiosk_pin_failed (kiosk, now));
}

/* No idle warning while the pad is open; a pad left alone closes after
 * its own time and the kiosk still resets for the next visitor. */
static void
test_kiosk_pin_pad_pauses_idle (void)
{
  g_autoptr(SteadyKiosk) kiosk = steady_kiosk_new (10, 5);
  gint64 now = T0;

  steady_kiosk_input (kiosk, now);
  /* Opened during the warning: the warning goes. */
  steady_kiosk_tick (kiosk, now += S(11));
  g_assert_cmpint (steady_kiosk_get_state (kiosk), ==, STEADY_KIOSK_STATE_WARNING);
  steady_kiosk_open_pin_pad (kiosk, now);
  g_assert_true (steady_kiosk_get_pin_pad_open (kiosk));
  g_assert_cmpint (steady_kiosk_get_state (kiosk), ==, STEADY_KIOSK_STATE_ACTIVE);
  g_assert_cmpint (steady_kiosk_get_next_deadline (kiosk), ==, now + S(STEADY_KIOSK_PIN_PAD_SECONDS));

  /* Slow typing: far past the idle time, no warning. */
  for (guint i = 0; i < 5; i++)
    {
      steady_kiosk_tick (kiosk, now += S(STEADY_KIOSK_PIN_PAD_SECONDS - 1));
      g_assert_cmpint (steady_kiosk_get_state (kiosk), ==, STEADY_KIOSK_STATE_ACTIVE);
      steady_kiosk_pin_pad_key (kiosk, now);
    }
  g_assert_true (steady_kiosk_get_pin_pad_open (kiosk));

  /* Left alone, it closes; then the idle time, the warning, the reset. */
  steady_kiosk_tick (kiosk, now += S(STEADY_KIOSK_PIN_PAD_SECONDS));
  g_assert_false (steady_kiosk_get_pin_pad_open (kiosk));
  g_assert_cmpint (steady_kiosk_get_state (kiosk), ==, STEADY_KIOSK_STATE_ACTIVE);
  g_assert_cmpint (steady_kiosk_get_next_deadline (kiosk), ==, now + S(10));
  steady_kiosk_tick (kiosk, now += S(10));
  g_assert_cmpint (steady_kiosk_get_state (kiosk), ==, STEADY_KIOSK_STATE_WARNING);
  steady_kiosk_tick (kiosk, now += S(5));
  g_assert_cmpint (steady_kiosk_get_state (kiosk), ==, STEADY_KIOSK_STATE_ATTRACT);
  g_assert_cmpuint (steady_kiosk_get_n_resets (kiosk), ==, 1);

  /* One late tick does all of it at once. */
  steady_kiosk_input (kiosk, now);
  steady_kiosk_open_pin_pad (kiosk, now);
  steady_kiosk_tick (kiosk, now + S(STEADY_KIOSK_PIN_PAD_SECONDS + 10 + 5));
  g_assert_false (steady_kiosk_get_pin_pad_open (kiosk));
  g_assert_cmpuint (steady_kiosk_get_n_resets (kiosk), ==, 2);

  /* A reset closes the pad too. */
  steady_kiosk_input (kiosk, now += S(100));
  steady_kiosk_open_pin_pad (kiosk, now);
  steady_kiosk_reset (kiosk);
  g_assert_false (steady_kiosk_get_pin_pad_open (kiosk));
}

/* What is stored is the scheme, the rounds, the salt and the 32-byte
 * digest, in hex, on one line: no field is the PIN. (Not a search for the
 * PIN's digits in the text: a random salt or digest holds any few digits
 * now and then; a deterministic hash is searched instead, below.) */
static void
assert_hides_pin (const char *stored,
                  const char *pin)
{
  g_auto(GStrv) fields = g_strsplit (stored, "$", -1);

  g_assert_null (strchr (stored, '\n'));
  g_assert_cmpuint (g_strv_length (fields), ==, 4);
  g_assert_cmpstr (fields[0], ==, "sha256");
  g_assert_cmpuint (strlen (fields[2]), >=, 16);
  g_assert_cmpuint (strlen (fields[3]), ==, 64);
  for (guint i = 0; fields[i] != NULL; i++)
    g_assert_cmpstr (fields[i], !=, pin);
}

static void
test_kiosk_pin (void)
{
  static const guint8 salt[] = { 1, 2, 3, 4, 5, 6, 7, 8 };
  g_autoptr(GError) error = NULL;
  g_autofree char *stored = NULL;
  g_autofree char *again = NULL;
  g_autofree char *fixed = NULL;
  g_autofree char *fixed_again = NULL;

  stored = steady_kiosk_pin_hash ("2468", &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (stored, "sha256$20000$"));
  assert_hides_pin (stored, "2468");
  g_assert_true (steady_kiosk_pin_check ("2468", stored));
  g_assert_false (steady_kiosk_pin_check ("2469", stored));
  g_assert_false (steady_kiosk_pin_check ("24680", stored));
  g_assert_false (steady_kiosk_pin_check ("", stored));

  /* A fresh salt each time: the same PIN never stores the same. */
  again = steady_kiosk_pin_hash ("2468", NULL);
  g_assert_cmpstr (stored, !=, again);
  g_assert_true (steady_kiosk_pin_check ("2468", again));

  /* Deterministic with a given salt, and the rounds are part of it. */
  fixed = steady_kiosk_pin_hash_with_salt ("1234", salt, sizeof salt, 3);
  fixed_again = steady_kiosk_pin_hash_with_salt ("1234", salt, sizeof salt, 3);
  g_assert_cmpstr (fixed, ==, fixed_again);
  g_assert_true (g_str_has_prefix (fixed, "sha256$3$0102030405060708$"));
  g_assert_cmpuint (strlen (fixed), ==, strlen ("sha256$3$0102030405060708$") + 64);
  g_assert_true (steady_kiosk_pin_check ("1234", fixed));
  /* The PIN itself is nowhere in it. */
  g_assert_null (strstr (fixed, "1234"));

  /* No PIN set, or a damaged one: nobody gets out from the screen. */
  g_assert_false (steady_kiosk_pin_check ("1234", ""));
  g_assert_false (steady_kiosk_pin_check ("1234", NULL));
  g_assert_false (steady_kiosk_pin_check ("1234", "1234"));
  g_assert_false (steady_kiosk_pin_check ("1234", "sha256$x$0102$abcd"));
  g_assert_false (steady_kiosk_pin_check ("1234", "md5$3$0102030405060708$00"));

  /* What a PIN may be. */
  g_assert_null (steady_kiosk_pin_hash ("12a4", &error));
  g_assert_error (error, STEADY_KIOSK_PIN_ERROR, STEADY_KIOSK_PIN_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_null (steady_kiosk_pin_hash ("123", &error));
  g_assert_error (error, STEADY_KIOSK_PIN_ERROR, STEADY_KIOSK_PIN_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "3"));
  g_clear_error (&error);
  g_assert_true (steady_kiosk_pin_validate ("123456789012", NULL));
  g_assert_false (steady_kiosk_pin_validate ("1234567890123", NULL));
}

static void
test_kiosk_pin_tool (void)
{
  const char *tool = g_getenv ("STEADY_TOOL");
  const char *argv[] = { tool, "kiosk-pin", NULL };
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  if (tool == NULL)
    {
      g_test_skip ("STEADY_TOOL is not set (run under meson test)");
      return;
    }

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDIN_PIPE
                                        | G_SUBPROCESS_FLAGS_STDOUT_PIPE
                                        | G_SUBPROCESS_FLAGS_STDERR_PIPE);
  process = g_subprocess_launcher_spawnv (launcher, argv, &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (process, "97531\n", NULL, &out, &err, &error);
  g_assert_no_error (error);
  g_assert_cmpint (g_subprocess_get_exit_status (process), ==, 0);
  g_strchomp (out);
  assert_hides_pin (out, "97531");
  g_assert_true (steady_kiosk_pin_check ("97531", out));
  g_assert_false (steady_kiosk_pin_check ("97532", out));
  g_clear_object (&process);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* A bad PIN: exit 1 and one line that says why. */
  process = g_subprocess_launcher_spawnv (launcher, argv, &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (process, "12x4\n", NULL, &out, &err, &error);
  g_assert_no_error (error);
  g_assert_cmpint (g_subprocess_get_exit_status (process), ==, 1);
  g_assert_cmpstr (out, ==, "");
  g_assert_nonnull (strstr (err, "digits"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/kiosk/starts-on-attract", test_kiosk_starts_on_attract);
  g_test_add_func ("/kiosk/input-resets-idle", test_kiosk_input_resets_idle);
  g_test_add_func ("/kiosk/moving-on-counts-as-input", test_kiosk_moving_on_counts_as_input);
  g_test_add_func ("/kiosk/warning-extends-on-touch", test_kiosk_warning_extends_on_touch);
  g_test_add_func ("/kiosk/reset-clears-state", test_kiosk_reset_clears_state);
  g_test_add_func ("/kiosk/late-tick", test_kiosk_late_tick);
  g_test_add_func ("/kiosk/timeouts-clamped", test_kiosk_timeouts_clamped);
  g_test_add_func ("/kiosk/exit-gesture", test_kiosk_exit_gesture);
  g_test_add_func ("/kiosk/pin", test_kiosk_pin);
  g_test_add_func ("/kiosk/pin-lockout", test_kiosk_pin_lockout);
  g_test_add_func ("/kiosk/pin-pad-pauses-idle", test_kiosk_pin_pad_pauses_idle);
  g_test_add_func ("/kiosk/pin-tool", test_kiosk_pin_tool);

  return g_test_run ();
}
