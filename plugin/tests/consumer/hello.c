/* A program built against an installed libtranslint, with pkg-config or with CMake's
 * find_package: it checks one sentence and prints the report. */
#include <stdio.h>
#include <string.h>
#include <translint.h>

int main(void) {
    static const char text[] = "Ha parlato con Ilon Musk.";
    translint_error* error = NULL;
    translint_engine* engine = translint_engine_new(NULL, 0, &error);
    translint_result* result =
        engine ? translint_check(engine, text, strlen(text), "it", 2, "", 0, "hello.txt", 9, &error)
               : NULL;
    if (!result) {
        fprintf(stderr, "hello: %s\n", translint_error_message(error, NULL));
        translint_error_free(error);
        translint_engine_free(engine);
        return 1;
    }
    const char* json;
    size_t size;
    translint_result_json(result, &json, &size);
    fwrite(json, 1, size, stdout);
    const int found = strstr(json, "\"suggestions\": [\"Elon\"") != NULL &&
                      translint_result_count(result, TRANSLINT_SEVERITY_ERROR) > 0;
    translint_result_free(result);
    translint_engine_free(engine);
    printf("hello: translint %s, ABI %d\n", translint_version(), translint_abi_version());
    return found ? 0 : 1;
}
