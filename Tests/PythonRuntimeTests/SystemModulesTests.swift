import Foundation
import XCTest
@testable import PythonRuntime
import HostPlatform

/// The system-facing modules where MicroPython's API differs from CPython's
/// (so the conformance corpus cannot check them): os, gc, micropython, select,
/// sys, files through the VirtualFileSystem, and the sandbox around it.
final class SystemModulesTests: XCTestCase {
    var tempRoots: [URL] = []

    /// A fresh folder (removed after the test).
    func makeTempFolder() -> URL {
        let url = FileManager.default.temporaryDirectory
            .appendingPathComponent("breadbox-sysmod-\(UUID().uuidString)")
        try! FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        tempRoots.append(url)
        return url
    }

    override func tearDown() {
        for url in tempRoots { try? FileManager.default.removeItem(at: url) }
        tempRoots = []
        super.tearDown()
    }

    /// A session whose drive is a fresh temp folder (returned too).
    func session(stdin: [String] = [], configure: (inout RuntimeConfiguration) -> Void = { _ in })
        -> (PythonSession, URL) {
        let root = makeTempFolder()
        let s = PythonSession(stdin: stdin, fileSystem: DirectoryFileSystem(root: root.path, capacityBytes: 1 << 20),
                              configure: configure)
        return (s, root)
    }

    func check(_ s: PythonSession, _ source: String, _ expected: String,
               file: StaticString = #filePath, line: UInt = #line) {
        let r = s.run(source)
        XCTAssertNil(r.exception, "uncaught exception:\n\(r.stderr)", file: file, line: line)
        XCTAssertEqual(r.stdout, expected, file: file, line: line)
    }

    /// A data logger appends to a log bigger than the whole heap: "a" mode
    /// holds only what it writes, so the append works and the log grows.
    func testAppendingToAFileBiggerThanTheHeap() throws {
        let (s, root) = session(configure: { $0.heapLimit = 256 << 10 })
        try Data(repeating: 0x2E, count: 600 << 10).write(to: root.appendingPathComponent("log.txt"))
        check(s, """
            import os
            with open('log.txt', 'a') as f:
                print(f.tell())
                f.write('reading 1\\n')
                f.flush()
                f.write('reading 2\\n')
                print(f.tell())
            print(os.stat('log.txt')[6])
            """, "614400\n614420\n614420\n")
        let tail = try Data(contentsOf: root.appendingPathComponent("log.txt")).suffix(20)
        XCTAssertEqual(String(decoding: tail, as: UTF8.self), "reading 1\nreading 2\n")
    }

    // MARK: os

    /// Open files go through a 512-byte window, so a program with 48 KB of heap
    /// writes and reads back a log several times that size, with CPython's results
    /// for text split at window edges, random access, big writes and gaps.
    func testFilesStreamThroughASmallWindow() throws {
        let program = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Programs/file_streaming.py")
        let expected = try String(contentsOf: URL(fileURLWithPath: program.path + ".exp"), encoding: .utf8)
        let (s, _) = session(configure: { $0.heapLimit = 48 << 10 })
        check(s, try String(contentsOf: program, encoding: .utf8), expected)
    }

    func testOSListingAndStat() throws {
        let (s, root) = session()
        try "hello".write(to: root.appendingPathComponent("a.txt"), atomically: true, encoding: .utf8)
        try FileManager.default.createDirectory(at: root.appendingPathComponent("lib"), withIntermediateDirectories: false)
        check(s, """
        import os
        print(os.listdir(), os.listdir('/'), os.getcwd(), os.sep)
        print(list(os.ilistdir()))
        print(list(os.ilistdir('/')) == list(os.ilistdir('.')))
        st = os.stat('a.txt')
        print(len(st), st[0], st[6], st[7] == st[8] == st[9], st[7] > 1600000000)
        print(os.stat('lib')[0], os.stat('/')[0])
        v = os.statvfs('/')
        print(len(v), v[0], v[1], v[2], v[3] <= v[2], v[9])
        """, """
        ['a.txt', 'lib'] ['a.txt', 'lib'] / /
        [('a.txt', 32768, 0, 5), ('lib', 16384, 0, 0)]
        True
        10 32768 5 True True
        16384 16384
        10 4096 4096 256 True 255

        """)
    }

    func testOSDirectoriesAndCurrentDirectory() {
        let (s, root) = session()
        check(s, """
        import os
        os.mkdir('d')
        os.chdir('d')
        print(os.getcwd())
        open('f.txt', 'w').close()
        os.mkdir('e')
        os.chdir('e')
        print(os.getcwd(), os.listdir('..'), os.listdir('/d'))
        os.chdir('../..')
        print(os.getcwd())
        os.rename('d/f.txt', 'g.txt')
        print(os.listdir(), os.listdir('d'))
        for bad in ['g.txt', 'missing']:
            try:
                os.chdir(bad)
            except OSError as e:
                print(e.errno)
        os.rmdir('d/e')
        os.rmdir('d')
        os.remove('g.txt')
        print(os.listdir())
        """, """
        /d
        /d/e ['e', 'f.txt'] ['e', 'f.txt']
        /
        ['d', 'g.txt'] ['e']
        20
        2
        []

        """)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: root.path), [])
    }

    func testUnameGetenvUrandom() {
        let (s, _) = session { c in
            c.sysname = "rp2"
            c.release = "1.24.0"
            c.version = "v1.24.0 on 2024-10-25"
            c.machine = "Raspberry Pi Pico with RP2040"
            c.environment = ["HOME": "/home/pico"]
        }
        check(s, """
        import os
        u = os.uname()
        print(u)
        print(u.sysname, u.nodename, u.release, u.machine, u[0], len(u))
        print(os.getenv('HOME'), os.getenv('NOPE'), os.getenv('NOPE', 'dflt'))
        r = os.urandom(16)
        print(type(r), len(r))
        print(hasattr(os, 'path'))
        """, """
        (sysname='rp2', nodename='rp2', release='1.24.0', version='v1.24.0 on 2024-10-25', machine='Raspberry Pi Pico with RP2040')
        rp2 rp2 1.24.0 Raspberry Pi Pico with RP2040 rp2 5
        /home/pico None dflt
        <class 'bytes'> 16
        False

        """)
    }

    func testNoFileSystemGivesOSError() {
        let s = PythonSession()
        check(s, """
        import os
        try:
            open('x')
        except OSError as e:
            print(e.errno)
        try:
            os.listdir('lib')
        except OSError as e:
            print(e.errno)
        # Nothing is mounted: the root itself lists no mount point (extmod/vfs.c).
        print(os.listdir(), os.getcwd())
        """, "19\n19\n[] /\n")
    }

    // MARK: files

    func testFileModesAndErrors() throws {
        let (s, root) = session()
        check(s, """
        import os
        with open('x.txt', 'x') as f:
            f.write('one')
        try:
            open('x.txt', 'x')
        except OSError as e:
            print('x', e.errno)
        f = open('x.txt')
        print(f.closed, type(f), f.read(), f.closed)
        try:
            f.write('no')
        except OSError as e:
            print('write on r', e.errno)
        f.close()
        print(f.closed)
        os.mkdir('dir')
        for mode in ['r', 'w', 'a']:
            try:
                open('dir', mode)
            except OSError as e:
                print(mode, e.errno)
        try:
            open('x.txt', 'q')
        except ValueError as e:
            print('ValueError')
        with open('b.bin', 'wb') as f:
            print(type(f), f.write(b'abc'), f.write(bytearray(b'de')))
        with open('b.bin', 'rb') as f:
            print(f.read(2), f.readline(), f.tell())
        with open('u.txt', 'w') as f:
            print(f.write('héllo wörld'))
        with open('u.txt') as f:
            print(f.read(4), f.read(3), f.read())
        """, """
        x 17
        False <class 'TextIOWrapper'> one False
        write on r 9
        True
        r 21
        w 21
        a 21
        ValueError
        <class 'FileIO'> 3 2
        b'ab' b'cde' 5
        11
        héll o w örld

        """)
        XCTAssertEqual(try String(contentsOf: root.appendingPathComponent("x.txt"), encoding: .utf8), "one")
        XCTAssertEqual(try Data(contentsOf: root.appendingPathComponent("b.bin")), Data("abcde".utf8))
    }

    /// readinto fills a writable memoryview too (mip copies files through one);
    /// output from the unix port.
    func testReadintoAMemoryview() throws {
        let (s, root) = session()
        try "def shout(s)".write(to: root.appendingPathComponent("u.py"), atomically: true, encoding: .utf8)
        check(s, """
            f = open('u.py', 'rb')
            b = bytearray(8)
            m = memoryview(b)
            print(f.readinto(m[2:6]), b)
            print(f.readinto(m), b)
            f.close()
            try:
                open('u.py', 'rb').readinto(memoryview(b'abc'))
            except TypeError as e:
                print('TypeError')
            """, """
            4 bytearray(b'\\x00\\x00def \\x00\\x00')
            8 bytearray(b'shout(s)')
            TypeError

            """)
    }

    func testFileContentWrittenBackOnFlushAndClose() throws {
        let (s, root) = session()
        let path = root.appendingPathComponent("log.txt").path
        check(s, """
        f = open('log.txt', 'w')
        f.write('abc')
        """, "")
        // Created empty at open; the content waits for flush or close.
        XCTAssertEqual(FileManager.default.contents(atPath: path), Data())
        check(s, "f.flush()", "")
        XCTAssertEqual(FileManager.default.contents(atPath: path), Data("abc".utf8))
        check(s, "f.write('def')\nf.close()", "")
        XCTAssertEqual(FileManager.default.contents(atPath: path), Data("abcdef".utf8))
    }

    /// A drive that refuses every change, as a read-only mounted flash.
    final class ReadOnlyFS: VirtualFileSystem {
        let inner: DirectoryFileSystem
        init(_ inner: DirectoryFileSystem) { self.inner = inner }
        func readFile(_ path: String) throws(FileSystemError) -> [UInt8] { try inner.readFile(path) }
        func writeFile(_ path: String, _ bytes: [UInt8], append: Bool) throws(FileSystemError) { throw .readOnly }
        func status(_ path: String) throws(FileSystemError) -> FileStatus { try inner.status(path) }
        func listDirectory(_ path: String) throws(FileSystemError) -> [String] { try inner.listDirectory(path) }
        func makeDirectory(_ path: String) throws(FileSystemError) { throw .readOnly }
        func removeFile(_ path: String) throws(FileSystemError) { throw .readOnly }
        func removeDirectory(_ path: String) throws(FileSystemError) { throw .readOnly }
        func rename(_ from: String, _ to: String) throws(FileSystemError) { throw .readOnly }
        var capacity: (total: Int, free: Int) { inner.capacity }
    }

    func testReadOnlyDrive() throws {
        let root = makeTempFolder()
        try "data".write(to: root.appendingPathComponent("r.txt"), atomically: true, encoding: .utf8)
        let s = PythonSession(fileSystem: ReadOnlyFS(DirectoryFileSystem(root: root.path)))
        check(s, """
        import os
        print(open('r.txt').read())
        for action in [lambda: open('w.txt', 'w'), lambda: os.mkdir('d'), lambda: os.remove('r.txt'),
                       lambda: os.rename('r.txt', 's.txt')]:
            try:
                action()
            except OSError as e:
                print(e.errno)
        """, "data\n30\n30\n30\n30\n")
    }

    // MARK: the sandbox

    func testPathsNeverLeaveTheRoot() throws {
        let outside = makeTempFolder()
        try "secret".write(to: outside.appendingPathComponent("secret.txt"), atomically: true, encoding: .utf8)
        let (s, root) = session()
        try FileManager.default.createSymbolicLink(atPath: root.appendingPathComponent("link.txt").path,
                                                   withDestinationPath: outside.appendingPathComponent("secret.txt").path)
        try FileManager.default.createSymbolicLink(atPath: root.appendingPathComponent("linkdir").path,
                                                   withDestinationPath: outside.path)
        try "inside".write(to: root.appendingPathComponent("in.txt"), atomically: true, encoding: .utf8)
        let r = s.run("""
        import os
        def attempt(what, f):
            try:
                print(what, repr(f()))
            except OSError as e:
                print(what, 'OSError', e.errno)
        attempt('dotdot', lambda: open('../../../../../../etc/passwd').read())
        attempt('absolute', lambda: open('/etc/passwd').read())
        attempt('listdir up', lambda: os.listdir('../..'))
        attempt('inside via dotdot', lambda: open('/../../in.txt').read())
        attempt('symlink file', lambda: open('link.txt').read())
        attempt('symlink dir', lambda: os.listdir('linkdir'))
        attempt('symlink dir file', lambda: open('linkdir/secret.txt').read())
        attempt('write via symlink', lambda: open('linkdir/new.txt', 'w'))
        attempt('chdir up', lambda: os.chdir('../../..'))
        print(os.getcwd())
        attempt('relative dotdot after chdir', lambda: open('../' * 10 + 'in.txt').read())
        """)
        XCTAssertNil(r.exception, r.stderr)
        XCTAssertFalse(r.stdout.contains("secret'"), r.stdout)
        XCTAssertFalse(r.stdout.contains("root:"), r.stdout)
        let lines = r.stdout.split(separator: "\n").map(String.init)
        guard lines.count >= 11 else { return XCTFail("expected 11 lines:\n\(r.stdout)") }
        XCTAssertEqual(lines[0], "dotdot OSError 2")
        XCTAssertEqual(lines[1], "absolute OSError 2")
        XCTAssertEqual(lines[2], "listdir up ['in.txt', 'link.txt', 'linkdir']")
        XCTAssertEqual(lines[3], "inside via dotdot 'inside'")
        XCTAssertTrue(lines[4].hasPrefix("symlink file OSError"), lines[4])
        XCTAssertTrue(lines[5].hasPrefix("symlink dir OSError"), lines[5])
        XCTAssertTrue(lines[6].hasPrefix("symlink dir file OSError"), lines[6])
        XCTAssertTrue(lines[7].hasPrefix("write via symlink OSError"), lines[7])
        XCTAssertEqual(lines[8], "chdir up None")
        XCTAssertEqual(lines[9], "/")
        XCTAssertEqual(lines[10], "relative dotdot after chdir 'inside'")
        XCTAssertFalse(FileManager.default.fileExists(atPath: outside.appendingPathComponent("new.txt").path))
    }

    func testPathNormalisation() {
        let rt = PythonSession().runtime
        XCTAssertEqual(rt.normalizePath("a/b/../c", relativeTo: "/x"), "/x/a/c")
        XCTAssertEqual(rt.normalizePath("../../..", relativeTo: "/x"), "/")
        XCTAssertEqual(rt.normalizePath("/a/./b//c/", relativeTo: "/x"), "/a/b/c")
        XCTAssertEqual(rt.normalizePath("", relativeTo: "/x/y"), "/x/y")
        XCTAssertEqual(rt.normalizePath("/..", relativeTo: "/"), "/")
    }

    // MARK: imports through the drive

    /// `__file__` joins the sys.path entry as written, as MicroPython does
    /// (`micropython -c "import m"` prints m.py from '').
    func testImportsThroughTheFileSystem() throws {
        let (s, root) = session()
        let fm = FileManager.default
        try "X = 'top'\n".write(to: root.appendingPathComponent("topmod.py"), atomically: true, encoding: .utf8)
        try fm.createDirectory(at: root.appendingPathComponent("lib/pkg"), withIntermediateDirectories: true)
        try "Y = 'lib'\n".write(to: root.appendingPathComponent("lib/libmod.py"), atomically: true, encoding: .utf8)
        try "from . import sub\nZ = sub.W\n".write(to: root.appendingPathComponent("lib/pkg/__init__.py"), atomically: true, encoding: .utf8)
        try "W = 'sub'\n".write(to: root.appendingPathComponent("lib/pkg/sub.py"), atomically: true, encoding: .utf8)
        try fm.createDirectory(at: root.appendingPathComponent("app"), withIntermediateDirectories: true)
        try "V = 'app'\n".write(to: root.appendingPathComponent("app/appmod.py"), atomically: true, encoding: .utf8)
        s.runtime.frozenModules["frozenmod"] = "F = 'frozen'\n"
        check(s, """
        import sys, os
        print(sys.path)
        import topmod, libmod, pkg, frozenmod
        print(topmod.X, topmod.__file__, libmod.Y, libmod.__file__, pkg.Z, pkg.__file__, frozenmod.F)
        try:
            import appmod
        except ImportError:
            print('not yet')
        os.chdir('app')
        import appmod
        print(appmod.V, appmod.__file__)
        """, """
        ['', '.frozen', '/lib']
        top topmod.py lib /lib/libmod.py sub /lib/pkg/__init__.py frozen
        not yet
        app appmod.py

        """)
    }

    // MARK: gc

    func testGC() {
        let (s, _) = session { $0.heapLimit = 8 << 20 }
        check(s, """
        import gc
        print(gc.isenabled(), gc.threshold())
        gc.disable(); print(gc.isenabled()); gc.enable(); print(gc.isenabled())
        gc.threshold(4096); print(gc.threshold()); gc.threshold(-1); print(gc.threshold())
        free, alloc = gc.mem_free(), gc.mem_alloc()
        print(free > 0, alloc > 0, free + alloc == 8 * 1024 * 1024)
        junk = [[i] for i in range(2000)]
        more = gc.mem_alloc()
        print(more > alloc)
        junk = None
        n = gc.collect()
        print(type(n), gc.mem_alloc() < more)
        """, """
        True -1
        False
        True
        4096
        -1
        True True True
        True
        <class 'int'> True

        """)
    }

    /// What a loop made and dropped is freed by the next gc.collect(), at module
    /// level and in a function, as on the board (a data logger rewriting a 4 KB
    /// buffer ran out of heap after 40 rounds when it was not).
    func testGCCollectFreesWhatTheCallingLoopDropped() {
        let (s, _) = session { $0.heapLimit = 192 * 1024 }
        check(s, """
        import gc
        def grows(make):
            gc.collect()
            before = gc.mem_alloc()
            for i in range(100):
                x = make()
                del x
                gc.collect()
            return gc.mem_alloc() - before < 1024
        print(grows(lambda: bytes(4096)), grows(lambda: [0] * 1000), grows(lambda: 'x' * 4096))
        gc.collect()
        before = gc.mem_alloc()
        for i in range(100):
            x = bytearray(4096)
            del x
            gc.collect()
        print(gc.mem_alloc() - before < 1024)
        """, """
        True True True
        True

        """)
    }

    // MARK: micropython

    func testMicroPythonModule() {
        let (s, _) = session()
        let r = s.run("""
        import micropython
        from micropython import const
        X = const(42)
        print(X, micropython.opt_level())
        micropython.opt_level(2); print(micropython.opt_level())
        micropython.mem_info()
        micropython.qstr_info()
        print(micropython.stack_use() > 0)
        micropython.heap_lock(); micropython.heap_lock()
        print(micropython.heap_locked(), micropython.heap_unlock(), micropython.heap_unlock(), micropython.heap_locked())
        micropython.kbd_intr(-1)
        micropython.alloc_emergency_exception_buf(100)
        @micropython.native
        def f(): return 1
        try:
            exec('@micropython.asm_thumb\\ndef g(): return 2')
        except SyntaxError as e:
            print(f(), e.args[0], hasattr(micropython, 'native'))
        """)
        XCTAssertNil(r.exception, r.stderr)
        let lines = r.stdout.split(separator: "\n").map(String.init)
        guard lines.count >= 4 else { return XCTFail("expected at least 4 lines:\n\(r.stdout)") }
        XCTAssertEqual(lines[0], "42 0")
        XCTAssertEqual(lines[1], "2")
        XCTAssertTrue(lines[2].range(of: #"^stack: \d+ out of \d+$"#, options: .regularExpression) != nil, lines[2])
        XCTAssertTrue(lines[3].range(of: #"^GC: total: 268435456, used: \d+, free: \d+$"#, options: .regularExpression) != nil, lines[3])
        XCTAssertTrue(lines.contains { $0.hasPrefix("qstr pool: n_pool=1, n_qstr=") }, r.stdout)
        XCTAssertTrue(lines.contains("True"))
        XCTAssertTrue(lines.contains("2 1 0 0"), r.stdout)
        XCTAssertEqual(lines.last, "1 invalid micropython decorator False")
        XCTAssertEqual(s.runtime.keyboardInterruptCharacter, -1)
        XCTAssertFalse(s.runtime.heapLocked)
    }

    func testScheduleQueuesCallbacks() {
        let (s, _) = session()
        check(s, """
        import micropython
        got = []
        micropython.schedule(got.append, 1)
        micropython.schedule(lambda a: got.append(a * 10), 2)
        """, "")
        XCTAssertTrue(s.runtime.hasScheduledCallbacks)
        let rt = s.runtime
        let done = runOnLargeStack(timeout: 10) { () -> Bool in
            do throws(PyError) { try rt.runScheduledCallbacks(); return true } catch { return false }
        }
        XCTAssertEqual(done.result, true)
        XCTAssertFalse(rt.hasScheduledCallbacks)
        check(s, "print(got)", "[1, 20]\n")
    }

    // MARK: select

    func testSelectPoll() {
        let (s, _) = session(stdin: [])
        check(s, """
        import select, io, sys
        print(select.POLLIN, select.POLLOUT, select.POLLERR, select.POLLHUP)
        p = select.poll()
        buf = io.StringIO('x')
        p.register(buf, select.POLLIN)
        p.register(sys.stdout, select.POLLOUT)
        p.register(sys.stdin, select.POLLIN)
        print([(o is buf, o is sys.stdout, ev) for o, ev in p.poll(0)])
        p.modify(buf, select.POLLIN | select.POLLOUT)
        print([ev for o, ev in p.ipoll(0)])
        p.unregister(buf); p.unregister(sys.stdout)
        print(p.poll(0), p.poll(5))
        try:
            p.modify(buf, 1)
        except OSError as e:
            print(e.errno)
        class Dev:
            def ioctl(self, req, arg):
                return select.POLLIN if req == 3 else 0
        q = select.poll(); d = Dev(); q.register(d)
        print(q.poll(0)[0][0] is d, q.poll(0)[0][1])
        """, """
        1 4 8 16
        [(True, False, 1), (False, True, 4)]
        [5, 4]
        [] []
        2
        True 1

        """)
        s.host.inputReady = true
        check(s, "print([ev for o, ev in p.poll(0)])", "[1]\n")
    }

    // MARK: sys

    func testSysCompletion() {
        let (s, _) = session(stdin: ["first line", "second", "third"]) { $0.machine = "Test board with Breadbox" }
        check(s, """
        import sys
        print(sys.implementation.name, sys.implementation.version, sys.implementation._machine)
        print(sys.implementation)
        print(sys.platform, sys.byteorder, sys.maxsize > 2**31, sys.version_info[:2], sys.getrecursionlimit())
        print(sys.stdout.write('direct\\n'))
        print(sys.stdout.buffer.write(b'raw\\n'))
        sys.stderr.write('err\\n')
        print(repr(sys.stdin.readline()), repr(sys.stdin.read(3)), repr(sys.stdin.readline()))
        print(repr(sys.stdin.read()))
        print('modules' in dir(sys), 'sys' in sys.modules, type(sys.argv))
        try:
            raise ValueError('shown')
        except ValueError as e:
            sys.print_exception(e)
        """, """
        micropython (1, 24, 0, '') Test board with Breadbox
        (name='micropython', version=(1, 24, 0, ''), _machine='Test board with Breadbox', _mpy=2822)
        linux little True (3, 4) 1000
        direct
        7
        raw
        4
        'first line\\n' 'sec' 'ond\\n'
        'third\\n'
        True True <class 'list'>
        Traceback (most recent call last):
          File "<test>", line 12, in <module>
        ValueError: shown

        """)
        XCTAssertEqual(s.host.stderr, "err\n")
    }
}
