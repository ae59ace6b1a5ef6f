#include <stddef.h>
#include <sqlite3.h>
#include "CSupport.h"

/* Whether the n bytes at s are ASCII digits; their value in *value. */
static int digits(const unsigned char *s, int n, int *value) {
    int v = 0;
    for (int i = 0; i < n; i++) {
        if (s[i] < '0' || s[i] > '9') return 0;
        v = v * 10 + (s[i] - '0');
    }
    *value = v;
    return 1;
}

/* YYYY-MM-DD, a day that exists in the proleptic Gregorian calendar (what SQLite's
   date functions use): what date(julianday(x)) gives back unchanged, except in the year
   300, where SQLite 3.40 turns 0300-03-01 into 0300-02-29, a day that does not exist. */
static int is_day(const unsigned char *s) {
    static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    int year, month, day;
    if (!digits(s, 4, &year) || s[4] != '-' || !digits(s + 5, 2, &month) || s[7] != '-' || !digits(s + 8, 2, &day)) return 0;
    if (month < 1 || month > 12 || day < 1) return 0;
    int leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
    return day <= days[month - 1] + (month == 2 && leap);
}

/* YYYY-MM-DDTHH:MM:SS, a real day and time of day. */
static int is_timestamp(const unsigned char *s) {
    int hour, minute, second;
    return is_day(s) && s[10] == 'T' && digits(s + 11, 2, &hour) && s[13] == ':' && digits(s + 14, 2, &minute)
        && s[16] == ':' && digits(s + 17, 2, &second) && hour < 24 && minute < 60 && second < 60;
}

/* contract_date(x) and contract_timestamp(x): 1 when x is a text in that exact form, else 0. */
static void contract_form(sqlite3_context *context, int argc, sqlite3_value **argv) {
    (void)argc;
    int length = *(const int *)sqlite3_user_data(context);
    int ok = 0;
    if (sqlite3_value_type(argv[0]) == SQLITE_TEXT) {
        const unsigned char *text = sqlite3_value_text(argv[0]);
        if (text && sqlite3_value_bytes(argv[0]) == length) ok = length == 10 ? is_day(text) : is_timestamp(text);
    }
    sqlite3_result_int(context, ok);
}

/* Whether the n bytes at s are well-formed UTF-8 (no overlong form, no surrogate, nothing
   past U+10FFFF) without a NUL byte. */
static int is_text(const unsigned char *s, int n) {
    for (int i = 0; i < n;) {
        unsigned char c = s[i];
        int extra;
        unsigned int scalar;
        if (c == 0) return 0;
        if (c < 0x80) { i++; continue; }
        if (c >= 0xC2 && c <= 0xDF) { extra = 1; scalar = c & 0x1F; }
        else if (c >= 0xE0 && c <= 0xEF) { extra = 2; scalar = c & 0x0F; }
        else if (c >= 0xF0 && c <= 0xF4) { extra = 3; scalar = c & 0x07; }
        else return 0;
        if (i + extra >= n) return 0;
        for (int k = 1; k <= extra; k++) {
            if ((s[i + k] & 0xC0) != 0x80) return 0;
            scalar = scalar << 6 | (s[i + k] & 0x3F);
        }
        if ((extra == 2 && (scalar < 0x800 || (scalar >= 0xD800 && scalar <= 0xDFFF))) ||
            (extra == 3 && (scalar < 0x10000 || scalar > 0x10FFFF))) return 0;
        i += extra + 1;
    }
    return 1;
}

/* contract_text(x): 0 when x is NULL, a number, or a text of well-formed UTF-8 without a
   NUL byte; 1 when x is a BLOB, 2 when x is a text that is not (SQLite checks neither). */
static void contract_text(sqlite3_context *context, int argc, sqlite3_value **argv) {
    (void)argc;
    int type = sqlite3_value_type(argv[0]);
    if (type == SQLITE_BLOB) { sqlite3_result_int(context, 1); return; }
    if (type != SQLITE_TEXT) { sqlite3_result_int(context, 0); return; }
    const unsigned char *text = sqlite3_value_text(argv[0]);
    sqlite3_result_int(context, text && is_text(text, sqlite3_value_bytes(argv[0])) ? 0 : 2);
}

int mq_register_contract_functions(void *connection) {
    static const int day = 10, timestamp = 19;
    sqlite3 *db = connection;
    int flags = SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS;
    if (sqlite3_create_function_v2(db, "contract_date", 1, flags, (void *)&day, contract_form, NULL, NULL, NULL) != SQLITE_OK)
        return -1;
    if (sqlite3_create_function_v2(db, "contract_text", 1, flags, NULL, contract_text, NULL, NULL, NULL) != SQLITE_OK)
        return -1;
    return sqlite3_create_function_v2(db, "contract_timestamp", 1, flags, (void *)&timestamp, contract_form, NULL, NULL, NULL)
        == SQLITE_OK ? 0 : -1;
}
