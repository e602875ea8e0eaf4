# Exceptions propagate out of asyncio.run; the loop stays usable.
import asyncio


async def fails():
    await asyncio.sleep_ms(10)
    raise ValueError("from the task")


async def nested():
    await fails()


try:
    asyncio.run(nested())
except ValueError as e:
    print("caught", type(e).__name__, e)


async def ok():
    await asyncio.sleep_ms(5)
    return "fine"


print(asyncio.run(ok()))


async def raises_immediately():
    raise OSError(5)


try:
    asyncio.run(raises_immediately())
except OSError as e:
    print("OSError", e.args)


class Custom(Exception):
    pass


async def waits_for_failing_child():
    async def child():
        await asyncio.sleep_ms(20)
        raise Custom("child")

    t = asyncio.create_task(child())
    try:
        await t
    except Custom as e:
        print("parent caught", e)
        raise RuntimeError("wrapped")


try:
    asyncio.run(waits_for_failing_child())
except RuntimeError as e:
    print("run raised", e)

print(asyncio.run(ok()))
