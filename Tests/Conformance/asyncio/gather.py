# asyncio.gather: results in argument order, return_exceptions, first error.
import asyncio


async def value(v, ms):
    await asyncio.sleep_ms(ms)
    print("value", v)
    return v


async def fail(msg, ms):
    await asyncio.sleep_ms(ms)
    print("fail", msg)
    raise ValueError(msg)


async def main():
    print(await asyncio.gather(value(1, 90), value(2, 30), value(3, 60)))
    print(await asyncio.gather())
    t = asyncio.create_task(value("task", 20))
    print(await asyncio.gather(t, value("coro", 50)))
    # The finished task can be gathered again.
    print(await asyncio.gather(t))

    r = await asyncio.gather(value("a", 30), fail("b", 60), value("c", 90), return_exceptions=True)
    print(len(r), r[0], type(r[1]).__name__, r[1], r[2])

    try:
        await asyncio.gather(value("x", 40), fail("y", 20), value("z", 60))
    except ValueError as e:
        print("gather raised", e)
    # The others keep running after the error.
    await asyncio.sleep_ms(100)
    print("after")

    # Cancelling a gather cancels its children.
    async def slow(name):
        try:
            await asyncio.sleep_ms(1000)
        except asyncio.CancelledError:
            print(name, "cancelled")
            raise

    g = asyncio.create_task(asyncio.gather(slow("s1"), slow("s2")))
    await asyncio.sleep_ms(30)
    g.cancel()
    try:
        await g
    except asyncio.CancelledError:
        print("gather cancelled")


asyncio.run(main())
