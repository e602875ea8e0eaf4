# asyncio.ThreadSafeFlag: set wakes the waiter; wait clears the flag.
import asyncio


async def main():
    flag = asyncio.ThreadSafeFlag()

    async def waiter():
        for i in range(3):
            await flag.wait()
            print("flag", i)

    t = asyncio.create_task(waiter())
    for i in range(3):
        await asyncio.sleep_ms(20)
        print("set", i)
        flag.set()
    await t

    # Set before the wait: wait returns at once and clears it.
    flag.set()
    await flag.wait()
    print("already set")

    flag.set()
    flag.clear()
    try:
        await asyncio.wait_for_ms(flag.wait(), 30)
    except asyncio.TimeoutError:
        print("cleared flag times out")


asyncio.run(main())
