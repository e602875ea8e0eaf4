# asyncio.wait_for / wait_for_ms: result in time, TimeoutError and the
# cancellation the inner task sees.
import asyncio


async def job(ms, result):
    try:
        await asyncio.sleep_ms(ms)
    except asyncio.CancelledError:
        print("job", result, "cancelled")
        raise
    print("job", result, "finished")
    return result


async def main():
    print(await asyncio.wait_for(job(30, "quick"), 1))
    try:
        await asyncio.wait_for(job(500, "slow"), 0.05)
    except asyncio.TimeoutError:
        print("TimeoutError")
    print(await asyncio.wait_for_ms(job(20, "ms"), 200))
    try:
        await asyncio.wait_for_ms(job(400, "slow ms"), 40)
    except asyncio.TimeoutError as e:
        print("TimeoutError", type(e).__name__, isinstance(e, Exception))
    print(await asyncio.wait_for(job(10, "no timeout"), None))

    # An exception from the awaited coroutine passes through.
    async def boom():
        await asyncio.sleep_ms(10)
        raise KeyError("k")

    try:
        await asyncio.wait_for(boom(), 1)
    except KeyError as e:
        print("KeyError", e.args)

    # A task given to wait_for is cancelled on timeout.
    t = asyncio.create_task(job(300, "task"))
    try:
        await asyncio.wait_for(t, 0.03)
    except asyncio.TimeoutError:
        print("timed out; task done:", t.done())

    # Cleanup in the inner task runs before TimeoutError reaches the caller.
    async def with_cleanup():
        try:
            await asyncio.sleep(10)
        finally:
            print("cleanup")

    try:
        await asyncio.wait_for(with_cleanup(), 0.02)
    except asyncio.TimeoutError:
        print("TimeoutError after cleanup")


asyncio.run(main())
