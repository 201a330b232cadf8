/* One engine, many threads: each thread checks a mix of documents, starting on a cold engine so
 * that the first checks of each language load its rules and dictionaries side by side, and every
 * report (or error) must equal the one a single thread gets for the same input afterwards.
 *
 * usage: stress ARTICLE SUMMARY [CHECKS_PER_THREAD] */
#include "translint.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { threads = 8 };

struct input {
    const char* text;
    size_t size;
    const char* language;
    const char* format;
    const char* path;
};

struct outcome {
    int ok;     /* 1: a report, 0: an error */
    char* text; /* the report or the error message */
};

static struct input inputs[] = {
    {NULL, 0, "it", "", "examples/article.it.txt"},
    {NULL, 0, "it", "", "examples/summary.it.txt"},
    {"Ha parlato con Ilon Musk e con Si Jinping.\n", 0, "it", "", "short.txt"},
    {"Il presidente Emmanuel Macron ha parlato a Parigi.\n", 0, "it", "", "clean.txt"},
    {"# Il vertice\n\nIl cancelliere Olaf Sholts ha detto che circa 15.\n\n000 persone erano in "
     "piazza, e la maschera ha risposto.\n",
     0, "", "markdown", "notes.it.md"},
    {"The chancellor met Volodimir Zelensky in Kyiv, and teh talks went well.\n", 0, "en", "",
     "english.txt"},
    {"Ciao \xff mondo\n", 0, "it", "", "bad.txt"},
    {"Ciao", 0, "zz", "", "unknown.txt"},
};
enum { input_count = sizeof inputs / sizeof inputs[0] };

static const translint_engine* engine;
static int checks_per_thread = 4;
static struct outcome* outcomes; /* [thread][check] */

static struct outcome check(const struct input* input) {
    struct outcome outcome;
    translint_error* error = NULL;
    translint_result* result = translint_check(
        engine, input->text, input->size, input->language, strlen(input->language), input->format,
        strlen(input->format), input->path, strlen(input->path), &error);
    const char* text;
    size_t size;
    if (result)
        translint_result_json(result, &text, &size);
    else
        text = translint_error_message(error, &size);
    outcome.ok = result != NULL;
    outcome.text = malloc(size + 1);
    if (!outcome.text) abort();
    memcpy(outcome.text, text, size + 1);
    translint_result_free(result);
    translint_error_free(error);
    return outcome;
}

static int input_of(int thread, int k) {
    return (thread * 3 + k) % input_count;
}

static void* run(void* argument) {
    const int thread = (int)(size_t)argument;
    for (int k = 0; k < checks_per_thread; ++k)
        outcomes[thread * checks_per_thread + k] = check(&inputs[input_of(thread, k)]);
    return NULL;
}

static char* read_all(const char* path, size_t* size) {
    FILE* file = fopen(path, "rb");
    if (!file) {
        perror(path);
        exit(2);
    }
    fseek(file, 0, SEEK_END);
    long length = ftell(file);
    fseek(file, 0, SEEK_SET);
    char* data = malloc((size_t)length + 1);
    if (!data || fread(data, 1, (size_t)length, file) != (size_t)length) exit(2);
    fclose(file);
    *size = (size_t)length;
    return data;
}

int main(int argc, char** argv) {
    if (argc < 3) {
        fprintf(stderr, "usage: %s ARTICLE SUMMARY [CHECKS_PER_THREAD]\n", argv[0]);
        return 2;
    }
    char* article = read_all(argv[1], &inputs[0].size);
    char* summary = read_all(argv[2], &inputs[1].size);
    inputs[0].text = article;
    inputs[1].text = summary;
    for (int i = 2; i < input_count; ++i)
        inputs[i].size = strlen(inputs[i].text);
    if (argc > 3) checks_per_thread = atoi(argv[3]);
    if (checks_per_thread < 1) checks_per_thread = 1;

    translint_error* error = NULL;
    translint_engine* own = translint_engine_new("", 0, &error);
    if (!own) {
        fprintf(stderr, "translint_engine_new: %s\n", translint_error_message(error, NULL));
        return 1;
    }
    engine = own;
    outcomes = calloc((size_t)threads * (size_t)checks_per_thread, sizeof *outcomes);
    if (!outcomes) return 2;

    pthread_t ids[threads];
    for (int t = 0; t < threads; ++t)
        if (pthread_create(&ids[t], NULL, run, (void*)(size_t)t) != 0) {
            fprintf(stderr, "pthread_create failed\n");
            return 2;
        }
    for (int t = 0; t < threads; ++t)
        pthread_join(ids[t], NULL);

    /* What one thread gets, on the now warm engine. */
    struct outcome expected[input_count];
    for (int i = 0; i < input_count; ++i)
        expected[i] = check(&inputs[i]);

    int failures = 0;
    for (int i = 0; i < input_count; ++i) {
        /* The inputs that must report, and the ones that must fail. */
        const int should_fail = i >= input_count - 2;
        if (expected[i].ok == should_fail) {
            fprintf(stderr, "%s: unexpected %s: %s\n", inputs[i].path,
                    expected[i].ok ? "report" : "error", expected[i].text);
            ++failures;
        }
    }
    for (int t = 0; t < threads; ++t) {
        for (int k = 0; k < checks_per_thread; ++k) {
            const struct outcome* got = &outcomes[t * checks_per_thread + k];
            const struct outcome* want = &expected[input_of(t, k)];
            if (got->ok != want->ok || strcmp(got->text, want->text) != 0) {
                fprintf(stderr, "thread %d, check %d (%s) differs:\n%s\n--- single thread:\n%s\n",
                        t, k, inputs[input_of(t, k)].path, got->text, want->text);
                ++failures;
            }
            free(got->text);
        }
    }
    for (int i = 0; i < input_count; ++i)
        free(expected[i].text);
    free(outcomes);
    translint_engine_free(own);
    free(article);
    free(summary);
    printf("%d threads x %d checks: %s\n", threads, checks_per_thread,
           failures ? "FAILED" : "all equal to the single-threaded results");
    return failures ? 1 : 0;
}
