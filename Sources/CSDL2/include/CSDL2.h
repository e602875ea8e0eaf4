// SDL2 from Debian's libsdl2-dev (the window only; rendering is in BoardView):
// its types and constants from the headers, its functions from the library
// loaded on first use (SDLLoader.c), so that a run without a window does not
// load SDL2 and the forty libraries it needs (X11, Wayland, PulseAudio...).
#include <SDL2/SDL.h>
