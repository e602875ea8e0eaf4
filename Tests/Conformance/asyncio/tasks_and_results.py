# create_task, current_task, done(), awaiting results and exceptions.
import asyncio


async def child(n):
    me = asyncio.current_task()
    print("child", n, "is a Task:", isinstance(me, asyncio.Task))
    await asyncio.sleep_ms(10 * n)
    if n == 3:
        raise ValueError("three")
    return n * n


async def main():
    me = asyncio.current_task()
    print("main task", isinstance(me, asyncio.Task), me is asyncio.current_task())
    tasks = [asyncio.create_task(child(n)) for n in (1, 2, 3)]
    print([t.done() for t in tasks])
    print(await tasks[0], await tasks[1])
    try:
        await tasks[2]
    except ValueError as e:
        print("child raised", e)
    print([t.done() for t in tasks])
    # Awaiting a finished task again gives the same outcome.
    print(await tasks[0])
    try:
        await tasks[2]
    except ValueError as e:
        print("again", e)
    # A task created and left alone still runs while main sleeps.
    asyncio.create_task(child(4))
    await asyncio.sleep_ms(80)
    print("main done")
    return "main result"


print(asyncio.run(main()))

try:
    asyncio.current_task()
except RuntimeError:
    print("no current task outside the loop")

try:
    asyncio.create_task(42)
except TypeError:
    print("TypeError for a non-coroutine")
