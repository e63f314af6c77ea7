/*
 * Minimal JSON reader for the spec runner (host tool, uses malloc): parses a whole document
 * into a tree. Strings are decoded to UTF-8 with their length (they may contain NUL).
 */
#ifndef AIOS_VM_JSON_H
#define AIOS_VM_JSON_H

#include <stddef.h>

typedef enum json_kind {
    JSON_NULL,
    JSON_BOOL,
    JSON_NUMBER,
    JSON_STRING,
    JSON_ARRAY,
    JSON_OBJECT
} json_kind_t;

typedef struct json {
    json_kind_t kind;
    char *str;          /* string value, or the number's text */
    size_t len;         /* string length in bytes */
    char *key;          /* member name when inside an object */
    struct json *child; /* first element or member */
    struct json *next;  /* next sibling */
} json_t;

/* Parse `text[0..len)`; NULL on a syntax error. Free with json_free. */
json_t *json_parse(const char *text, size_t len);
void json_free(json_t *j);

/* Member `key` of an object, or NULL. */
const json_t *json_get(const json_t *obj, const char *key);
/* String value of member `key`, or NULL when absent or not a string. */
const char *json_str(const json_t *obj, const char *key);

#endif
