# asyncio.Lock: mutual exclusion, FIFO hand-over, async with, errors.
import asyncio


async def user(name, lock, hold_ms):
    print(name, "wants lock")
    async with lock:
        print(name, "has lock", lock.locked())
        await asyncio.sleep_ms(hold_ms)
        print(name, "releases")
    return name


async def main():
    lock = asyncio.Lock()
    print("locked", lock.locked())
    tasks = [asyncio.create_task(user(n, lock, 40)) for n in ("u1", "u2", "u3")]
    for t in tasks:
        await t
    print("locked", lock.locked())

    r = await lock.acquire()
    print("acquire returned", r, lock.locked())
    lock.release()
    print("locked", lock.locked())
    try:
        lock.release()
    except RuntimeError:
        print("RuntimeError on release of unlocked lock")

    # A waiter cancelled while queued does not get the lock.
    await lock.acquire()
    w1 = asyncio.create_task(user("c1", lock, 10))
    w2 = asyncio.create_task(user("c2", lock, 10))
    await asyncio.sleep_ms(20)
    w1.cancel()
    await asyncio.sleep_ms(20)
    print("releasing main's lock")
    lock.release()
    try:
        await w1
    except asyncio.CancelledError:
        print("c1 cancelled")
    print(await w2)
    print("locked", lock.locked())

    # An exception inside async with releases the lock.
    try:
        async with lock:
            raise ValueError("inside")
    except ValueError as e:
        print("caught", e, "locked", lock.locked())


asyncio.run(main())
