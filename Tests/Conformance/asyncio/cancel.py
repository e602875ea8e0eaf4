# Task.cancel: CancelledError at the await point, finally blocks, results.
import asyncio


async def sleeper(name, ms):
    try:
        print(name, "sleeping")
        await asyncio.sleep_ms(ms)
        print(name, "woke")
        return name
    except asyncio.CancelledError:
        print(name, "got CancelledError")
        raise
    finally:
        print(name, "finally")


async def swallow():
    try:
        await asyncio.sleep(1)
    except asyncio.CancelledError:
        print("swallowed")
    return "kept going"


async def main():
    t = asyncio.create_task(sleeper("s1", 1000))
    await asyncio.sleep_ms(20)
    print("cancel ->", t.cancel())
    print("done before it runs", t.done())
    try:
        await t
    except asyncio.CancelledError:
        print("await raised CancelledError")
    print("done", t.done())
    print("cancel again ->", t.cancel())

    # Cancelled before it ever ran.
    t2 = asyncio.create_task(sleeper("s2", 10))
    t2.cancel()
    try:
        await t2
    except asyncio.CancelledError:
        print("s2 cancelled before start")

    # A task that swallows the cancellation finishes normally.
    t3 = asyncio.create_task(swallow())
    await asyncio.sleep_ms(10)
    t3.cancel()
    print(await t3)

    # Finished tasks cannot be cancelled.
    t4 = asyncio.create_task(sleeper("s4", 10))
    print(await t4)
    print("cancel finished ->", t4.cancel())

    # Cancelling a task that awaits another task cancels that one too.
    inner = asyncio.create_task(sleeper("inner", 60))

    async def outer():
        try:
            return await inner
        except asyncio.CancelledError:
            print("outer cancelled")
            raise

    o = asyncio.create_task(outer())
    await asyncio.sleep_ms(20)
    o.cancel()
    try:
        await o
    except asyncio.CancelledError:
        print("outer raised CancelledError; inner done", inner.done())

    print(issubclass(asyncio.CancelledError, BaseException),
          issubclass(asyncio.CancelledError, Exception))


asyncio.run(main())
