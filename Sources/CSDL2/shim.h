// SDL2 from Debian's libsdl2-dev (the window only; rendering is in BoardView).
#include <SDL2/SDL.h>
