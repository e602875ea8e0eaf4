# asyncio.Event: waiters block until set; clear; is_set; wait returns True.
import asyncio


async def waiter(name, ev):
    print(name, "waiting")
    r = await ev.wait()
    print(name, "woke", r)
    return name


async def main():
    ev = asyncio.Event()
    print("is_set", ev.is_set())
    tasks = [asyncio.create_task(waiter(n, ev)) for n in ("w1", "w2", "w3")]
    await asyncio.sleep_ms(50)
    print("setting")
    ev.set()
    print("is_set", ev.is_set())
    for t in tasks:
        print("done?", t.done())
    for t in tasks:
        print("got", await t)
    # Already set: wait returns at once.
    print("again", await ev.wait())
    ev.clear()
    print("is_set after clear", ev.is_set())

    async def setter():
        await asyncio.sleep_ms(80)
        print("setter sets")
        ev.set()

    asyncio.create_task(setter())
    await ev.wait()
    print("main woke")
    # set twice, clear, then wait again.
    ev.set()
    ev.set()
    ev.clear()
    t = asyncio.create_task(waiter("late", ev))
    await asyncio.sleep_ms(30)
    print("late done?", t.done())
    ev.set()
    await t


asyncio.run(main())
