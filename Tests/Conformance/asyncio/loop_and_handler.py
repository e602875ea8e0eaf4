# The event loop object: run_until_complete, create_task, run_forever/stop,
# exception handlers, new_event_loop.
import asyncio

loop = asyncio.get_event_loop()
print(loop is asyncio.get_event_loop())


async def add(a, b):
    await asyncio.sleep_ms(10)
    return a + b


print(loop.run_until_complete(add(2, 3)))


async def stopper():
    await asyncio.sleep_ms(60)
    print("stopping")
    loop.stop()


async def ticker():
    for i in range(3):
        print("tick", i)
        await asyncio.sleep_ms(40)


loop.create_task(ticker())
loop.create_task(stopper())
loop.run_forever()
print("run_forever returned")


def handler(l, context):
    print("handler:", context["message"], type(context["exception"]).__name__, context["exception"].args)


loop.set_exception_handler(handler)
print(loop.get_exception_handler() is handler)


async def orphan():
    raise KeyError("lost")


async def main():
    asyncio.create_task(orphan())
    await asyncio.sleep_ms(60)
    print("main done")


asyncio.run(main())

loop.call_exception_handler({"message": "custom", "exception": ValueError("v")})
loop.set_exception_handler(None)

loop2 = asyncio.new_event_loop()
print(loop2 is asyncio.get_event_loop())
print(loop2.run_until_complete(add(10, 20)))
loop2.close()
