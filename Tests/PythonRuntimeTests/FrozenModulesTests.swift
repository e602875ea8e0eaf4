import Foundation
import BreadboxTestSupport
import XCTest
@testable import PythonRuntime

/// The modules of `Firmware/lib` and `Firmware/runtime` are embedded by
/// `Scripts/freeze.py`; these tests fail when a file there changed without the
/// generator being run again, and check that frozen packages import like
/// packages on a drive. (FirmwareAPITests checks the flavours' tables.)
final class FrozenModulesTests: XCTestCase {
    func testGeneratedTableMatchesFirmwareLib() {
        FrozenTables.assertMatches(folder: "lib", sources: frozenModuleSources, packages: frozenPackages)
    }

    func testGeneratedTableMatchesFirmwareRuntime() {
        FrozenTables.assertMatches(folder: "runtime", sources: runtimeModuleSources)
    }

    func testFrozenPackagesImport() {
        assertOutput("""
        import asyncio
        print(asyncio.__name__, asyncio.__path__, asyncio.__file__)
        import asyncio.core
        print(asyncio.core.__name__, asyncio.core.__file__)
        from asyncio import event
        print(event.__name__, event.Event is asyncio.Event)
        import sys
        print('asyncio.lock' in sys.modules, hasattr(asyncio.core, '__path__'))
        """, """
        asyncio .frozen/asyncio .frozen/asyncio/__init__.py
        asyncio.core .frozen/asyncio/core.py
        asyncio.event True
        True False

        """)
    }

    func testMissingFrozenSubmodule() {
        let r = runPython("import asyncio.nothing_here")
        XCTAssertEqual(r.exception?.type.name, "ImportError")
    }

    /// A package on the drive named like a frozen one wins ('' comes before
    /// '.frozen' on sys.path).
    func testDriveShadowsFrozen() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("frozen-shadow-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("asyncio"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        try "NAME = 'mine'\n".write(to: dir.appendingPathComponent("asyncio/__init__.py"), atomically: true, encoding: .utf8)
        let r = runPython("import asyncio\nprint(asyncio.NAME)", root: dir.path)
        XCTAssertNil(r.exception, r.stderr)
        XCTAssertEqual(r.stdout, "mine\n")
    }
}

/// asyncio on a board's virtual clock (FakeClock, from TimeModuleTests): idle
/// time passes in `time.sleep_ms`, which moves the clock on without waiting.
final class AsyncioVirtualClockTests: XCTestCase {
    /// Runs `source` on a runtime whose clock is `clock`.
    func runWithFakeClock(_ source: String, clock: FakeClock = FakeClock()) -> PythonResult {
        let r = PythonSession(clock: clock).run(source, timeout: 30)
        XCTAssertFalse(r.timedOut, "timed out")
        XCTAssertNil(r.exception, r.stderr)
        return r
    }

    func testHourLongSleepPassesInVirtualTime() {
        let started = Date()
        let clock = FakeClock()
        let r = runWithFakeClock("""
        import asyncio, time

        async def blink(log):
            for i in range(3):
                await asyncio.sleep(1200)
                log.append(i)

        async def main():
            t0 = time.ticks_ms()
            log = []
            b = asyncio.create_task(blink(log))
            await asyncio.sleep(3600)
            await b
            print('slept', time.ticks_diff(time.ticks_ms(), t0) // 1000, 's', log)

        asyncio.run(main())
        """, clock: clock)
        XCTAssertEqual(r.stdout, "slept 3600 s [0, 1, 2]\n")
        XCTAssertGreaterThanOrEqual(clock.monotonicNanoseconds, 3_600_000_000_000)
        // Idle time is spent in a few long sleeps, not polled.
        XCTAssertLessThan(clock.sleeps.count, 10)
        XCTAssertLessThan(Date().timeIntervalSince(started), 20)
    }

    func testWaitForTimeoutInVirtualTime() {
        let r = runWithFakeClock("""
        import asyncio, time

        async def forever():
            await asyncio.sleep(86400)

        async def main():
            t0 = time.ticks_ms()
            try:
                await asyncio.wait_for(forever(), 600)
            except asyncio.TimeoutError:
                print('timeout after', time.ticks_diff(time.ticks_ms(), t0) // 1000, 's')

        asyncio.run(main())
        """)
        XCTAssertEqual(r.stdout, "timeout after 600 s\n")
    }

    func testUnretrievedExceptionIsReported() {
        let r = runWithFakeClock("""
        import asyncio

        async def bad():
            raise ValueError('lost')

        async def main():
            asyncio.create_task(bad())
            await asyncio.sleep(1)
            print('main done')

        asyncio.run(main())
        """)
        XCTAssertEqual(r.stdout, "main done\n")
        XCTAssertTrue(r.stderr.hasPrefix("Task exception wasn't retrieved\nfuture: <Task> coro= "), r.stderr)
        XCTAssertTrue(r.stderr.contains("Traceback (most recent call last):"), r.stderr)
        XCTAssertTrue(r.stderr.hasSuffix("ValueError: lost\n"), r.stderr)
    }
}
