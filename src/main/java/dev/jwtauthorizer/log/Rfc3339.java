package dev.jwtauthorizer.log;

/**
 * Epoch milliseconds as an RFC 3339 UTC timestamp with milliseconds ({@code 2024-05-01T12:34:56.789Z}),
 * written straight into a byte buffer: no formatter, no allocation except once a day.
 */
final class Rfc3339 {
    static final int LENGTH = 24;
    private static final long MILLIS_PER_DAY = 86_400_000L;

    /** A day and its {@code yyyy-mm-ddT} text. Immutable, so a thread sees a whole one or the previous. */
    private record Day(long number, byte[] text) {
    }

    private static volatile Day cached = new Day(Long.MIN_VALUE, null);

    private Rfc3339() {
    }

    /** Writes {@link #LENGTH} bytes at {@code at}. */
    static void write(long epochMillis, byte[] into, int at) {
        long dayNumber = Math.floorDiv(epochMillis, MILLIS_PER_DAY);
        Day day = cached;
        if (day.number() != dayNumber) {
            day = new Day(dayNumber, dateText(dayNumber));
            cached = day;
        }
        System.arraycopy(day.text(), 0, into, at, 11);
        int millis = (int) Math.floorMod(epochMillis, MILLIS_PER_DAY);
        twoDigits(millis / 3_600_000, into, at + 11);
        into[at + 13] = ':';
        twoDigits(millis / 60_000 % 60, into, at + 14);
        into[at + 16] = ':';
        twoDigits(millis / 1000 % 60, into, at + 17);
        into[at + 19] = '.';
        int fraction = millis % 1000;
        into[at + 20] = (byte) ('0' + fraction / 100);
        twoDigits(fraction % 100, into, at + 21);
        into[at + 23] = 'Z';
    }

    /** {@code yyyy-mm-ddT} of a day counted from 1970-01-01 (H. Hinnant's civil_from_days). */
    private static byte[] dateText(long days) {
        long z = days + 719_468;
        long era = Math.floorDiv(z, 146_097);
        long dayOfEra = z - era * 146_097;
        long yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365;
        long dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100);
        long shiftedMonth = (5 * dayOfYear + 2) / 153;
        int day = (int) (dayOfYear - (153 * shiftedMonth + 2) / 5 + 1);
        int month = (int) (shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9);
        int year = (int) (yearOfEra + era * 400 + (month <= 2 ? 1 : 0));
        byte[] text = new byte[11];
        twoDigits(year / 100, text, 0);
        twoDigits(year % 100, text, 2);
        text[4] = '-';
        twoDigits(month, text, 5);
        text[7] = '-';
        twoDigits(day, text, 8);
        text[10] = 'T';
        return text;
    }

    private static void twoDigits(int value, byte[] into, int at) {
        into[at] = (byte) ('0' + value / 10);
        into[at + 1] = (byte) ('0' + value % 10);
    }
}
