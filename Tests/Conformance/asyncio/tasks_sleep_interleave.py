# Several tasks sleeping for distinct durations interleave in wake-up order.
import asyncio

log = []


async def worker(name, delay_ms, times):
    for i in range(times):
        await asyncio.sleep_ms(delay_ms)
        log.append((name, i))
        print(name, "tick", i)
    return name + " done"


async def main():
    a = asyncio.create_task(worker("a", 60, 3))   # 60 120 180
    b = asyncio.create_task(worker("b", 110, 2))  # 110 220
    c = asyncio.create_task(worker("c", 250, 1))  # 250
    print("created")
    print(await a)
    print(await b)
    print(await c)
    return len(log)


print("result", asyncio.run(main()))


async def seconds():
    await asyncio.sleep(0.05)
    print("slept 0.05 s")
    await asyncio.sleep(0)
    print("slept 0")
    return 42


print(asyncio.run(seconds()))


async def zero_sleep_round_robin():
    async def spin(name):
        for i in range(3):
            print(name, i)
            await asyncio.sleep(0)

    t1 = asyncio.create_task(spin("x"))
    t2 = asyncio.create_task(spin("y"))
    await t1
    await t2


asyncio.run(zero_sleep_round_robin())
