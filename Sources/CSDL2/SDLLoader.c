// The SDL2 functions the window calls, each forwarding to the library loaded
// with dlopen on the first call. Loading it at start-up cost every breadbox
// process about 4 ms (the dynamic loader mapping and relocating SDL2 and its
// dependencies), headless runs included. When the library cannot be loaded,
// SDL_Init fails and SDL_GetError says why.
// Hidden: the executable exports its symbols, and these must not stand in
// for the library's own (SDL's headers declare them with default visibility
// unless DECLSPEC is set first).
#define DECLSPEC __attribute__((visibility("hidden")))
#include "CSDL2.h"
#include "CDynamicLibrary.h"
#include <pthread.h>

// X(return type, name, parameters, arguments, result when not loaded)
#define SDL_RETURNING(X) \
    X(SDL_Renderer *, SDL_CreateRenderer, (SDL_Window *window, int index, Uint32 flags), (window, index, flags), NULL) \
    X(SDL_Texture *, SDL_CreateTexture, (SDL_Renderer *renderer, Uint32 format, int access, int w, int h), \
      (renderer, format, access, w, h), NULL) \
    X(SDL_Window *, SDL_CreateWindow, (const char *title, int x, int y, int w, int h, Uint32 flags), \
      (title, x, y, w, h, flags), NULL) \
    X(Uint8, SDL_EventState, (Uint32 type, int state), (type, state), 0) \
    X(const char *, SDL_GetCurrentVideoDriver, (void), (), NULL) \
    X(SDL_Keymod, SDL_GetModState, (void), (), KMOD_NONE) \
    X(Uint32, SDL_GetMouseState, (int *x, int *y), (x, y), 0) \
    X(int, SDL_PollEvent, (SDL_Event *event), (event), 0) \
    X(int, SDL_PushEvent, (SDL_Event *event), (event), -1) \
    X(int, SDL_RenderClear, (SDL_Renderer *renderer), (renderer), -1) \
    X(int, SDL_RenderCopy, (SDL_Renderer *renderer, SDL_Texture *texture, const SDL_Rect *srcrect, \
                            const SDL_Rect *dstrect), (renderer, texture, srcrect, dstrect), -1) \
    X(int, SDL_UpdateTexture, (SDL_Texture *texture, const SDL_Rect *rect, const void *pixels, int pitch), \
      (texture, rect, pixels, pitch), -1) \
    X(Uint32, SDL_WasInit, (Uint32 flags), (flags), 0) \
    X(char *, SDL_strdup, (const char *str), (str), NULL)

// V(name, parameters, arguments)
#define SDL_VOID(V) \
    V(SDL_DestroyRenderer, (SDL_Renderer *renderer), (renderer)) \
    V(SDL_DestroyTexture, (SDL_Texture *texture), (texture)) \
    V(SDL_DestroyWindow, (SDL_Window *window), (window)) \
    V(SDL_Quit, (void), ()) \
    V(SDL_QuitSubSystem, (Uint32 flags), (flags)) \
    V(SDL_RenderPresent, (SDL_Renderer *renderer), (renderer)) \
    V(SDL_SetWindowMinimumSize, (SDL_Window *window, int min_w, int min_h), (window, min_w, min_h)) \
    V(SDL_StartTextInput, (void), ()) \
    V(SDL_free, (void *mem), (mem))

#define POINTER(type, name, params, args, otherwise) static type (*real_##name) params;
#define VOID_POINTER(name, params, args) static void (*real_##name) params;
SDL_RETURNING(POINTER)
SDL_VOID(VOID_POINTER)
static const char *(*real_SDL_GetError)(void);
static int (*real_SDL_Init)(Uint32 flags);

static pthread_once_t once = PTHREAD_ONCE_INIT;
static int loaded;
static char failure[512];

// The symbols in the order `load` assigns them.
#define NAME(type, name, params, args, otherwise) #name,
#define VOID_NAME(name, params, args) #name,
static const char *const names[] = {SDL_RETURNING(NAME) SDL_VOID(VOID_NAME) "SDL_GetError", "SDL_Init"};
enum { symbol_count = sizeof names / sizeof names[0] };

static void load(void) {
    void *addresses[symbol_count];
    if (!breadbox_open_library("libSDL2-2.0.so.0", "SDL2", names, addresses, symbol_count, failure, sizeof failure))
        return;
    size_t i = 0;
#define ASSIGN(type, name, params, args, otherwise) real_##name = (type (*) params)addresses[i++];
#define VOID_ASSIGN(name, params, args) real_##name = (void (*) params)addresses[i++];
    SDL_RETURNING(ASSIGN)
    SDL_VOID(VOID_ASSIGN)
    real_SDL_GetError = (const char *(*)(void))addresses[i++];
    real_SDL_Init = (int (*)(Uint32))addresses[i++];
    loaded = 1;
}

static int ready(void) {
    pthread_once(&once, load);
    return loaded;
}

int SDL_Init(Uint32 flags) { return ready() ? real_SDL_Init(flags) : -1; }
const char *SDL_GetError(void) { return ready() ? real_SDL_GetError() : failure; }

#define WRAPPER(type, name, params, args, otherwise) \
    type name params { return ready() ? real_##name args : otherwise; }
#define VOID_WRAPPER(name, params, args) \
    void name params { if (ready()) real_##name args; }
SDL_RETURNING(WRAPPER)
SDL_VOID(VOID_WRAPPER)
