/* Minimal recursive-descent JSON reader (host tool). */
#include "vm_json.h"

#include <stdlib.h>
#include <string.h>

typedef struct parser {
    const char *p, *end;
    int depth;
} parser_t;

static json_t *parse_value(parser_t *ps);

static void skip_ws(parser_t *ps)
{
    while (ps->p < ps->end && (*ps->p == ' ' || *ps->p == '\n' || *ps->p == '\r' || *ps->p == '\t'))
        ps->p++;
}

static int hex4(const char *p, unsigned *out)
{
    unsigned v = 0;
    for (int i = 0; i < 4; i++) {
        char c = p[i];
        v <<= 4;
        if (c >= '0' && c <= '9')
            v |= (unsigned)(c - '0');
        else if (c >= 'a' && c <= 'f')
            v |= (unsigned)(c - 'a' + 10);
        else if (c >= 'A' && c <= 'F')
            v |= (unsigned)(c - 'A' + 10);
        else
            return 0;
    }
    *out = v;
    return 1;
}

static size_t put_utf8(char *o, unsigned cp)
{
    if (cp < 0x80) {
        o[0] = (char)cp;
        return 1;
    }
    if (cp < 0x800) {
        o[0] = (char)(0xC0 | cp >> 6);
        o[1] = (char)(0x80 | (cp & 0x3F));
        return 2;
    }
    if (cp < 0x10000) {
        o[0] = (char)(0xE0 | cp >> 12);
        o[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
        o[2] = (char)(0x80 | (cp & 0x3F));
        return 3;
    }
    o[0] = (char)(0xF0 | cp >> 18);
    o[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
    o[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
    o[3] = (char)(0x80 | (cp & 0x3F));
    return 4;
}

/* Decode a string starting after its opening quote. */
static char *parse_string(parser_t *ps, size_t *len)
{
    const char *q = ps->p;
    char *out, *o;
    /* the decoded string is never longer than its escaped form */
    while (q < ps->end && *q != '"')
        q += *q == '\\' ? 2 : 1;
    out = malloc((size_t)(q - ps->p) + 1);
    o = out;
    if (!out)
        return NULL;
    while (ps->p < ps->end && *ps->p != '"') {
        char c = *ps->p++;
        if (c != '\\') {
            *o++ = c;
            continue;
        }
        if (ps->p >= ps->end)
            break;
        c = *ps->p++;
        switch (c) {
        case 'b':
            *o++ = '\b';
            break;
        case 'f':
            *o++ = '\f';
            break;
        case 'n':
            *o++ = '\n';
            break;
        case 'r':
            *o++ = '\r';
            break;
        case 't':
            *o++ = '\t';
            break;
        case 'u': {
            unsigned cp, lo;
            if (ps->end - ps->p < 4 || !hex4(ps->p, &cp))
                goto fail;
            ps->p += 4;
            if (cp >= 0xD800 && cp < 0xDC00 && ps->end - ps->p >= 6 && ps->p[0] == '\\' &&
                ps->p[1] == 'u' && hex4(ps->p + 2, &lo) && lo >= 0xDC00 && lo < 0xE000) {
                cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
                ps->p += 6;
            }
            o += put_utf8(o, cp);
            break;
        }
        default:
            *o++ = c;
            break;
        }
    }
    if (ps->p >= ps->end)
        goto fail;
    ps->p++;
    *o = 0;
    *len = (size_t)(o - out);
    return out;
fail:
    free(out);
    return NULL;
}

static json_t *new_node(json_kind_t kind)
{
    json_t *j = calloc(1, sizeof *j);
    if (j)
        j->kind = kind;
    return j;
}

static json_t *parse_container(parser_t *ps, int object)
{
    json_t *j = new_node(object ? JSON_OBJECT : JSON_ARRAY), **tail;
    char close = object ? '}' : ']';
    if (!j)
        return NULL;
    tail = &j->child;
    skip_ws(ps);
    if (ps->p < ps->end && *ps->p == close) {
        ps->p++;
        return j;
    }
    for (;;) {
        char *key = NULL;
        size_t klen;
        json_t *v;
        skip_ws(ps);
        if (object) {
            if (ps->p >= ps->end || *ps->p != '"')
                goto fail;
            ps->p++;
            key = parse_string(ps, &klen);
            skip_ws(ps);
            if (!key || ps->p >= ps->end || *ps->p != ':') {
                free(key);
                goto fail;
            }
            ps->p++;
        }
        v = parse_value(ps);
        if (!v) {
            free(key);
            goto fail;
        }
        v->key = key;
        *tail = v;
        tail = &v->next;
        skip_ws(ps);
        if (ps->p < ps->end && *ps->p == ',') {
            ps->p++;
            continue;
        }
        if (ps->p < ps->end && *ps->p == close) {
            ps->p++;
            return j;
        }
        goto fail;
    }
fail:
    json_free(j);
    return NULL;
}

static json_t *parse_value(parser_t *ps)
{
    json_t *j = NULL;
    skip_ws(ps);
    if (ps->p >= ps->end || ++ps->depth > 64)
        return NULL;
    switch (*ps->p) {
    case '{':
    case '[':
        ps->p++;
        j = parse_container(ps, ps->p[-1] == '{');
        break;
    case '"':
        ps->p++;
        j = new_node(JSON_STRING);
        if (j && !(j->str = parse_string(ps, &j->len))) {
            free(j);
            j = NULL;
        }
        break;
    default: {
        const char *start = ps->p;
        while (ps->p < ps->end && strchr("+-.0123456789eEtruefalsn", *ps->p))
            ps->p++;
        if (ps->p == start)
            return NULL;
        j = new_node(JSON_NUMBER);
        if (j) {
            j->len = (size_t)(ps->p - start);
            j->str = malloc(j->len + 1);
            if (!j->str) {
                free(j);
                return NULL;
            }
            memcpy(j->str, start, j->len);
            j->str[j->len] = 0;
            if (!strcmp(j->str, "true") || !strcmp(j->str, "false"))
                j->kind = JSON_BOOL;
            else if (!strcmp(j->str, "null"))
                j->kind = JSON_NULL;
        }
        break;
    }
    }
    ps->depth--;
    return j;
}

json_t *json_parse(const char *text, size_t len)
{
    parser_t ps = {text, text + len, 0};
    json_t *j = parse_value(&ps);
    skip_ws(&ps);
    if (j && ps.p != ps.end) {
        json_free(j);
        return NULL;
    }
    return j;
}

void json_free(json_t *j)
{
    while (j) {
        json_t *next = j->next;
        json_free(j->child);
        free(j->str);
        free(j->key);
        free(j);
        j = next;
    }
}

const json_t *json_get(const json_t *obj, const char *key)
{
    if (!obj || obj->kind != JSON_OBJECT)
        return NULL;
    for (const json_t *c = obj->child; c; c = c->next)
        if (c->key && !strcmp(c->key, key))
            return c;
    return NULL;
}

const char *json_str(const json_t *obj, const char *key)
{
    const json_t *v = json_get(obj, key);
    return v && v->kind == JSON_STRING ? v->str : NULL;
}
