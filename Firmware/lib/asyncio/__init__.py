# Breadbox asyncio: MicroPython's asyncio API on the runtime's own scheduler.

from .core import (
    CancelledError,
    TimeoutError,
    Task,
    Loop,
    create_task,
    current_task,
    get_event_loop,
    new_event_loop,
    run,
    run_until_complete,
    sleep,
    sleep_ms,
)
from .event import Event, ThreadSafeFlag
from .lock import Lock
from .funcs import gather, wait_for, wait_for_ms

__version__ = (3, 0, 0)
